"""Home Assistant's HTTP sessions for the Librus client (inject-websession).

Each Librus login gets its own session around a fresh cookie jar, sharing Home Assistant's
connector. Home Assistant forbids closing such sessions; they are detached instead.
"""

from __future__ import annotations

import aiohttp
from homeassistant.core import HomeAssistant
from homeassistant.helpers.aiohttp_client import async_create_clientsession

from . import const
from .api import Credentials, LibrusClient


class HassSessions:
    """A ``SessionProvider`` backed by Home Assistant's shared connector."""

    def __init__(self, hass: HomeAssistant) -> None:
        self._hass = hass

    def open(self, cookie_jar: aiohttp.CookieJar) -> aiohttp.ClientSession:
        return async_create_clientsession(self._hass, auto_cleanup=False, cookie_jar=cookie_jar)

    async def release(self, session: aiohttp.ClientSession) -> None:
        session.detach()


def create_client(hass: HomeAssistant, username: str, password: str) -> LibrusClient:
    """A client for one account, reading the Librus URLs from the environment now."""
    return LibrusClient(
        Credentials(username, password),
        sessions=HassSessions(hass),
        timeouts=const.LOGIN_TIMEOUTS,  # read now, so tests can shorten it
    )
