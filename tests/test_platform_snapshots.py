"""Syrupy snapshots of every platform's entities and states on the frozen school day."""

from __future__ import annotations

from collections.abc import Iterator
from unittest.mock import PropertyMock, patch

import pytest
from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
from pytest_homeassistant_custom_component.common import snapshot_platform
from syrupy.assertion import SnapshotAssertion

from librus_simulator import LibrusSimulator

from .school import mock_entry, school_day, setup_entry

__all__ = ["school_day"]


@pytest.fixture
def all_entities_enabled() -> Iterator[None]:
    """Register the disabled-by-default entities (per-subject averages) enabled too."""
    with patch(
        "homeassistant.helpers.entity.Entity.entity_registry_enabled_default",
        new_callable=PropertyMock,
        return_value=True,
    ):
        yield


@pytest.mark.usefixtures("all_entities_enabled")
@pytest.mark.parametrize(
    "platform",
    [Platform.BINARY_SENSOR, Platform.CALENDAR, Platform.EVENT, Platform.SENSOR, Platform.TODO],
)
async def test_platform_snapshot(
    hass: HomeAssistant,
    school_day: LibrusSimulator,
    entity_registry: er.EntityRegistry,
    snapshot: SnapshotAssertion,
    platform: Platform,
) -> None:
    with patch("custom_components.librus.PLATFORMS", [platform]):
        entry = await setup_entry(hass, mock_entry())
    await snapshot_platform(hass, entity_registry, snapshot, entry.entry_id)
