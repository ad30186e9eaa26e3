"""What a dead Librus session costs, and what a school day of polls costs, on the wire.

Counts requests and password logins from the simulator's request log (one run, no timing):

    .venv/bin/python bench/bench_session.py

- a session cookie that expired (Synergia still knows the session): refreshed without the
  password;
- a session that ended: the refresh is refused, then one password login;
- a password login that Librus accepts without opening a session: the next attempts within
  the pause cost nothing;
- the cookie's own ``Max-Age=600`` over three hours of 30-minute reads: nothing extra.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from unittest.mock import patch

sys.path[:0] = [
    str(Path(__file__).resolve().parents[1]),
    str(Path(__file__).resolve().parents[1] / "simulator"),
]

from custom_components.librus.api import (  # noqa: E402
    Credentials,
    LibrusClient,
    LibrusError,
    LibrusUrls,
)
from librus_simulator import DEMO_ACCOUNTS, Fault, LibrusSimulator  # noqa: E402

ACCOUNT = DEMO_ACCOUNTS[0]


async def read(client: LibrusClient) -> str:
    try:
        await client.get_json("LuckyNumbers")
    except LibrusError as err:
        return type(err).__name__
    return "ok"


async def scenario(
    sim: LibrusSimulator,
    name: str,
    breakage: Callable[[], object],
    reads: int = 1,
    between: Callable[[LibrusClient], Awaitable[None]] | None = None,
) -> None:
    client = LibrusClient(
        Credentials(ACCOUNT.login, ACCOUNT.password), urls=LibrusUrls(sim.url, sim.url)
    )
    try:
        await client.login()
        breakage()
        sim.clear_requests()
        outcomes = []
        for _ in range(reads):
            outcomes.append(await read(client))
            if between is not None:
                await between(client)
        steps = sim.steps()
        print(
            f"{name:<52} {len(steps):>8} {steps.count('oauth_login'):>9}"
            f" {steps.count('refresh_token'):>8}   {', '.join(outcomes)}"
        )
    finally:
        sim.clear_faults()
        await client.close()


async def main() -> None:
    print(f"{'scenario':<52} {'requests':>8} {'passwords':>9} {'refresh':>8}   reads")
    async with LibrusSimulator() as sim:
        await scenario(sim, "live session, one read", lambda: None)
        await scenario(sim, "cookie expired, session alive (refresh)", sim.expire_tokens)
        await scenario(sim, "session ended (refresh refused, password login)", sim.expire_sessions)

        def no_session() -> None:
            sim.expire_sessions()
            sim.inject("grant_redirect", Fault("no_session"))

        async def next_poll(client: LibrusClient) -> None:
            client.start_poll()

        await scenario(
            sim,
            "accepted password, no session; 3 polls in 10 min",
            no_session,
            reads=3,
            between=next_poll,
        )

        # Three hours of 30-minute polls, the clock moved past the cookie's Max-Age each time.
        offset = 0.0
        real_time = time.time

        def later() -> float:
            return real_time() + offset

        async def half_an_hour(client: LibrusClient) -> None:
            nonlocal offset
            offset += 1800
            client.start_poll()

        with patch("time.time", later):
            await scenario(
                sim, "6 polls, 30 min apart (Max-Age=600)", lambda: None, 6, half_an_hour
            )


if __name__ == "__main__":
    asyncio.run(main())
