"""`python -m librus_simulator` as a shell would run it."""

from __future__ import annotations

import json
import os
import re
import selectors
import signal
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

SIMULATOR_DIR = Path(__file__).resolve().parents[2] / "simulator"
WAIT = 30


class _Lines:
    """Lines of a child's stdout, each awaited at most WAIT seconds (no blocking forever)."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        assert process.stdout is not None
        self._process = process
        self._fd = process.stdout.fileno()
        self._buffer = b""

    def next(self) -> str:
        with selectors.DefaultSelector() as selector:
            selector.register(self._fd, selectors.EVENT_READ)
            while b"\n" not in self._buffer:
                if not selector.select(timeout=WAIT):
                    pytest.fail("the simulator printed nothing")
                chunk = os.read(self._fd, 4096)
                if not chunk:
                    assert self._process.stderr is not None
                    pytest.fail(f"the simulator exited early: {self._process.stderr.read()!r}")
                self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        return line.decode()


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_cli_prints_the_environment_serves_and_stops_cleanly(
    socket_enabled: None, signum: signal.Signals
) -> None:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SIMULATOR_DIR), os.environ.get("PYTHONPATH", "")]),
        "PYTHONUNBUFFERED": "1",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "librus_simulator", "--port", "0", "--host", "127.0.0.1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    lines = _Lines(process)
    try:
        oauth = re.fullmatch(r"export LIBRUS_OAUTH_URL=(http://127\.0\.0\.1:(\d+))", lines.next())
        assert oauth is not None
        url = oauth.group(1)
        assert int(oauth.group(2)) > 0
        assert lines.next() == f"export LIBRUS_SYNERGIA_URL={url}"
        assert lines.next() == f"export LIBRUS_MESSAGES_URL={url}/wiadomosci-host"
        accounts = lines.next()
        assert accounts.startswith("#")
        assert "8000001 / librus-demo" in accounts
        assert "8000002u / librus-demo" in accounts

        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(f"{url}/__simulator/health", timeout=WAIT) as response:
            assert json.load(response)["status"] == "ok"
        with opener.open(
            f"{url}/OAuth/Authorization?client_id=46&response_type=code&scope=mydata",
            timeout=WAIT,
        ) as response:
            assert response.status == 200

        process.send_signal(signum)
        assert process.wait(timeout=WAIT) == 0
        assert process.stderr is not None
        assert b"Traceback" not in process.stderr.read()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()


def test_cli_help_names_the_options() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "librus_simulator", "--help"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SIMULATOR_DIR)},
        timeout=WAIT,
        check=True,
    )
    assert "--port" in result.stdout
    assert "--host" in result.stdout


def test_cli_exits_1_when_the_port_is_taken(socket_enabled: None) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "librus_simulator", "--port", str(port)],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(SIMULATOR_DIR)},
            timeout=WAIT,
            check=False,
        )
    assert result.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
