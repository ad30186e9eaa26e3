"""LibrusClient: the cookie-jar lifecycle, the reference login and typed gateway reads.

One client serves one Librus account. Every login starts from a fresh cookie jar (Librus
keeps one session per jar, so two accounts or two attempts must never share one); a failed
login discards its jar at once. Validation never retries; data reads re-login once when the
gateway says the session died.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
from collections.abc import Mapping
from copy import copy
from dataclasses import dataclass, field
from http.cookies import BaseCookie, Morsel
from typing import Any, Protocol
from urllib.parse import quote

import aiohttp
from aiohttp.typedefs import LooseCookies
from yarl import URL

from .auth import REFERENCE_LOGIN_STEPS, AuthStep, StepResponse, raise_for_server_trouble
from .errors import (
    LibrusConnectionError,
    LibrusError,
    LibrusModuleUnavailableError,
    LibrusResponseError,
    LibrusSessionExpiredError,
    LibrusTimeoutError,
)
from .models import Me, parse_me, raise_for_status

_LOGGER = logging.getLogger(__name__)

OAUTH_URL_ENV = "LIBRUS_OAUTH_URL"
SYNERGIA_URL_ENV = "LIBRUS_SYNERGIA_URL"
DEFAULT_OAUTH_URL = "https://api.librus.pl"
DEFAULT_SYNERGIA_URL = "https://synergia.librus.pl"
GATEWAY_PATH = "/gateway/api/2.0"
# The reference collection sends a desktop browser's User-Agent on every request.
BROWSER_USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)


@dataclass(frozen=True, slots=True)
class LibrusUrls:
    """Where Librus lives; tests, benchmarks and the demo point these at the simulator."""

    oauth_url: str = DEFAULT_OAUTH_URL
    synergia_url: str = DEFAULT_SYNERGIA_URL

    @property
    def api_url(self) -> str:
        """The JSON gateway (Postman's ``{{api_url}}``)."""
        return self.synergia_url.rstrip("/") + GATEWAY_PATH

    @classmethod
    def from_environment(cls) -> LibrusUrls:
        """Read ``LIBRUS_OAUTH_URL`` / ``LIBRUS_SYNERGIA_URL`` (defaults: the real hosts)."""
        return cls(
            oauth_url=os.environ.get(OAUTH_URL_ENV) or DEFAULT_OAUTH_URL,
            synergia_url=os.environ.get(SYNERGIA_URL_ENV) or DEFAULT_SYNERGIA_URL,
        )

    def base(self, name: str) -> str:
        return (self.oauth_url if name == "oauth_url" else self.api_url).rstrip("/")


@dataclass(frozen=True, slots=True)
class Timeouts:
    """Per-request timeout plus a budget for the whole login (setup must stay under 30 s)."""

    request: float = 10.0
    login_total: float = 20.0


@dataclass(frozen=True, slots=True)
class Credentials:
    username: str
    password: str = field(repr=False)


@dataclass(frozen=True, slots=True)
class LoginResult:
    """What the reference login learnt about the account."""

    user_identifier: str  # stable LID of the login (Auth/TokenInfo)
    user_type: str | None = None
    login: str | None = None
    student_identifier: str | None = None


class SessionProvider(Protocol):
    """Opens an HTTP session around a given cookie jar and releases it afterwards.

    Home Assistant passes its own (shared connector, its SSL context); the default owns
    a plain aiohttp session.
    """

    def open(self, cookie_jar: aiohttp.CookieJar) -> aiohttp.ClientSession: ...

    async def release(self, session: aiohttp.ClientSession) -> None: ...


class OwnedSessions:
    """A private aiohttp session per jar, closed on release."""

    def open(self, cookie_jar: aiohttp.CookieJar) -> aiohttp.ClientSession:
        return aiohttp.ClientSession(cookie_jar=cookie_jar)

    async def release(self, session: aiohttp.ClientSession) -> None:
        await session.close()


def disable_transparent_retries(session: aiohttp.ClientSession) -> None:
    """Make a dropped connection an error, not a silent second request.

    aiohttp re-sends an idempotent request once when the server drops the connection. The
    login must make exactly one attempt per step (and the simulator counts them), so that
    behaviour is switched off. aiohttp has no public switch; this private flag is the one
    its own request loop reads.
    """
    session._retry_connection = False


# The gateway session cookie. Librus sends it with Max-Age=600 although the session behind
# it lives about a day; honouring the 10 minutes would force a full login on every poll.
SESSION_COOKIE = "oauth_token"
_NO_URL = URL()


class LibrusCookieJar(aiohttp.CookieJar):
    """A cookie jar that keeps the gateway session cookie for as long as the jar lives.

    When the server really ends the session, the gateway answers 401 and the client logs
    in again once (with a new jar), so keeping the cookie costs at most one request.
    """

    def update_cookies(self, cookies: LooseCookies, response_url: URL = _NO_URL) -> None:
        items = cookies.items() if isinstance(cookies, Mapping) else cookies
        kept: list[tuple[str, str | BaseCookie[str] | Morsel[Any]]] = []
        for name, value in items:
            if name == SESSION_COOKIE and isinstance(value, Morsel):
                value = copy(value)
                value["max-age"] = ""
                value["expires"] = ""
            kept.append((name, value))
        super().update_cookies(kept, response_url)


def new_cookie_jar() -> aiohttp.CookieJar:
    # unsafe=True: keep cookies from IP hosts too, or the loopback simulator loses them.
    return LibrusCookieJar(unsafe=True)


class LibrusClient:
    """One Librus account: login (the five reference steps) and gateway reads."""

    def __init__(
        self,
        credentials: Credentials,
        *,
        sessions: SessionProvider | None = None,
        urls: LibrusUrls | None = None,
        timeouts: Timeouts | None = None,
    ) -> None:
        self._credentials = credentials
        self._sessions: SessionProvider = sessions or OwnedSessions()
        self.urls = urls or LibrusUrls.from_environment()
        self.timeouts = timeouts or Timeouts()
        self._session: aiohttp.ClientSession | None = None
        self._identity: LoginResult | None = None
        self._generation = 0  # bumps whenever the session is replaced or dropped
        self._login_lock = asyncio.Lock()
        self.request_count = 0  # every HTTP request, redirects included

    def __repr__(self) -> str:
        return f"LibrusClient(username={self._credentials.username!r}, logged_in={self.logged_in})"

    @property
    def logged_in(self) -> bool:
        return self._session is not None

    @property
    def identity(self) -> LoginResult | None:
        return self._identity

    async def login(self) -> LoginResult:
        """Run the reference sequence in a fresh cookie jar; no retries.

        On success the session is kept for data reads. On any failure the new jar is
        discarded and the client holds no session.
        """
        async with self._login_lock:
            return await self._login_locked()

    async def _login_locked(self) -> LoginResult:
        await self._discard_session()
        jar = new_cookie_jar()
        session = self._sessions.open(jar)
        disable_transparent_retries(session)
        try:
            result = await self._run_reference_login(session)
        except BaseException:
            await self._sessions.release(session)
            jar.clear()
            raise
        self._session = session
        self._identity = result
        self._generation += 1
        return result

    async def _relogin(self, seen_generation: int) -> None:
        """Log in again unless another reader already did since ``seen_generation``."""
        async with self._login_lock:
            if self._session is None or self._generation == seen_generation:
                await self._login_locked()

    async def close(self) -> None:
        """Forget the session and its cookies."""
        async with self._login_lock:
            await self._discard_session()

    async def __aenter__(self) -> LibrusClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def get_json(
        self,
        endpoint: str,
        params: Mapping[str, str] | None = None,
        *,
        relogin: bool = True,
    ) -> dict[str, Any]:
        """GET a gateway endpoint; one silent re-login if the session turned out dead.

        Concurrent readers share that re-login: a reader whose session was replaced while
        its request was in flight simply repeats the request on the new session.
        """
        retried = not relogin
        for _ in range(3):  # at most: log in, read, re-login and read again
            generation = self._generation
            session = self._session
            if session is None:
                await self._relogin(generation)
                continue
            try:
                return await self._gateway_get(session, endpoint, params)
            except (LibrusSessionExpiredError, LibrusConnectionError) as err:
                replaced = self._generation != generation
                if retried or not (replaced or isinstance(err, LibrusSessionExpiredError)):
                    raise
                retried = True
                _LOGGER.debug("Librus session ended while reading %s; logging in again", endpoint)
                await self._relogin(generation)
        raise LibrusSessionExpiredError(f"{endpoint}: could not keep a session")

    async def get_me(self, *, relogin: bool = True) -> Me:
        return parse_me(await self.get_json("Me", relogin=relogin))

    async def _discard_session(self) -> None:
        session, self._session = self._session, None
        if session is not None:
            self._generation += 1  # readers still using it will know it was replaced
            jar = session.cookie_jar
            await self._sessions.release(session)
            jar.clear()

    async def _run_reference_login(self, session: aiohttp.ClientSession) -> LoginResult:
        found: dict[str, str] = {}
        try:
            async with asyncio.timeout(self.timeouts.login_total):
                for step in REFERENCE_LOGIN_STEPS:
                    response = await self._run_step(session, step, found)
                    found.update(step.check(response))
                    _LOGGER.debug("Login step %s passed (HTTP %s)", step.name, response.status)
        except TimeoutError:
            raise LibrusTimeoutError(
                f"the Librus login did not finish within {self.timeouts.login_total:g} s"
            ) from None
        except LibrusError as err:
            _LOGGER.debug("Librus login failed: %s", err)
            raise
        return LoginResult(
            user_identifier=found["user_identifier"],
            user_type=found.get("user_type"),
            login=found.get("login"),
            student_identifier=found.get("student_identifier"),
        )

    async def _run_step(
        self, session: aiohttp.ClientSession, step: AuthStep, found: Mapping[str, str]
    ) -> StepResponse:
        path_values = {key: quote(value, safe="") for key, value in found.items()}
        url = f"{self.urls.base(step.base)}/{step.path.format_map(path_values)}"
        form_values = {"login": self._credentials.username, "password": self._credentials.password}
        form = {key: value.format_map(form_values) for key, value in step.form.items()}
        try:
            async with session.request(
                step.method,
                url,
                params=dict(step.query),
                data=form or None,
                allow_redirects=step.follow_redirects,
                headers={"User-Agent": BROWSER_USER_AGENT},
                timeout=aiohttp.ClientTimeout(total=self.timeouts.request),
            ) as response:
                text = await response.text(errors="replace")
                self.request_count += 1 + len(response.history)
                return StepResponse(
                    step=step.name,
                    status=response.status,
                    content_type=response.content_type,
                    text=text,
                    redirects=tuple(hop.status for hop in response.history),
                )
        except TimeoutError:
            raise LibrusTimeoutError(
                f"{step.name}: no answer within {self.timeouts.request:g} s"
            ) from None
        except aiohttp.TooManyRedirects:
            raise LibrusResponseError(f"{step.name}: too many redirects") from None
        except aiohttp.ClientError as err:
            raise LibrusConnectionError(f"{step.name}: {type(err).__name__}") from err

    async def _gateway_get(
        self, session: aiohttp.ClientSession, endpoint: str, params: Mapping[str, str] | None
    ) -> dict[str, Any]:
        url = f"{self.urls.api_url}/{endpoint.lstrip('/')}"
        try:
            async with session.get(
                url,
                params=dict(params or {}),
                allow_redirects=False,
                headers={"User-Agent": BROWSER_USER_AGENT},
                timeout=aiohttp.ClientTimeout(total=self.timeouts.request),
            ) as response:
                text = await response.text(errors="replace")
                self.request_count += 1
                status = response.status
        except TimeoutError:
            raise LibrusTimeoutError(
                f"{endpoint}: no answer within {self.timeouts.request:g} s"
            ) from None
        except aiohttp.ClientError as err:
            raise LibrusConnectionError(f"{endpoint}: {type(err).__name__}") from err
        return classify_gateway_answer(endpoint, status, text)


def classify_gateway_answer(endpoint: str, status: int, text: str) -> dict[str, Any]:
    """Turn a gateway answer into a JSON object or the error it stands for."""
    raise_for_server_trouble(StepResponse(step=endpoint, status=status, content_type="", text=text))
    if status == 401:
        if "Insufficient scopes" in text:
            raise LibrusModuleUnavailableError(f"{endpoint}: not available to this account")
        raise LibrusSessionExpiredError(f"{endpoint}: the session is no longer valid")
    if 300 <= status < 400:  # a redirect to the login page
        raise LibrusSessionExpiredError(f"{endpoint}: redirected to the login page")
    if status in (403, 404):
        raise LibrusModuleUnavailableError(f"{endpoint}: not available (HTTP {status})")
    if status != 200:
        raise LibrusResponseError(f"{endpoint}: unexpected HTTP {status}")
    try:
        body = json.loads(text)
    except ValueError:
        if "<html" in text.lower():  # the login page instead of JSON
            raise LibrusSessionExpiredError(f"{endpoint}: got a web page instead of JSON") from None
        raise LibrusResponseError(f"{endpoint}: the answer is not JSON") from None
    if not isinstance(body, dict):
        raise LibrusResponseError(f"{endpoint}: the answer is not a JSON object")
    # Status bodies ({"Status": "Disabled"}, NotActive codes, maintenance, an expired token)
    # mean the same here as to the parsers: one mapping serves both.
    raise_for_status(body, endpoint)
    return body
