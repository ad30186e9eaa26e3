"""Shared helpers for the simulator tests: drive the reference login over real HTTP."""

from __future__ import annotations

from typing import Any, Final

import aiohttp

from librus_simulator import DEMO_ACCOUNTS, Account

PARENT: Final = DEMO_ACCOUNTS[0]
STUDENT: Final = DEMO_ACCOUNTS[1]

INIT_URL: Final = "/OAuth/Authorization?client_id=46&response_type=code&scope=mydata"
LOGIN_URL: Final = "/OAuth/Authorization?client_id=46"
GRANT_URL: Final = "/OAuth/Authorization/Grant?client_id=46"
TOKEN_INFO_URL: Final = "/gateway/api/2.0/Auth/TokenInfo"
ME_URL: Final = "/gateway/api/2.0/Me"
SESSION_COOKIES: Final = ("DZIENNIKSID", "SDZIENNIKSID", "oauth_token")


def new_client(base_url: str) -> aiohttp.ClientSession:
    """A client like the integration's: one jar that accepts cookies from an IP host."""
    return aiohttp.ClientSession(base_url=base_url, cookie_jar=aiohttp.CookieJar(unsafe=True))


def jar_cookies(client: aiohttp.ClientSession) -> dict[str, str]:
    return {cookie.key: cookie.value for cookie in client.cookie_jar}


def user_info_url(user_identifier: str) -> str:
    return f"/gateway/api/2.0/Auth/UserInfo/{user_identifier}"


async def oauth_init(client: aiohttp.ClientSession) -> aiohttp.ClientResponse:
    async with client.get(INIT_URL) as response:
        await response.read()
        return response


async def oauth_login(
    client: aiohttp.ClientSession, account: Account = PARENT, password: str | None = None
) -> aiohttp.ClientResponse:
    form = {
        "action": "login",
        "login": account.login,
        "pass": account.password if password is None else password,
    }
    async with client.post(LOGIN_URL, data=form) as response:
        await response.read()
        return response


async def oauth_grant(
    client: aiohttp.ClientSession, *, follow: bool = True
) -> aiohttp.ClientResponse:
    async with client.get(GRANT_URL, allow_redirects=follow) as response:
        await response.read()
        return response


async def get_json(client: aiohttp.ClientSession, url: str) -> tuple[int, Any]:
    async with client.get(url) as response:
        return response.status, await response.json(content_type=None)


async def full_login(client: aiohttp.ClientSession, account: Account = PARENT) -> None:
    """Steps 1-3 of the reference sequence; asserts that they all worked."""
    assert (await oauth_init(client)).status == 200
    assert (await oauth_login(client, account)).status == 200
    landing = await oauth_grant(client)
    assert landing.status == 200
    assert set(SESSION_COOKIES) <= set(jar_cookies(client))
