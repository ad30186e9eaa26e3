"""How long credential validation takes against the simulator, with and without latency.

Runs what the config flow runs (the five login steps as Librus serves them since 2026-03-28,
in a fresh jar, then Me for the title) several times per setting and prints medians and
ratios from this one run:

    .venv/bin/python bench/bench_validation.py [--latency 0.1] [--rounds 5]

The point of comparison is the SC-001 budget (30 s) and the floor set by latency alone: every
request of the login depends on the one before (cookies, state, goTo, Location), so the floor
is the number of sequential round trips x latency, and the ratio says how much the client
itself adds.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

sys.path[:0] = [
    str(Path(__file__).resolve().parents[1]),
    str(Path(__file__).resolve().parents[1] / "simulator"),
]

from custom_components.librus.api import Credentials, LibrusClient, LibrusUrls  # noqa: E402
from librus_simulator import DEMO_ACCOUNTS, LibrusSimulator  # noqa: E402

BUDGET_SECONDS = 30.0


async def validate_once(sim: LibrusSimulator) -> tuple[float, int]:
    account = DEMO_ACCOUNTS[0]
    client = LibrusClient(
        Credentials(account.login, account.password),
        urls=LibrusUrls(oauth_url=sim.url, synergia_url=sim.url),
    )
    started = time.perf_counter()
    try:
        await client.login()
        await client.get_me(relogin=False)
    finally:
        await client.close()
    return time.perf_counter() - started, client.request_count


async def measure(sim: LibrusSimulator, latency: float, rounds: int) -> tuple[float, int]:
    sim.set_latency(latency)
    samples = [await validate_once(sim) for _ in range(rounds)]
    return statistics.median(s for s, _ in samples), samples[0][1]


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency", type=float, default=0.1, help="seconds added per request")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    async with LibrusSimulator() as sim:  # started on 127.0.0.1, a free port
        base, requests = await measure(sim, 0.0, args.rounds)
        slow, _ = await measure(sim, args.latency, args.rounds)
    floor = requests * args.latency
    print(
        f"requests per validation: {requests} (sequential: Step 1 entry + authorization page,"
        " Step 2 POST, Step 3 2FA/PerformLogin/Grant/callback, Steps 4 and 5, then Me)"
    )
    print(f"median validation, no latency:        {base * 1000:8.1f} ms")
    print(f"median validation, {args.latency * 1000:.0f} ms per request: {slow * 1000:8.1f} ms")
    print(f"latency floor (round trips x latency): {floor * 1000:7.1f} ms")
    print(
        f"ratio to the floor: {slow / floor:.2f};"
        f" share of the 30 s budget: {slow / BUDGET_SECONDS:.1%}"
    )


if __name__ == "__main__":
    asyncio.run(main())
