"""A Synergia session outlives its oauth_tokens: /refreshToken, expiring tokens, ending
sessions (in-process and over the admin API)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

import aiohttp
import pytest
from simulator_helpers import (
    ME_URL,
    PARENT,
    REFRESH_URL,
    STUDENT,
    TOKEN_INFO_URL,
    full_login,
    get,
    get_json,
    jar_cookies,
    new_client,
)
from yarl import URL

from librus_simulator import SESSION_EXPIRED_BODY, LibrusSimulator

type Expire = Callable[[str | None], Awaitable[int]]


@pytest.fixture
async def admin(sim: LibrusSimulator) -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession(base_url=sim.url) as session:
        yield session


def _control(sim: LibrusSimulator, admin: aiohttp.ClientSession, via: str, what: str) -> Expire:
    """`expire-tokens` or `expire-sessions`, as a method call or an admin request."""

    async def expire(login: str | None = None) -> int:
        if via == "direct":
            method = sim.expire_tokens if what == "tokens" else sim.expire_sessions
            return method(login)
        body = None if login is None else {"login": login}
        async with admin.post(f"/__simulator/expire-{what}", json=body) as response:
            assert response.status == 200
            expired: int = (await response.json())["expired"]
            return expired

    return expire


async def _token_works(sim: LibrusSimulator, cookies: dict[str, str]) -> int:
    """TokenInfo's status for exactly these cookies, from a fresh jar."""
    async with new_client(sim.url) as other:
        other.cookie_jar.update_cookies(cookies, URL(sim.url))
        return (await get_json(other, TOKEN_INFO_URL))[0]


async def test_refresh_gives_a_new_token_and_the_old_one_stops_working(
    client: aiohttp.ClientSession, sim: LibrusSimulator
) -> None:
    await full_login(client)
    before = jar_cookies(client)

    refresh = await get(client, REFRESH_URL)

    assert refresh.status == 200
    assert refresh.headers["Content-Length"] == "0"  # an empty body
    token = refresh.cookies["oauth_token"]
    assert token.value != before["oauth_token"]
    assert token["max-age"] == "600"
    assert token["path"] == "/"
    assert set(refresh.cookies) == {"oauth_token"}  # the session cookies stay
    assert jar_cookies(client)["DZIENNIKSID"] == before["DZIENNIKSID"]
    assert sim.live_sessions == 1
    assert (await get_json(client, ME_URL))[0] == 200
    assert await _token_works(sim, before) == 401
    assert await _token_works(sim, jar_cookies(client)) == 200
    assert sim.steps()[-4:] == ["refresh_token", "me", "token_info", "token_info"]


async def test_refresh_needs_only_the_session_cookies(
    client: aiohttp.ClientSession, sim: LibrusSimulator
) -> None:
    """The client's oauth_token copy has usually run out (Max-Age=600) by the time it
    refreshes; DZIENNIKSID and SDZIENNIKSID are enough."""
    await full_login(client)
    session = {name: jar_cookies(client)[name] for name in ("DZIENNIKSID", "SDZIENNIKSID")}

    async with new_client(sim.url) as other:
        other.cookie_jar.update_cookies(session, URL(sim.url))
        assert (await get_json(other, TOKEN_INFO_URL))[0] == 401
        assert (await get(other, REFRESH_URL)).status == 200
        assert (await get_json(other, TOKEN_INFO_URL))[0] == 200


@pytest.mark.parametrize("via", ["direct", "admin"])
async def test_expired_tokens_are_401_until_a_refresh(
    client: aiohttp.ClientSession, sim: LibrusSimulator, admin: aiohttp.ClientSession, via: str
) -> None:
    expire_tokens = _control(sim, admin, via, "tokens")
    await full_login(client)

    assert await expire_tokens(None) == 1

    assert await get_json(client, ME_URL) == (401, SESSION_EXPIRED_BODY)
    assert "Brak dostępu" in await (await get(client, "/rodzic/index")).text()
    assert sim.live_sessions == 1  # the session itself lives on
    assert await expire_tokens(None) == 0  # nothing left to expire
    refresh = await get(client, REFRESH_URL)
    assert refresh.status == 200
    assert "oauth_token" in refresh.cookies
    assert (await get_json(client, ME_URL))[0] == 200


@pytest.mark.parametrize("via", ["direct", "admin"])
async def test_expire_tokens_of_one_login_keeps_the_others(
    sim: LibrusSimulator, admin: aiohttp.ClientSession, via: str
) -> None:
    expire_tokens = _control(sim, admin, via, "tokens")
    async with new_client(sim.url) as parent, new_client(sim.url) as student:
        await full_login(parent, PARENT)
        await full_login(student, STUDENT)

        assert await expire_tokens(STUDENT.login) == 1

        assert (await get_json(parent, ME_URL))[0] == 200
        assert (await get_json(student, ME_URL))[0] == 401
        assert await expire_tokens("nobody") == 0


@pytest.mark.parametrize("via", ["direct", "admin"])
async def test_after_the_session_ends_refresh_is_refused(
    client: aiohttp.ClientSession, sim: LibrusSimulator, admin: aiohttp.ClientSession, via: str
) -> None:
    end_sessions = _control(sim, admin, via, "sessions")
    await full_login(client)
    token = jar_cookies(client)["oauth_token"]

    assert await end_sessions(None) == 1

    refresh = await get(client, REFRESH_URL)
    assert refresh.status == 401
    assert refresh.content_type == "text/html"
    assert "Brak dostępu" in await refresh.text()
    assert not refresh.cookies
    assert jar_cookies(client)["oauth_token"] == token
    assert await get_json(client, ME_URL) == (401, SESSION_EXPIRED_BODY)
    assert sim.live_sessions == 0

    await full_login(client)  # only a password login helps
    assert (await get_json(client, ME_URL))[0] == 200


async def test_refresh_without_a_session_is_refused(
    client: aiohttp.ClientSession, sim: LibrusSimulator
) -> None:
    refresh = await get(client, REFRESH_URL)
    assert refresh.status == 401
    assert "Brak dostępu" in await refresh.text()
    assert not refresh.cookies

    await full_login(client)
    cookies = jar_cookies(client)
    forged = {"DZIENNIKSID": cookies["DZIENNIKSID"], "SDZIENNIKSID": "forged"}
    async with new_client(sim.url) as other:
        other.cookie_jar.update_cookies(forged, URL(sim.url))
        assert (await get(other, REFRESH_URL)).status == 401
    assert (await get_json(client, ME_URL))[0] == 200  # the real session is untouched


@pytest.mark.parametrize("what", ["tokens", "sessions"])
@pytest.mark.parametrize("payload", ["[1]", '{"login": 5}', "not json"])
async def test_admin_expire_rejects_bad_bodies(
    sim: LibrusSimulator, admin: aiohttp.ClientSession, what: str, payload: str
) -> None:
    async with admin.post(f"/__simulator/expire-{what}", data=payload) as response:
        assert response.status == 400
        assert (await response.json())["error"]
