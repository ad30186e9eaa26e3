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
    make_user_identifier,
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


@pytest.mark.parametrize(
    ("wrong", "message"),
    [
        (3, 'Proszę zaznaczyć pole "Nie jestem robotem".'),
        (2, None),
    ],
    ids=["captcha-after-3", "no-captcha-after-2"],
)
async def test_captcha_after_three_wrong_passwords(
    client: aiohttp.ClientSession, sim: LibrusSimulator, wrong: int, message: str | None
) -> None:
    await oauth_init(client)
    for _ in range(wrong):
        assert (await oauth_login(client, password="wrong")).status == 401

    answer = await oauth_login(client)  # the right password

    if message is None:
        assert answer.status == 200
        return
    assert answer.status == 403
    assert await answer.json() == {"status": "error", "errors": [{"message": message}]}
    assert sim.captcha_required(PARENT.login)
    assert not sim.captcha_required(STUDENT.login)
    hops = await follow_chain(client)
    assert "error=invalid_request" in hops[0].headers["Location"]


async def test_captcha_stays_until_reset_in_process(
    client: aiohttp.ClientSession, sim: LibrusSimulator
) -> None:
    await oauth_init(client)
    for _ in range(3):
        await oauth_login(client, password="wrong")
    for _ in range(2):
        assert (await oauth_login(client)).status == 403

    assert sim.reset_captcha(PARENT.login) == 1

    assert not sim.captcha_required(PARENT.login)
    assert (await oauth_login(client)).status == 200
    assert (await follow_chain(client))[-1].url.path == "/rodzic/index"
    assert sim.reset_captcha() == 0


async def test_captcha_reset_over_the_admin_api(
    client: aiohttp.ClientSession, sim: LibrusSimulator
) -> None:
    async with new_client(sim.url) as student:
        await oauth_init(client)
        await oauth_init(student)
        for _ in range(3):
            await oauth_login(client, password="wrong")
            await oauth_login(student, STUDENT, password="wrong")
        async with aiohttp.ClientSession(base_url=sim.url) as admin:
            async with admin.post(
                "/__simulator/reset-captcha", json={"login": STUDENT.login}
            ) as response:
                assert await response.json() == {"reset": 1}
            assert (await oauth_login(student, STUDENT)).status == 200
            assert (await oauth_login(client)).status == 403
            async with admin.post("/__simulator/reset-captcha") as response:
                assert await response.json() == {"reset": 1}
            assert (await oauth_login(client)).status == 200
            async with admin.post("/__simulator/reset-captcha", json={"login": 1}) as response:
                assert response.status == 400


async def test_a_successful_login_resets_the_wrong_password_count(
    client: aiohttp.ClientSession, sim: LibrusSimulator
) -> None:
    await oauth_init(client)
    for _ in range(2):
        await oauth_login(client, password="wrong")
    assert (await oauth_login(client)).status == 200

    for _ in range(2):
        assert (await oauth_login(client, password="wrong")).status == 401
    assert (await oauth_login(client)).status == 200
    assert not sim.captcha_required(PARENT.login)


async def test_an_expired_account_gets_the_expired_message(socket_enabled: None) -> None:
    fields = {name: getattr(PARENT, name) for name in PARENT.__dataclass_fields__}
    expired = Account(**{**fields, "expired": True})
    async with LibrusSimulator(accounts=[expired]) as sim, new_client(sim.url) as client:
        await oauth_init(client)

        answer = await oauth_login(client)
        wrong = await oauth_login(client, password="wrong")

        assert answer.status == 403
        assert await answer.json() == {
            "status": "error",
            "errors": [
                {
                    "message": (
                        "Minął termin ważności konta - skontaktuj się z Administratorem Szkoły."
                    )
                }
            ],
        }
        assert (await wrong.json())["errors"][0]["message"] == "Nieprawidłowy login i/lub hasło."
        assert "error=invalid_request" in (await follow_chain(client))[0].headers["Location"]
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
