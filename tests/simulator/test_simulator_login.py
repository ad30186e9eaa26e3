"""The 2026 login (reference/login-2026.md) as a client sees it over HTTP."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from simulator_helpers import (
    GRANT_URL,
    INIT_URL,
    LOGIN_URL,
    ME_URL,
    PARENT,
    PERFORM_LOGIN_URL,
    PORTAL_URL,
    SESSION_COOKIES,
    STUDENT,
    TOKEN_INFO_URL,
    TWO_FA_URL,
    follow_chain,
    full_login,
    get,
    get_json,
    jar_cookies,
    new_client,
    oauth_grant,
    oauth_init,
    oauth_login,
    portal_entry,
    state_of,
    user_info_url,
)
from yarl import URL

from librus_simulator import (
    DEMO_ACCOUNTS,
    SESSION_EXPIRED_BODY,
    Account,
    LibrusSimulator,
)
from librus_simulator.constants import LOGIN_HOPS

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
async def test_the_2026_login_hop_by_hop(
    client: aiohttp.ClientSession,
    sim: LibrusSimulator,
    account: Account,
    landing_path: str,
    user_type: int,
) -> None:
    # portal_entry: Synergia issues a state, keeps it in a cookie, sends us to the OAuth host.
    entry = await get(client, f"{PORTAL_URL}?v=1775000000")
    assert entry.status == 302
    state = state_of(entry.headers["Location"])
    assert entry.headers["Location"] == (
        f"{sim.url}/OAuth/Authorization?client_id=46&response_type=code&scope=mydata&state={state}"
    )
    assert entry.cookies["oauth_state"].value == state
    assert entry.cookies["oauth_state"]["path"] == "/"

    # oauth_init: the login page; the OAuth session and the device cookie, both Path=/OAuth.
    init = await get(client, entry.headers["Location"])
    assert init.status == 200
    assert init.content_type == "text/html"
    assert 'id="loginForm"' in await init.text()
    assert init.cookies["AUTHSESSID"]["path"] == "/OAuth"
    assert init.cookies["AUTHSESSID"]["max-age"] == ""  # a session cookie
    assert init.cookies["DeviceCookie"]["path"] == "/OAuth"
    assert init.cookies["DeviceCookie"]["max-age"] == "31536000"

    # oauth_login: the credentials; goTo names the 2FA hop.
    login = await oauth_login(client, account)
    assert login.status == 200
    assert await login.json() == {
        "status": "ok",
        "goTo": "/OAuth/Authorization/2FA?client_id=46",
    }

    # oauth_2fa -> perform_login -> oauth_grant: same-host, relative Locations, no cookies.
    two_fa = await get(client, "/OAuth/Authorization/2FA?client_id=46")
    assert (two_fa.status, two_fa.headers["Location"]) == (302, PERFORM_LOGIN_URL)
    perform = await get(client, two_fa.headers["Location"])
    assert (perform.status, perform.headers["Location"]) == (302, GRANT_URL)
    grant = await get(client, perform.headers["Location"])
    assert grant.status == 302
    callback = URL(grant.headers["Location"])
    assert str(callback.origin()) == sim.url  # absolute: it crosses to the Synergia host
    assert callback.path == "/loguj/portalRodzina"
    assert set(callback.query) == {"code", "state"}
    assert callback.query["state"] == state
    assert [len(hop.cookies) for hop in (two_fa, perform, grant)] == [0, 0, 0]

    # grant_redirect: the session cookies, then the landing page.
    redirect = await get(client, str(callback))
    assert (redirect.status, redirect.headers["Location"]) == (302, landing_path)
    for name in SESSION_COOKIES:
        assert redirect.cookies[name]["path"] == "/"
    assert redirect.cookies["oauth_token"]["max-age"] == "600"
    assert redirect.cookies["DZIENNIKSID"]["max-age"] == ""
    assert redirect.cookies["SDZIENNIKSID"]["max-age"] == ""
    assert "oauth_state" not in jar_cookies(client)  # used up, and deleted
    assert sim.live_sessions == 1

    landing = await get(client, landing_path)
    assert landing.status == 200
    assert account.student_first_name in await landing.text()

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

    assert sim.steps() == [*LOGIN_HOPS, "landing", "token_info", "token_info", "user_info"]
    assert LOGIN_HOPS == (
        "portal_entry",
        "oauth_init",
        "oauth_login",
        "oauth_2fa",
        "perform_login",
        "oauth_grant",
        "grant_redirect",
    )


async def test_following_go_to_like_a_client_ends_on_the_landing_page(
    client: aiohttp.ClientSession, sim: LibrusSimulator
) -> None:
    await oauth_init(client)
    go_to = (await (await oauth_login(client)).json())["goTo"]

    hops = await follow_chain(client, go_to)

    assert [hop.status for hop in hops] == [302, 302, 302, 302, 200]
    assert hops[-1].url.path == "/rodzic/index"
    assert (await get_json(client, ME_URL))[0] == 200


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


async def test_a_stateless_authorization_get_overwrites_the_pending_login(
    client: aiohttp.ClientSession, sim: LibrusSimulator
) -> None:
    """A second GET of the authorization URL (here the collection's, without a state)
    replaces the authorization in progress, in the same OAuth session: the login then
    completes on the OAuth side but its callback carries no state, and Synergia refuses it."""
    await oauth_init(client)
    first = jar_cookies(client)

    again = await get(client, INIT_URL)
    assert again.status == 200
    assert again.cookies["AUTHSESSID"].value == first["AUTHSESSID"]  # same session, new login
    assert again.cookies["DeviceCookie"].value == first["DeviceCookie"]  # device stays known

    login = await oauth_login(client)
    assert login.status == 200
    hops = await follow_chain(client, (await login.json())["goTo"])

    callback = URL(hops[-2].headers["Location"])
    assert callback.path == "/loguj/portalRodzina"
    assert "code" in callback.query
    assert "state" not in callback.query
    assert hops[-1].status == 200
    assert "Brak dostępu" in await hops[-1].text()
    assert "oauth_token" not in jar_cookies(client)
    assert sim.live_sessions == 0
    assert await get_json(client, TOKEN_INFO_URL) == (401, SESSION_EXPIRED_BODY)
    assert sim.steps()[-3:] == ["oauth_grant", "grant_redirect", "token_info"]


async def test_an_overwritten_state_fails_even_for_a_client_that_kept_it(
    client: aiohttp.ClientSession, sim: LibrusSimulator
) -> None:
    """Re-sending the first authorization URL's state on the callback does not help: the
    code was issued for the authorization that replaced it."""
    location = await oauth_init(client)
    await get(client, INIT_URL)
    await oauth_login(client)
    hops = await follow_chain(client)
    code = URL(hops[-2].headers["Location"]).query["code"]

    forged = await get(client, f"{PORTAL_URL}?code={code}&state={state_of(location)}")

    assert forged.status == 200
    assert "Brak dostępu" in await forged.text()
    assert sim.live_sessions == 0


async def test_a_second_portal_entry_replaces_the_first_and_the_login_works(
    client: aiohttp.ClientSession,
) -> None:
    first = await oauth_init(client)
    second = await oauth_init(client)
    assert state_of(first) != state_of(second)
    assert jar_cookies(client)["oauth_state"] == state_of(second)

    await oauth_login(client)
    assert (await follow_chain(client))[-1].url.path == "/rodzic/index"


async def test_a_plain_authorization_page_get_does_not_restart_the_login(
    client: aiohttp.ClientSession,
) -> None:
    """Only a GET with response_type=code opens a new authorization; `?client_id=46` alone
    (as some clients send before the POST) shows the page and keeps the one in progress."""
    await oauth_init(client)
    assert (await get(client, LOGIN_URL)).status == 200

    await oauth_login(client)
    assert (await follow_chain(client))[-1].url.path == "/rodzic/index"


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
    for path in ("2FA", "PerformLogin", "Grant"):
        for query in ("", "?client_id=47"):
            response = await get(client, f"/OAuth/Authorization/{path}{query}")
            assert response.status == 400, (path, query)


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

    hops = await follow_chain(client)
    assert hops[0].headers["Location"] == f"{sim.url}/loguj/portalRodzina?error=invalid_request"
    assert "Brak dostępu" in await hops[-1].text()
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
    assert redirect.headers["Location"] == f"{sim.url}/loguj/portalRodzina?error=invalid_request"

    async with client.get(GRANT_URL) as landing:
        page = await landing.text()
        assert landing.status == 200
        assert landing.url.path == "/loguj/portalRodzina"
        assert all(not hop.cookies for hop in (*landing.history, landing))
    assert "Brak dostępu" in page
    assert not set(SESSION_COOKIES) & set(jar_cookies(client))
    assert sim.live_sessions == 0
    assert await get_json(client, TOKEN_INFO_URL) == (401, SESSION_EXPIRED_BODY)


async def test_chain_hops_with_no_oauth_session_at_all_give_no_session(
    client: aiohttp.ClientSession, sim: LibrusSimulator
) -> None:
    for url in (TWO_FA_URL, PERFORM_LOGIN_URL, GRANT_URL):
        redirect = await get(client, url)
        assert redirect.status == 302
        assert redirect.headers["Location"] == (
            f"{sim.url}/loguj/portalRodzina?error=invalid_request"
        )


@pytest.mark.parametrize(
    "hops",
    [[GRANT_URL], [PERFORM_LOGIN_URL, GRANT_URL], [TWO_FA_URL, GRANT_URL]],
    ids=["grant-right-after-login", "perform-login-without-2fa", "grant-without-perform-login"],
)
async def test_grant_needs_2fa_and_perform_login_after_the_post(
    client: aiohttp.ClientSession, sim: LibrusSimulator, hops: list[str]
) -> None:
    await oauth_init(client)
    assert (await oauth_login(client)).status == 200

    answers = [await get(client, url) for url in hops]

    refused = f"{sim.url}/loguj/portalRodzina?error=invalid_request"
    assert answers[-1].status == 302
    assert answers[-1].headers["Location"] == refused
    page = await get(client, refused)
    assert "Brak dostępu" in await page.text()
    assert not page.cookies
    assert sim.live_sessions == 0


async def test_a_refused_hop_leaves_the_login_to_finish_in_order(
    client: aiohttp.ClientSession,
) -> None:
    await oauth_init(client)
    await oauth_login(client)
    assert "error=invalid_request" in (await oauth_grant(client, follow=False)).headers["Location"]

    assert (await follow_chain(client))[-1].url.path == "/rodzic/index"


async def test_a_grant_is_used_once(client: aiohttp.ClientSession) -> None:
    await oauth_init(client)
    await oauth_login(client)
    assert (await follow_chain(client))[-1].url.path == "/rodzic/index"

    again = await oauth_grant(client, follow=False)

    assert "error=invalid_request" in again.headers["Location"]


async def _grant_location(client: aiohttp.ClientSession) -> URL:
    await oauth_init(client)
    await oauth_login(client)
    assert (await get(client, TWO_FA_URL)).status == 302
    assert (await get(client, PERFORM_LOGIN_URL)).status == 302
    grant = await get(client, GRANT_URL)
    return URL(grant.headers["Location"])


async def _denied(response: aiohttp.ClientResponse) -> bool:
    return (
        response.status == 200 and "Brak dostępu" in await response.text() and not response.cookies
    )


async def test_a_code_works_once(client: aiohttp.ClientSession, sim: LibrusSimulator) -> None:
    callback = await _grant_location(client)

    first = await get(client, str(callback))
    assert first.status == 302
    assert set(SESSION_COOKIES) <= set(first.cookies)

    assert await _denied(await get(client, str(callback)))
    assert sim.live_sessions == 1


async def test_callback_from_another_jar_is_refused(
    client: aiohttp.ClientSession, sim: LibrusSimulator
) -> None:
    """The state is bound to the oauth_state cookie of the client that started the login."""
    callback = await _grant_location(client)

    async with new_client(sim.url) as thief:
        assert await _denied(await get(thief, str(callback)))  # no oauth_state at all
        await portal_entry(thief)  # a state of its own, in its own cookie
        assert await _denied(await get(thief, str(callback)))
    assert sim.live_sessions == 0


@pytest.mark.parametrize(
    "tamper",
    ["drop-state", "empty-state", "foreign-state", "unissued-state", "wrong-cookie"],
)
async def test_callback_with_a_foreign_or_absent_state_is_refused(
    client: aiohttp.ClientSession, sim: LibrusSimulator, tamper: str
) -> None:
    callback = await _grant_location(client)
    code = callback.query["code"]
    match tamper:
        case "drop-state":
            url = f"{PORTAL_URL}?code={code}"
        case "empty-state":
            url = f"{PORTAL_URL}?code={code}&state="
        case "foreign-state":  # issued by Synergia, but to another client
            async with new_client(sim.url) as other:
                other_state = state_of((await portal_entry(other)).headers["Location"])
            url = f"{PORTAL_URL}?code={code}&state={other_state}"
        case "unissued-state":  # one the client made up, with a matching cookie
            client.cookie_jar.update_cookies({"oauth_state": "made-up"}, URL(sim.url))
            url = f"{PORTAL_URL}?code={code}&state=made-up"
        case _:  # the right state in the query, another one in the cookie
            client.cookie_jar.update_cookies({"oauth_state": "something-else"}, URL(sim.url))
            url = str(callback)

    assert await _denied(await get(client, url))
    assert "oauth_token" not in jar_cookies(client)
    assert sim.live_sessions == 0


async def test_callback_with_an_error_or_unknown_code_denies_access(
    client: aiohttp.ClientSession, sim: LibrusSimulator
) -> None:
    state = state_of(await oauth_init(client))
    for query in (
        f"?code=nope&state={state}",
        "?error=invalid_request",
        f"?error=access_denied&state={state}",
        "?code=",
    ):
        response = await get(client, PORTAL_URL + query)
        assert await _denied(response), query
    assert sim.steps()[-4:] == ["grant_redirect"] * 4
    assert sim.live_sessions == 0


async def test_portal_entry_is_told_from_the_callback_by_the_query(
    client: aiohttp.ClientSession, sim: LibrusSimulator
) -> None:
    for query in ("", "?v=1775000000", "?state=x"):
        assert (await get(client, PORTAL_URL + query)).status == 302
    assert sim.steps() == ["portal_entry"] * 3
