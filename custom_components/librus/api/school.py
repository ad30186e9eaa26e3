"""The school and its dictionaries: ``Classes``, ``Schools``, ``Subjects``, ``Lessons``,
``Classrooms``, ``Colors``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, time
from typing import Any

from .fields import (
    Items,
    MalformedError,
    flag,
    item_id,
    mapping,
    opt_int,
    opt_str,
    opt_time,
    parse_items,
    parse_object,
    ref_id,
    ref_ids,
    req_date,
    req_str,
    str_or_empty,
)


@dataclass(slots=True, frozen=True, kw_only=True)
class SchoolClass:
    """``Classes``: the student's class and its school-year dates."""

    id: str
    number: int | None
    symbol: str
    begin_school_year: date
    end_first_semester: date
    end_school_year: date
    unit_id: str | None
    tutor_ids: tuple[str, ...]

    @property
    def name(self) -> str:
        """Display name as Librus writes it, e.g. ``"6d"``."""
        return f"{'' if self.number is None else self.number}{self.symbol}".strip()

    def semester_of(self, day: date) -> int:
        """1 up to and including ``EndFirstSemester``, 2 after it."""
        return 1 if day <= self.end_first_semester else 2


def parse_class(payload: Mapping[str, Any]) -> SchoolClass:
    """Parse ``Classes`` (singular ``Class`` key)."""

    def parse(item: Mapping[str, Any]) -> SchoolClass:
        tutors = ref_ids(item, "ClassTutors")
        tutor = ref_id(item, "ClassTutor")
        if tutor is not None and tutor not in tutors:
            tutors = (tutor, *tutors)
        return SchoolClass(
            id=item_id(item),
            number=opt_int(item, "Number"),
            symbol=str_or_empty(item, "Symbol"),
            begin_school_year=req_date(item, "BeginSchoolYear"),
            end_first_semester=req_date(item, "EndFirstSemester"),
            end_school_year=req_date(item, "EndSchoolYear"),
            unit_id=ref_id(item, "Unit"),
            tutor_ids=tutors,
        )

    return parse_object(payload, "Class", "Classes", parse)


LessonHours = tuple[time, time]


@dataclass(slots=True, frozen=True, kw_only=True)
class School:
    """``Schools``: name, address and the bell schedule."""

    id: str
    name: str
    town: str | None
    street: str | None
    building_number: str | None
    apartment_number: str | None
    post_code: str | None
    state: str | None
    school_year: int | None
    """The year the school year starts in."""
    lessons_range: tuple[LessonHours | None, ...]
    """Index = lesson number; ``None`` for an unused slot (slot 0 usually is)."""
    email: str | None
    phone: str | None


def _lesson_hours(raw: object) -> LessonHours | None:
    slot = mapping(raw, "LessonsRange slot")
    start = opt_time(slot, "From")
    end = opt_time(slot, "To")
    if start is None or end is None:
        return None
    return (start, end)


def parse_school(payload: Mapping[str, Any]) -> School:
    """Parse ``Schools`` (singular ``School`` key)."""

    def parse(item: Mapping[str, Any]) -> School:
        ranges = item.get("LessonsRange") or []
        if not isinstance(ranges, list):
            raise MalformedError("LessonsRange is not a list")
        return School(
            id=item_id(item),
            name=str_or_empty(item, "Name"),
            town=opt_str(item, "Town"),
            street=opt_str(item, "Street"),
            building_number=opt_str(item, "BuildingNumber"),
            apartment_number=opt_str(item, "ApartmentNumber") or None,
            post_code=opt_str(item, "PostCode"),
            state=opt_str(item, "State"),
            school_year=opt_int(item, "SchoolYear"),
            lessons_range=tuple(_lesson_hours(slot) for slot in ranges),
            email=opt_str(item, "Email"),
            phone=opt_str(item, "PhoneNumber"),
        )

    return parse_object(payload, "School", "Schools", parse)


@dataclass(slots=True, frozen=True, kw_only=True)
class Subject:
    """``Subjects``."""

    id: str
    name: str
    short: str
    no: int | None
    is_extracurricular: bool
    is_block_lesson: bool


def _subject(item: Mapping[str, Any]) -> Subject:
    return Subject(
        id=item_id(item),
        name=req_str(item, "Name"),
        short=str_or_empty(item, "Short"),
        no=opt_int(item, "No"),
        is_extracurricular=flag(item, "IsExtracurricular"),
        is_block_lesson=flag(item, "IsBlockLesson"),
    )


def parse_subjects(payload: Mapping[str, Any]) -> Items[Subject]:
    """Parse ``Subjects``."""
    return parse_items(payload, "Subjects", "Subjects", _subject)


@dataclass(slots=True, frozen=True, kw_only=True)
class Lesson:
    """``Lessons``: a (teacher, subject, class) definition; maps attendance to a subject."""

    id: str
    teacher_id: str | None
    subject_id: str | None
    class_id: str | None
    """Absent for virtual-class (group) lessons."""
    virtual_class_id: str | None


def _lesson(item: Mapping[str, Any]) -> Lesson:
    return Lesson(
        id=item_id(item),
        teacher_id=ref_id(item, "Teacher"),
        subject_id=ref_id(item, "Subject"),
        class_id=ref_id(item, "Class"),
        virtual_class_id=ref_id(item, "VirtualClass"),
    )


def parse_lessons(payload: Mapping[str, Any]) -> Items[Lesson]:
    """Parse ``Lessons``."""
    return parse_items(payload, "Lessons", "Lessons", _lesson)


@dataclass(slots=True, frozen=True, kw_only=True)
class Classroom:
    """``Classrooms``."""

    id: str
    name: str
    symbol: str
    size: int | None
    is_common_room: bool
    description: str | None

    @property
    def display_name(self) -> str:
        """The short symbol Librus shows in the timetable, else the name."""
        return self.symbol or self.name


def _classroom(item: Mapping[str, Any]) -> Classroom:
    return Classroom(
        id=item_id(item),
        name=str_or_empty(item, "Name"),
        symbol=str_or_empty(item, "Symbol"),
        size=opt_int(item, "Size"),
        is_common_room=flag(item, "SchoolCommonRoom"),
        description=opt_str(item, "Description") or None,
    )


def parse_classrooms(payload: Mapping[str, Any]) -> Items[Classroom]:
    """Parse ``Classrooms``."""
    return parse_items(payload, "Classrooms", "Classrooms", _classroom)


@dataclass(slots=True, frozen=True, kw_only=True)
class Color:
    """``Colors``: what category ``Color`` refs point at."""

    id: str
    rgb: str
    """Hex without ``#``, e.g. ``"F0E68C"``."""
    name: str


def parse_colors(payload: Mapping[str, Any]) -> Items[Color]:
    """Parse ``Colors``."""

    def parse(item: Mapping[str, Any]) -> Color:
        return Color(id=item_id(item), rgb=req_str(item, "RGB"), name=str_or_empty(item, "Name"))

    return parse_items(payload, "Colors", "Colors", parse)
