"""Base entity and description: one device per student, names from translations, snapshot data."""

from __future__ import annotations

from dataclasses import dataclass

from homeassistant.helpers.device_registry import DeviceEntryType, DeviceInfo
from homeassistant.helpers.entity import EntityDescription
from homeassistant.helpers.update_coordinator import CoordinatorEntity

from .const import DOMAIN
from .coordinator import LibrusCoordinator
from .plan import PlanKey
from .snapshot import LibrusSnapshot


@dataclass(frozen=True, kw_only=True)
class LibrusEntityDescription(EntityDescription):
    """What every Librus entity description has: the Librus module it shows."""

    module: PlanKey | None = None
    """The plan key of that module: the entity is unavailable while Librus reports it absent."""


class LibrusEntity(CoordinatorEntity[LibrusCoordinator]):
    """An entity of the student's device; unavailable while its Librus module is absent."""

    _attr_has_entity_name = True
    entity_description: LibrusEntityDescription

    def __init__(
        self,
        coordinator: LibrusCoordinator,
        description: LibrusEntityDescription,
        key: str | None = None,
    ) -> None:
        super().__init__(coordinator)
        self.entity_description = description
        entry = coordinator.config_entry
        base = entry.unique_id or entry.entry_id
        self._attr_unique_id = f"{base}_{key or description.key}"
        student = coordinator.data.student
        self._attr_device_info = DeviceInfo(
            identifiers={(DOMAIN, base)},
            name=student.name,
            # Shown as "6d, Szkoła Podstawowa nr 12 … by Librus" on the device page.
            model=", ".join(part for part in (student.class_name, student.school_name) if part)
            or None,
            manufacturer="Librus",
            entry_type=DeviceEntryType.SERVICE,
            configuration_url="https://synergia.librus.pl/",
        )

    @property
    def snapshot(self) -> LibrusSnapshot:
        return self.coordinator.data

    @property
    def available(self) -> bool:
        module = self.entity_description.module
        return super().available and (module is None or module not in self.snapshot.missing)
