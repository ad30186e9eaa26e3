"""The messages host (Wiadomości): bootstrap from Synergia, the API, the inbox and controls.

Raw aiohttp through the real 2026 login. "Today" is fixed at 2026-11-27, when the demo
parent (8000001) sees messages 4900101-4900108, of which 4900104, 4900107 and 4900108 are
unread, and 4900103 (read) and 4900107 (unread) have attachments.
"""

from __future__ import annotations

import asyncio
import base64
import json
import re
from collections.abc import AsyncIterator
from datetime import date
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
    jar_cookies,
    new_client,
)

from librus_simulator import FAULT_KINDS, MAINTENANCE_BODY, Fault, LibrusSimulator
from librus_simulator.constants import (
    MESSAGES_BOOTSTRAP,
    MESSAGES_COOKIE,
    MESSAGES_DETAIL,
    MESSAGES_LANDING,
    MESSAGES_LIST,
    MESSAGES_LOGON,
    MESSAGES_PREFIX,
    MESSAGES_STEPS,
    MESSAGES_UNREAD,
    SESSION_COOKIES,
)
from librus_simulator.faults import OFFSITE_URL
from librus_simulator.messages_inbox import PREVIEW_BYTES, plain_text, seeded_inbox

TODAY: Final = date(2026, 11, 27)
BOOTSTRAP_URL: Final = "/wiadomosci3"
UNREAD_URL: Final = f"{MESSAGES_PREFIX}/api/inbox/unreadMessagesCount"
LIST_URL: Final = f"{MESSAGES_PREFIX}/api/inbox/messages"
VISIBLE_IDS: Final = [str(4900108 - n) for n in range(8)]  # newest first
UNREAD_IDS: Final = {"4900104", "4900107", "4900108"}
ATTACHED_IDS: Final = {"4900103", "4900107"}
LONG_ID: Final = "4900107"
WAIT: Final = 5.0

LIST_ITEM_KEYS: Final = {
    "messageId",
    "senderFirstName",
    "senderLastName",
    "senderName",
    "topic",
    "content",
    "sendDate",
    "readDate",
    "tags",
    "category",
    "otherNodeUuid",
    "otherNodeAccountId",
    "isAnyFileAttached",
}
COUNTER_KEYS: Final = {
    "inbox",
    "notes",
    "alerts",
    "substitutions",
    "absences",
    "justifications",
    "trash",
    "archiveInbox",
}
DATE_RE: Final = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}")


def detail_url(message_id: str) -> str:
    return f"{LIST_URL}/{message_id}"


def list_url(page: int = 1, limit: int = 10) -> str:
    return f"{LIST_URL}?page={page}&limit={limit}"


@pytest.fixture
async def today_sim(sim: LibrusSimulator) -> LibrusSimulator:
    sim.school.today = TODAY
    return sim


@pytest.fixture
async def logged_in(
    today_sim: LibrusSimulator, client: aiohttp.ClientSession
) -> aiohttp.ClientSession:
    """The demo parent with a Synergia session and a messages session."""
    await full_login(client)
    await bootstrap(client)
    today_sim.clear_requests()
    return client


@pytest.fixture
async def admin(sim: LibrusSimulator) -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession(base_url=sim.url) as session:
        yield session


async def bootstrap(client: aiohttp.ClientSession) -> list[aiohttp.ClientResponse]:
    """`/wiadomosci3` and its Locations by hand; asserts it reached the messages host."""
    hops: list[aiohttp.ClientResponse] = await follow_chain(client, BOOTSTRAP_URL)
    assert [hop.status for hop in hops] == [302, 302, 200], [str(hop.url) for hop in hops]
    return hops


async def unread(client: aiohttp.ClientSession) -> int:
    status, body = await get_json(client, UNREAD_URL)
    assert status == 200, body
    count: int = body["data"]["inbox"]
    return count


async def listing(client: aiohttp.ClientSession, limit: int = 50) -> list[dict[str, Any]]:
    status, body = await get_json(client, list_url(1, limit))
    assert status == 200, body
    items: list[dict[str, Any]] = body["data"]
    return items


def b64_text(value: str) -> str:
    return base64.b64decode(value).decode()


# --------------------------------------------------------------------------------------------
# Wiring


async def test_env_and_step_names(sim: LibrusSimulator) -> None:
    assert sim.env["LIBRUS_MESSAGES_URL"] == f"{sim.url}/wiadomosci-host"
    assert MESSAGES_PREFIX == "/wiadomosci-host"
    assert set(MESSAGES_STEPS) == {
        "messages_bootstrap",
        "messages_logon",
        "messages_landing",
        "messages_unread",
        "messages_list",
        "messages_detail",
    }
    assert set(MESSAGES_STEPS) <= sim.known_steps


# --------------------------------------------------------------------------------------------
# Bootstrap


async def test_bootstrap_hop_by_hop(
    today_sim: LibrusSimulator, client: aiohttp.ClientSession
) -> None:
    sim = today_sim
    await full_login(client)
    sim.clear_requests()
    messages = sim.env["LIBRUS_MESSAGES_URL"]

    first = await get(client, BOOTSTRAP_URL)
    assert first.status == 302
    location = first.headers["Location"]
    match = re.fullmatch(
        re.escape(f"{messages}/pobierz_20/MultiDomainLogon/token/")
        + r"([A-Za-z0-9]{64})"
        + re.escape("/login/ODAwMDAwMQ/target/L25vd3k/from/c3luZXJnaWE"),
        location,
    )
    assert match, location
    assert base64.urlsafe_b64decode("ODAwMDAwMQ==").decode() == PARENT.login
    assert "Set-Cookie" not in first.headers

    logon = await get(client, location)
    assert logon.status == 302
    assert logon.headers["Location"] == f"{messages}/nowy"
    cookie = logon.cookies[MESSAGES_COOKIE]
    assert cookie["path"] == MESSAGES_PREFIX
    assert cookie["httponly"]
    assert not set(SESSION_COOKIES) & set(logon.cookies)  # Synergia's cookies untouched

    landing = await get(client, logon.headers["Location"])
    assert landing.status == 200
    assert landing.content_type == "text/html"
    assert "Wiadomości" in await landing.text()

    assert sim.steps() == [MESSAGES_BOOTSTRAP, MESSAGES_LOGON, MESSAGES_LANDING]
    # The messages cookie is for the messages host's path only.
    await get(client, ME_URL)
    assert MESSAGES_COOKIE not in sim.requests[-1].cookies
    assert await unread(client) == 3
    assert MESSAGES_COOKIE in sim.requests[-1].cookies

    # A logon token works once.
    replay = await get(client, location)
    assert replay.status == 200
    assert "Brak dostępu" in await replay.text()
    assert MESSAGES_COOKIE not in replay.cookies


async def test_each_bootstrap_gives_a_new_token_and_session(
    today_sim: LibrusSimulator, client: aiohttp.ClientSession
) -> None:
    await full_login(client)
    first = (await bootstrap(client))[0].headers["Location"]
    cookie = jar_cookies(client)[MESSAGES_COOKIE]
    second = (await bootstrap(client))[0].headers["Location"]
    assert first != second
    assert jar_cookies(client)[MESSAGES_COOKIE] != cookie
    assert today_sim.messages.live_sessions == 2


async def test_student_bootstrap_names_its_own_login(
    today_sim: LibrusSimulator, client: aiohttp.ClientSession
) -> None:
    await full_login(client, STUDENT)
    hops = await bootstrap(client)
    login = base64.urlsafe_b64encode(STUDENT.login.encode()).decode().rstrip("=")
    assert f"/login/{login}/target/" in hops[0].headers["Location"]
    assert [item["messageId"] for item in await listing(client)][-1] == "4900201"


@pytest.mark.parametrize(
    "spoil",
    [
        pytest.param(
            lambda url: re.sub(r"/token/\w+/", "/token/" + "A" * 64 + "/", url), id="token"
        ),
        pytest.param(
            lambda url: url.replace("/login/ODAwMDAwMQ/", "/login/ODAwMDAwMnU/"), id="login"
        ),
    ],
)
async def test_logon_refuses_a_wrong_token_or_login(
    today_sim: LibrusSimulator, client: aiohttp.ClientSession, spoil: Any
) -> None:
    await full_login(client)
    location = (await get(client, BOOTSTRAP_URL)).headers["Location"]
    answer = await get(client, spoil(location))
    assert answer.status == 200
    assert "Brak dostępu" in await answer.text()
    assert MESSAGES_COOKIE not in jar_cookies(client)


async def test_bootstrap_without_a_synergia_session_is_no_access(
    sim: LibrusSimulator, client: aiohttp.ClientSession
) -> None:
    answer = await get(client, BOOTSTRAP_URL)
    assert answer.status == 200
    assert "Location" not in answer.headers
    assert "Brak dostępu" in await answer.text()

    await full_login(client)
    sim.expire_tokens()  # the oauth_token no longer matches: no live session
    answer = await get(client, BOOTSTRAP_URL)
    assert answer.status == 200
    assert "Brak dostępu" in await answer.text()
    assert sim.count(MESSAGES_BOOTSTRAP) == 2


async def test_landing_without_a_messages_session_is_no_access(
    sim: LibrusSimulator, client: aiohttp.ClientSession
) -> None:
    answer = await get(client, f"{MESSAGES_PREFIX}/nowy")
    assert answer.status == 200
    assert "Brak dostępu" in await answer.text()


# --------------------------------------------------------------------------------------------
# The API


async def test_api_needs_the_messages_session_not_synergias(
    today_sim: LibrusSimulator, client: aiohttp.ClientSession
) -> None:
    await full_login(client)  # Synergia's cookies (Path=/) are sent, and are not enough
    for url in (UNREAD_URL, list_url(), detail_url("4900108")):
        async with client.get(url) as response:
            assert response.status == 401
            assert response.content_type == "application/json"
            body = await response.json()
        assert body["code"] == "UNAUTHORIZED"
        assert isinstance(body["message"], str)
    assert today_sim.messages_detail_fetches == []
    assert not today_sim.message_is_read("4900108")


async def test_unread_count_shape(logged_in: aiohttp.ClientSession, sim: LibrusSimulator) -> None:
    status, body = await get_json(logged_in, UNREAD_URL)
    assert status == 200
    assert set(body) == {"data"}
    counters = body["data"]
    assert set(counters) >= COUNTER_KEYS
    assert counters["inbox"] == 3
    assert all(value == 0 for key, value in counters.items() if key != "inbox")
    assert sim.steps() == [MESSAGES_UNREAD]


async def test_list_shape_newest_first(
    logged_in: aiohttp.ClientSession, sim: LibrusSimulator
) -> None:
    status, body = await get_json(logged_in, list_url(1, 10))
    assert status == 200
    assert set(body) == {"data", "total"}
    assert body["total"] == 8
    items = body["data"]
    assert [item["messageId"] for item in items] == VISIBLE_IDS
    for item in items:
        assert set(item) == LIST_ITEM_KEYS
        assert isinstance(item["messageId"], str)
        assert DATE_RE.fullmatch(item["sendDate"])
        assert item["readDate"] is None or DATE_RE.fullmatch(item["readDate"])
        assert item["readDate"] is None or item["readDate"] > item["sendDate"]
        assert item["tags"] == []
        assert item["category"] is None
        assert item["otherNodeUuid"] is None
        assert item["otherNodeAccountId"] is None
        assert isinstance(item["isAnyFileAttached"], bool)
        assert item["senderName"] == f"{item['senderFirstName']} {item['senderLastName']}".strip()
    assert [item["sendDate"] for item in items] == sorted(
        (item["sendDate"] for item in items), reverse=True
    )
    assert {item["messageId"] for item in items if item["readDate"] is None} == UNREAD_IDS
    assert {item["messageId"] for item in items if item["isAnyFileAttached"]} == ATTACHED_IDS
    by_id = {item["messageId"]: item for item in items}
    trip = by_id[LONG_ID]
    assert (trip["senderFirstName"], trip["senderLastName"]) == ("Anna", "Kowalczyk")
    assert trip["topic"] == "Wycieczka do Krakowa"
    assert by_id["4900102"]["topic"] == "Zebranie z rodzicami"
    assert "Zażółć gęślą jaźń" in by_id["4900104"]["topic"]
    # A group sender has its whole name in the first name.
    office = by_id["4900101"]
    assert (office["senderFirstName"], office["senderLastName"]) == ("Sekretariat Szkoły", "")
    assert office["senderName"] == "Sekretariat Szkoły"
    # Polish letters travel unescaped, as Librus sends them.
    raw = sim.requests[-1]
    assert raw.step == MESSAGES_LIST
    assert raw.query == {"page": "1", "limit": "10"}


async def test_paging(logged_in: aiohttp.ClientSession) -> None:
    pages: list[str] = []
    for page in (1, 2, 3):
        status, body = await get_json(logged_in, list_url(page, 3))
        assert status == 200
        assert body["total"] == 8
        assert len(body["data"]) == (3 if page < 3 else 2)
        pages += [item["messageId"] for item in body["data"]]
    assert pages == VISIBLE_IDS
    status, body = await get_json(logged_in, list_url(4, 3))
    assert (status, body) == (200, {"data": [], "total": 8})
    status, body = await get_json(logged_in, LIST_URL)  # defaults: page 1, limit 10
    assert status == 200
    assert len(body["data"]) == 8
    for bad in ("page=0&limit=3", "page=1&limit=0", "page=x&limit=3"):
        status, body = await get_json(logged_in, f"{LIST_URL}?{bad}")
        assert status == 400
        assert body["code"] == "VALIDATION_ERROR"


async def test_preview_is_cut_by_bytes_inside_a_polish_letter(
    logged_in: aiohttp.ClientSession,
) -> None:
    items = {item["messageId"]: item for item in await listing(logged_in)}
    raw = base64.b64decode(items[LONG_ID]["content"])
    assert len(raw) == PREVIEW_BYTES
    with pytest.raises(UnicodeDecodeError):
        raw.decode()
    text = raw.decode(errors="replace")
    assert text.startswith("Szanowni Państwo, zapraszamy uczniów naszej klasy na wycieczkę")
    assert text.endswith("Zwiedzimy Wawel, \ufffd")
    # A short message's preview is its whole text.
    short = base64.b64decode(items["4900108"]["content"]).decode()
    assert len(short.encode()) < PREVIEW_BYTES
    assert short.startswith("Dzień dobry, Ola może oddać zadanie dodatkowe z fizyki")
    # Every preview is at most PREVIEW_BYTES bytes.
    assert all(len(base64.b64decode(i["content"])) <= PREVIEW_BYTES for i in items.values())


async def test_detail_marks_read_and_is_logged(
    logged_in: aiohttp.ClientSession, sim: LibrusSimulator
) -> None:
    assert not sim.message_is_read(LONG_ID)
    status, body = await get_json(logged_in, detail_url(LONG_ID))
    assert status == 200
    data = body["data"]
    assert data["messageId"] == LONG_ID
    assert data["topic"] == "Wycieczka do Krakowa"
    assert data["senderName"] == "Anna Kowalczyk"
    assert DATE_RE.fullmatch(data["readDate"])
    assert data["readDate"].startswith("2026-11-27 ")
    assert [a["filename"] for a in data["attachments"]] == [
        "Zgoda na wycieczkę.pdf",
        "Program wycieczki.docx",
    ]
    message = b64_text(data["Message"])
    assert message.startswith("<Message><Content><![CDATA[")
    assert message.endswith("]]></Content></Message>")
    assert "Łagiewniki" in message
    assert 'href="https://liblink.pl/' in message

    assert sim.message_is_read(LONG_ID)
    assert sim.messages.read_date(LONG_ID) == data["readDate"]
    assert sim.messages_detail_fetches == [LONG_ID]
    assert sim.steps() == [MESSAGES_DETAIL]
    assert await unread(logged_in) == 2
    items = {item["messageId"]: item for item in await listing(logged_in)}
    assert items[LONG_ID]["readDate"] == data["readDate"]

    # Fetching it again keeps the first read date; an already read message stays as it was.
    _, again = await get_json(logged_in, detail_url(LONG_ID))
    assert again["data"]["readDate"] == data["readDate"]
    seeded_read = items["4900102"]["readDate"]
    _, old = await get_json(logged_in, detail_url("4900102"))
    assert old["data"]["readDate"] == seeded_read
    assert sim.messages_detail_fetches == [LONG_ID, LONG_ID, "4900102"]
    assert sim.count(MESSAGES_DETAIL) == 3


async def test_detail_of_an_unknown_or_future_message_is_404(
    logged_in: aiohttp.ClientSession, sim: LibrusSimulator
) -> None:
    for message_id in ("1", "4900109", "4900204"):  # unknown, after today, another account's
        status, body = await get_json(logged_in, detail_url(message_id))
        assert status == 404
        assert body["code"] == "NOT_FOUND"
    assert not sim.message_is_read("4900109")
    assert not sim.message_is_read("4900204", STUDENT.login)


async def test_listing_never_marks_read(
    logged_in: aiohttp.ClientSession, sim: LibrusSimulator
) -> None:
    for _ in range(3):
        assert await unread(logged_in) == 3
        items = await listing(logged_in)
        assert {i["messageId"] for i in items if i["readDate"] is None} == UNREAD_IDS
    await bootstrap(logged_in)
    assert all(not sim.message_is_read(message_id) for message_id in UNREAD_IDS)
    assert sim.messages_detail_fetches == []
    assert sim.count(MESSAGES_DETAIL) == 0


# --------------------------------------------------------------------------------------------
# The inbox over the school year


async def test_messages_after_today_are_hidden_and_arrive_as_days_pass(
    logged_in: aiohttp.ClientSession, sim: LibrusSimulator
) -> None:
    sim.school.today = date(2026, 11, 25)
    items = await listing(logged_in)
    assert [i["messageId"] for i in items] == VISIBLE_IDS[1:]
    assert await unread(logged_in) == 2

    sim.school.today = date(2026, 11, 26)  # 4900108 is sent that evening
    items = await listing(logged_in)
    assert items[0]["messageId"] == "4900108"
    assert items[0]["readDate"] is None
    assert await unread(logged_in) == 3

    # Read in a browser two days after it came: unread on the 14th, read on the 15th.
    sim.school.today = date(2026, 11, 14)
    assert {i["messageId"]: i["readDate"] for i in await listing(logged_in)}["4900106"] is None
    sim.school.today = date(2026, 11, 15)
    read = {i["messageId"]: i["readDate"] for i in await listing(logged_in)}["4900106"]
    assert read is not None
    assert read.startswith("2026-11-15 ")

    sim.school.today = date(2027, 6, 30)  # the whole year
    _, body = await get_json(logged_in, list_url(1, 50))
    assert body["total"] == 16
    assert body["data"][-1]["sendDate"].startswith("2026-09-01 ")
    assert body["data"][0]["sendDate"].startswith("2027-06-15 ")


def test_inbox_is_deterministic_per_login() -> None:
    first = LibrusSimulator()
    second = LibrusSimulator()
    for sim in (first, second):
        sim.school.today = TODAY
    assert first.messages.inbox(PARENT.login) == second.messages.inbox(PARENT.login)
    parent = first.messages.inbox(PARENT.login)
    student = first.messages.inbox(STUDENT.login)
    assert [i["topic"] for i in parent] == [i["topic"] for i in student]
    assert [i["messageId"] for i in student] == [str(4900208 - n) for n in range(8)]
    assert [i["sendDate"] for i in parent] != [i["sendDate"] for i in student]  # seeded times
    # The student's name is in the texts.
    texts = [plain_text(m.html) for m in seeded_inbox(STUDENT.login, 3000002, "Jan", 2026)]
    assert any("Jan może oddać" in text for text in texts)


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
