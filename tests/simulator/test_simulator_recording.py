"""The request log and the read-only admin endpoints."""

from __future__ import annotations

import dataclasses
import json

import aiohttp
import pytest
from simulator_helpers import (
    LOGIN_URL,
    ME_URL,
    PARENT,
    REFRESH_URL,
    TOKEN_INFO_URL,
    full_login,
    get_json,
    oauth_init,
    user_info_url,
)

from librus_simulator import DEMO_ACCOUNTS, Fault, LibrusSimulator, RecordedRequest
from librus_simulator.constants import LOGIN_HOPS

PASSWORD = PARENT.password


async def test_the_log_names_every_hop_in_order(
    client: aiohttp.ClientSession, sim: LibrusSimulator
) -> None:
    await full_login(client)
    async with client.get(REFRESH_URL) as response:
        assert response.status == 200
    await get_json(client, TOKEN_INFO_URL)
    await get_json(client, user_info_url(PARENT.user_identifier))
    await get_json(client, ME_URL)
    await get_json(client, "/gateway/api/2.0/Nope")

    log = sim.requests

    assert [(r.method, r.path, r.step, r.status) for r in log] == [
        ("GET", "/loguj/portalRodzina", "portal_entry", 302),
        ("GET", "/OAuth/Authorization", "oauth_init", 200),
        ("POST", "/OAuth/Authorization", "oauth_login", 200),
        ("GET", "/OAuth/Authorization/2FA", "oauth_2fa", 302),
        ("GET", "/OAuth/Authorization/PerformLogin", "perform_login", 302),
        ("GET", "/OAuth/Authorization/Grant", "oauth_grant", 302),
        ("GET", "/loguj/portalRodzina", "grant_redirect", 302),
        ("GET", "/rodzic/index", "landing", 200),
        ("GET", "/refreshToken", "refresh_token", 200),
        ("GET", "/gateway/api/2.0/Auth/TokenInfo", "token_info", 200),
        ("GET", f"/gateway/api/2.0/Auth/UserInfo/{PARENT.user_identifier}", "user_info", 200),
        ("GET", "/gateway/api/2.0/Me", "me", 200),
        ("GET", "/gateway/api/2.0/Nope", None, 404),
    ]
    assert sim.steps()[: len(LOGIN_HOPS)] == list(LOGIN_HOPS)
    assert sim.steps() == [r.step for r in log if r.step is not None]
    assert sim.count("oauth_login") == 1
    assert [r.monotonic for r in log] == sorted(r.monotonic for r in log)
    assert log[0].query == {}
    assert log[0].cookies == {}
    state = log[1].query["state"]
    assert log[1].query == {
        "client_id": "46",
        "response_type": "code",
        "scope": "mydata",
        "state": state,
    }
    assert log[1].cookies == {"oauth_state": state}
    assert log[2].form_keys == ("action", "login", "pass")
    assert set(log[2].cookies) == {"AUTHSESSID", "DeviceCookie", "oauth_state"}
    assert set(log[6].query) == {"code", "state"}
    assert log[6].cookies["oauth_state"] == state
    assert set(log[8].cookies) == {"DZIENNIKSID", "SDZIENNIKSID", "oauth_token"}
    assert set(log[11].cookies) == {"DZIENNIKSID", "SDZIENNIKSID", "oauth_token"}


async def test_no_password_value_is_ever_recorded(
    client: aiohttp.ClientSession, sim: LibrusSimulator
) -> None:
    await full_login(client)
    await oauth_init(client)
    wrong = "Wr0ng-Pa55word"
    async with client.post(
        LOGIN_URL, data={"action": "login", "login": PARENT.login, "pass": wrong}
    ):
        pass
    async with client.get(f"/OAuth/Authorization?client_id=46&pass={wrong}&password={PASSWORD}"):
        pass
    async with aiohttp.ClientSession(base_url=sim.url) as admin:
        async with admin.get("/__simulator/requests") as response:
            over_http = await response.text()
        async with admin.get("/__simulator/accounts") as response:
            accounts = await response.text()

    in_process = repr(sim.requests) + json.dumps([r.to_json() for r in sim.requests])
    for text in (in_process, over_http, accounts):
        assert PASSWORD not in text
        assert wrong not in text
    assert sim.requests[-1].query == {"client_id": "46", "pass": "***", "password": "***"}
    assert json.loads(accounts) == {
        "accounts": [
            {
                "login": account.login,
                "student_first_name": account.student_first_name,
                "student_last_name": account.student_last_name,
            }
            for account in DEMO_ACCOUNTS
        ]
    }


async def test_admin_requests_are_not_recorded_and_the_log_can_be_cleared(
    client: aiohttp.ClientSession, sim: LibrusSimulator
) -> None:
    await oauth_init(client)
    async with aiohttp.ClientSession(base_url=sim.url) as admin:
        async with admin.get("/__simulator/health") as response:
            assert await response.json() == {
                "status": "ok",
                "hanging": 0,
                "sleeping": 0,
                "live_sessions": 0,
                "latency": 0.0,
            }
        async with admin.get("/__simulator/requests") as response:
            entries = (await response.json())["requests"]
        assert [entry["step"] for entry in entries] == ["portal_entry", "oauth_init"]
        assert entries[0] == sim.requests[0].to_json()
        assert set(entries[0]) == {f.name for f in dataclasses.fields(RecordedRequest)}

        async with admin.delete("/__simulator/requests") as response:
            assert response.status == 200
        assert sim.requests == []
        await oauth_init(client)
        sim.clear_requests()
        assert sim.requests == []
        assert sim.steps() == []


async def test_unknown_paths_are_recorded_without_a_step(
    client: aiohttp.ClientSession, sim: LibrusSimulator
) -> None:
    async with client.get("/nie-ma-takiej-strony?x=1") as response:
        assert response.status == 404
    async with client.delete("/OAuth/Authorization") as response:
        assert response.status == 405

    assert [(r.path, r.step, r.status) for r in sim.requests] == [
        ("/nie-ma-takiej-strony", None, 404),
        ("/OAuth/Authorization", None, 405),
    ]
    assert sim.steps() == []


async def test_dropped_requests_are_recorded_without_status(
    client: aiohttp.ClientSession, sim: LibrusSimulator
) -> None:
    sim.inject("oauth_login", Fault("close"))
    await oauth_init(client)
    with pytest.raises(aiohttp.ClientConnectionError):
        async with client.post(LOGIN_URL, data={"action": "login", "login": "x", "pass": "y"}):
            pass

    assert [(r.step, r.status, r.form_keys) for r in sim.requests] == [
        ("portal_entry", 302, ()),
        ("oauth_init", 200, ()),
        ("oauth_login", None, ("action", "login", "pass")),
    ]


def test_recorded_requests_are_frozen_copies(sim: LibrusSimulator) -> None:
    entry = RecordedRequest(
        method="GET",
        path="/x",
        query={},
        form_keys=(),
        cookies={},
        step=None,
        status=200,
        monotonic=0.0,
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        entry.status = 500  # type: ignore[misc]
    assert sim.requests == []
    sim.requests.append(entry)
    assert sim.requests == []
