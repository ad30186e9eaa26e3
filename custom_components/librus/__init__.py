"""Librus Synergia for Home Assistant."""

from __future__ import annotations

from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ConfigEntryNotReady
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.storage import Store
from homeassistant.helpers.typing import ConfigType
from homeassistant.helpers.update_coordinator import UpdateFailed

from .cards import async_register_cards
from .const import CONF_PASSWORD, CONF_USERNAME, DOMAIN, STORAGE_VERSION
from .coordinator import (
    LibrusConfigEntry,
    LibrusCoordinator,
    LibrusRuntimeData,
)
from .session import adopt_handover, create_client
from .websocket_api import async_register_websocket_commands

PLATFORMS: list[Platform] = [
    Platform.BINARY_SENSOR,
    Platform.CALENDAR,
    Platform.EVENT,
    Platform.SENSOR,
    Platform.TODO,
]

CONFIG_SCHEMA = cv.config_entry_only_config_schema(DOMAIN)


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Once per start: the dashboard cards' websocket commands and their bundle."""
    async_register_websocket_commands(hass)
    await async_register_cards(hass)
    return True


async def async_setup_entry(hass: HomeAssistant, entry: LibrusConfigEntry) -> bool:
    """Show the persisted snapshot at once, or run the first refresh (which logs in)."""
    client = create_client(hass, entry.data[CONF_USERNAME], entry.data[CONF_PASSWORD])
    # Right after the config flow validated these credentials, continue that session.
    adopt_handover(hass, client, entry.data[CONF_USERNAME], entry.unique_id)
    coordinator = LibrusCoordinator(hass, entry, client)
    if not await coordinator.async_load_stored():
        try:
            await coordinator.async_config_entry_first_refresh()
        except ConfigEntryNotReady as err:
            await client.close()
            cause = err.__cause__
            key = cause.translation_key if isinstance(cause, UpdateFailed) else None
            raise ConfigEntryNotReady(
                translation_domain=DOMAIN, translation_key=key or "unexpected_response"
            ) from cause
        except BaseException:
            await client.close()
            raise
    entry.runtime_data = LibrusRuntimeData(client=client, coordinator=coordinator)
    entry.async_on_unload(entry.add_update_listener(_async_options_updated))
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    return True


async def _async_options_updated(hass: HomeAssistant, entry: LibrusConfigEntry) -> None:
    await hass.config_entries.async_reload(entry.entry_id)


async def async_unload_entry(hass: HomeAssistant, entry: LibrusConfigEntry) -> bool:
    """Unload the platforms, then drop the Librus session and its cookies."""
    unloaded = await hass.config_entries.async_unload_platforms(entry, PLATFORMS)
    if unloaded:
        await entry.runtime_data.client.close()
    return unloaded


async def async_remove_entry(hass: HomeAssistant, entry: LibrusConfigEntry) -> None:
    """Forget the persisted snapshot of a removed entry."""
    await Store[dict[str, object]](
        hass, STORAGE_VERSION, f"{DOMAIN}.{entry.entry_id}"
    ).async_remove()
