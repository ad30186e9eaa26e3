"""Options flow: poll interval and quiet hours; the entry reloads without asking Librus."""

from __future__ import annotations

from datetime import timedelta

from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType

from custom_components.librus.const import CONF_QUIET_HOURS, CONF_SCAN_INTERVAL
from librus_simulator import LibrusSimulator

from .school import school_day, setup_entry

__all__ = ["school_day"]


async def test_options_flow_changes_the_schedule(
    hass: HomeAssistant, school_day: LibrusSimulator
) -> None:
    entry = await setup_entry(hass)
    result = await hass.config_entries.options.async_init(entry.entry_id)
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "init"
    school_day.clear_requests()

    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {CONF_SCAN_INTERVAL: 60, CONF_QUIET_HOURS: False}
    )
    await hass.async_block_till_done()
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert entry.options == {CONF_SCAN_INTERVAL: 60, CONF_QUIET_HOURS: False}
    coordinator = entry.runtime_data.coordinator
    assert coordinator.update_interval == timedelta(minutes=60)
    assert coordinator.quiet_hours is False
    assert school_day.requests == []  # reloaded from the stored snapshot
