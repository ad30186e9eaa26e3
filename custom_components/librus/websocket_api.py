"""Websocket commands the dashboard cards use; they read the last synced snapshot only.

The message shapes are the contract in ``frontend/src/types.ts`` (``CardData`` and friends);
``card_data`` is the one place that turns a snapshot into that shape.

- ``librus/students``: one item per loaded entry (= per student).
- ``librus/card_data``: the card data of one entry.
- ``librus/subscribe``: the card data now and again after every refresh.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

import voluptuous as vol
from homeassistant.components.websocket_api import async_register_command
from homeassistant.components.websocket_api.connection import ActiveConnection
from homeassistant.components.websocket_api.decorators import websocket_command
from homeassistant.components.websocket_api.messages import event_message
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant, callback

from .const import DOMAIN
from .coordinator import LibrusConfigEntry
from .snapshot import (
    AgendaItem,
    GradeItem,
    Homework,
    LibrusSnapshot,
    ScheduledLesson,
    ScheduleWeek,
    SemesterGrades,
    SubjectGrades,
)


@callback
def async_register_websocket_commands(hass: HomeAssistant) -> None:
    async_register_command(hass, ws_students)
    async_register_command(hass, ws_card_data)
    async_register_command(hass, ws_subscribe)


def _loaded_entries(hass: HomeAssistant) -> list[LibrusConfigEntry]:
    return [
        entry
        for entry in hass.config_entries.async_entries(DOMAIN)
        if entry.state is ConfigEntryState.LOADED
    ]


def _requested_entry(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> LibrusConfigEntry | None:
    """The loaded Librus entry a command names; answers `not_found` when there is none."""
    entry: LibrusConfigEntry | None = hass.config_entries.async_get_entry(msg["entry_id"])
    if entry is None or entry.domain != DOMAIN or entry.state is not ConfigEntryState.LOADED:
        connection.send_error(msg["id"], "not_found", "No loaded Librus entry with this id")
        return None
    return entry


@websocket_command({vol.Required("type"): "librus/students"})
@callback
def ws_students(hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]) -> None:
    students = []
    for entry in _loaded_entries(hass):
        snapshot: LibrusSnapshot | None = entry.runtime_data.coordinator.data
        students.append(
            {
                "entry_id": entry.entry_id,
                "name": snapshot.student.name if snapshot else entry.title,
                "class_name": snapshot.student.class_name if snapshot else None,
            }
        )
    connection.send_result(msg["id"], students)


@websocket_command({vol.Required("type"): "librus/card_data", vol.Required("entry_id"): str})
@callback
def ws_card_data(hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]) -> None:
    if (entry := _requested_entry(hass, connection, msg)) is None:
        return
    snapshot: LibrusSnapshot | None = entry.runtime_data.coordinator.data
    if snapshot is None:
        connection.send_error(msg["id"], "not_ready", "Librus data is not synced yet")
        return
    connection.send_result(msg["id"], card_data(entry.entry_id, snapshot))


@websocket_command({vol.Required("type"): "librus/subscribe", vol.Required("entry_id"): str})
@callback
def ws_subscribe(hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]) -> None:
    if (entry := _requested_entry(hass, connection, msg)) is None:
        return
    coordinator = entry.runtime_data.coordinator

    @callback
    def push() -> None:
        if coordinator.data is not None:
            connection.send_message(
                event_message(msg["id"], card_data(entry.entry_id, coordinator.data))
            )

    connection.subscriptions[msg["id"]] = coordinator.async_add_listener(push)
    connection.send_result(msg["id"])
    push()


# ------------------------------------------------------------------------------------------
# Snapshot -> CardData (frontend/src/types.ts)


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _clock(value: time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


def _stamp(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def card_data(entry_id: str, snapshot: LibrusSnapshot) -> dict[str, Any]:
    """The whole card payload for one student."""
    student = snapshot.student
    lucky = snapshot.lucky_number
    return {
        "entry_id": entry_id,
        "student": {
            "name": student.name,
            "class_name": student.class_name,
            "school_name": student.school_name,
            "register_number": student.register_number,
        },
        "updated_at": _stamp(snapshot.fetched_at),
        "today": snapshot.today.isoformat(),
        "current_semester": snapshot.semester,
        "lucky_number": None
        if lucky is None
        else {
            "number": lucky.number,
            "day": lucky.day.isoformat(),
            "is_mine": student.register_number is not None
            and lucky.number == student.register_number,
        },
        "weeks": [_week(week) for week in snapshot.weeks],
        "agenda": [_agenda(item) for item in snapshot.agenda],
        "homework": [
            _homework(item)
            for item in snapshot.homework
            # The cards list what is still to do; an assignment without a due date has no
            # place in that list (the to-do entity shows it).
            if item.due is not None and item.due >= snapshot.today
        ],
        "grades": {"semesters": [_semester(s) for s in sorted_semesters(snapshot)]},
    }


def sorted_semesters(snapshot: LibrusSnapshot) -> list[SemesterGrades]:
    """Both semesters, the second one even before it has grades."""
    present = {s.semester: s for s in snapshot.grades}
    return [
        present.get(number, SemesterGrades(semester=number, subjects=(), average=None))
        for number in (1, 2)
    ]


def _week(week: ScheduleWeek) -> dict[str, Any]:
    days = [
        day
        for day in week.days
        # Weekends only when something happens on them.
        if day.day.weekday() < 5 or day.lessons
    ]
    return {
        "week_start": week.start.isoformat(),
        "days": [
            {
                "date": day.day.isoformat(),
                "free_day": day.free_day,
                "lessons": [_lesson(lesson) for lesson in day.lessons],
            }
            for day in days
        ],
    }


def _lesson(lesson: ScheduledLesson) -> dict[str, Any]:
    changed = lesson.status in ("substitution", "moved") and any(
        (lesson.original_subject, lesson.original_teacher, lesson.original_room)
    )
    return {
        "number": lesson.number,
        "start": _clock(lesson.start) or "",
        "end": _clock(lesson.end) or "",
        "subject": lesson.subject or "",
        "teacher": lesson.teacher,
        "room": lesson.room,
        "group": lesson.group,
        "status": lesson.status,
        "note": lesson.note,
        "original": {
            "subject": lesson.original_subject,
            "teacher": lesson.original_teacher,
            "room": lesson.original_room,
        }
        if changed
        else None,
    }


def _agenda(item: AgendaItem) -> dict[str, Any]:
    return {
        "id": item.id,
        "date": item.day.isoformat(),
        "start": _clock(item.start),
        "end": _clock(item.end),
        "kind": item.kind,
        "category": item.category or "",
        "subject": item.subject,
        "content": item.content,
    }


def _homework(item: Homework) -> dict[str, Any]:
    return {
        "id": item.id,
        "subject": None,  # Librus's homework assignments carry no subject
        "topic": item.topic,
        "text": item.text,
        "assigned": _day(item.assigned),
        "due": item.due.isoformat() if item.due else "",
        "teacher": item.teacher,
    }


def _semester(semester: SemesterGrades) -> dict[str, Any]:
    return {
        "semester": semester.semester,
        "average": semester.average,
        "subjects": [_subject(subject) for subject in semester.subjects],
    }


def _subject(subject: SubjectGrades) -> dict[str, Any]:
    return {
        "subject_id": subject.subject_id,
        "subject": subject.subject,
        "average": subject.average,
        "semester_grade": subject.semester_grade,
        "proposed_grade": subject.proposed_grade,
        # Semester and final grades (and their proposals) are the two fields above.
        "grades": [_grade(g) for g in subject.grades if g.kind == "regular"],
    }


def _grade(grade: GradeItem) -> dict[str, Any]:
    return {
        "id": grade.id,
        "value": grade.value,
        "numeric": grade.numeric,
        "weight": grade.weight,
        "counts": grade.counts,
        "category": grade.category or "",
        "date": grade.day.isoformat(),
        "added": _stamp(grade.added) or grade.day.isoformat(),
        "teacher": grade.teacher,
        "comment": grade.comment,
        "is_new": grade.is_new,
    }
