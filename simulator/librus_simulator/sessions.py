"""Login state: Synergia's OAuth states, pending authorizations (api side), one-time codes,
Synergia sessions with their short-lived tokens, and wrong-password counters."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from enum import IntEnum
from typing import Final

from .constants import CAPTCHA_AFTER_WRONG_PASSWORDS, DZIENNIKSID, OAUTH_TOKEN, SDZIENNIKSID

# Issued but unused states kept at most (a long demo run must not grow without bound).
_MAX_STATES: Final = 10_000


class Stage(IntEnum):
    """How far a pending authorization got; each hop needs the one before it."""

    STARTED = 0  # the authorization page was shown
    AUTHENTICATED = 1  # the credentials POST succeeded
    PASSED_2FA = 2  # GET /2FA
    PERFORMED = 3  # GET /PerformLogin; /Grant may now issue a code


@dataclass(slots=True)
class PendingAuthorization:
    """The authorization in progress in one OAuth session (one AUTHSESSID)."""

    # The Synergia state the authorization URL carried; None for a state-less GET.
    state: str | None
    login: str | None = None
    stage: Stage = Stage.STARTED


@dataclass(frozen=True, slots=True)
class IssuedCode:
    login: str
    state: str | None


@dataclass(slots=True)
class SynergiaSession:
    """A live Synergia session (DZIENNIKSID/SDZIENNIKSID) and its current `oauth_token`.

    The session outlives its tokens: `/refreshToken` replaces the token, and expiring the
    tokens (`oauth_token=None`) leaves a session that a refresh can revive.
    """

    login: str
    dzienniksid: str
    sdzienniksid: str
    oauth_token: str | None

    def cookies(self) -> dict[str, str]:
        cookies = {DZIENNIKSID: self.dzienniksid, SDZIENNIKSID: self.sdzienniksid}
        if self.oauth_token is not None:
            cookies[OAUTH_TOKEN] = self.oauth_token
        return cookies


class SessionStore:
    """All login state of one simulator. Plain dicts: the event loop serialises access."""

    def __init__(self) -> None:
        # States Synergia issued at portal_entry and not yet used by a callback (ordered).
        self._states: dict[str, None] = {}
        # AUTHSESSID -> the authorization in progress there.
        self._oauth: dict[str, PendingAuthorization] = {}
        # One-time authorization code -> login and the state it was issued for.
        self._codes: dict[str, IssuedCode] = {}
        # DZIENNIKSID -> session.
        self._synergia: dict[str, SynergiaSession] = {}
        # login -> wrong passwords since its last successful login or captcha reset.
        self._wrong_passwords: dict[str, int] = {}

    # Synergia's OAuth state

    def issue_state(self) -> str:
        state = secrets.token_hex(16)
        self._states[state] = None
        while len(self._states) > _MAX_STATES:
            del self._states[next(iter(self._states))]
        return state

    def state_is_live(self, state: str) -> bool:
        return state in self._states

    def use_state(self, state: str) -> None:
        self._states.pop(state, None)

    # OAuth (api.librus.pl) side

    def start_authorization(self, session_id: str | None, state: str | None) -> str:
        """Open a new pending authorization in `session_id` (a new session if it is None or
        unknown), replacing the one in progress there; return the session id."""
        if session_id is None or session_id not in self._oauth:
            session_id = secrets.token_hex(16)
        self._oauth[session_id] = PendingAuthorization(state=state)
        return session_id

    def pending(self, session_id: str | None) -> PendingAuthorization | None:
        if session_id is None:
            return None
        return self._oauth.get(session_id)

    def authenticate(self, session_id: str, login: str) -> None:
        """The credentials POST succeeded: the authorization must now pass 2FA again."""
        pending = self._oauth[session_id]
        pending.login = login
        pending.stage = Stage.AUTHENTICATED

    def unauthenticate(self, session_id: str) -> None:
        """A refused credentials POST leaves nobody logged in (the state stays bound)."""
        pending = self._oauth[session_id]
        pending.login = None
        pending.stage = Stage.STARTED

    def advance(self, session_id: str | None, to: Stage) -> bool:
        """Record the hop that reaches `to`, if the authorization passed the hop before it.
        Repeating a hop is harmless (some clients call PerformLogin twice)."""
        pending = self.pending(session_id)
        if pending is None or pending.login is None or pending.stage < to - 1:
            return False
        pending.stage = max(pending.stage, to)
        return True

    def issue_code(self, session_id: str | None) -> tuple[str, str | None] | None:
        """Finish the session's authorization with a one-time code, if it passed every hop
        (credentials, 2FA, PerformLogin): return the code and the state it is bound to."""
        pending = self.pending(session_id)
        if (
            session_id is None
            or pending is None
            or pending.login is None
            or pending.stage < Stage.PERFORMED
        ):
            return None
        self._oauth[session_id] = PendingAuthorization(state=None)  # nothing left to grant
        code = secrets.token_urlsafe(24)
        self._codes[code] = IssuedCode(pending.login, pending.state)
        return code, pending.state

    def redeem_code(self, code: str) -> IssuedCode | None:
        """Return what the code was issued for and forget it: a code works once."""
        return self._codes.pop(code, None)

    # Wrong passwords and the captcha

    def wrong_password(self, login: str) -> None:
        self._wrong_passwords[login] = self._wrong_passwords.get(login, 0) + 1

    def captcha_required(self, login: str) -> bool:
        return self._wrong_passwords.get(login, 0) >= CAPTCHA_AFTER_WRONG_PASSWORDS

    def reset_wrong_passwords(self, login: str | None = None) -> int:
        """Forget wrong passwords (all, or one login's); return how many logins demanded
        the captcha before."""
        logins = list(self._wrong_passwords) if login is None else [login]
        demanded = sum(1 for name in logins if self.captcha_required(name))
        for name in logins:
            self._wrong_passwords.pop(name, None)
        return demanded

    # Synergia side

    def open_session(self, login: str) -> SynergiaSession:
        session = SynergiaSession(
            login=login,
            dzienniksid=f"L01~{secrets.token_hex(16)}",
            sdzienniksid=secrets.token_hex(16),
            oauth_token=secrets.token_hex(20),
        )
        self._synergia[session.dzienniksid] = session
        return session

    def _by_session_cookies(self, cookies: Mapping[str, str]) -> SynergiaSession | None:
        session = self._synergia.get(cookies.get(DZIENNIKSID, ""))
        if session is None or cookies.get(SDZIENNIKSID) != session.sdzienniksid:
            return None
        return session

    def find_session(self, cookies: Mapping[str, str]) -> SynergiaSession | None:
        """The live session whose three cookies (the current token included) all match."""
        session = self._by_session_cookies(cookies)
        if session is None or session.oauth_token is None:
            return None
        if cookies.get(OAUTH_TOKEN) != session.oauth_token:
            return None
        return session

    def refresh_token(self, cookies: Mapping[str, str]) -> str | None:
        """Give the live session named by DZIENNIKSID/SDZIENNIKSID a new token (the old one
        stops working) and return it; None when there is no such session. The token cookie
        is not needed: a client's copy has usually run out (Max-Age=600) by then."""
        session = self._by_session_cookies(cookies)
        if session is None:
            return None
        token = secrets.token_hex(20)
        session.oauth_token = token
        return token

    def expire_tokens(self, login: str | None = None) -> int:
        """Invalidate the current tokens of live sessions (all, or one login's), keeping the
        sessions; return how many tokens that invalidated."""
        expired = 0
        for session in self._synergia.values():
            if (login is None or session.login == login) and session.oauth_token is not None:
                session.oauth_token = None
                expired += 1
        return expired

    def expire(self, login: str | None = None) -> int:
        """End live Synergia sessions (all, or one login's); return how many ended."""
        doomed = [
            key
            for key, session in self._synergia.items()
            if login is None or session.login == login
        ]
        for key in doomed:
            del self._synergia[key]
        return len(doomed)

    @property
    def live_sessions(self) -> int:
        return len(self._synergia)
