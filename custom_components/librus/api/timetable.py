"""``Timetables?weekStart=``: one week of lessons, substitutions and cancellations."""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, time
from typing import Any

from .errors import LibrusResponseError
from .fields import (
    ITEM_ERRORS,
    flag,
    full_name,
    mapping,
    opt_date,
    opt_int,
    opt_str,
    opt_time,
    parse_date,
    ref_id,
    resource,
)

_LOGGER = logging.getLogger(__name__)


@dataclass(slots=True, frozen=True, kw_only=True)
class TimetableLesson:
    """One lesson of ``Timetables?weekStart=``; several may share a slot (split groups)."""

    date: date
    lesson_no: int
    time_from: time | None
    time_to: time | None
    lesson_id: str | None
    subject_id: str | None
    subject_name: str | None
    subject_short: str | None
    teacher_id: str | None
    teacher_first_name: str | None
    teacher_last_name: str | None
    class_id: str | None
    virtual_class_id: str | None
    virtual_class_name: str | None
    classroom_id: str | None
    timetable_entry_id: str | None
    is_substitution: bool
    is_canceled: bool
    substitution_note: str | None
    org_date: dt.date | None
    """Original lesson of a substitution/move: date, number, hours, lesson, subject…"""
    org_lesson_no: int | None
    org_time_from: time | None
    org_time_to: time | None
    org_lesson_id: str | None
    org_subject_id: str | None
    org_teacher_id: str | None
    org_classroom_id: str | None
    new_date: dt.date | None
    """Where a moved lesson went: date, number, hours, subject, teacher, room."""
    new_lesson_no: int | None
    new_time_from: time | None
    new_time_to: time | None
    new_subject_id: str | None
    new_teacher_id: str | None
    new_classroom_id: str | None

    @property
    def teacher_name(self) -> str | None:
        """The teacher's "First Last" as embedded in the timetable."""
        return full_name(self.teacher_first_name, self.teacher_last_name) or None

    @property
    def is_moved(self) -> bool:
        """The lesson was moved elsewhere (``New*`` fields)."""
        return self.new_date is not None or self.new_lesson_no is not None


@dataclass(slots=True, frozen=True, kw_only=True)
class TimetableWeek:
    """A parsed ``Timetables`` week: the days it covers and their lessons."""

    days: tuple[date, ...]
    lessons: tuple[TimetableLesson, ...]
    """Sorted by date, lesson number, then the order Librus lists split groups in."""
    skipped: int
    next_week_start: date | None
    prev_week_start: date | None

    def lessons_on(self, day: date) -> tuple[TimetableLesson, ...]:
        """The lessons of one day (empty for a free or unknown day)."""
        return tuple(lesson for lesson in self.lessons if lesson.date == day)


def _timetable_lesson(item: Mapping[str, Any], day: date, slot_no: int) -> TimetableLesson:
    subject = item.get("Subject")
    subject = subject if isinstance(subject, Mapping) else {}
    teacher = item.get("Teacher")
    teacher = teacher if isinstance(teacher, Mapping) else {}
    lesson_no = opt_int(item, "LessonNo")
    return TimetableLesson(
        date=day,
        lesson_no=slot_no if lesson_no is None else lesson_no,
        time_from=opt_time(item, "HourFrom"),
        time_to=opt_time(item, "HourTo"),
        lesson_id=ref_id(item, "Lesson"),
        subject_id=ref_id(item, "Subject"),
        subject_name=opt_str(subject, "Name"),
        subject_short=opt_str(subject, "Short"),
        teacher_id=ref_id(item, "Teacher"),
        teacher_first_name=opt_str(teacher, "FirstName"),
        teacher_last_name=opt_str(teacher, "LastName"),
        class_id=ref_id(item, "Class"),
        virtual_class_id=ref_id(item, "VirtualClass"),
        virtual_class_name=opt_str(item, "VirtualClassName"),
        classroom_id=ref_id(item, "Classroom"),
        timetable_entry_id=ref_id(item, "TimetableEntry"),
        is_substitution=flag(item, "IsSubstitutionClass"),
        is_canceled=flag(item, "IsCanceled"),
        substitution_note=opt_str(item, "SubstitutionNote") or None,
        org_date=opt_date(item, "OrgDate"),
        org_lesson_no=opt_int(item, "OrgLessonNo"),
        org_time_from=opt_time(item, "OrgHourFrom"),
        org_time_to=opt_time(item, "OrgHourTo"),
        org_lesson_id=ref_id(item, "OrgLesson"),
        org_subject_id=ref_id(item, "OrgSubject"),
        org_teacher_id=ref_id(item, "OrgTeacher"),
        org_classroom_id=ref_id(item, "OrgClassroom"),
        new_date=opt_date(item, "NewDate"),
        new_lesson_no=opt_int(item, "NewLessonNo"),
        new_time_from=opt_time(item, "NewHourFrom"),
        new_time_to=opt_time(item, "NewHourTo"),
        new_subject_id=ref_id(item, "NewSubject"),
        new_teacher_id=ref_id(item, "NewTeacher"),
        new_classroom_id=ref_id(item, "NewClassroom"),
    )


def _week_start_from_url(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    match = re.search(r"weekStart=(\d{4}-\d{1,2}-\d{1,2})", value)
    if match is None:
        return None
    try:
        return parse_date(match.group(1))
    except ValueError:
        return None


def parse_timetable(payload: Mapping[str, Any]) -> TimetableWeek:
    """Parse ``Timetables?weekStart=``: date → list of slots → list of lessons.

    A slot's index is its lesson number (``LessonNo`` wins when present); empty slots are
    ``[]``; a slot with several lessons is a split class. A day, slot or lesson that cannot
    be understood is skipped and counted.
    """
    raw = resource(payload, "Timetable", "Timetables")
    if not isinstance(raw, Mapping):
        raise LibrusResponseError("Timetables: 'Timetable' is not an object")
    days: list[date] = []
    lessons: list[tuple[date, int, int, TimetableLesson]] = []
    skipped = 0
    order = 0
    for day_text, slots in raw.items():
        try:
            day = parse_date(day_text)
        except ValueError:
            skipped += 1
            _LOGGER.debug("Timetables: skipped day %r (not a date)", day_text)
            continue
        if not isinstance(slots, list):
            skipped += 1
            _LOGGER.debug("Timetables: skipped day %s (slots are not a list)", day)
            continue
        days.append(day)
        for slot_no, slot in enumerate(slots):
            if not isinstance(slot, list):
                skipped += 1
                _LOGGER.debug("Timetables: skipped slot %d on %s", slot_no, day)
                continue
            for item in slot:
                try:
                    lesson = _timetable_lesson(mapping(item, "lesson"), day, slot_no)
                except ITEM_ERRORS as err:
                    skipped += 1
                    _LOGGER.debug(
                        "Timetables: skipped a lesson on %s slot %d (%s)", day, slot_no, err
                    )
                    continue
                lessons.append((day, lesson.lesson_no, order, lesson))
                order += 1
    lessons.sort(key=lambda entry: entry[:3])
    pages = payload.get("Pages")
    pages = pages if isinstance(pages, Mapping) else {}
    return TimetableWeek(
        days=tuple(sorted(days)),
        lessons=tuple(entry[3] for entry in lessons),
        skipped=skipped,
        next_week_start=_week_start_from_url(pages.get("Next")),
        prev_week_start=_week_start_from_url(pages.get("Prev")),
    )
