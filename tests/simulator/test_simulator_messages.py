"""The messages host (Wiadomości): bootstrap from Synergia, the API, the inbox and controls.

Raw aiohttp through the real 2026 login. "Today" is fixed at 2026-11-27, when the demo
parent (8000001) sees messages 4900101-4900108, of which 4900104, 4900107 and 4900108 are
unread, and 4900103 (read) and 4900107 (unread) have attachments.
"""

from __future__ import annotations

import base64
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
)

from librus_simulator import LibrusSimulator
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
