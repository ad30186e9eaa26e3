"""Starting and stopping, the aiohttp app, and the gateway extension point."""

from __future__ import annotations

import asyncio

import aiohttp
import pytest
from aiohttp.test_utils import TestServer
from simulator_helpers import ME_URL, PARENT, full_login, get_json, new_client

from librus_simulator import (
    SESSION_EXPIRED_BODY,
    Fault,
    GatewayReply,
    GatewayRequest,
    GatewayResource,
    GatewayRouter,
    LibrusSimulator,
    envelope,
    error_body,
)

WAIT = 10


async def test_start_url_env_and_close(socket_enabled: None) -> None:
    sim = LibrusSimulator()
    with pytest.raises(RuntimeError, match="not started"):
        _ = sim.url
    await sim.start(host="127.0.0.1", port=0)
    try:
        assert sim.url.startswith("http://127.0.0.1:")
        port = int(sim.url.rsplit(":", 1)[1])
        assert port > 0
        assert sim.env == {
            "LIBRUS_OAUTH_URL": sim.url,
            "LIBRUS_SYNERGIA_URL": sim.url,
            "LIBRUS_MESSAGES_URL": f"{sim.url}/wiadomosci-host",
        }
        with pytest.raises(RuntimeError, match="once"):
            await sim.start()
        async with new_client(sim.url) as client:
            await full_login(client)
    finally:
        await sim.close()
    await sim.close()  # idempotent
    async with new_client(sim.url) as client:
        with pytest.raises(aiohttp.ClientConnectionError):
            await get_json(client, ME_URL)


async def test_async_with_starts_and_closes(socket_enabled: None) -> None:
    async with LibrusSimulator() as sim, new_client(sim.url) as client:
        await full_login(client)
        assert (await get_json(client, ME_URL))[0] == 200
    async with new_client(sim.url) as client:
        with pytest.raises(aiohttp.ClientConnectionError):
            await get_json(client, ME_URL)


async def test_close_ends_hung_requests_promptly(
    client: aiohttp.ClientSession, sim: LibrusSimulator
) -> None:
    await full_login(client)
    sim.inject("me", Fault("hang"))
    sim.inject("token_info", Fault("hang"))
    pending = [
        asyncio.create_task(get_json(client, ME_URL)),
        asyncio.create_task(get_json(client, "/gateway/api/2.0/Auth/TokenInfo")),
    ]
    async with asyncio.timeout(WAIT):
        await sim.wait_for_hanging(2)

    # aiohttp would wait 60 s for handlers that never finish; close must not.
    async with asyncio.timeout(WAIT):
        await sim.close()

    results = await asyncio.gather(*pending, return_exceptions=True)
    assert all(isinstance(result, aiohttp.ClientConnectionError) for result in results)
    assert sim.hanging == 0
    assert all(entry.status is None for entry in sim.requests if entry.step in ("me", "token_info"))


async def test_close_ends_long_delays_and_latency_promptly(
    client: aiohttp.ClientSession, sim: LibrusSimulator
) -> None:
    await full_login(client)
    sim.inject("me", Fault("delay", seconds=300))
    delayed = asyncio.create_task(get_json(client, ME_URL))
    sim.set_latency(300)
    slowed = asyncio.create_task(get_json(client, "/gateway/api/2.0/Auth/TokenInfo"))
    async with asyncio.timeout(WAIT):
        await sim.wait_for_sleeping(2)
    assert sim.sleeping == 2

    async with asyncio.timeout(WAIT):
        await sim.close()

    for result in await asyncio.gather(delayed, slowed, return_exceptions=True):
        assert isinstance(result, aiohttp.ClientConnectionError)


async def test_release_without_hangs_and_hangs_after_release(
    client: aiohttp.ClientSession, sim: LibrusSimulator
) -> None:
    assert sim.release_hangs() == 0
    await full_login(client)
    sim.inject("me", Fault("hang"))
    for _ in range(2):  # each release lets the current hangs go; the fault still holds new ones
        pending = asyncio.create_task(get_json(client, ME_URL))
        async with asyncio.timeout(WAIT):
            await sim.wait_for_hanging(1)
        assert sim.release_hangs() == 1
        assert (await pending)[0] == 200


async def test_the_app_runs_under_another_server_too(socket_enabled: None) -> None:
    sim = LibrusSimulator()
    server = TestServer(sim.app, host="127.0.0.1")
    await server.start_server()
    try:
        async with new_client(str(server.make_url(""))) as client:
            await full_login(client)
            sim.inject("me", Fault("hang"))
            pending = asyncio.create_task(get_json(client, ME_URL))
            async with asyncio.timeout(WAIT):
                await sim.wait_for_hanging(1)
            # The app's shutdown hook ends the hang even though sim.close() is not called.
            async with asyncio.timeout(WAIT):
                await server.close()
            with pytest.raises(aiohttp.ClientConnectionError):
                await pending
    finally:
        await server.close()
        await sim.close()


# The gateway extension point


async def test_registered_resources_get_the_session_check_routing_and_faults(
    socket_enabled: None,
) -> None:
    seen: list[GatewayRequest] = []

    def widgets(request: GatewayRequest) -> GatewayReply:
        seen.append(request)
        return 200, envelope("Widgets", [{"Id": 1}], "Widgets")

    async def widget(request: GatewayRequest) -> GatewayReply:
        seen.append(request)
        if request.params["ids"] == "0":
            return 404, error_body("NotFound", "Resource not found", request.path)
        return 200, envelope("Widget", {"Id": int(request.params["ids"])}, request.path)

    sim = LibrusSimulator(resources=[GatewayResource("widgets", "Widgets", widgets)])
    sim.gateway.route("widgets", "Widgets/{ids}")(widget)

    async with sim, new_client(sim.url) as client:
        assert await get_json(client, "/gateway/api/2.0/Widgets") == (401, SESSION_EXPIRED_BODY)
        assert seen == []

        await full_login(client)
        status, body = await get_json(client, "/gateway/api/2.0/Widgets?page=2")
        assert status == 200
        assert body == {
            "Widgets": [{"Id": 1}],
            "Resources": {"..": {"Url": "https://api.librus.pl/2.0/Root"}},
            "Url": "https://api.librus.pl/2.0/Widgets",
        }
        assert seen[-1].account == PARENT
        assert seen[-1].path == "Widgets"
        assert seen[-1].query == {"page": "2"}
        assert seen[-1].params == {}

        assert (await get_json(client, "/gateway/api/2.0/Widgets/12/"))[1]["Widget"] == {"Id": 12}
        assert seen[-1].params == {"ids": "12"}
        assert (await get_json(client, "/gateway/api/2.0/Widgets/0"))[0] == 404
        assert (await get_json(client, "/gateway/api/2.0/Widgets/1/2"))[0] == 404

        sim.inject("widgets", Fault("maintenance", times=2))
        assert (await get_json(client, "/gateway/api/2.0/Widgets"))[0] == 503
        assert (await get_json(client, "/gateway/api/2.0/Widgets/3"))[0] == 503
        assert (await get_json(client, "/gateway/api/2.0/Widgets/3"))[0] == 200
        assert sim.steps()[-5:] == ["widgets"] * 5


def test_router_matches_whole_segments_in_registration_order() -> None:
    def reply(request: GatewayRequest) -> GatewayReply:
        return 200, {}

    first = GatewayResource("categories", "Grades/Categories", reply)
    second = GatewayResource("grade", "Grades/{id}", reply)
    router = GatewayRouter([first, second])

    assert router.resolve("Grades/Categories") == (first, {})
    assert router.resolve("Grades/7") == (second, {"id": "7"})
    assert router.resolve("Grades") is None
    assert router.resolve("Grades/") is None
    assert router.resolve("grades/7") is None
    assert router.steps == {"categories", "grade"}
    assert router.resources == (first, second)
    with pytest.raises(ValueError, match="bad gateway resource"):
        GatewayResource("x", "/Grades", reply)
    with pytest.raises(ValueError, match="bad gateway resource"):
        GatewayResource("", "Grades", reply)


def test_the_simulator_registers_me_and_the_auth_resources_first() -> None:
    resources = LibrusSimulator().gateway.resources
    assert [(r.pattern, r.step) for r in resources[:3]] == [
        ("Auth/TokenInfo", "token_info"),
        ("Auth/UserInfo/{id}", "user_info"),
        ("Me", "me"),
    ]


async def test_waiting_for_a_hang_ends_when_the_simulator_closes(sim: LibrusSimulator) -> None:
    waiting = asyncio.create_task(sim.wait_for_hanging(1))
    await asyncio.sleep(0)  # let the waiter register; not a timing sleep
    assert not waiting.done()

    await sim.close()

    with pytest.raises(RuntimeError, match="closed"):
        await waiting
