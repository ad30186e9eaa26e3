"""Child processes: the simulator and `hass` in their own process groups, stopped group-wide."""

from __future__ import annotations

import contextlib
import ctypes
import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from librus_demo.common import HOST, REPO, VENV_BIN, DemoError, log, request


def _die_with_parent() -> None:
    """preexec_fn: the child gets SIGTERM when this process dies, even by SIGKILL."""
    libc = ctypes.CDLL(None, use_errno=True)
    pr_set_pdeathsig = 1
    libc.prctl(pr_set_pdeathsig, signal.SIGTERM)


def _spawn(
    args: list[str], *, env: dict[str, str], stdout: Any, cwd: Path, text: bool = False
) -> subprocess.Popen[Any]:
    return subprocess.Popen(
        args,
        text=text,
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=stdout,
        stderr=subprocess.STDOUT,
        process_group=0,  # its own group: Ctrl-C reaches only us; we stop it in order
        preexec_fn=_die_with_parent,  # only a prctl: safe despite threads
    )


def stop_process(proc: subprocess.Popen[Any] | None, name: str, timeout: float = 30.0) -> None:
    """SIGTERM the process group, wait, then SIGKILL what is left of it."""
    if proc is None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        log(f"{name} did not stop within {timeout:.0f} s; killing it")
    # Kill stragglers in the group (also after a clean exit of the leader).
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def port_in_use(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex((HOST, port)) == 0


@dataclass
class Simulator:
    proc: subprocess.Popen[str]
    url: str
    env: dict[str, str]  # LIBRUS_OAUTH_URL, LIBRUS_SYNERGIA_URL, LIBRUS_MESSAGES_URL
    log_path: Path


def start_simulator(log_path: Path, port: int = 0, timeout: float = 30.0) -> Simulator:
    """Start `python -m librus_simulator` and read the `export` lines it prints first.

    It prints one line per URL the client reads, then a `#` line naming the demo accounts.
    """
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(REPO / "simulator"), env.get("PYTHONPATH")])
    )
    env["PYTHONUNBUFFERED"] = "1"
    proc: subprocess.Popen[str] = _spawn(
        [sys.executable, "-m", "librus_simulator", "--host", HOST, "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        cwd=REPO,
        text=True,
    )
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:  # hand the first lines over, keep the rest in the log file
        assert proc.stdout is not None
        with log_path.open("a", encoding="utf-8") as out:
            for line in proc.stdout:
                lines.put(line)
                out.write(line)
                out.flush()
        lines.put(None)

    threading.Thread(target=pump, daemon=True, name="simulator-output").start()
    exports: dict[str, str] = {}
    deadline = time.monotonic() + timeout
    while True:
        try:
            line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            line = None
        if line is None:
            stop_process(proc, "simulator")
            raise DemoError(f"the simulator did not start; see {log_path}")
        if line.startswith("export ") and "=" in line:
            key, _, value = line.removeprefix("export ").strip().partition("=")
            exports[key] = value
        elif exports and line.startswith("#"):  # the exports are over
            break
    url = exports.get("LIBRUS_OAUTH_URL", "")
    return Simulator(proc=proc, url=url, env=exports, log_path=log_path)


def start_hass(config_dir: Path, port: int, extra_env: dict[str, str]) -> subprocess.Popen[bytes]:
    """Start `hass` on HOST:port with the config dir; console output goes to hass.out."""
    env = dict(os.environ)
    env.update(extra_env)
    out = (config_dir / "hass.out").open("w", encoding="utf-8")
    try:
        return _spawn(
            [str(VENV_BIN / "hass"), "--config", str(config_dir), "--skip-pip"],
            env=env,
            stdout=out,
            cwd=config_dir,
        )
    finally:
        out.close()  # the child holds its own copy


def wait_for_hass(
    base_url: str, proc: subprocess.Popen[Any], log_file: Path, timeout: float
) -> None:
    """Until Home Assistant answers HTTP (fails fast when hass exits)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise DemoError(f"hass exited with {proc.returncode} while starting; see {log_file}")
        with contextlib.suppress(OSError):
            # Ready for `onboard`: the onboarding views answer (until onboarding is done;
            # then they vanish and the login providers answer instead).
            if request("GET", f"{base_url}/api/onboarding", timeout=5).status == 200:
                return
            if request("GET", f"{base_url}/auth/providers", timeout=5).status == 200:
                return
        time.sleep(0.5)
    raise DemoError(f"Home Assistant did not answer within {timeout:.0f} s; see {log_file}")
