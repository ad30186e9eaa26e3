"""Event entities: a new grade, announcement, agenda entry, absence or message, each announced
once. Event data lands in the recorder: a message's is who, what, when, never its text."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from homeassistant.components.event import EventEntity, EventEntityDescription
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .coordinator import LibrusConfigEntry
from .entity import LibrusEntity, LibrusEntityDescription
from .snapshot import Absence, AgendaItem, GradeItem, LibrusChanges, Message, Notice

PARALLEL_UPDATES = 0


@dataclass(frozen=True, kw_only=True)
class LibrusEventDescription(EventEntityDescription, LibrusEntityDescription):
    changes_fn: Callable[[LibrusChanges], Iterable[dict[str, Any]]]


def _grade(grade: GradeItem) -> dict[str, Any]:
    return {
        "id": grade.id,
        "grade": grade.value,
        "subject": grade.subject,
        "category": grade.category,
        "weight": grade.weight,
        "date": grade.day.isoformat(),
    }


def _notice(notice: Notice) -> dict[str, Any]:
    return {"id": notice.id, "title": notice.title[:255]}


def _agenda(item: AgendaItem) -> dict[str, Any]:
    return {
        "id": item.id,
        "date": item.day.isoformat(),
        "kind": item.kind,
        "category": item.category,
        "subject": item.subject,
    }


def _absence(item: Absence) -> dict[str, Any]:
    return {
        "id": item.id,
        "date": item.day.isoformat(),
        "lesson_number": item.lesson_number,
        "kind": item.kind,
    }


def _message(message: Message) -> dict[str, Any]:
    return {
        "id": message.id,
        "sender": message.sender[:255],
        "topic": message.topic[:255],
        "date": message.sent.isoformat() if message.sent else None,
        "has_attachments": message.has_attachments,
    }


EVENTS: tuple[LibrusEventDescription, ...] = (
    LibrusEventDescription(
        key="new_grade",
        translation_key="new_grade",
        event_types=["new_grade"],
        changes_fn=lambda changes: map(_grade, changes.grades),
        module="grades",
    ),
    LibrusEventDescription(
        key="new_announcement",
        translation_key="new_announcement",
        event_types=["new_announcement"],
        changes_fn=lambda changes: map(_notice, changes.notices),
        module="notices",
    ),
    LibrusEventDescription(
        key="new_agenda_entry",
        translation_key="new_agenda_entry",
        event_types=["new_agenda_entry"],
        changes_fn=lambda changes: map(_agenda, changes.agenda),
        module="agenda",
    ),
    LibrusEventDescription(
        key="new_absence",
        translation_key="new_absence",
        event_types=["new_absence"],
        changes_fn=lambda changes: map(_absence, changes.absences),
        module="attendance",
    ),
    LibrusEventDescription(
        key="new_message",
        translation_key="new_message",
        event_types=["new_message"],
        # Oldest first: the snapshot lists messages newest first.
        changes_fn=lambda changes: map(_message, reversed(changes.messages)),
        module="messages_unread",
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: LibrusConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    coordinator = entry.runtime_data.coordinator
    async_add_entities(LibrusEvent(coordinator, description) for description in EVENTS)


class LibrusEvent(LibrusEntity, EventEntity):
    entity_description: LibrusEventDescription

    @callback
    def _handle_coordinator_update(self) -> None:
        event_type = self.entity_description.key  # each entity has one event type, its key
        fired = False
        for payload in self.entity_description.changes_fn(self.coordinator.changes):
            self._trigger_event(event_type, payload)
            self.async_write_ha_state()  # one state change per new item
            fired = True
        if not fired:
            super()._handle_coordinator_update()
