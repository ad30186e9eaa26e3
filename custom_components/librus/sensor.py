"""Sensors: lucky number, grades, averages, attendance, next lesson, agenda, homework, notices,
unread messages."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import partial
from typing import Any

from homeassistant.components.sensor import (
    SensorDeviceClass,
    SensorEntity,
    SensorEntityDescription,
    SensorStateClass,
)
from homeassistant.const import PERCENTAGE
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.util import dt as dt_util

from .coordinator import LibrusConfigEntry, LibrusCoordinator
from .entity import LibrusEntity, LibrusEntityDescription
from .snapshot import LibrusSnapshot, ScheduledLesson

PARALLEL_UPDATES = 0

type StateValue = str | int | float | date | datetime | None


@dataclass(frozen=True, kw_only=True)
class LibrusSensorDescription(SensorEntityDescription, LibrusEntityDescription):
    """A sensor read from the snapshot."""

    value_fn: Callable[[LibrusSnapshot], StateValue]
    attrs_fn: Callable[[LibrusSnapshot], Mapping[str, Any]] | None = None


def next_lesson(snapshot: LibrusSnapshot) -> ScheduledLesson | None:
    now = dt_util.now()
    upcoming = [
        lesson
        for lesson in snapshot.lessons()
        if (starts := lesson.starts_at) is not None and starts > now
    ]
    return min(upcoming, key=lambda lesson: lesson.starts_at or now, default=None)


def _local_today() -> date:
    return dt_util.now().date()


def next_test(snapshot: LibrusSnapshot) -> date | None:
    today = _local_today()
    days = [a.day for a in snapshot.agenda if a.kind in ("test", "quiz") and a.day >= today]
    return min(days, default=None)


def homework_due(snapshot: LibrusSnapshot) -> int:
    today = _local_today()
    until = today + timedelta(days=7)
    return sum(1 for item in snapshot.homework if item.due and today <= item.due <= until)


def newest_notice(snapshot: LibrusSnapshot) -> str | None:
    if not snapshot.notices:
        return None
    notice = max(snapshot.notices, key=lambda n: (n.start or date.min, n.id))
    return notice.title[:255]


def _lucky_attrs(snapshot: LibrusSnapshot) -> Mapping[str, Any]:
    lucky = snapshot.lucky_number
    return {"day": lucky.day.isoformat()} if lucky else {}


def _grade_attrs(snapshot: LibrusSnapshot) -> Mapping[str, Any]:
    grade = snapshot.latest_grade
    if grade is None:
        return {}
    return {
        "subject": grade.subject,
        "category": grade.category,
        "weight": grade.weight,
        "teacher": grade.teacher,
        "date": grade.day.isoformat(),
    }


def _lesson_attrs(snapshot: LibrusSnapshot) -> Mapping[str, Any]:
    lesson = next_lesson(snapshot)
    if lesson is None:
        return {}
    starts = lesson.starts_at
    return {
        "room": lesson.room,
        "start": starts.isoformat() if starts else None,
        "lesson_number": lesson.number,
        "status": lesson.status,
        "substitution": lesson.status == "substitution",
        "cancelled": lesson.status == "cancelled",
    }


def _unread_message_attrs(snapshot: LibrusSnapshot) -> Mapping[str, Any]:
    """Who wrote the newest unread message, about what, when: nothing longer (the recorder
    keeps attributes; the preview goes to the messages card only)."""
    message = snapshot.messages.newest_unread
    if message is None:
        return {}
    return {
        "sender": message.sender[:255],
        "topic": message.topic[:255],
        "date": message.sent.isoformat() if message.sent else None,
    }


def _average(snapshot: LibrusSnapshot) -> float | None:
    semester = snapshot.semester_grades()
    if semester is None or semester.average is None:
        return None
    return round(semester.average, 2)


SENSORS: tuple[LibrusSensorDescription, ...] = (
    LibrusSensorDescription(
        key="lucky_number",
        translation_key="lucky_number",
        value_fn=lambda s: s.lucky_number.number if s.lucky_number else None,
        attrs_fn=_lucky_attrs,
        module="lucky_number",
    ),
    LibrusSensorDescription(
        key="latest_grade",
        translation_key="latest_grade",
        value_fn=lambda s: s.latest_grade.value if s.latest_grade else None,
        attrs_fn=_grade_attrs,
        module="grades",
    ),
    LibrusSensorDescription(
        key="average",
        translation_key="average",
        value_fn=_average,
        state_class=SensorStateClass.MEASUREMENT,
        suggested_display_precision=2,
        module="grades",
    ),
    LibrusSensorDescription(
        key="unexcused_absences",
        translation_key="unexcused_absences",
        value_fn=lambda s: s.attendance.absent_unexcused if s.attendance else None,
        state_class=SensorStateClass.MEASUREMENT,
        module="attendance",
    ),
    LibrusSensorDescription(
        key="attendance",
        translation_key="attendance",
        value_fn=lambda s: s.attendance.percentage if s.attendance else None,
        native_unit_of_measurement=PERCENTAGE,
        state_class=SensorStateClass.MEASUREMENT,
        suggested_display_precision=1,
        module="attendance",
    ),
    LibrusSensorDescription(
        key="next_lesson",
        translation_key="next_lesson",
        value_fn=lambda s: lesson.subject if (lesson := next_lesson(s)) else None,
        attrs_fn=_lesson_attrs,
        module="timetable_current",
    ),
    LibrusSensorDescription(
        key="next_test",
        translation_key="next_test",
        device_class=SensorDeviceClass.DATE,
        value_fn=next_test,
        module="agenda",
    ),
    LibrusSensorDescription(
        key="homework_due",
        translation_key="homework_due",
        value_fn=homework_due,
        state_class=SensorStateClass.MEASUREMENT,
        module="homework",
    ),
    LibrusSensorDescription(
        key="newest_notice",
        translation_key="newest_notice",
        value_fn=newest_notice,
        module="notices",
    ),
    LibrusSensorDescription(
        key="unread_messages",
        translation_key="unread_messages",
        value_fn=lambda s: s.messages.unread,
        attrs_fn=_unread_message_attrs,
        state_class=SensorStateClass.MEASUREMENT,
        module="messages_unread",
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: LibrusConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    coordinator = entry.runtime_data.coordinator
    async_add_entities(LibrusSensor(coordinator, description) for description in SENSORS)
    known_subjects: set[str] = set()

    @callback
    def add_subject_averages() -> None:
        """One (disabled) average sensor per subject, also for subjects that appear later."""
        subjects: dict[str, str] = {}
        for semester in coordinator.data.grades:
            for subject in semester.subjects:
                if subject.subject_id and subject.subject_id not in known_subjects:
                    subjects[subject.subject_id] = subject.subject
        known_subjects.update(subjects)
        async_add_entities(
            SubjectAverageSensor(coordinator, subject_id, name)
            for subject_id, name in sorted(subjects.items(), key=lambda item: item[1])
        )

    add_subject_averages()
    entry.async_on_unload(coordinator.async_add_listener(add_subject_averages))


class LibrusSensor(LibrusEntity, SensorEntity):
    entity_description: LibrusSensorDescription

    @property
    def native_value(self) -> StateValue:
        return self.entity_description.value_fn(self.snapshot)

    @property
    def extra_state_attributes(self) -> Mapping[str, Any] | None:
        attrs_fn = self.entity_description.attrs_fn
        return None if attrs_fn is None else attrs_fn(self.snapshot)


def subject_average(snapshot: LibrusSnapshot, subject_id: str) -> float | None:
    """The current semester's weighted average of one subject."""
    semester = snapshot.semester_grades()
    if semester is None:
        return None
    for subject in semester.subjects:
        if subject.subject_id == subject_id and subject.average is not None:
            return round(subject.average, 2)
    return None


class SubjectAverageSensor(LibrusSensor):
    """The current semester's weighted average of one subject (disabled by default)."""

    _attr_entity_registry_enabled_default = False

    def __init__(self, coordinator: LibrusCoordinator, subject_id: str, subject: str) -> None:
        super().__init__(
            coordinator,
            LibrusSensorDescription(
                key="subject_average",
                translation_key="subject_average",
                state_class=SensorStateClass.MEASUREMENT,
                suggested_display_precision=2,
                module="grades",
                value_fn=partial(subject_average, subject_id=subject_id),
            ),
            key=f"average_{subject_id}",
        )
        self._attr_translation_placeholders = {"subject": subject}
