"""`python -m librus_simulator --port N [--host 127.0.0.1]`.

Prints `export` lines a shell can eval (LIBRUS_OAUTH_URL, LIBRUS_SYNERGIA_URL,
LIBRUS_MESSAGES_URL), a comment naming the demo accounts, then serves
until SIGINT or SIGTERM and exits 0.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import signal
import sys
from collections.abc import Sequence

from .accounts import DEMO_ACCOUNTS, Account
from .server import LibrusSimulator


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m librus_simulator", description="Local Librus Synergia simulator."
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=0, help="port (0: any free port)")
    return parser.parse_args(argv)


def _describe(account: Account) -> str:
    who = f"{account.account_type} {account.account_first_name} {account.account_last_name}"
    if account.is_parent:
        who += f" of {account.student_first_name} {account.student_last_name}"
    return f"{account.login} / {account.password} ({who})"


def _accounts_line() -> str:
    # A shell comment, so eval-ing the whole output stays harmless.
    described = ", ".join(_describe(account) for account in DEMO_ACCOUNTS)
    return f"# demo accounts (login / password): {described}"


async def serve(host: str, port: int) -> int:
    """Run a simulator until SIGINT/SIGTERM; return the exit code."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    signals = (signal.SIGINT, signal.SIGTERM)
    # Installed before anything is printed: whoever reads the URL may signal right away.
    for signum in signals:
        loop.add_signal_handler(signum, stop.set)
    sim = LibrusSimulator()
    try:
        try:
            await sim.start(host=host, port=port)
        except OSError as err:  # e.g. the port is taken: say so without a traceback
            print(f"librus_simulator: cannot listen on {host}:{port}: {err}", file=sys.stderr)
            return 1
        for name, value in sim.env.items():
            print(f"export {name}={value}", flush=True)
        print(_accounts_line(), flush=True)
        await stop.wait()
    finally:
        await sim.close()
        for signum in signals:
            loop.remove_signal_handler(signum)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse(argv)
    # Polish names must not crash a run whose stdout is not UTF-8.
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors="backslashreplace")
    return asyncio.run(serve(args.host, args.port))


if __name__ == "__main__":
    sys.exit(main())
