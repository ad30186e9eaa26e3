"""Simulator accounts: captcha and expired accounts, the gateway's session check, expiry,
several accounts (the login flow itself: test_simulator_login.py; refresh and expiry of
tokens: test_simulator_sessions.py)."""

from __future__ import annotations

import aiohttp
import pytest
from simulator_helpers import (
    ME_URL,
    PARENT,
    SESSION_COOKIES,
    STUDENT,
    TOKEN_INFO_URL,
    follow_chain,
    full_login,
    get_json,
    jar_cookies,
    new_client,
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
