"""Sensors: lucky number, grades, averages, attendance, next lesson, agenda, homework, notices."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
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

from . import LibrusConfigEntry
from .coordinator import GradeItem, LibrusCoordinator, LibrusSnapshot, TimetableLesson
from .entity import LibrusEntity

PARALLEL_UPDATES = 0

type StateValue = str | int | float | date | datetime | None


@dataclass(frozen=True, kw_only=True)
class LibrusSensorDescription(SensorEntityDescription):
    """A sensor read from the snapshot."""

    value_fn: Callable[[LibrusSnapshot], StateValue]
    attrs_fn: Callable[[LibrusSnapshot], Mapping[str, Any]] | None = None
    module: str | None = None


def latest_grade(snapshot: LibrusSnapshot) -> GradeItem | None:
    """The most recently added regular grade (same day: the higher, i.e. newer, id)."""
    grades = [g for g in snapshot.all_grades() if g.kind == "regular"]
    return max(grades, key=_grade_recency, default=None)


def _grade_recency(grade: GradeItem) -> tuple[date, int, str]:
    added = grade.added.date() if grade.added else grade.day
    return (added, int(grade.id) if grade.id.isdigit() else 0, grade.id)


def next_lesson(snapshot: LibrusSnapshot) -> TimetableLesson | None:
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
    grade = latest_grade(snapshot)
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
        value_fn=lambda s: grade.value if (grade := latest_grade(s)) else None,
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
        module="attendances",
    ),
    LibrusSensorDescription(
        key="attendance",
        translation_key="attendance",
        value_fn=lambda s: s.attendance.percentage if s.attendance else None,
        native_unit_of_measurement=PERCENTAGE,
        state_class=SensorStateClass.MEASUREMENT,
        suggested_display_precision=1,
        module="attendances",
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
        module="homeworks",
    ),
    LibrusSensorDescription(
        key="homework_due",
        translation_key="homework_due",
        value_fn=homework_due,
        state_class=SensorStateClass.MEASUREMENT,
        module="assignments",
    ),
    LibrusSensorDescription(
        key="newest_notice",
        translation_key="newest_notice",
        value_fn=newest_notice,
        module="notices",
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


class SubjectAverageSensor(LibrusEntity, SensorEntity):
    """The current semester's weighted average of one subject (disabled by default)."""

    _attr_entity_registry_enabled_default = False
    _attr_state_class = SensorStateClass.MEASUREMENT
    _attr_suggested_display_precision = 2
    module = "grades"

    def __init__(self, coordinator: LibrusCoordinator, subject_id: str, subject: str) -> None:
        super().__init__(
            coordinator,
            SensorEntityDescription(key="subject_average", translation_key="subject_average"),
            key=f"average_{subject_id}",
        )
        self._subject_id = subject_id
        self._attr_translation_placeholders = {"subject": subject}

    @property
    def native_value(self) -> float | None:
        semester = self.snapshot.semester_grades()
        if semester is None:
            return None
        for subject in semester.subjects:
            if subject.subject_id == self._subject_id and subject.average is not None:
                return round(subject.average, 2)
        return None
