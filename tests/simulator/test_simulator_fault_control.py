"""Controlling faults: times, order, the wildcard step, clearing, latency and validation
(the kinds themselves, on every step: test_simulator_faults.py)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import aiohttp
import pytest
from simulator_helpers import (
    INIT_URL,
    ME_URL,
    PARENT,
    TOKEN_INFO_URL,
    Control,
    full_login,
    get,
    get_json,
    new_client,
    oauth_init,
    portal_entry,
)
from test_simulator_faults import STEP_IDS

from librus_simulator import (
    ANY_STEP,
    REFERENCE_STEPS,
    Fault,
    LibrusSimulator,
)
from librus_simulator.constants import LOGIN_HOPS

WAIT = 10  # seconds; a bound for "this must happen", never a pause


# times, queues, wildcard, clearing


async def test_times_limits_a_fault_to_the_next_n_requests(
    client: aiohttp.ClientSession, sim: LibrusSimulator, control: Control
) -> None:
    await full_login(client)
    await control.inject("me", "status", status=500, times=2)
    assert [remaining for _, _, remaining in sim.faults] == [2]

    statuses = [(await get_json(client, ME_URL))[0] for _ in range(3)]

    assert statuses == [500, 500, 200]
    assert sim.faults == []


async def test_faults_of_one_step_apply_in_injection_order(
    client: aiohttp.ClientSession, sim: LibrusSimulator, control: Control
) -> None:
    await full_login(client)
    await control.inject("me", "status", status=500, times=1)
    await control.inject("me", "maintenance", times=2)
    await control.inject("token_info", "status", status=429, times=1)

    statuses = [(await get_json(client, ME_URL))[0] for _ in range(4)]

    assert statuses == [500, 503, 503, 200]
    assert (await get_json(client, TOKEN_INFO_URL))[0] == 429


async def test_a_fault_without_times_lasts_until_cleared(
    client: aiohttp.ClientSession, sim: LibrusSimulator, control: Control
) -> None:
    await full_login(client)
    await control.inject("me", "maintenance")
    await control.inject("me", "status", status=500)  # queued behind a permanent fault

    assert [(await get_json(client, ME_URL))[0] for _ in range(3)] == [503, 503, 503]
    await control.clear()
    assert (await get_json(client, ME_URL))[0] == 200


async def test_any_step_faults_everything_but_a_step_fault_wins(
    client: aiohttp.ClientSession, sim: LibrusSimulator, control: Control
) -> None:
    await full_login(client)
    await control.inject(ANY_STEP, "maintenance")
    await control.inject("me", "status", status=418)

    assert (await get_json(client, ME_URL))[0] == 418
    assert (await get_json(client, TOKEN_INFO_URL))[0] == 503
    assert (await portal_entry(client)).status == 503
    assert (await get(client, INIT_URL)).status == 503
    async with client.get("/no/such/page") as response:
        assert response.status == 503
    async with (
        aiohttp.ClientSession(base_url=sim.url) as admin,
        admin.get("/__simulator/health") as response,
    ):
        assert response.status == 200  # the admin API is never faulted


async def test_latency_delays_every_request_but_not_the_admin_api(
    client: aiohttp.ClientSession, sim: LibrusSimulator, control: Control
) -> None:
    loop = asyncio.get_running_loop()
    await control.set_latency(0.2)
    assert sim.latency == 0.2

    started = loop.time()
    await oauth_init(client)
    assert loop.time() - started >= 0.19

    await control.set_latency(300)
    async with (
        asyncio.timeout(WAIT),
        aiohttp.ClientSession(base_url=sim.url) as admin,
        admin.get("/__simulator/health") as response,
    ):
        assert (await response.json())["latency"] == 300
    await control.set_latency(0)
    async with asyncio.timeout(WAIT):
        await full_login(client)


async def test_latency_and_delay_add_up(
    client: aiohttp.ClientSession, sim: LibrusSimulator
) -> None:
    loop = asyncio.get_running_loop()
    sim.set_latency(0.1)
    sim.inject("oauth_init", Fault("delay", seconds=0.1))

    started = loop.time()
    await oauth_init(client)

    assert loop.time() - started >= 0.19


# validation


@pytest.mark.parametrize(
    "options",
    [
        {"kind": "explode"},
        {"kind": "delay", "seconds": -1},
        {"kind": "delay", "seconds": float("nan")},
        {"kind": "status", "status": 200},
        {"kind": "status", "status": 600},
        {"kind": "status", "times": 0},
    ],
)
def test_fault_validation(options: dict[str, Any]) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - each case has its own message
        Fault(**options)


def test_inject_refuses_an_unknown_step(sim: LibrusSimulator) -> None:
    with pytest.raises(ValueError, match="unknown step"):
        sim.inject("no_such_step", Fault("maintenance"))
    assert "me" in sim.known_steps
    assert set(STEP_IDS) <= sim.known_steps
    assert {*LOGIN_HOPS, *REFERENCE_STEPS, "landing", "refresh_token"} <= sim.known_steps


def test_set_latency_refuses_negative(sim: LibrusSimulator) -> None:
    with pytest.raises(ValueError, match="latency"):
        sim.set_latency(-0.1)


@pytest.mark.parametrize(
    "payload",
    [
        "not json",
        "[1, 2]",
        json.dumps({"kind": "maintenance"}),
        json.dumps({"step": "me", "kind": "explode"}),
        json.dumps({"step": "me", "kind": "delay", "seconds": "1"}),
        json.dumps({"step": "me", "kind": "delay", "seconds": True}),
        json.dumps({"step": "me", "kind": "status", "status": 502.5}),
        json.dumps({"step": "me", "kind": "status", "times": 0}),
        json.dumps({"step": "nope", "kind": "maintenance"}),
    ],
)
async def test_admin_rejects_bad_fault_requests(sim: LibrusSimulator, payload: str) -> None:
    async with (
        aiohttp.ClientSession(base_url=sim.url) as admin,
        admin.post("/__simulator/faults", data=payload) as response,
    ):
        assert response.status == 400
        assert (await response.json())["error"]
    assert sim.faults == []


async def test_admin_lists_and_clears_faults(sim: LibrusSimulator) -> None:
    async with aiohttp.ClientSession(base_url=sim.url) as admin:
        fault = {"step": "me", "kind": "delay", "seconds": 1.5, "times": 3}
        async with admin.post("/__simulator/faults", json=fault) as response:
            assert response.status == 201
        async with admin.get("/__simulator/faults") as response:
            listed = (await response.json())["faults"]
        assert listed == [{**fault, "status": 500, "remaining": 3}]
        assert sim.faults == [("me", Fault("delay", seconds=1.5, times=3), 3)]
        async with admin.delete("/__simulator/faults"):
            pass
        assert sim.faults == []
        async with admin.post("/__simulator/latency", json={"seconds": -1}) as response:
            assert response.status == 400


async def test_expire_sessions_over_http(
    client: aiohttp.ClientSession, sim: LibrusSimulator
) -> None:
    async with new_client(sim.url) as student:
        await full_login(client)
        await full_login(student, sim.accounts[1])
        async with aiohttp.ClientSession(base_url=sim.url) as admin:
            async with admin.post(
                "/__simulator/expire-sessions", json={"login": PARENT.login}
            ) as response:
                assert await response.json() == {"expired": 1}
            assert (await get_json(client, ME_URL))[0] == 401
            assert (await get_json(student, ME_URL))[0] == 200
            async with admin.post("/__simulator/expire-sessions") as response:
                assert await response.json() == {"expired": 1}
            assert (await get_json(student, ME_URL))[0] == 401
            async with admin.post("/__simulator/expire-sessions", json={"login": 5}) as response:
                assert response.status == 400
