"""The reference login sequence as a client sees it over HTTP."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from simulator_helpers import (
    GRANT_URL,
    LOGIN_URL,
    ME_URL,
    PARENT,
    SESSION_COOKIES,
    STUDENT,
    TOKEN_INFO_URL,
    full_login,
    get_json,
    jar_cookies,
    new_client,
    oauth_grant,
    oauth_init,
    oauth_login,
    user_info_url,
)

from librus_simulator import (
    DEMO_ACCOUNTS,
    SESSION_EXPIRED_BODY,
    Account,
    LibrusSimulator,
    make_user_identifier,
)

# A copy of reference/responses/Me.json (a real, anonymised gateway answer).
REFERENCE_ME = Path(__file__).parent / "fixtures" / "Me.json"


def shape(value: Any) -> Any:
    """The structure of a JSON value: keys (in order) and leaf types, not the values."""
    if isinstance(value, dict):
        return [(key, shape(item)) for key, item in value.items()]
    if isinstance(value, list):
        return [shape(item) for item in value]
    return type(value).__name__


@pytest.mark.parametrize(
    ("account", "landing_path", "user_type"),
    [(PARENT, "/rodzic/index", 5), (STUDENT, "/uczen/index", 8)],
    ids=["parent", "student"],
)
async def test_reference_sequence_sets_cookies_and_opens_a_gateway_session(
    client: aiohttp.ClientSession,
    sim: LibrusSimulator,
    account: Account,
    landing_path: str,
    user_type: int,
) -> None:
    init = await oauth_init(client)
    assert init.status == 200
    assert init.content_type == "text/html"
    assert init.cookies["AUTHSESSID"]["path"] == "/OAuth"
    assert init.cookies["AUTHSESSID"]["max-age"] == ""  # a session cookie
    assert init.cookies["DeviceCookie"]["path"] == "/OAuth"
    assert init.cookies["DeviceCookie"]["max-age"] == "31536000"

    login = await oauth_login(client, account)
    assert login.status == 200
    async with client.post(
        LOGIN_URL, data={"action": "login", "login": account.login, "pass": account.password}
    ) as again:
        assert await again.json() == {
            "status": "ok",
            "goTo": "/OAuth/Authorization/Grant?client_id=46",
        }

    async with client.get(GRANT_URL) as landing:
        page = await landing.text()
        assert landing.status == 200
        assert landing.url.path == landing_path
        assert [hop.status for hop in landing.history] == [302, 302]
        callback = landing.history[0].headers["Location"]
        assert callback.startswith("/loguj/portalRodzina?code=")
        assert "&state=" in callback
        set_by_callback = landing.history[1].cookies
    assert account.student_first_name in page
    for name in SESSION_COOKIES:
        assert set_by_callback[name]["path"] == "/"
    assert set_by_callback["oauth_token"]["max-age"] == "600"
    assert set_by_callback["DZIENNIKSID"]["max-age"] == ""
    assert sim.live_sessions == 1

    status, token_info = await get_json(client, TOKEN_INFO_URL)
    assert status == 200
    assert token_info == {
        "UserType": user_type,
        "UserIdentifier": account.user_identifier,
        "Resources": {"..": {"Url": "https://api.librus.pl/2.0/Root"}},
        "Url": "https://api.librus.pl/2.0/Auth/TokenInfo",
    }
    assert await get_json(client, TOKEN_INFO_URL + "/") == (200, token_info)

    status, user_info = await get_json(client, user_info_url(account.user_identifier))
    assert status == 200
    assert user_info["UserIdentifier"] == account.user_identifier
    assert user_info["UserNumericIdentifier"] == account.user_numeric_id
    assert user_info["AccountNumericIdentifier"] == account.account_id
    assert user_info["Login"] == account.login
    assert user_info["SchoolId"] == account.school_id
    assert user_info["UserType"] == user_type
    assert "UserState" in user_info
    assert user_info["IdentifierOfStudentAssignedWithUser"] == account.student_identifier
    assert user_info["Url"] == (
        f"https://api.librus.pl/2.0/Auth/UserInfo/{account.user_identifier}"
    )

    assert sim.steps() == [
        "oauth_init",
        "oauth_login",
        "oauth_login",
        "oauth_grant",
        "grant_redirect",
        "landing",
        "token_info",
        "token_info",
        "user_info",
    ]


@pytest.mark.parametrize("account", DEMO_ACCOUNTS, ids=["parent", "student"])
async def test_me_has_the_real_shape_and_needs_no_user_info(
    client: aiohttp.ClientSession, sim: LibrusSimulator, account: Account
) -> None:
    await full_login(client, account)

    status, me = await get_json(client, ME_URL)

    assert status == 200
    reference = json.loads(REFERENCE_ME.read_text(encoding="utf-8"))
    assert shape(me) == shape(reference)
    assert me["Me"]["Account"]["Login"] == account.login
    assert me["Me"]["Account"]["FirstName"] == account.account_first_name
    assert me["Me"]["Account"]["LastName"] == account.account_last_name
    assert me["Me"]["Account"]["GroupId"] == account.group_id
    assert me["Me"]["User"] == {
        "FirstName": account.student_first_name,
        "LastName": account.student_last_name,
    }
    assert me["Url"] == "https://api.librus.pl/2.0/Me"
    assert "user_info" not in sim.steps()


def test_demo_accounts_are_the_documented_ones() -> None:
    parent, student = DEMO_ACCOUNTS
    assert (parent.login, parent.password, parent.account_type) == (
        "8000001",
        "librus-demo",
        "parent",
    )
    assert (parent.account_first_name, parent.account_last_name) == ("Anna", "Nowak")
    assert (parent.student_first_name, parent.student_last_name) == ("Ola", "Nowak")
    assert parent.group_id == 5
    assert (student.login, student.password, student.account_type) == (
        "8000002u",
        "librus-demo",
        "student",
    )
    assert (student.account_first_name, student.account_last_name) == ("Jan", "Wiśniewski")
    assert (student.student_first_name, student.student_last_name) == ("Jan", "Wiśniewski")
    assert student.student_identifier == student.user_identifier
    assert student.group_id == 8


async def test_second_init_starts_a_new_oauth_session(client: aiohttp.ClientSession) -> None:
    first = (await oauth_init(client)).cookies["AUTHSESSID"].value
    device = jar_cookies(client)["DeviceCookie"]

    second = await oauth_init(client)

    assert second.cookies["AUTHSESSID"].value != first
    assert second.cookies["DeviceCookie"].value == device  # the device stays known
    assert (await oauth_login(client)).status == 200
    assert (await oauth_grant(client)).url.path == "/rodzic/index"


@pytest.mark.parametrize("query", ["", "?client_id=47", "?client_id="])
async def test_init_with_wrong_client_id_is_a_400_without_cookies(
    client: aiohttp.ClientSession, query: str
) -> None:
    async with client.get("/OAuth/Authorization" + query) as response:
        body = await response.json()
        assert response.status == 400
        assert body["status"] == "error"
        assert "AUTHSESSID" not in response.cookies


async def test_login_and_grant_with_wrong_client_id_are_400(
    client: aiohttp.ClientSession,
) -> None:
    await oauth_init(client)
    form = {"action": "login", "login": PARENT.login, "pass": PARENT.password}
    async with client.post("/OAuth/Authorization?client_id=1", data=form) as response:
        assert response.status == 400
    await oauth_login(client)
    async with client.get("/OAuth/Authorization/Grant", allow_redirects=False) as response:
        assert response.status == 400


async def test_login_without_an_oauth_session_says_the_session_expired(
    client: aiohttp.ClientSession,
) -> None:
    response = await oauth_login(client)
    async with client.post(
        LOGIN_URL, data={"action": "login", "login": PARENT.login, "pass": PARENT.password}
    ) as again:
        body = await again.json()

    assert response.status == 400
    assert body == {"status": "error", "errors": [{"message": "Sesja logowania wygasła."}]}


async def test_login_with_an_unknown_oauth_session_is_rejected(
    client: aiohttp.ClientSession,
) -> None:
    form = {"action": "login", "login": PARENT.login, "pass": PARENT.password}
    async with client.post(
        LOGIN_URL, data=form, cookies={"AUTHSESSID": "not-a-session"}
    ) as response:
        assert response.status == 400


@pytest.mark.parametrize(
    ("login", "password"),
    [(PARENT.login, "wrong"), ("9999999", "librus-demo"), (PARENT.login, "")],
    ids=["wrong-password", "unknown-login", "empty-password"],
)
async def test_bad_credentials_are_a_401_and_do_not_authenticate(
    client: aiohttp.ClientSession, sim: LibrusSimulator, login: str, password: str
) -> None:
    await oauth_init(client)
    form = {"action": "login", "login": login, "pass": password}
    async with client.post(LOGIN_URL, data=form) as response:
        body = await response.json()
        assert response.status == 401
    assert body == {"status": "error", "errors": [{"message": "Nieprawidłowy login i/lub hasło."}]}

    landing = await oauth_grant(client)
    assert landing.url.query.get("error") == "invalid_request"
    assert sim.live_sessions == 0


async def test_login_needs_action_login(client: aiohttp.ClientSession) -> None:
    await oauth_init(client)
    form = {"action": "something", "login": PARENT.login, "pass": PARENT.password}
    async with client.post(LOGIN_URL, data=form) as response:
        assert response.status == 400


async def test_grant_without_login_gives_no_session(
    client: aiohttp.ClientSession, sim: LibrusSimulator
) -> None:
    await oauth_init(client)

    redirect = await oauth_grant(client, follow=False)
    assert redirect.status == 302
    assert redirect.headers["Location"] == "/loguj/portalRodzina?error=invalid_request"

    async with client.get(GRANT_URL) as landing:
        page = await landing.text()
        assert landing.status == 200
        assert landing.url.path == "/loguj/portalRodzina"
        assert all(not hop.cookies for hop in (*landing.history, landing))
    assert "Brak dostępu" in page
    assert not set(SESSION_COOKIES) & set(jar_cookies(client))
    assert sim.live_sessions == 0
    assert await get_json(client, TOKEN_INFO_URL) == (401, SESSION_EXPIRED_BODY)


async def test_grant_with_no_oauth_session_at_all_gives_no_session(
    client: aiohttp.ClientSession,
) -> None:
    redirect = await oauth_grant(client, follow=False)
    assert redirect.headers["Location"] == "/loguj/portalRodzina?error=invalid_request"


async def test_a_code_works_once(client: aiohttp.ClientSession, sim: LibrusSimulator) -> None:
    await oauth_init(client)
    await oauth_login(client)
    callback = (await oauth_grant(client, follow=False)).headers["Location"]

    async with new_client(sim.url) as thief:
        async with thief.get(callback, allow_redirects=False) as first:
            assert first.status == 302
            assert set(SESSION_COOKIES) <= set(first.cookies)
        async with client.get(callback) as replay:
            assert "Brak dostępu" in await replay.text()
            assert not replay.cookies
    assert sim.live_sessions == 1
    assert (await get_json(client, TOKEN_INFO_URL))[0] == 401


async def test_callback_with_unknown_or_missing_code_denies_access(
    client: aiohttp.ClientSession, sim: LibrusSimulator
) -> None:
    for url in ("/loguj/portalRodzina?code=nope&state=x", "/loguj/portalRodzina"):
        async with client.get(url) as response:
            assert response.status == 200
            assert "Brak dostępu" in await response.text()
            assert not response.cookies
    assert sim.live_sessions == 0


async def test_landing_without_a_session_denies_access(client: aiohttp.ClientSession) -> None:
    for path in ("/rodzic/index", "/uczen/index"):
        async with client.get(path) as response:
            assert response.status == 200
            assert "Brak dostępu" in await response.text()


async def test_gateway_without_cookies_is_401(client: aiohttp.ClientSession) -> None:
    for url in (
        TOKEN_INFO_URL,
        ME_URL,
        user_info_url(PARENT.user_identifier),
        "/gateway/api/2.0/X",
    ):
        assert await get_json(client, url) == (401, SESSION_EXPIRED_BODY)


@pytest.mark.parametrize("broken", SESSION_COOKIES)
async def test_gateway_needs_all_three_cookies_to_match(
    client: aiohttp.ClientSession, sim: LibrusSimulator, broken: str
) -> None:
    await full_login(client)
    cookies = jar_cookies(client)
    partial = {name: cookies[name] for name in SESSION_COOKIES if name != broken}

    async with new_client(sim.url) as other:
        assert await get_json(other, TOKEN_INFO_URL) == (401, SESSION_EXPIRED_BODY)
        other.cookie_jar.update_cookies(partial)
        assert (await get_json(other, TOKEN_INFO_URL))[0] == 401
        other.cookie_jar.update_cookies({broken: "forged"})
        assert (await get_json(other, TOKEN_INFO_URL))[0] == 401
        other.cookie_jar.update_cookies({broken: cookies[broken]})
        assert (await get_json(other, TOKEN_INFO_URL))[0] == 200


async def test_user_info_of_another_account_is_403_and_unknown_is_404(
    client: aiohttp.ClientSession,
) -> None:
    await full_login(client, PARENT)

    status, body = await get_json(client, user_info_url(STUDENT.user_identifier))
    assert status == 403
    assert body["Status"] == "Error"
    assert body["Code"] == "AccessDeny"

    unknown = make_user_identifier(PARENT.school_id, "nobody")
    status, body = await get_json(client, user_info_url(unknown))
    assert status == 404
    assert body["Code"] == "NotFound"


async def test_unknown_gateway_path_is_404_json_with_a_session(
    client: aiohttp.ClientSession, sim: LibrusSimulator
) -> None:
    await full_login(client)

    for path in ("Nope", "Me/Nope", "Auth/UserInfo", "Auth/TokenInfo/x"):
        status, body = await get_json(client, f"/gateway/api/2.0/{path}")
        assert status == 404, path
        assert body["Status"] == "Error"
        assert body["Code"] == "NotFound"
    assert (await get_json(client, ME_URL + "/"))[0] == 200
    async with client.post(ME_URL) as response:
        assert response.status == 405


async def test_expired_sessions_get_401_until_the_next_login(
    client: aiohttp.ClientSession, sim: LibrusSimulator
) -> None:
    await full_login(client)
    assert (await get_json(client, ME_URL))[0] == 200

    assert sim.expire_sessions() == 1

    assert await get_json(client, ME_URL) == (401, SESSION_EXPIRED_BODY)
    assert (await get_json(client, TOKEN_INFO_URL))[0] == 401
    await full_login(client)
    assert (await get_json(client, ME_URL))[0] == 200


async def test_expire_sessions_of_one_login_keeps_the_others(sim: LibrusSimulator) -> None:
    async with new_client(sim.url) as parent, new_client(sim.url) as student:
        await full_login(parent, PARENT)
        await full_login(student, STUDENT)

        assert sim.expire_sessions(login=STUDENT.login) == 1

        assert (await get_json(parent, ME_URL))[0] == 200
        assert (await get_json(student, ME_URL))[0] == 401
        assert sim.expire_sessions(login="nobody") == 0


async def test_two_jars_keep_two_accounts_apart(sim: LibrusSimulator) -> None:
    async with new_client(sim.url) as parent, new_client(sim.url) as student:
        await full_login(parent, PARENT)
        await full_login(student, STUDENT)

        assert (await get_json(parent, ME_URL))[1]["Me"]["User"]["FirstName"] == "Ola"
        assert (await get_json(student, ME_URL))[1]["Me"]["User"]["FirstName"] == "Jan"


async def test_custom_accounts_and_add_account(socket_enabled: None) -> None:
    def account(login: str, first_name: str) -> Account:
        lid = make_user_identifier(1234, login)
        return Account(
            login=login,
            password="secret",
            account_type="student",
            user_identifier=lid,
            account_first_name=first_name,
            account_last_name="Test",
            student_first_name=first_name,
            student_last_name="Test",
            account_id=1,
            user_numeric_id=2,
            student_user_id=2,
            student_identifier=lid,
            school_id=1234,
        )

    async with LibrusSimulator(accounts=[account("100u", "Ewa")]) as sim:
        assert [a.login for a in sim.accounts] == ["100u"]
        async with new_client(sim.url) as client:
            await oauth_init(client)
            assert (await oauth_login(client, PARENT)).status == 401
            assert (await oauth_login(client, account("100u", "Ewa"))).status == 200

        sim.add_account(account("200u", "Olek"))
        async with new_client(sim.url) as client:
            await full_login(client, account("200u", "Olek"))
            me = (await get_json(client, ME_URL))[1]
            assert me["Me"]["User"]["FirstName"] == "Olek"
            assert me["Me"]["Account"]["GroupId"] == 8


def test_account_validation() -> None:
    good = DEMO_ACCOUNTS[0]
    fields = {name: getattr(good, name) for name in good.__dataclass_fields__}
    with pytest.raises(ValueError, match="account_type"):
        Account(**{**fields, "account_type": "teacher"})
    with pytest.raises(ValueError, match="user_identifier"):
        Account(**{**fields, "user_identifier": "LID-AUTH-USER-8315-short"})
    with pytest.raises(ValueError, match="student_identifier"):
        Account(**{**fields, "student_identifier": make_user_identifier(1, "other school")})
    with pytest.raises(ValueError, match="empty"):
        Account(**{**fields, "password": ""})
    assert Account(**fields) == good


def test_make_user_identifier_is_stable_and_well_formed() -> None:
    lid = make_user_identifier(8315, "x")
    assert lid == make_user_identifier(8315, "x")
    assert lid != make_user_identifier(8315, "y")
    prefix, hex_part = lid.rsplit("-", 1)
    assert prefix == "LID-AUTH-USER-8315"
    assert len(hex_part) == 20
    assert hex_part == hex_part.upper()
    int(hex_part, 16)


def test_add_account_refuses_a_duplicate_user_identifier() -> None:
    sim = LibrusSimulator()
    fields = {name: getattr(PARENT, name) for name in PARENT.__dataclass_fields__}
    with pytest.raises(ValueError, match="already used"):
        sim.add_account(Account(**{**fields, "login": "other"}))
    sim.add_account(Account(**{**fields, "password": "changed"}))  # same login: replaced
    assert [a.password for a in sim.accounts if a.login == PARENT.login] == ["changed"]
