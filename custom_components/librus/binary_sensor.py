"""Binary sensors: school day today and tomorrow, and whether the lucky number is the student's."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from homeassistant.components.binary_sensor import (
    BinarySensorEntity,
    BinarySensorEntityDescription,
)
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.util import dt as dt_util

from .coordinator import LibrusConfigEntry
from .entity import LibrusEntity, LibrusEntityDescription
from .snapshot import LibrusSnapshot

PARALLEL_UPDATES = 0


@dataclass(frozen=True, kw_only=True)
class LibrusBinarySensorDescription(BinarySensorEntityDescription, LibrusEntityDescription):
    value_fn: Callable[[LibrusSnapshot, date], bool | None]


def lucky_number_is_mine(snapshot: LibrusSnapshot, today: date) -> bool | None:
    lucky = snapshot.lucky_number
    number = snapshot.student.register_number
    if lucky is None or number is None:
        return None
    return lucky.number == number and lucky.day >= today


BINARY_SENSORS: tuple[LibrusBinarySensorDescription, ...] = (
    LibrusBinarySensorDescription(
        key="school_day_today",
        translation_key="school_day_today",
        value_fn=lambda snapshot, today: snapshot.is_school_day(today),
        module="timetable_current",
    ),
    LibrusBinarySensorDescription(
        key="school_day_tomorrow",
        translation_key="school_day_tomorrow",
        value_fn=lambda snapshot, today: snapshot.is_school_day(today + timedelta(days=1)),
    ),
    LibrusBinarySensorDescription(
        key="lucky_number_is_mine",
        translation_key="lucky_number_is_mine",
        value_fn=lucky_number_is_mine,
        module="lucky_number",
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: LibrusConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    coordinator = entry.runtime_data.coordinator
    async_add_entities(LibrusBinarySensor(coordinator, d) for d in BINARY_SENSORS)


class LibrusBinarySensor(LibrusEntity, BinarySensorEntity):
    entity_description: LibrusBinarySensorDescription

    @property
    def is_on(self) -> bool | None:
        return self.entity_description.value_fn(self.snapshot, dt_util.now().date())
