"""Helpers for the sync-engine and platform tests: a frozen school day and a loaded entry."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.librus.const import DOMAIN
from librus_simulator import LibrusSimulator

from .helpers import PARENT, credentials

TZ_NAME = "Europe/Warsaw"
# Thursday 26 November 2026, 10:05 in Warsaw (09:05 UTC): a school day, lessons going on.
SCHOOL_DAY = date(2026, 11, 26)
NOW_UTC = datetime.fromisoformat("2026-11-26T09:05:00+00:00")
LOGIN_REQUESTS = 9  # the five steps: entry + authorization page, POST, 2FA … callback, 2 reads


def mock_entry(
    password: str | None = None, options: dict[str, object] | None = None
) -> MockConfigEntry:
    return MockConfigEntry(
        domain=DOMAIN,
        title="Ola Nowak",
        unique_id=PARENT.user_identifier,
        data=credentials(PARENT, password),
        options=options or {},
        entry_id="01JLIBRUSENTRY0000000000001",
    )


async def setup_entry(hass: HomeAssistant, entry: MockConfigEntry | None = None) -> MockConfigEntry:
    entry = entry or mock_entry()
    entry.add_to_hass(hass)
    await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    return entry


@pytest.fixture
async def school_day(
    hass: HomeAssistant, simulator: LibrusSimulator, freezer: FrozenDateTimeFactory
) -> LibrusSimulator:
    """Warsaw time, a frozen clock on a school day and the simulator's year on that day."""
    await hass.config.async_set_time_zone(TZ_NAME)
    freezer.move_to(NOW_UTC)
    simulator.school.today = SCHOOL_DAY
    return simulator
