"""Where Librus lives and what a connection to it carries (no Home Assistant imports).

The URLs (real hosts, or the simulator's in tests and the demo), timeouts, credentials, the
cookie jar that keeps Synergia's session cookie past its Max-Age, the per-account memory of
password logins (``LoginGuard``) and a validated session handed to the entry set up next
(``SessionHandover``). ``LibrusClient`` (client.py) uses them.
"""

from __future__ import annotations

import os
import re
import time
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

import aiohttp
from aiohttp.abc import AbstractCookieJar
from yarl import URL

from .auth import SESSION_COOKIE
from .errors import LibrusResponseError

OAUTH_URL_ENV = "LIBRUS_OAUTH_URL"
SYNERGIA_URL_ENV = "LIBRUS_SYNERGIA_URL"
MESSAGES_URL_ENV = "LIBRUS_MESSAGES_URL"
DEFAULT_OAUTH_URL = "https://api.librus.pl"
DEFAULT_SYNERGIA_URL = "https://synergia.librus.pl"
DEFAULT_MESSAGES_URL = "https://wiadomosci.librus.pl"
GATEWAY_PATH = "/gateway/api/2.0"
# Synergia's door to the messages host: it signs the session (or a browser) in there.
MESSAGES_BOOTSTRAP_PATH = "/wiadomosci3"
MESSAGES_API_PATH = "/api"
# After a failed password login, Home Assistant waits this long before it tries the
# password again by itself (Librus demands a captcha from accounts that log in too often).
LOGIN_PAUSE = 600.0


@dataclass(frozen=True, slots=True)
class LibrusUrls:
    """Where Librus lives; tests, benchmarks and the demo point these at the simulator."""

    oauth_url: str = DEFAULT_OAUTH_URL
    synergia_url: str = DEFAULT_SYNERGIA_URL
    messages_url: str = DEFAULT_MESSAGES_URL

    @property
    def api_url(self) -> str:
        """The JSON gateway (Postman's ``{{api_url}}``)."""
        return self.synergia_url.rstrip("/") + GATEWAY_PATH

    @property
    def messages_api_url(self) -> str:
        return self.messages_url.rstrip("/") + MESSAGES_API_PATH

    @property
    def messages_entry_url(self) -> str:
        """Synergia's ``/wiadomosci3``: signs a Synergia session into the messages host."""
        return self.synergia_url.rstrip("/") + MESSAGES_BOOTSTRAP_PATH

    @classmethod
    def from_environment(cls) -> LibrusUrls:
        """Read ``LIBRUS_OAUTH_URL`` / ``LIBRUS_SYNERGIA_URL`` / ``LIBRUS_MESSAGES_URL``
        (defaults: the real hosts)."""
        return cls(
            oauth_url=os.environ.get(OAUTH_URL_ENV) or DEFAULT_OAUTH_URL,
            synergia_url=os.environ.get(SYNERGIA_URL_ENV) or DEFAULT_SYNERGIA_URL,
            messages_url=os.environ.get(MESSAGES_URL_ENV) or DEFAULT_MESSAGES_URL,
        )

    def base(self, name: str) -> str:
        bases = {
            "oauth_url": self.oauth_url,
            "synergia_url": self.synergia_url,
            "messages_url": self.messages_url,
        }
        return bases.get(name, self.api_url).rstrip("/")

    def on_messages_host(self, url: URL) -> bool:
        """Whether ``url`` is on the messages host (under its base path, if it has one)."""
        base = URL(self.messages_url)
        prefix = base.path.rstrip("/")
        return (
            url.host == base.host
            and url.explicit_port == base.explicit_port
            and (not prefix or url.path == prefix or url.path.startswith(prefix + "/"))
        )

    def resolve_redirect(self, current: URL, location: str) -> URL:
        """Where a ``Location`` leads, or an error when it leaves Librus.

        Only the configured Librus hosts are followed; a target on one of them takes that
        host's configured scheme (an ``http://`` Location on a Librus host becomes https).
        Anything else is refused before a request (and so a cookie) is sent.
        """
        target = current.join(URL(location))
        for base in (URL(self.oauth_url), URL(self.synergia_url), URL(self.messages_url)):
            if target.host == base.host and target.explicit_port == base.explicit_port:
                return target.with_scheme(base.scheme or "https")
        raise LibrusResponseError(f"refused a redirect to a host outside Librus ({target.host})")


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
    """What the login learnt about the account."""

    user_identifier: str  # stable LID of the login (Auth/TokenInfo)
    user_type: str | None = None
    login: str | None = None
    student_identifier: str | None = None


class SessionProvider(Protocol):
    """Opens an HTTP session around a given cookie jar and releases it afterwards.

    Home Assistant passes its own (shared connector, its SSL context); the default owns
    a plain aiohttp session.
    """

    def open(self, cookie_jar: AbstractCookieJar) -> aiohttp.ClientSession: ...

    async def release(self, session: aiohttp.ClientSession) -> None: ...


class OwnedSessions:
    """A private aiohttp session per jar, closed on release."""

    def open(self, cookie_jar: AbstractCookieJar) -> aiohttp.ClientSession:
        return aiohttp.ClientSession(cookie_jar=cookie_jar)

    async def release(self, session: aiohttp.ClientSession) -> None:
        await session.close()


def disable_transparent_retries(session: aiohttp.ClientSession) -> None:
    """Make a dropped connection an error, not a silent second request.

    aiohttp re-sends an idempotent request once when the server drops the connection. The
    login must make exactly one attempt per step (and the simulator counts them), so that
    behaviour is switched off. aiohttp has no public switch; this private flag is the one
    its own request loop reads (3.13 and 3.14 alike).
    """
    session._retry_connection = False


_EXPIRY_ATTRIBUTE = re.compile(r";\s*(?:max-age|expires)=[^;]*", re.IGNORECASE)
_DELETING_MAX_AGE = re.compile(r";\s*max-age=\s*(?:0|-\d+)\s*(?:;|$)", re.IGNORECASE)


class LibrusCookieJar(aiohttp.CookieJar):
    """A cookie jar that keeps the gateway session cookie for as long as the jar lives.

    Librus sends ``oauth_token`` with ``Max-Age=600`` although the session behind it lives
    for hours; honouring the 10 minutes would force a new login on nearly every poll. The
    expiry is dropped from the ``Set-Cookie`` header before aiohttp parses it: every aiohttp
    version stores response cookies through ``update_cookies_from_headers`` (3.14 no longer
    passes through ``update_cookies``). A cookie that Librus deletes (``Max-Age=0``) stays
    deleted. When the server really ends the session, the gateway answers 401 and the
    client refreshes or logs in again.
    """

    def update_cookies_from_headers(self, headers: Sequence[str], response_url: URL) -> None:
        super().update_cookies_from_headers(
            [_without_session_expiry(header) for header in headers], response_url
        )


def _without_session_expiry(header: str) -> str:
    if not header.lstrip().startswith(f"{SESSION_COOKIE}=") or _DELETING_MAX_AGE.search(header):
        return header
    return _EXPIRY_ATTRIBUTE.sub("", header)


def new_cookie_jar() -> aiohttp.CookieJar:
    # unsafe=True: keep cookies from IP hosts too, or the loopback simulator loses them.
    return LibrusCookieJar(unsafe=True)


type SignInKind = Literal["password_login", "password_login_failed", "refresh", "refresh_failed"]
SIGN_IN_KINDS: tuple[SignInKind, ...] = (
    "password_login",
    "password_login_failed",
    "refresh",
    "refresh_failed",
)
_DAY = 86_400.0


class LoginGuard:
    """Per-account memory of password logins: pauses automatic ones after a failure.

    Shared by every client of one account (Home Assistant keeps one per login), so an entry
    reload does not forget a failure. Also keeps the last day of sign-ins for diagnostics.
    """

    def __init__(self, pause: float = LOGIN_PAUSE) -> None:
        self.pause = pause
        self._paused_until: float | None = None
        self._history: deque[tuple[float, SignInKind]] = deque()

    def paused_for(self) -> float:
        """Seconds until an automatic password login is allowed again (0: allowed)."""
        if self._paused_until is None:
            return 0.0
        return max(0.0, self._paused_until - time.monotonic())

    def record(self, kind: SignInKind) -> None:
        now = time.time()
        self._history.append((now, kind))
        while self._history and self._history[0][0] < now - _DAY:
            self._history.popleft()
        if kind == "password_login_failed":
            self._paused_until = time.monotonic() + self.pause
        elif kind == "password_login":
            self._paused_until = None

    def last_day(self) -> dict[str, int]:
        """How many sign-ins of each kind happened in the last 24 hours."""
        since = time.time() - _DAY
        counts: dict[str, int] = dict.fromkeys(SIGN_IN_KINDS, 0)
        for when, kind in self._history:
            if when >= since:
                counts[kind] += 1
        return counts


@dataclass(frozen=True, slots=True)
class SessionHandover:
    """A validated login's session, handed to the entry's first setup (one login, not two)."""

    credentials: Credentials
    identity: LoginResult
    cookie_jar: AbstractCookieJar = field(repr=False)
    created: float  # time.monotonic()
