"""How the client moves on the wire: redirects by hand, only to Librus, never re-sending the
password, never opening a state-less authorization; the session cookie's lifetime.

The odd servers here are small aiohttp apps on 127.0.0.1 that misbehave in ways the
simulator (which plays Librus as it is) has no reason to.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from freezegun.api import FrozenDateTimeFactory
from yarl import URL

from custom_components.librus.api import (
    Credentials,
    LibrusClient,
    LibrusResponseError,
    LibrusSessionNotOpenedError,
    LibrusUrls,
    Timeouts,
)
from custom_components.librus.api.connection import new_cookie_jar

LIVE = LibrusUrls(oauth_url="https://api.librus.pl", synergia_url="https://synergia.librus.pl")


def test_an_http_location_on_a_librus_host_becomes_https() -> None:
    here = URL("https://api.librus.pl/OAuth/Authorization/Grant?client_id=46")
    target = LIVE.resolve_redirect(here, "http://synergia.librus.pl/loguj/portalRodzina?code=x")
    assert str(target) == "https://synergia.librus.pl/loguj/portalRodzina?code=x"
    relative = LIVE.resolve_redirect(here, "/OAuth/Authorization/PerformLogin?client_id=46")
    assert str(relative) == "https://api.librus.pl/OAuth/Authorization/PerformLogin?client_id=46"


@pytest.mark.parametrize(
    "location",
    [
        "https://librus.pl.example.com/OAuth",
        "https://evil.example/steal",
        "https://api.librus.pl:8443/OAuth/Authorization",  # another port is another server
        "//portal.librus.pl/",
    ],
)
def test_a_location_outside_the_librus_hosts_is_refused(location: str) -> None:
    with pytest.raises(LibrusResponseError, match="outside Librus"):
        LIVE.resolve_redirect(URL("https://api.librus.pl/OAuth/Authorization"), location)


async def test_session_cookie_deleted_by_librus_stays_deleted() -> None:
    jar = new_cookie_jar()
    url = URL("http://127.0.0.1:8080/")
    jar.update_cookies_from_headers(["oauth_token=abc; Max-Age=600; Path=/"], url)
    jar.update_cookies_from_headers(["oauth_token=; Max-Age=0; Path=/"], url)
    assert "oauth_token" not in jar.filter_cookies(url)


async def test_session_cookie_outlives_max_age_over_http(
    socket_enabled: None, freezer: FrozenDateTimeFactory
) -> None:
    """Through a real response (the path aiohttp 3.13 and 3.14 both take)."""

    async def set_cookie(request: web.Request) -> web.Response:
        response = web.Response(text="ok")
        response.set_cookie("oauth_token", "tok", max_age=600, path="/", httponly=True)
        return response

    async def echo(request: web.Request) -> web.Response:
        return web.Response(text=request.cookies.get("oauth_token", "-"))

    app = web.Application()
    app.router.add_get("/set", set_cookie)
    app.router.add_get("/echo", echo)
    async with served(app) as base:
        jar = new_cookie_jar()
        async with aiohttp.ClientSession(cookie_jar=jar) as session:
            await (await session.get(f"{base}/set")).read()
            freezer.tick(timedelta(hours=3))
            async with session.get(f"{base}/echo") as response:
                assert await response.text() == "tok"


class Recorder:
    """A tiny fake Librus that records what reached it."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str, str]] = []  # method, path with query, body

    async def record(self, request: web.Request) -> str:
        body = await request.text()
        self.seen.append((request.method, request.path_qs, body))
        return body


@asynccontextmanager
async def served(app: web.Application) -> AsyncIterator[str]:
    """Serve ``app`` on 127.0.0.1; yield its base URL."""
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    try:
        yield str(server.make_url("")).rstrip("/")
    finally:
        await server.close()


def client_at(base: str, password: str = "Tajne hasło 1") -> LibrusClient:
    return LibrusClient(
        Credentials("1234567", password),
        urls=LibrusUrls(oauth_url=base, synergia_url=base),
        timeouts=Timeouts(request=3.0, login_total=8.0),
    )


async def test_a_state_less_authorization_is_never_opened(socket_enabled: None) -> None:
    """A second ``response_type=code`` GET without Librus's state would overwrite the
    pending login; if Synergia's entry ever points at one, the client stops before it."""
    recorder = Recorder()

    async def entry(request: web.Request) -> web.Response:
        await recorder.record(request)
        raise web.HTTPFound("/OAuth/Authorization?client_id=46&response_type=code&scope=mydata")

    async def authorization(request: web.Request) -> web.Response:
        await recorder.record(request)
        return web.Response(text="<html>login</html>", content_type="text/html")

    app = web.Application()
    app.router.add_get("/loguj/portalRodzina", entry)
    app.router.add_get("/OAuth/Authorization", authorization)
    async with served(app) as base:
        client = client_at(base)
        with pytest.raises(LibrusResponseError, match="did not issue a login state"):
            await client.login()
    assert [path.split("?")[0] for _, path, _ in recorder.seen] == ["/loguj/portalRodzina"]


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
async def test_a_redirected_login_post_never_sends_the_password_again(
    socket_enabled: None, status: int
) -> None:
    """aiohttp would re-send the form on 307/308 to wherever Location points; the client
    follows every redirect by hand, with a GET and no body."""
    recorder = Recorder()
    password = "Tajne hasło 1"

    async def entry(request: web.Request) -> web.Response:
        await recorder.record(request)
        raise web.HTTPFound(
            "/OAuth/Authorization?client_id=46&response_type=code&scope=mydata&state=s1"
        )

    async def authorization(request: web.Request) -> web.Response:
        await recorder.record(request)
        if request.method == "POST":
            return web.Response(status=status, headers={"Location": "/elsewhere"})
        return web.Response(text="<html>login</html>", content_type="text/html")

    async def elsewhere(request: web.Request) -> web.Response:
        await recorder.record(request)
        return web.json_response({"status": "ok", "goTo": "/nowhere"})

    app = web.Application()
    app.router.add_get("/loguj/portalRodzina", entry)
    app.router.add_route("*", "/OAuth/Authorization", authorization)
    app.router.add_route("*", "/elsewhere", elsewhere)
    async with served(app) as base:
        client = client_at(base, password)
        with pytest.raises(LibrusSessionNotOpenedError):  # the goTo chain leads nowhere
            await client.login()
    methods = [(method, path.split("?")[0]) for method, path, _ in recorder.seen]
    assert methods[:4] == [
        ("GET", "/loguj/portalRodzina"),
        ("GET", "/OAuth/Authorization"),
        ("POST", "/OAuth/Authorization"),
        ("GET", "/elsewhere"),
    ]
    # The password travelled once, in the POST, untouched (only form-encoded) ...
    posts = [body for method, _, body in recorder.seen if method == "POST"]
    assert len(posts) == 1
    assert "pass=Tajne+has%C5%82o+1" in posts[0]
    # ... and no other request carried a body or the password.
    assert [body for method, _, body in recorder.seen if method != "POST"] == [""] * (
        len(recorder.seen) - 1
    )
    assert not any("Tajne" in path or "has%C5%82o" in path for _, path, _ in recorder.seen)


async def test_an_oversized_answer_is_refused(socket_enabled: None) -> None:
    async def entry(request: web.Request) -> web.Response:
        return web.Response(body=b"x" * (9 * 1024 * 1024))

    app = web.Application()
    app.router.add_get("/loguj/portalRodzina", entry)
    async with served(app) as base:
        with pytest.raises(LibrusResponseError, match="larger"):
            await client_at(base).login()
