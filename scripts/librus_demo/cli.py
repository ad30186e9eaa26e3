"""The command line: `demo` (make demo), `serve` (test harnesses), `dashboard`."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import signal
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from librus_demo.common import (
    DEMO_CONFIG_DIR,
    DEMO_HA_PORT,
    DEMO_LIBRUS_LATENCY,
    INTEGRATION_DIR,
    DemoError,
    log,
)
from librus_demo.dashboard import dashboard_url, ensure_librus_dashboard
from librus_demo.librus_entry import (
    add_librus_entry,
    demo_accounts,
    librus_entries,
    set_simulator_latency,
)
from librus_demo.onboarding import long_lived_token
from librus_demo.stack import Stack, frontend_info, start_stack

RESTART_EXIT_CODE = 100  # hass exits with this when the UI asks for a restart
READY_PREFIX = "LIBRUS_DEMO_READY "


@contextlib.contextmanager
def _stop_signals(on_signal: Callable[[int], None]) -> Iterator[None]:
    """SIGINT/SIGTERM call on_signal (which raises) instead of the defaults."""

    def handler(signum: int, _frame: object) -> None:
        on_signal(signum)

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


class _Stop(Exception):
    pass


_stop_requested = threading.Event()


def _raise_stop(signum: int) -> None:
    if _stop_requested.is_set():  # already stopping: let the cleanup finish
        return
    _stop_requested.set()
    raise _Stop(signal.Signals(signum).name)


def run_demo(args: argparse.Namespace) -> int:
    stack: Stack | None = None
    with _stop_signals(_raise_stop):
        try:
            config_dir = Path(args.config_dir).resolve()
            stack = start_stack(config_dir, ha_port=args.ha_port, sim_port=args.sim_port)
            assert stack.login is not None
            assert stack.simulator is not None
            accounts = demo_accounts()
            set_simulator_latency(stack.simulator.url, args.librus_latency)
            added = ""
            dashboard = ""
            if (INTEGRATION_DIR / "manifest.json").exists():
                entries = librus_entries(stack.ha_url, stack.login.access_token)
                if entries:
                    entry = entries[0]
                    log(f"the Librus integration is already added ({entry['title']})")
                else:
                    login, password, _ = accounts[0]
                    log(f"adding the Librus integration for {login}")
                    entry = add_librus_entry(
                        stack.ha_url, stack.login.access_token, login, password
                    )
                    log(f"added Librus entry {entry['title']!r}")
                added = accounts[0][0]
                if ensure_librus_dashboard(
                    stack.ha_url, stack.login.access_token, entry["entry_id"]
                ):
                    log("set up the Librus dashboard with the three cards")
                dashboard = dashboard_url(stack.ha_url)
            else:
                log(f"{INTEGRATION_DIR}/manifest.json is missing; not adding the Librus entry")
            versions = frontend_info()
            print()
            print(
                f"Home Assistant: {stack.ha_url}  user: {stack.login.username}  "
                f"password: {stack.login.password}"
            )
            for login, password, description in accounts:
                note = "; already added" if login == added else ""
                print(f"Librus demo account: {login}  password: {password}  ({description}{note})")
            if dashboard:
                print(f"Librus dashboard: {dashboard}  (the Today, Timetable and Grades cards)")
            print(
                f"Librus simulator: {stack.simulator.url}  (admin API under /__simulator/; "
                f"every request takes {args.librus_latency:g} s)"
            )
            print(
                f"Home Assistant {versions['ha_version']}, frontend "
                f"{versions['frontend_version']}, Python {platform.python_version()}; "
                f"log: {config_dir}/home-assistant.log"
            )
            print("Press Ctrl-C to stop Home Assistant and the simulator.", flush=True)
            while True:
                time.sleep(0.5)
                if stack.simulator.proc.poll() is not None:
                    raise DemoError(f"the simulator exited; see {stack.simulator.log_path}")
                assert stack.hass is not None
                code = stack.hass.poll()
                if code == RESTART_EXIT_CODE:
                    log("Home Assistant asked for a restart; restarting it")
                    stack.restart_hass(boot_timeout=180)
                elif code is not None:
                    raise DemoError(
                        f"Home Assistant exited with {code}; see {config_dir}/home-assistant.log"
                    )
        except _Stop:
            log("stopping Home Assistant and the simulator")
        finally:
            if stack is not None:
                # A second Ctrl-C must not abandon the children half-stopped.
                signal.signal(signal.SIGINT, signal.SIG_IGN)
                signal.signal(signal.SIGTERM, signal.SIG_IGN)
                stack.stop()
                log("stopped")
    return 0


def run_serve(args: argparse.Namespace) -> int:
    """For test harnesses: start, print one JSON line, run until signalled or stdin closes."""
    config_dir = Path(args.config_dir).resolve()
    stopping = threading.Event()

    def watch_stdin() -> None:  # the harness died or closed our stdin: shut down
        # os.read, not sys.stdin: a daemon thread blocked in a buffered read makes the
        # interpreter abort at exit ("could not acquire lock for <stdin>").
        with contextlib.suppress(OSError):
            while os.read(0, 4096):
                pass
        stopping.set()
        os.kill(os.getpid(), signal.SIGTERM)

    stack: Stack | None = None
    with _stop_signals(_raise_stop):
        try:
            if args.watch_stdin:
                threading.Thread(target=watch_stdin, daemon=True, name="stdin-watch").start()
            extra_env = dict(item.split("=", 1) for item in args.env)
            stack = start_stack(
                config_dir,
                ha_port=args.ha_port,
                sim_port=args.sim_port,
                fresh=args.fresh,
                extra_env=extra_env,
            )
            assert stack.login is not None
            assert stack.simulator is not None
            entry_id = None
            if not args.no_entry:
                login, password, _ = demo_accounts()[0]
                entry_id = add_librus_entry(
                    stack.ha_url, stack.login.access_token, login, password
                )["entry_id"]
                ensure_librus_dashboard(stack.ha_url, stack.login.access_token, entry_id)
            info = {
                "ha_url": stack.ha_url,
                "simulator_url": stack.simulator.url,
                "config_dir": str(config_dir),
                "username": stack.login.username,
                "password": stack.login.password,
                "access_token": stack.login.access_token,
                "refresh_token": stack.login.refresh_token,
                "token": long_lived_token(
                    stack.ha_url, stack.login.access_token, f"e2e {time.time():.0f}"
                ),
                "entry_id": entry_id,
                **frontend_info(),
                "hass_pid": stack.hass.pid if stack.hass else None,
                "simulator_pid": stack.simulator.proc.pid,
            }
            print(READY_PREFIX + json.dumps(info), flush=True)
            while not stopping.is_set():
                time.sleep(0.5)
                if stack.simulator.proc.poll() is not None:
                    raise DemoError("the simulator exited")
                if stack.hass is not None and stack.hass.poll() is not None:
                    raise DemoError(f"hass exited with {stack.hass.returncode}")
        except _Stop:
            pass
        finally:
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            if stack is not None:
                stack.stop()
            if args.keep_logs:
                keep = Path(args.keep_logs)
                keep.mkdir(parents=True, exist_ok=True)
                for name in ("home-assistant.log", "simulator.log"):
                    if (config_dir / name).exists():
                        shutil.copyfile(config_dir / name, keep / name)
            if args.temporary:
                shutil.rmtree(config_dir, ignore_errors=True)
    return 0


def run_dashboard(args: argparse.Namespace) -> int:
    """Against a running Home Assistant: the Librus entry (optionally added) + its dashboard."""
    base_url = args.ha_url.rstrip("/")
    entries = [e for e in librus_entries(base_url, args.token) if e.get("state") == "loaded"]
    if not entries and args.add_entry:
        login, password, _ = demo_accounts()[0]
        log(f"adding the Librus integration for {login}")
        add_librus_entry(base_url, args.token, login, password)
        deadline = time.monotonic() + 60
        while not entries and time.monotonic() < deadline:
            entries = [
                e for e in librus_entries(base_url, args.token) if e.get("state") == "loaded"
            ]
            if not entries:
                time.sleep(0.2)
    if not entries:
        raise DemoError("there is no loaded Librus entry (add one, or pass --add-entry)")
    entry_id = entries[0]["entry_id"]
    if ensure_librus_dashboard(base_url, args.token, entry_id):
        log("set up the Librus dashboard with the three cards")
    print(json.dumps({"entry_id": entry_id, "dashboard_url": dashboard_url(base_url)}), flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="librus_demo", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    demo = sub.add_parser("demo", help="the `make demo` run (config in demo/config)")
    demo.add_argument("--ha-port", type=int, default=DEMO_HA_PORT)
    demo.add_argument("--config-dir", default=str(DEMO_CONFIG_DIR), help="default: %(default)s")
    demo.add_argument("--sim-port", type=int, default=0, help="0: any free port")
    demo.add_argument(
        "--librus-latency",
        type=float,
        default=DEMO_LIBRUS_LATENCY,
        help="seconds every simulated Librus request takes (default: %(default)s, like Librus)",
    )
    serve = sub.add_parser("serve", help="for test harnesses: one JSON line, then run")
    serve.add_argument("--config-dir", required=True)
    serve.add_argument("--ha-port", type=int, default=0, help="0: any free port")
    serve.add_argument("--sim-port", type=int, default=0, help="0: any free port")
    serve.add_argument("--fresh", action="store_true", help="delete the config dir first")
    serve.add_argument("--no-entry", action="store_true", help="do not add the Librus entry")
    serve.add_argument("--watch-stdin", action="store_true", help="stop when stdin closes")
    serve.add_argument(
        "--temporary", action="store_true", help="delete the config dir when stopping"
    )
    serve.add_argument("--keep-logs", metavar="DIR", help="copy the logs here when stopping")
    serve.add_argument(
        "--env", action="append", default=[], metavar="KEY=VALUE", help="extra env for hass"
    )
    dashboard = sub.add_parser(
        "dashboard", help="the Librus dashboard (and entry) in a running Home Assistant"
    )
    dashboard.add_argument("--ha-url", required=True)
    dashboard.add_argument("--token", required=True, help="an admin's access token")
    dashboard.add_argument(
        "--add-entry", action="store_true", help="add the demo parent's entry when none is loaded"
    )
    args = parser.parse_args(argv)
    runners = {"demo": run_demo, "serve": run_serve, "dashboard": run_dashboard}
    try:
        return runners[args.command](args)
    except DemoError as err:
        log(f"error: {err}")
        return 1
