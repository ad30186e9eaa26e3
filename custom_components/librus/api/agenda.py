"""The agenda (``HomeWorks``, ``HomeWorks/Categories``) and homework (``HomeWorkAssignments``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from .fields import (
    Items,
    MalformedError,
    flag,
    item_id,
    mapping,
    opt_date,
    opt_datetime,
    opt_int,
    opt_str,
    opt_time,
    parse_items,
    ref_id,
    req_date,
    str_or_empty,
)


@dataclass(slots=True, frozen=True, kw_only=True)
class AgendaEntry:
    """``HomeWorks``: despite the name, the agenda (tests, quizzes, trips, meetings)."""

    id: str
    content: str
    date: date
    category_id: str | None
    lesson_no: int | None
    """``None`` for after-school events (parent meetings)."""
    time_from: time | None
    time_to: time | None
    created_by_id: str | None
    class_id: str | None
    subject_id: str | None
    """Absent for school-wide events."""
    classroom_id: str | None
    classroom_name: str | None
    """Inline ``Classroom`` symbol/name, when Librus embeds one."""
    add_date: datetime | None
    online_lesson_url: str | None


def _agenda_entry(item: Mapping[str, Any]) -> AgendaEntry:
    classroom = item.get("Classroom")
    classroom_name = None
    if isinstance(classroom, Mapping):
        classroom_name = opt_str(classroom, "Symbol") or opt_str(classroom, "Name") or None
    online = item.get("onlineLessonUrl")
    online_url = opt_str(online, "url") if isinstance(online, Mapping) else None
    return AgendaEntry(
        id=item_id(item),
        content=str_or_empty(item, "Content"),
        date=req_date(item, "Date"),
        category_id=ref_id(item, "Category"),
        lesson_no=opt_int(item, "LessonNo"),
        time_from=opt_time(item, "TimeFrom"),
        time_to=opt_time(item, "TimeTo"),
        created_by_id=ref_id(item, "CreatedBy"),
        class_id=ref_id(item, "Class"),
        subject_id=ref_id(item, "Subject"),
        classroom_id=ref_id(item, "Classroom"),
        classroom_name=classroom_name,
        add_date=opt_datetime(item, "AddDate"),
        online_lesson_url=online_url or None,
    )


def parse_agenda(payload: Mapping[str, Any]) -> Items[AgendaEntry]:
    """Parse ``HomeWorks`` (the agenda)."""
    return parse_items(payload, "HomeWorks", "HomeWorks", _agenda_entry)


@dataclass(slots=True, frozen=True, kw_only=True)
class AgendaCategory:
    """``HomeWorks/Categories``: per-school names; duplicates with different ids happen."""

    id: str
    name: str
    color_id: str | None


def parse_agenda_categories(payload: Mapping[str, Any]) -> Items[AgendaCategory]:
    """Parse ``HomeWorks/Categories`` (key ``Categories``)."""

    def parse(item: Mapping[str, Any]) -> AgendaCategory:
        return AgendaCategory(
            id=item_id(item), name=str_or_empty(item, "Name"), color_id=ref_id(item, "Color")
        )

    return parse_items(payload, "Categories", "HomeWorks/Categories", parse)


@dataclass(slots=True, frozen=True, kw_only=True)
class HomeworkFile:
    """An attachment of a homework assignment."""

    id: str
    name: str


@dataclass(slots=True, frozen=True, kw_only=True)
class HomeworkAssignment:
    """``HomeWorkAssignments``: real homework. No subject (derive it from the lesson)."""

    id: str
    topic: str
    text: str
    teacher_id: str | None
    date: date | None
    """When it was given."""
    due_date: dt.date | None
    lesson_id: str | None
    category_id: str | None
    must_send_attachment: bool
    send_file_possible: bool
    files: tuple[HomeworkFile, ...]


def _homework_files(item: Mapping[str, Any]) -> tuple[HomeworkFile, ...]:
    raw = item.get("HomeworkAssigmentFiles")  # sic: Librus's spelling
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise MalformedError("HomeworkAssigmentFiles is not a list")
    return tuple(
        HomeworkFile(
            id=item_id(mapping(file, "file")), name=str_or_empty(mapping(file, "file"), "Name")
        )
        for file in raw
    )


def _homework(item: Mapping[str, Any]) -> HomeworkAssignment:
    return HomeworkAssignment(
        id=item_id(item),
        topic=str_or_empty(item, "Topic"),
        text=str_or_empty(item, "Text"),
        teacher_id=ref_id(item, "Teacher"),
        date=opt_date(item, "Date"),
        due_date=opt_date(item, "DueDate"),
        lesson_id=ref_id(item, "Lesson"),
        category_id=ref_id(item, "Category"),
        must_send_attachment=flag(item, "MustSendAttachFile"),
        send_file_possible=flag(item, "SendFilePossible"),
        files=_homework_files(item),
    )


def parse_homework_assignments(payload: Mapping[str, Any]) -> Items[HomeworkAssignment]:
    """Parse ``HomeWorkAssignments``."""
    return parse_items(payload, "HomeWorkAssignments", "HomeWorkAssignments", _homework)
