"""Shared helpers for the simulator tests: drive the 2026 login over real HTTP."""

from __future__ import annotations

from typing import Any, Final

import aiohttp
from yarl import URL

from librus_simulator import DEMO_ACCOUNTS, Account, Fault, LibrusSimulator

PARENT: Final = DEMO_ACCOUNTS[0]
STUDENT: Final = DEMO_ACCOUNTS[1]

PORTAL_URL: Final = "/loguj/portalRodzina"
# The Postman collection's Step 1: the authorization URL without Synergia's state.
INIT_URL: Final = "/OAuth/Authorization?client_id=46&response_type=code&scope=mydata"
LOGIN_URL: Final = "/OAuth/Authorization?client_id=46"
TWO_FA_URL: Final = "/OAuth/Authorization/2FA?client_id=46"
PERFORM_LOGIN_URL: Final = "/OAuth/Authorization/PerformLogin?client_id=46"
GRANT_URL: Final = "/OAuth/Authorization/Grant?client_id=46"
REFRESH_URL: Final = "/refreshToken"
TOKEN_INFO_URL: Final = "/gateway/api/2.0/Auth/TokenInfo"
ME_URL: Final = "/gateway/api/2.0/Me"
SESSION_COOKIES: Final = ("DZIENNIKSID", "SDZIENNIKSID", "oauth_token")


def new_client(base_url: str) -> aiohttp.ClientSession:
    """A client like the integration's: one jar that accepts cookies from an IP host."""
    return aiohttp.ClientSession(base_url=base_url, cookie_jar=aiohttp.CookieJar(unsafe=True))


def jar_cookies(client: aiohttp.ClientSession) -> dict[str, str]:
    """The jar's cookies by name (the OAuth-path ones included)."""
    return {cookie.key: cookie.value for cookie in client.cookie_jar}


def user_info_url(user_identifier: str) -> str:
    return f"/gateway/api/2.0/Auth/UserInfo/{user_identifier}"


def state_of(location: str) -> str:
    return URL(location).query["state"]


async def get(
    client: aiohttp.ClientSession, url: str, *, follow: bool = False
) -> aiohttp.ClientResponse:
    """GET `url` (absolute, or relative to the simulator) and read the body."""
    async with client.get(url, allow_redirects=follow) as response:
        await response.read()
        return response


async def portal_entry(client: aiohttp.ClientSession) -> aiohttp.ClientResponse:
    return await get(client, PORTAL_URL)


async def oauth_init(client: aiohttp.ClientSession) -> str:
    """Hops 1-2 as a 2026 client does them: portal entry, then its Location. Returns the
    authorization URL (with Synergia's state)."""
    entry = await portal_entry(client)
    assert entry.status == 302, entry.status
    location = entry.headers["Location"]
    page = await get(client, location)
    assert page.status == 200, page.status
    return location


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
    """The Grant hop alone (the collection's Step 3)."""
    return await get(client, GRANT_URL, follow=follow)


async def follow_chain(
    client: aiohttp.ClientSession, url: str = TWO_FA_URL, *, limit: int = 10
) -> list[aiohttp.ClientResponse]:
    """Follow Locations by hand from `url` (the goTo) until an answer has none."""
    hops: list[aiohttp.ClientResponse] = []
    while True:
        response = await get(client, url)
        hops.append(response)
        location = response.headers.get("Location")
        if location is None:
            return hops
        assert len(hops) < limit, [str(hop.url) for hop in hops]
        url = location


async def get_json(client: aiohttp.ClientSession, url: str) -> tuple[int, Any]:
    async with client.get(url) as response:
        return response.status, await response.json(content_type=None)


async def full_login(client: aiohttp.ClientSession, account: Account = PARENT) -> None:
    """The whole 2026 login; asserts that it opened a session."""
    await oauth_init(client)
    login = await oauth_login(client, account)
    assert login.status == 200, login.status
    go_to = (await login.json())["goTo"]
    landing = (await follow_chain(client, go_to))[-1]
    assert landing.status == 200
    assert set(SESSION_COOKIES) <= set(jar_cookies(client))


class Control:
    """The same controls, either as method calls or as admin HTTP requests."""

    def __init__(self, sim: LibrusSimulator, admin: aiohttp.ClientSession, via: str) -> None:
        self.sim = sim
        self.admin = admin
        self.via = via

    async def inject(self, step: str, kind: str, **options: Any) -> None:
        if self.via == "direct":
            self.sim.inject(step, Fault(kind, **options))  # type: ignore[arg-type]
            return
        async with self.admin.post(
            "/__simulator/faults", json={"step": step, "kind": kind, **options}
        ) as response:
            assert response.status == 201, await response.text()

    async def clear(self) -> None:
        if self.via == "direct":
            self.sim.clear_faults()
            return
        async with self.admin.delete("/__simulator/faults") as response:
            assert response.status == 200

    async def release(self) -> int:
        if self.via == "direct":
            return self.sim.release_hangs()
        async with self.admin.post("/__simulator/release") as response:
            released: int = (await response.json())["released"]
            return released

    async def set_latency(self, seconds: float) -> None:
        if self.via == "direct":
            self.sim.set_latency(seconds)
            return
        async with self.admin.post("/__simulator/latency", json={"seconds": seconds}) as response:
            assert response.status == 200
