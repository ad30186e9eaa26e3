"""Binary sensors: school days (free days respected) and the lucky number."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant

from custom_components.librus.api.lucky_number import LuckyNumber
from librus_simulator import LibrusSimulator

from .school import school_day, setup_entry

__all__ = ["school_day"]


def state(hass: HomeAssistant, key: str) -> str:
    found = hass.states.get(f"binary_sensor.ola_nowak_{key}")
    assert found is not None
    return found.state


async def test_school_day_states(hass: HomeAssistant, school_day: LibrusSimulator) -> None:
    await setup_entry(hass)
    assert state(hass, "school_day_today") == "on"
    assert state(hass, "school_day_tomorrow") == "on"
    assert state(hass, "lucky_number_is_mine") == "off"  # 11; Ola is number 15


async def test_free_day_is_not_a_school_day(
    hass: HomeAssistant, school_day: LibrusSimulator, freezer: FrozenDateTimeFactory
) -> None:
    """10 November: tomorrow is Independence Day (a school free day)."""
    freezer.move_to("2026-11-10T08:00:00+00:00")
    school_day.school.today = date(2026, 11, 10)
    await setup_entry(hass)
    assert state(hass, "school_day_today") == "on"
    assert state(hass, "school_day_tomorrow") == "off"


async def test_lucky_number_is_mine(hass: HomeAssistant, school_day: LibrusSimulator) -> None:
    """Ola is number 15 in the class register; a lucky 15 for today turns it on."""
    entry = await setup_entry(hass)
    coordinator = entry.runtime_data.coordinator
    snapshot = coordinator.data
    assert snapshot.student.register_number == 15
    coordinator.async_set_updated_data(
        replace(snapshot, lucky_number=LuckyNumber(number=15, day=date(2026, 11, 26)))
    )
    await hass.async_block_till_done()
    assert state(hass, "lucky_number_is_mine") == "on"
    coordinator.async_set_updated_data(replace(snapshot, lucky_number=None))
    await hass.async_block_till_done()
    assert state(hass, "lucky_number_is_mine") == "unknown"
