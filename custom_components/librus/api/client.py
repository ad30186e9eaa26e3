"""LibrusClient: the cookie-jar lifecycle, the login, keeping the session, typed gateway reads.

One client serves one Librus account.

- **Login** (``login()``): the five steps of ``auth.REFERENCE_LOGIN_STEPS`` in a fresh cookie
  jar, with no retries; a failed login discards its jar at once. Redirects are followed by
  hand, hop by hop: only to the configured Librus hosts, never re-sending a form.
- **Keeping the session** (``get_json()``): when the gateway says the session is gone (401),
  the client first asks Synergia for a new session cookie without the password
  (``/refreshToken``) and repeats the read once; only when that fails does it log in with the
  password again. Password logins that Home Assistant starts by itself are rate-limited per
  account (``LoginGuard``): after a failed one, none for ``LOGIN_PAUSE``. No password login
  follows server trouble (429/5xx/503) within the same poll (``start_poll()``).
- **Messages** (``get_unread_messages()``, ``get_inbox()``): the messages host has its own
  session, opened from the Synergia session by ``GET {synergia}/wiadomosci3`` and its
  redirects (followed by hand, only to the messages host) and kept between polls. When the
  messages host no longer accepts it (401/403, a login page), the client opens a new one,
  once, and repeats the read; then it gives up until the next poll. A dead Synergia session
  met on the way is brought back as for gateway reads; the messages session itself never
  causes a password login. "Brak dostępu" at ``/wiadomosci3`` means the account has no
  messages module (:class:`LibrusModuleUnavailableError`). Only the reads in
  ``MESSAGES_READS`` are ever requested: the message itself (``inbox/messages/{id}``) would
  mark it read in Librus.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import aiohttp
from yarl import URL

from .account import Me, parse_me
from .answers import (
    NO_ACCESS_MARKER,
    classify_gateway_answer,
    classify_messages_answer,
    raise_for_server_trouble,
)
from .auth import (
    MAX_REDIRECT_HOPS,
    REFERENCE_LOGIN_STEPS,
    REFRESH_PATH,
    SESSION_COOKIE,
    AuthStep,
    StepResponse,
)
from .connection import (
    Credentials,
    LibrusUrls,
    LoginGuard,
    LoginResult,
    OwnedSessions,
    SessionHandover,
    SessionProvider,
    Timeouts,
    disable_transparent_retries,
    new_cookie_jar,
)
from .errors import (
    LibrusConnectionError,
    LibrusError,
    LibrusLoginPausedError,
    LibrusModuleUnavailableError,
    LibrusResponseError,
    LibrusSessionExpiredError,
    LibrusTimeoutError,
)
from .messages import (
    INBOX_ENDPOINT,
    UNREAD_ENDPOINT,
    InboxPage,
    UnreadCount,
    parse_inbox,
    parse_unread_count,
)

_LOGGER = logging.getLogger(__name__)

# The only messages paths ever requested; anything else (the message itself above all,
# inbox/messages/{id}) could mark a message read in Librus, which cannot be undone.
MESSAGES_READS: frozenset[str] = frozenset({UNREAD_ENDPOINT, INBOX_ENDPOINT})
# The reference collection sends a desktop browser's User-Agent on every request.
BROWSER_USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)
# No Librus answer comes near this; a bigger one is a fault, not data.
MAX_BODY_BYTES = 8 * 1024 * 1024
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True, slots=True)
class _Answer:
    """One HTTP answer (a single request: redirects are separate answers)."""

    url: URL
    status: int
    content_type: str
    text: str
    location: str | None
    sets_session_cookie: bool


class LibrusClient:
    """One Librus account: login, keeping the session, gateway reads."""

    def __init__(
        self,
        credentials: Credentials,
        *,
        sessions: SessionProvider | None = None,
        urls: LibrusUrls | None = None,
        timeouts: Timeouts | None = None,
        login_guard: LoginGuard | None = None,
    ) -> None:
        self._credentials = credentials
        self._sessions: SessionProvider = sessions or OwnedSessions()
        self.urls = urls or LibrusUrls.from_environment()
        self.timeouts = timeouts or Timeouts()
        self.login_guard = login_guard or LoginGuard()
        self._session: aiohttp.ClientSession | None = None
        self._identity: LoginResult | None = None
        self._generation = 0  # bumps whenever the session is replaced, refreshed or dropped
        self._login_lock = asyncio.Lock()
        self._server_trouble_in_poll = False
        self._handed_over = False  # the jar now belongs to the entry that adopts it
        # The HTTP session whose jar holds a messages session (none: open one before a read).
        self._messages_session: aiohttp.ClientSession | None = None
        self._messages_lock = asyncio.Lock()
        self.request_count = 0  # every HTTP request, redirects included
        self.messages_bootstraps = 0  # messages sessions opened from the Synergia session

    def __repr__(self) -> str:
        return f"LibrusClient(username={self._credentials.username!r}, logged_in={self.logged_in})"

    @property
    def logged_in(self) -> bool:
        return self._session is not None

    @property
    def identity(self) -> LoginResult | None:
        return self._identity

    # ------------------------------------------------------------------ login

    async def login(self) -> LoginResult:
        """Run the five steps in a fresh cookie jar, now; no retries, no rate limit.

        For a person's explicit request (validation in the config flow). On success the
        session is kept for data reads; on any failure the new jar is discarded and the
        client holds no session.
        """
        async with self._login_lock:
            result = await self._login_locked()
        self.login_guard.record("password_login")
        _LOGGER.debug("Signed in to Librus with the password (validation)")
        return result

    async def _login_locked(self) -> LoginResult:
        await self._discard_session()
        jar = new_cookie_jar()
        session = self._sessions.open(jar)
        disable_transparent_retries(session)
        try:
            result = await self._run_login(session)
        except BaseException:
            await self._sessions.release(session)
            jar.clear()
            raise
        self._session = session
        self._identity = result
        self._generation += 1
        return result

    async def _automatic_login(self) -> None:
        """A password login Home Assistant starts by itself: rate-limited, counted, logged."""
        if self._server_trouble_in_poll:
            raise LibrusSessionExpiredError(
                "the session ended while Librus has server trouble; not logging in again now"
            )
        if (wait := self.login_guard.paused_for()) > 0:
            raise LibrusLoginPausedError(
                f"a recent password login failed; the next one in {wait / 60:.0f} min"
            )
        try:
            await self._login_locked()
        except LibrusError:
            self.login_guard.record("password_login_failed")
            raise
        self.login_guard.record("password_login")
        _LOGGER.info(
            "Signed in to Librus with the password (%d password sign-ins in the last 24 h)",
            self.login_guard.last_day()["password_login"],
        )

    def hand_over(self) -> SessionHandover | None:
        """Give the logged-in session away (its HTTP session is released by ``close()``).

        The jar survives ``close()``: the entry set up next adopts it instead of logging in.
        """
        if self._session is None or self._identity is None:
            return None
        handover = SessionHandover(
            credentials=self._credentials,
            identity=self._identity,
            cookie_jar=self._session.cookie_jar,
            created=time.monotonic(),
        )
        self._handed_over = True
        return handover

    def adopt(self, handover: SessionHandover, *, max_age: float) -> bool:
        """Continue a validated session of the same credentials, if it is recent enough."""
        if (
            self._session is not None
            or handover.credentials != self._credentials
            or time.monotonic() - handover.created > max_age
        ):
            return False
        session = self._sessions.open(handover.cookie_jar)
        disable_transparent_retries(session)
        self._session = session
        self._identity = handover.identity
        self._generation += 1
        return True

    async def close(self) -> None:
        """Forget the session and its cookies (unless they were handed over)."""
        async with self._login_lock:
            await self._discard_session()

    async def __aenter__(self) -> LibrusClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def _discard_session(self) -> None:
        session, self._session = self._session, None
        self._messages_session = None
        if session is not None:
            self._generation += 1  # readers still using it will know it was replaced
            jar = session.cookie_jar
            await self._sessions.release(session)
            if not self._handed_over:
                jar.clear()
            self._handed_over = False

    # ------------------------------------------------------------------ the five steps

    async def _run_login(self, session: aiohttp.ClientSession) -> LoginResult:
        found: dict[str, str] = {}
        try:
            async with asyncio.timeout(self.timeouts.login_total):
                for step in REFERENCE_LOGIN_STEPS:
                    response = await self._run_step(session, step, found)
                    found.update(step.check(response))
                    self._check_landing(step, response)
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

    def _step_url(self, step: AuthStep, found: Mapping[str, str]) -> URL:
        base = URL(self.urls.base(step.base) + "/")
        if step.start_from is not None and (start := found.get(step.start_from)):
            return self.urls.resolve_redirect(base, start)
        path_values = {key: quote(value, safe="") for key, value in found.items()}
        url = base.join(URL(step.path.format_map(path_values)))
        query = {key: value.format(now=int(time.time())) for key, value in step.query.items()}
        return url.with_query(query) if query else url

    async def _run_step(
        self, session: aiohttp.ClientSession, step: AuthStep, found: Mapping[str, str]
    ) -> StepResponse:
        """One step: its request, then (by hand) each redirect it is allowed to follow."""
        url = self._step_url(step, found)
        form_values = {"login": self._credentials.username, "password": self._credentials.password}
        form: dict[str, str] | None = {
            key: value.format_map(form_values) for key, value in step.form.items()
        } or None
        method: str = step.method
        hops: list[int] = []
        too_many = False
        while True:
            answer = await self._send(
                session, method, url, where=step.name, data=form, headers=step.headers
            )
            opened = step.stop_when_session_opened and self._has_session_cookie(session)
            if opened or not step.follow_redirects or answer.location is None:
                break
            if len(hops) == MAX_REDIRECT_HOPS:
                too_many = True
                break
            url = self.urls.resolve_redirect(answer.url, answer.location)
            _refuse_stateless_authorization(step.name, url)
            hops.append(answer.status)
            method, form = "GET", None  # a redirect never carries the form again
        return StepResponse(
            step=step.name,
            status=answer.status,
            content_type=answer.content_type,
            text=answer.text,
            url=str(answer.url),
            redirects=tuple(hops),
            session_opened=self._has_session_cookie(session),
            too_many_redirects=too_many,
        )

    def _check_landing(self, step: AuthStep, response: StepResponse) -> None:
        """Step 1 must end on the authorization page, carrying Librus's ``state``."""
        if step.landing is None:
            return
        landing = step.landing
        expected = URL(self.urls.base(landing.base) + "/").join(URL(landing.path))
        reached = URL(response.url)
        query = reached.query
        if (
            reached.with_query(None).with_fragment(None) != expected
            or any(query.get(key) != value for key, value in landing.query.items())
            or any(not query.get(key) for key in landing.required)
        ):
            raise LibrusResponseError(
                f"{step.name}: Synergia did not lead to the authorization page with a state"
            )

    def _has_session_cookie(self, session: aiohttp.ClientSession) -> bool:
        cookies = session.cookie_jar.filter_cookies(URL(self.urls.synergia_url))
        return SESSION_COOKIE in cookies

    async def _send(
        self,
        session: aiohttp.ClientSession,
        method: str,
        url: URL,
        *,
        where: str,
        data: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> _Answer:
        """Exactly one HTTP request, never following a redirect; the body read with a cap."""
        try:
            async with session.request(
                method,
                url,
                data=data,
                allow_redirects=False,
                headers={"User-Agent": BROWSER_USER_AGENT, **(headers or {})},
                timeout=aiohttp.ClientTimeout(total=self.timeouts.request),
            ) as response:
                self.request_count += 1
                body = bytearray()
                async for chunk in response.content.iter_chunked(64 * 1024):
                    body += chunk
                    if len(body) > MAX_BODY_BYTES:
                        raise LibrusResponseError(f"{where}: the answer is larger than we accept")
                encoding = response.charset or "utf-8"
                return _Answer(
                    url=response.url,
                    status=response.status,
                    content_type=response.content_type,
                    text=body.decode(encoding, errors="replace"),
                    location=(
                        response.headers.get("Location")
                        if response.status in _REDIRECT_STATUSES
                        else None
                    ),
                    sets_session_cookie=SESSION_COOKIE in response.cookies,
                )
        except TimeoutError:
            raise LibrusTimeoutError(
                f"{where}: no answer within {self.timeouts.request:g} s"
            ) from None
        except aiohttp.ClientError as err:
            raise LibrusConnectionError(f"{where}: {type(err).__name__}") from err
        except LookupError:  # an unknown charset
            raise LibrusResponseError(f"{where}: an answer in an unknown encoding") from None

    # ------------------------------------------------------------------ keeping the session

    def start_poll(self) -> None:
        """A new poll begins: server trouble seen in the last one no longer blocks a login."""
        self._server_trouble_in_poll = False

    async def _recover(self, seen_generation: int) -> None:
        """Bring the session back (refresh, else a password login) unless another reader did."""
        async with self._login_lock:
            if self._session is not None and self._generation != seen_generation:
                return  # another reader already refreshed or replaced it
            if self._session is not None and await self._refresh(self._session):
                self._generation += 1
                return
            await self._automatic_login()

    async def _refresh(self, session: aiohttp.ClientSession) -> bool:
        """Ask Synergia for a new session cookie without the password; True when it gave one."""
        url = URL(self.urls.base("synergia_url") + "/").join(URL(REFRESH_PATH))
        try:
            answer = await self._send(session, "GET", url, where="refresh_token")
            raise_for_server_trouble("refresh_token", answer.status)
        except LibrusConnectionError:
            self.login_guard.record("refresh_failed")
            self._server_trouble_in_poll = True
            raise
        except LibrusError as err:
            _LOGGER.debug("Librus session refresh failed: %s", err)
            answer = None
        if answer is not None and answer.status == 200 and answer.sets_session_cookie:
            self.login_guard.record("refresh")
            _LOGGER.debug("Librus session refreshed without the password")
            return True
        self.login_guard.record("refresh_failed")
        _LOGGER.debug("Librus did not refresh the session; a password login is needed")
        return False

    # ------------------------------------------------------------------ gateway reads

    async def get_json(
        self,
        endpoint: str,
        params: Mapping[str, str] | None = None,
        *,
        relogin: bool = True,
    ) -> dict[str, Any]:
        """GET a gateway endpoint; when the session is gone, bring it back once and repeat.

        Concurrent readers share that recovery: a reader whose session was replaced while
        its request was in flight simply repeats the request on the new session.
        """
        recovered = False
        while True:
            generation = self._generation
            session = self._session
            if session is not None:
                try:
                    return await self._gateway_get(session, endpoint, params)
                except LibrusSessionExpiredError:
                    if not relogin or recovered:
                        raise
                except LibrusConnectionError:
                    if self._generation == generation or recovered:
                        if self._generation == generation:
                            self._server_trouble_in_poll = True
                        raise
                    # The session was replaced while the request was in flight: repeat.
            elif not relogin or recovered:
                raise LibrusSessionExpiredError(f"{endpoint}: not logged in")
            recovered = True
            _LOGGER.debug("No live Librus session for %s; bringing it back", endpoint)
            await self._recover(generation)

    async def get_me(self, *, relogin: bool = True) -> Me:
        return parse_me(await self.get_json("Me", relogin=relogin))

    async def _gateway_get(
        self, session: aiohttp.ClientSession, endpoint: str, params: Mapping[str, str] | None
    ) -> dict[str, Any]:
        url = URL(f"{self.urls.api_url}/{endpoint.lstrip('/')}")
        if params:
            url = url.with_query(dict(params))
        answer = await self._send(session, "GET", url, where=endpoint)
        return classify_gateway_answer(endpoint, answer.status, answer.text)

    # ------------------------------------------------------------------ messages

    async def get_unread_messages(self) -> UnreadCount:
        """The number of unread messages in the inbox (marks nothing read)."""
        return parse_unread_count(await self.get_messages_json(UNREAD_ENDPOINT))

    async def get_inbox(self, limit: int = 20) -> InboxPage:
        """The newest ``limit`` messages of the inbox, as a list (marks nothing read)."""
        return parse_inbox(
            await self.get_messages_json(INBOX_ENDPOINT, {"page": "1", "limit": str(limit)})
        )

    async def get_messages_json(self, path: str, params: Mapping[str, str] | None = None) -> Any:
        """GET one of ``MESSAGES_READS`` on the messages API; opens the messages session first
        when there is none, and once more when the messages host no longer accepts it."""
        if path not in MESSAGES_READS:
            raise ValueError(f"refusing to request messages path {path!r}: it may mark read")
        async with self._messages_lock:
            opened = False
            if self._session is None or self._messages_session is not self._session:
                await self._open_messages_session()
                opened = True
            try:
                return await self._messages_get(path, params)
            except LibrusSessionExpiredError:
                self._messages_session = None
                if opened:  # a session opened a moment ago is refused: try at the next poll
                    raise
            _LOGGER.debug("The Librus messages session ended; opening a new one")
            await self._open_messages_session()
            try:
                return await self._messages_get(path, params)
            except LibrusSessionExpiredError:
                self._messages_session = None
                raise

    async def _messages_get(self, path: str, params: Mapping[str, str] | None) -> Any:
        session = self._session
        if session is None:
            raise LibrusSessionExpiredError(f"messages {path}: not logged in")
        url = URL(f"{self.urls.messages_api_url}/{path}")
        if params:
            url = url.with_query(dict(params))
        answer = await self._send(session, "GET", url, where=f"messages {path}")
        return classify_messages_answer(f"messages {path}", answer.status, answer.text)

    async def _open_messages_session(self) -> None:
        """Sign the Synergia session in to the messages host; bring Synergia back once if
        it turns out to be dead (refresh, else a rate-limited password login)."""
        recovered = False
        while True:
            generation = self._generation
            session = self._session
            if session is not None:
                try:
                    await self._messages_bootstrap(session)
                except LibrusSessionExpiredError:
                    if recovered:
                        raise
                else:
                    self._messages_session = session
                    self.messages_bootstraps += 1
                    return
            elif recovered:
                raise LibrusSessionExpiredError("messages: not logged in")
            recovered = True
            _LOGGER.debug("No live Librus session to open the messages session; bringing it back")
            await self._recover(generation)

    async def _messages_bootstrap(self, session: aiohttp.ClientSession) -> None:
        """``GET /wiadomosci3`` and its redirects, by hand, GET only, to the messages host only.

        Raises :class:`LibrusModuleUnavailableError` on "Brak dostępu",
        :class:`LibrusSessionExpiredError` when Synergia sends us to a login instead (its
        session is dead), :class:`LibrusResponseError` on anything else unexpected.
        """
        url = URL(self.urls.messages_entry_url)
        where = "messages_bootstrap"
        for _ in range(MAX_REDIRECT_HOPS + 1):
            answer = await self._send(session, "GET", url, where=where)
            raise_for_server_trouble(where, answer.status)
            if NO_ACCESS_MARKER in answer.text:
                raise LibrusModuleUnavailableError(f"{where}: 'Brak dostępu' (no messages)")
            if answer.location is None:
                if answer.status == 200 and self.urls.on_messages_host(answer.url):
                    return
                if answer.status == 401 or answer.status == 200:
                    raise LibrusSessionExpiredError(f"{where}: no messages session was opened")
                raise LibrusResponseError(f"{where}: unexpected HTTP {answer.status}")
            url = self.urls.resolve_redirect(answer.url, answer.location)
            if not self.urls.on_messages_host(url):  # a login page: the session is dead
                raise LibrusSessionExpiredError(f"{where}: redirected to {url.host}{url.path}")
            where = "messages_logon"
        raise LibrusResponseError("messages_bootstrap: too many redirects")


def _refuse_stateless_authorization(step: str, url: URL) -> None:
    """Never open an authorization without Librus's state: it would overwrite the pending one."""
    if (
        url.path.rstrip("/").endswith("/OAuth/Authorization")
        and url.query.get("response_type") == "code"
        and not url.query.get("state")
    ):
        raise LibrusResponseError(f"{step}: Synergia did not issue a login state")
