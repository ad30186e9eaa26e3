"""The messages host under control: new messages, expiry of its session, the module switch,
and faults on the messages steps (the host itself: test_simulator_messages.py)."""

from __future__ import annotations

import asyncio
import json
from typing import Any, Final

import aiohttp
import pytest
from simulator_helpers import (
    ME_URL,
    PARENT,
    STUDENT,
    follow_chain,
    full_login,
    get,
    get_json,
    new_client,
)
from test_simulator_messages import (  # shared helpers and fixtures of the messages tests
    BOOTSTRAP_URL,
    TODAY,
    UNREAD_IDS,
    UNREAD_URL,
    VISIBLE_IDS,
    WAIT,
    admin,
    b64_text,
    bootstrap,
    detail_url,
    list_url,
    listing,
    logged_in,
    today_sim,
    unread,
)

from librus_simulator import FAULT_KINDS, MAINTENANCE_BODY, Fault, LibrusSimulator
from librus_simulator.constants import (
    MESSAGES_BOOTSTRAP,
    MESSAGES_DETAIL,
    MESSAGES_LANDING,
    MESSAGES_LIST,
    MESSAGES_LOGON,
    MESSAGES_STEPS,
    MESSAGES_UNREAD,
)
from librus_simulator.faults import OFFSITE_URL

# --------------------------------------------------------------------------------------------
# Controls: new messages, expiry, the module switch


async def test_new_message_in_process_tops_the_list(
    logged_in: aiohttp.ClientSession, sim: LibrusSimulator
) -> None:
    message_id = sim.deliver_message(
        sender="Anna Kowalczyk",
        topic="Wycieczka do Krakowa — zmiana godziny",
        content="Zbiórka o 6:45.\nProszę się nie spóźnić!",
    )
    assert int(message_id) >= 9_000_001
    items = await listing(logged_in)
    top = items[0]
    assert top["messageId"] == message_id
    assert top["topic"] == "Wycieczka do Krakowa — zmiana godziny"
    assert (top["senderFirstName"], top["senderLastName"]) == ("Anna", "Kowalczyk")
    assert top["readDate"] is None
    assert top["isAnyFileAttached"] is False
    assert top["sendDate"].startswith("2026-11-27 ")
    assert top["sendDate"] > items[1]["sendDate"]
    assert b64_text(top["content"]) == "Zbiórka o 6:45. Proszę się nie spóźnić!"
    assert await unread(logged_in) == 4
    assert not sim.message_is_read(message_id)
    # Another account's inbox is untouched.
    assert all(i["messageId"] != message_id for i in sim.messages.inbox(STUDENT.login))


async def test_new_message_via_admin_api(
    logged_in: aiohttp.ClientSession, sim: LibrusSimulator, admin: aiohttp.ClientSession
) -> None:
    body = {
        "login": PARENT.login,
        "sender": "Sekretariat",
        "topic": "Zebranie z rodzicami",
        "content": "Zażółć gęślą jaźń",
        "has_attachment": True,
    }
    async with admin.post("/__simulator/messages", json=body) as response:
        assert response.status == 201
        answer = await response.json()
    message_id = answer["id"]
    assert answer == {"id": message_id, "login": PARENT.login}
    top = (await listing(logged_in))[0]
    assert top["messageId"] == message_id
    assert (top["senderFirstName"], top["senderLastName"], top["senderName"]) == (
        "Sekretariat",
        "",
        "Sekretariat",
    )
    assert top["isAnyFileAttached"] is True
    assert b64_text(top["content"]) == "Zażółć gęślą jaźń"
    assert await unread(logged_in) == 4

    async with admin.get(f"/__simulator/messages/{message_id}") as response:
        assert response.status == 200
        state = await response.json()
    assert state["read"] is False
    assert state["read_date"] is None
    assert state["visible"] is True

    # Defaults: the first account, a default sender and topic.
    async with admin.post("/__simulator/messages") as response:
        assert response.status == 201
        second = await response.json()
    assert second["login"] == PARENT.login
    assert (await listing(logged_in))[0]["messageId"] == second["id"]
    assert int(second["id"]) == int(message_id) + 1
    # The admin API is not recorded.
    assert all(entry.step in MESSAGES_STEPS for entry in sim.requests)


async def test_admin_read_states_and_detail_fetches(
    logged_in: aiohttp.ClientSession, sim: LibrusSimulator, admin: aiohttp.ClientSession
) -> None:
    async with admin.get("/__simulator/messages/detail-fetches") as response:
        assert await response.json() == {"detail_fetches": []}
    await get_json(logged_in, detail_url("4900108"))
    async with admin.get("/__simulator/messages/detail-fetches") as response:
        assert await response.json() == {"detail_fetches": ["4900108"]}
    async with admin.get("/__simulator/messages/4900108") as response:
        state = await response.json()
    assert state["read"] is True
    assert state["login"] == PARENT.login
    assert state["topic"] == "Zadanie dodatkowe z fizyki"
    async with admin.get("/__simulator/messages/4900104", params={"login": PARENT.login}) as r:
        assert (await r.json())["read"] is False
    async with admin.get("/__simulator/messages/123") as response:
        assert response.status == 404

    async with admin.get("/__simulator/messages", params={"login": PARENT.login}) as response:
        states = (await response.json())["messages"]
    assert len(states) == 16
    visible = [s["id"] for s in states if s["visible"]]
    assert visible == VISIBLE_IDS
    assert {s["id"] for s in states if s["visible"] and not s["read"]} == UNREAD_IDS - {"4900108"}
    async with admin.get("/__simulator/messages") as response:
        assert len((await response.json())["messages"]) == 32  # both demo accounts


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("messages", {"login": "nobody"}),
        ("messages", {"topic": 5}),
        ("messages", {"has_attachment": "yes"}),
        ("messages", {"sender": " "}),
        ("messages-module", {"login": PARENT.login}),
        ("messages-module", {"login": "nobody", "enabled": False}),
        ("expire-messages-sessions", {"login": 5}),
    ],
)
async def test_admin_messages_validation(
    sim: LibrusSimulator, admin: aiohttp.ClientSession, path: str, body: dict[str, Any]
) -> None:
    async with admin.post(f"/__simulator/{path}", json=body) as response:
        assert response.status == 400
        assert "error" in await response.json()


async def test_messages_session_expires_on_its_own(
    logged_in: aiohttp.ClientSession, sim: LibrusSimulator
) -> None:
    assert await unread(logged_in) == 3
    assert sim.expire_messages_sessions() == 1
    status, body = await get_json(logged_in, UNREAD_URL)
    assert (status, body["code"]) == (401, "UNAUTHORIZED")
    status, _ = await get_json(logged_in, list_url())
    assert status == 401
    # Synergia's session is untouched, and a new bootstrap opens a new messages session.
    status, _ = await get_json(logged_in, ME_URL)
    assert status == 200
    assert sim.live_sessions == 1
    await bootstrap(logged_in)
    assert await unread(logged_in) == 3


async def test_expire_messages_sessions_via_admin_api_per_login(
    sim: LibrusSimulator, admin: aiohttp.ClientSession
) -> None:
    sim.school.today = TODAY
    async with new_client(sim.url) as parent, new_client(sim.url) as student:
        await full_login(parent)
        await full_login(student, STUDENT)
        await bootstrap(parent)
        await bootstrap(student)
        async with admin.post(
            "/__simulator/expire-messages-sessions", json={"login": STUDENT.login}
        ) as response:
            assert await response.json() == {"expired": 1}
        assert await unread(parent) == 3
        status, _ = await get_json(student, UNREAD_URL)
        assert status == 401
        async with admin.post("/__simulator/expire-messages-sessions") as response:
            assert await response.json() == {"expired": 1}
        status, _ = await get_json(parent, UNREAD_URL)
        assert status == 401


async def test_synergia_logout_does_not_end_the_messages_session(
    logged_in: aiohttp.ClientSession, sim: LibrusSimulator
) -> None:
    sim.expire_sessions()
    assert await unread(logged_in) == 3  # independent, until it expires itself
    answer = await get(logged_in, BOOTSTRAP_URL)  # but a new bootstrap needs Synergia
    assert "Brak dostępu" in await answer.text()


async def test_module_off_per_account(
    logged_in: aiohttp.ClientSession, sim: LibrusSimulator, admin: aiohttp.ClientSession
) -> None:
    sim.set_messages_module(PARENT.login, False)
    assert not sim.messages.enabled(PARENT.login)
    answer = await get(logged_in, BOOTSTRAP_URL)
    assert answer.status == 200
    assert "Location" not in answer.headers
    assert "Brak dostępu" in await answer.text()
    status, _ = await get_json(logged_in, UNREAD_URL)  # its sessions ended with it
    assert status == 401
    status, _ = await get_json(logged_in, ME_URL)  # everything else keeps working
    assert status == 200

    async with new_client(sim.url) as student:
        await full_login(student, STUDENT)
        await bootstrap(student)  # only the parent's module is off
        assert await unread(student) == 3

    async with admin.post(
        "/__simulator/messages-module", json={"login": PARENT.login, "enabled": True}
    ) as response:
        assert await response.json() == {"login": PARENT.login, "enabled": True}
    await bootstrap(logged_in)
    assert await unread(logged_in) == 3

    async with admin.post(
        "/__simulator/messages-module", json={"login": PARENT.login, "enabled": False}
    ) as response:
        assert response.status == 200
    assert "Brak dostępu" in await (await get(logged_in, BOOTSTRAP_URL)).text()


# --------------------------------------------------------------------------------------------
# Faults on the messages steps


async def _unread_answer(client: aiohttp.ClientSession) -> tuple[int, str, str, str | None]:
    async with client.get(UNREAD_URL, allow_redirects=False) as response:
        return (
            response.status,
            response.content_type,
            await response.text(),
            response.headers.get("Location"),
        )


GENERAL_KINDS: Final = [
    kind for kind in FAULT_KINDS if kind not in ("missing_user_identifier", "no_session")
]


@pytest.mark.parametrize("kind", GENERAL_KINDS)
async def test_every_fault_kind_on_messages_unread(
    logged_in: aiohttp.ClientSession, sim: LibrusSimulator, kind: Any
) -> None:
    url = f"{sim.url}{UNREAD_URL}"
    if kind == "close":
        sim.inject(MESSAGES_UNREAD, Fault("close"))  # no `times`: aiohttp retries a GET once
        with pytest.raises(aiohttp.ClientConnectionError):
            await _unread_answer(logged_in)
        assert all(entry.status is None for entry in sim.requests)
        sim.clear_faults()
    elif kind == "hang":
        sim.inject(MESSAGES_UNREAD, Fault("hang", times=1))
        pending = asyncio.create_task(_unread_answer(logged_in))
        async with asyncio.timeout(WAIT):
            await sim.wait_for_hanging(1)
        assert not pending.done()
        assert sim.release_hangs() == 1
        async with asyncio.timeout(WAIT):
            status, _, text, _ = await pending
        assert status == 200
        assert '"inbox": 3' in text
    else:
        sim.inject(MESSAGES_UNREAD, Fault(kind, seconds=0.05, status=502, times=1))
        status, content_type, text, location = await _unread_answer(logged_in)
        expected: dict[str, tuple[int, str]] = {
            "delay": (200, "application/json"),
            "status": (502, "application/json"),
            "maintenance": (503, "application/json"),
            "malformed_json": (200, "application/json"),
            "html": (200, "text/html"),
            "redirect_loop": (302, "application/octet-stream"),
            "offsite_redirect": (302, "application/octet-stream"),
            "interstitial": (200, "text/html"),
        }
        assert (status, content_type) == expected[kind], (status, content_type, text)
        if kind == "delay":
            assert '"inbox": 3' in text
        elif kind == "status":
            assert "SimulatedFault" in text
        elif kind == "maintenance":
            assert MAINTENANCE_BODY["Status"] in text
        elif kind == "malformed_json":
            with pytest.raises(ValueError):  # noqa: PT011 - any JSON error
                json.loads(text)
        elif kind == "html":
            assert "formLogowanie" in text
        elif kind == "redirect_loop":
            assert location == url
        elif kind == "offsite_redirect":
            assert location == OFFSITE_URL
        elif kind == "interstitial":
            assert "Wymagane działania" in text
    assert sim.count(MESSAGES_UNREAD) >= 1
    assert all(entry.step == MESSAGES_UNREAD for entry in sim.requests)
    # The fault is used up (or cleared): the next request answers normally.
    assert await unread(logged_in) == 3


def test_step_specific_fault_kinds_stay_on_their_steps() -> None:
    sim = LibrusSimulator()
    for kind in ("missing_user_identifier", "no_session"):
        with pytest.raises(ValueError, match="applies to"):
            sim.inject(MESSAGES_UNREAD, Fault(kind))


@pytest.mark.parametrize("step", MESSAGES_STEPS)
async def test_faults_target_each_messages_step(
    today_sim: LibrusSimulator,
    client: aiohttp.ClientSession,
    admin: aiohttp.ClientSession,
    step: str,
) -> None:
    sim = today_sim
    await full_login(client)
    async with admin.post(
        "/__simulator/faults", json={"step": step, "kind": "maintenance", "times": 1}
    ) as response:
        assert response.status == 201
    hops = await follow_chain(client, BOOTSTRAP_URL)
    if step in (MESSAGES_BOOTSTRAP, MESSAGES_LOGON, MESSAGES_LANDING):
        assert hops[-1].status == 503
        assert sim.steps()[-1] == step
        hops = await follow_chain(client, BOOTSTRAP_URL)
    assert hops[-1].status == 200
    urls = {
        MESSAGES_UNREAD: UNREAD_URL,
        MESSAGES_LIST: list_url(),
        MESSAGES_DETAIL: detail_url("4900108"),
    }
    if step in urls:
        status, body = await get_json(client, urls[step])
        assert (status, body) == (503, MAINTENANCE_BODY)
        status, _ = await get_json(client, urls[step])
        assert status == 200
    # A faulted detail did not mark the message read; only the one that answered did.
    assert sim.messages_detail_fetches == (["4900108"] if step == MESSAGES_DETAIL else [])


__all__ = ["admin", "logged_in", "today_sim"]  # fixtures used by the tests above
