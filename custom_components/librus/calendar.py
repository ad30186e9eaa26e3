"""Calendars: the timetable, the agenda (tests, quizzes, trips, meetings) and free days."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from homeassistant.components.calendar import (
    CalendarEntity,
    CalendarEntityDescription,
    CalendarEvent,
)
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.util import dt as dt_util

from . import LibrusConfigEntry
from .coordinator import TZ, AgendaItem, LibrusSnapshot, TimetableLesson
from .entity import LibrusEntity

PARALLEL_UPDATES = 0

# Summary markers in the user's language (calendar events carry plain text).
MARKERS = {
    "en": {"substitution": "substitution", "cancelled": "cancelled", "moved": "moved"},
    "pl": {"substitution": "zastępstwo", "cancelled": "odwołane", "moved": "przeniesione"},
}


@dataclass(frozen=True, kw_only=True)
class LibrusCalendarDescription(CalendarEntityDescription):
    events_fn: Callable[[LibrusSnapshot, str], Iterable[CalendarEvent]]
    module: str | None = None


def lesson_event(lesson: TimetableLesson, language: str) -> CalendarEvent | None:
    start, end = lesson.starts_at, lesson.ends_at
    if start is None or end is None:
        return None
    summary = lesson.subject or "?"
    if lesson.status != "normal":
        summary = f"{summary} ({MARKERS.get(language, MARKERS['en'])[lesson.status]})"
    details = [
        part
        for part in (
            lesson.teacher,
            lesson.group,
            lesson.note,
            f"{lesson.original_subject or ''} {lesson.original_teacher or ''}".strip() or None,
        )
        if part
    ]
    return CalendarEvent(
        start=start,
        end=end,
        summary=summary,
        description="\n".join(details) or None,
        location=lesson.room,
        uid=f"lesson-{lesson.day.isoformat()}-{lesson.number}",
    )


def timetable_events(snapshot: LibrusSnapshot, language: str) -> Iterable[CalendarEvent]:
    for lesson in snapshot.lessons():
        event = lesson_event(lesson, language)
        if event is not None:
            yield event


def agenda_event(item: AgendaItem) -> CalendarEvent:
    title = item.category or item.kind
    summary = f"{title}: {item.subject}" if item.subject else title
    start: date | datetime = item.day
    end: date | datetime = item.day + timedelta(days=1)
    if item.start is not None and item.end is not None:
        start = datetime.combine(item.day, item.start, TZ)
        end = datetime.combine(item.day, item.end, TZ)
    return CalendarEvent(
        start=start,
        end=end,
        summary=summary,
        description=item.content or None,
        uid=f"agenda-{item.id}",
    )


def free_day_events(snapshot: LibrusSnapshot, language: str) -> Iterable[CalendarEvent]:
    for free in snapshot.free_days:
        yield CalendarEvent(
            start=free.start,
            end=free.end + timedelta(days=1),
            summary=free.name,
            uid=f"free-{free.id}",
        )


CALENDARS: tuple[LibrusCalendarDescription, ...] = (
    LibrusCalendarDescription(
        key="timetable",
        translation_key="timetable",
        events_fn=timetable_events,
        module="timetable_current",
    ),
    LibrusCalendarDescription(
        key="agenda",
        translation_key="agenda",
        events_fn=lambda snapshot, _language: map(agenda_event, snapshot.agenda),
        module="homeworks",
    ),
    LibrusCalendarDescription(
        key="free_days", translation_key="free_days", events_fn=free_day_events
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: LibrusConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    coordinator = entry.runtime_data.coordinator
    async_add_entities(LibrusCalendar(coordinator, description) for description in CALENDARS)


def _bounds(event: CalendarEvent) -> tuple[datetime, datetime]:
    return event.start_datetime_local, event.end_datetime_local


class LibrusCalendar(LibrusEntity, CalendarEntity):
    entity_description: LibrusCalendarDescription

    def _events(self) -> list[CalendarEvent]:
        language = self.hass.config.language if self.hass else "en"
        events = list(self.entity_description.events_fn(self.snapshot, language))
        return sorted(events, key=lambda e: _bounds(e)[0])

    @property
    def event(self) -> CalendarEvent | None:
        now = dt_util.now()
        return next((e for e in self._events() if _bounds(e)[1] > now), None)

    async def async_get_events(
        self, hass: HomeAssistant, start_date: datetime, end_date: datetime
    ) -> list[CalendarEvent]:
        return [
            event
            for event in self._events()
            if _bounds(event)[0] < end_date and _bounds(event)[1] > start_date
        ]
