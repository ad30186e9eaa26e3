"""Calendars: the timetable, the agenda (tests, quizzes, trips, meetings) and free days."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from homeassistant.components.calendar import (
    CalendarEntity,
    CalendarEntityDescription,
    CalendarEvent,
)
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.helpers.translation import (
    async_get_cached_translations,
    async_get_translations,
)
from homeassistant.util import dt as dt_util

from .const import DOMAIN
from .coordinator import LibrusConfigEntry
from .entity import LibrusEntity, LibrusEntityDescription
from .snapshot import TZ, AgendaItem, LessonStatus, LibrusSnapshot, ScheduledLesson

PARALLEL_UPDATES = 0

# Summary markers of changed lessons, in the user's language (calendar events carry plain
# text): entity.calendar.timetable.state_attributes.status.state.* in the translations.
MARKER_KEY = f"component.{DOMAIN}.entity.calendar.timetable.state_attributes.status.state."

type Markers = Mapping[LessonStatus, str]


@dataclass(frozen=True, kw_only=True)
class LibrusCalendarDescription(CalendarEntityDescription, LibrusEntityDescription):
    events_fn: Callable[[LibrusSnapshot, Markers], Iterable[CalendarEvent]]


def markers(translations: Mapping[str, str]) -> Markers:
    """The summary markers from one language's translations (the status itself if missing)."""
    statuses: tuple[LessonStatus, ...] = ("substitution", "cancelled", "moved")
    return {status: translations.get(MARKER_KEY + status, status) for status in statuses}


def lesson_event(lesson: ScheduledLesson, markers: Markers) -> CalendarEvent | None:
    """The lesson as an event; None without both times (or, defensively, an empty span)."""
    start, end = lesson.starts_at, lesson.ends_at
    if start is None or end is None or end <= start:
        return None
    summary = lesson.subject or "?"
    if lesson.status != "normal":
        summary = f"{summary} ({markers.get(lesson.status, lesson.status)})"
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


def timetable_events(snapshot: LibrusSnapshot, markers: Markers) -> Iterable[CalendarEvent]:
    for lesson in snapshot.lessons():
        event = lesson_event(lesson, markers)
        if event is not None:
            yield event


def agenda_event(item: AgendaItem) -> CalendarEvent:
    title = item.category or item.kind
    summary = f"{title}: {item.subject}" if item.subject else title
    start: date | datetime = item.day
    end: date | datetime = item.day + timedelta(days=1)
    # Without a proper span (the builder already clamps a typo), an all-day event.
    if item.start is not None and item.end is not None and item.end > item.start:
        start = datetime.combine(item.day, item.start, TZ)
        end = datetime.combine(item.day, item.end, TZ)
    return CalendarEvent(
        start=start,
        end=end,
        summary=summary,
        description=item.content or None,
        uid=f"agenda-{item.id}",
    )


def free_day_events(snapshot: LibrusSnapshot, _markers: Markers) -> Iterable[CalendarEvent]:
    for free in snapshot.free_days:
        yield CalendarEvent(
            start=free.start,
            end=max(free.end, free.start) + timedelta(days=1),
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
        events_fn=lambda snapshot, _markers: map(agenda_event, snapshot.agenda),
        module="agenda",
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

    def _events(self, markers: Markers) -> list[CalendarEvent]:
        events = list(self.entity_description.events_fn(self.snapshot, markers))
        return sorted(events, key=lambda e: _bounds(e)[0])

    @property
    def event(self) -> CalendarEvent | None:
        # A state is written synchronously: the translations Home Assistant has loaded for
        # its language (the entity names' load includes these).
        language = self.hass.config.language
        cached = async_get_cached_translations(self.hass, language, "entity", DOMAIN)
        now = dt_util.now()
        return next((e for e in self._events(markers(cached)) if _bounds(e)[1] > now), None)

    async def async_get_events(
        self, hass: HomeAssistant, start_date: datetime, end_date: datetime
    ) -> list[CalendarEvent]:
        translations = await async_get_translations(hass, hass.config.language, "entity", {DOMAIN})
        return [
            event
            for event in self._events(markers(translations))
            if _bounds(event)[0] < end_date and _bounds(event)[1] > start_date
        ]
