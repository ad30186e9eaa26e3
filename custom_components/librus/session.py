"""Home Assistant's side of the Librus client: HTTP sessions, login guards, session hand-over.

- Each Librus login gets its own HTTP session around a fresh cookie jar, sharing Home
  Assistant's connector (inject-websession). Home Assistant forbids closing such sessions;
  they are detached instead.
- One ``LoginGuard`` per Librus login lives as long as Home Assistant runs, so the pause
  after a failed password login survives an entry reload.
- A validation that succeeded in the config flow hands its session over to the entry set up
  right after it, so adding (or re-authenticating) an account costs one login, not two.
"""

from __future__ import annotations

import aiohttp
from aiohttp.abc import AbstractCookieJar
from homeassistant.core import HomeAssistant
from homeassistant.helpers.aiohttp_client import async_create_clientsession
from homeassistant.util.hass_dict import HassKey

from . import const
from .api import Credentials, LibrusClient, LoginGuard, SessionHandover

# A handed-over session older than this is not adopted (the entry then logs in itself).
HANDOVER_MAX_AGE = 300.0

_LOGIN_GUARDS: HassKey[dict[str, LoginGuard]] = HassKey(f"{const.DOMAIN}_login_guards")
_HANDOVERS: HassKey[dict[str, SessionHandover]] = HassKey(f"{const.DOMAIN}_handovers")


class HassSessions:
    """A ``SessionProvider`` backed by Home Assistant's shared connector."""

    def __init__(self, hass: HomeAssistant) -> None:
        self._hass = hass

    def open(self, cookie_jar: AbstractCookieJar) -> aiohttp.ClientSession:
        return async_create_clientsession(self._hass, auto_cleanup=False, cookie_jar=cookie_jar)

    async def release(self, session: aiohttp.ClientSession) -> None:
        session.detach()


def _account_key(username: str) -> str:
    return username.strip().casefold()


def create_client(hass: HomeAssistant, username: str, password: str) -> LibrusClient:
    """A client for one account, reading the Librus URLs from the environment now."""
    guards = hass.data.setdefault(_LOGIN_GUARDS, {})
    return LibrusClient(
        Credentials(username, password),
        sessions=HassSessions(hass),
        timeouts=const.LOGIN_TIMEOUTS,  # read now, so tests can shorten it
        login_guard=guards.setdefault(_account_key(username), LoginGuard()),
    )


def store_handover(hass: HomeAssistant, handover: SessionHandover) -> None:
    """Keep a validated session for the entry that is set up next (one per login)."""
    hass.data.setdefault(_HANDOVERS, {})[_account_key(handover.credentials.username)] = handover


def adopt_handover(
    hass: HomeAssistant, client: LibrusClient, username: str, user_identifier: str | None
) -> bool:
    """Let ``client`` continue a fresh validated session of the same login and account."""
    handover = hass.data.get(_HANDOVERS, {}).pop(_account_key(username), None)
    return (
        handover is not None
        and handover.identity.user_identifier == user_identifier
        and client.adopt(handover, max_age=HANDOVER_MAX_AGE)
    )
