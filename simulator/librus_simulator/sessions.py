"""Login state: OAuth sessions (api side), one-time codes and Synergia sessions."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass

from .constants import DZIENNIKSID, OAUTH_TOKEN, SDZIENNIKSID


@dataclass(frozen=True, slots=True)
class SynergiaSession:
    """A live Synergia session: the three cookies the gateway checks."""

    login: str
    dzienniksid: str
    sdzienniksid: str
    oauth_token: str

    def cookies(self) -> dict[str, str]:
        return {
            DZIENNIKSID: self.dzienniksid,
            SDZIENNIKSID: self.sdzienniksid,
            OAUTH_TOKEN: self.oauth_token,
        }


class SessionStore:
    """All login state of one simulator. Plain dicts: the event loop serialises access."""

    def __init__(self) -> None:
        # AUTHSESSID -> login authenticated in that OAuth session (None until the POST).
        self._oauth: dict[str, str | None] = {}
        # One-time authorization code -> login.
        self._codes: dict[str, str] = {}
        # oauth_token -> session.
        self._synergia: dict[str, SynergiaSession] = {}

    # OAuth (api.librus.pl) side

    def new_oauth_session(self) -> str:
        session_id = secrets.token_hex(16)
        self._oauth[session_id] = None
        return session_id

    def has_oauth_session(self, session_id: str | None) -> bool:
        return session_id is not None and session_id in self._oauth

    def authenticate(self, session_id: str, login: str) -> None:
        self._oauth[session_id] = login

    def authenticated_login(self, session_id: str | None) -> str | None:
        if session_id is None:
            return None
        return self._oauth.get(session_id)

    def issue_code(self, login: str) -> str:
        code = secrets.token_urlsafe(24)
        self._codes[code] = login
        return code

    def redeem_code(self, code: str) -> str | None:
        """Return the code's login and forget the code: a code works once."""
        return self._codes.pop(code, None)

    # Synergia side

    def open_session(self, login: str) -> SynergiaSession:
        session = SynergiaSession(
            login=login,
            dzienniksid=f"L01~{secrets.token_hex(16)}",
            sdzienniksid=secrets.token_hex(16),
            oauth_token=secrets.token_hex(20),
        )
        self._synergia[session.oauth_token] = session
        return session

    def find_session(self, cookies: Mapping[str, str]) -> SynergiaSession | None:
        """The live session whose three cookies all match, else None."""
        token = cookies.get(OAUTH_TOKEN)
        if token is None:
            return None
        session = self._synergia.get(token)
        if session is None:
            return None
        if (
            cookies.get(DZIENNIKSID) != session.dzienniksid
            or cookies.get(SDZIENNIKSID) != session.sdzienniksid
        ):
            return None
        return session

    def expire(self, login: str | None = None) -> int:
        """End live Synergia sessions (all, or one login's); return how many ended."""
        doomed = [
            token
            for token, session in self._synergia.items()
            if login is None or session.login == login
        ]
        for token in doomed:
            del self._synergia[token]
        return len(doomed)

    @property
    def live_sessions(self) -> int:
        return len(self._synergia)
