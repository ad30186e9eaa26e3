"""Librus Synergia for Home Assistant."""

from __future__ import annotations

from dataclasses import dataclass

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ConfigEntryAuthFailed, ConfigEntryNotReady

from .api import (
    LibrusAuthError,
    LibrusClient,
    LibrusConnectionError,
    LibrusError,
    LibrusMaintenanceError,
    LibrusTimeoutError,
    LoginResult,
)
from .const import CONF_PASSWORD, CONF_USERNAME, DOMAIN
from .session import create_client

PLATFORMS: list[Platform] = []


@dataclass(slots=True)
class LibrusRuntimeData:
    client: LibrusClient
    identity: LoginResult


type LibrusConfigEntry = ConfigEntry[LibrusRuntimeData]


def not_ready_key(err: LibrusError) -> str:
    """The translated reason Home Assistant shows while it retries the setup."""
    if isinstance(err, LibrusMaintenanceError):
        return "maintenance"
    if isinstance(err, LibrusTimeoutError):
        return "timeout"
    if isinstance(err, LibrusConnectionError):
        return "cannot_connect"
    return "unexpected_response"


async def async_setup_entry(hass: HomeAssistant, entry: LibrusConfigEntry) -> bool:
    """Log in with the same reference sequence as the config flow."""
    client = create_client(hass, entry.data[CONF_USERNAME], entry.data[CONF_PASSWORD])
    try:
        identity = await client.login()
    except LibrusAuthError as err:
        raise ConfigEntryAuthFailed(
            translation_domain=DOMAIN, translation_key="invalid_auth"
        ) from err
    except LibrusError as err:
        raise ConfigEntryNotReady(
            translation_domain=DOMAIN, translation_key=not_ready_key(err)
        ) from err
    entry.runtime_data = LibrusRuntimeData(client=client, identity=identity)
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    return True


async def async_unload_entry(hass: HomeAssistant, entry: LibrusConfigEntry) -> bool:
    """Unload the platforms, then drop the Librus session and its cookies."""
    unloaded = await hass.config_entries.async_unload_platforms(entry, PLATFORMS)
    if unloaded:
        await entry.runtime_data.client.close()
    return unloaded
