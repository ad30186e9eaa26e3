"""The snapshot: typed, immutable, everything entities and the cards read, and its JSON form.

`snapshot_build.py` makes it from the parsed api models and decides every derived fact in it
(the latest grade, which grades are new, averages, semester and proposed grades, free days);
the platforms and the websocket API only display them. The coordinator keeps the last one in
a `Store` through `to_json` / `from_json`, which follow the dataclasses' type hints.
"""

from __future__ import annotations

import dataclasses
import types
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from .api.fields import LIBRUS_TZ
from .api.lucky_number import LuckyNumber

TZ = LIBRUS_TZ

type LessonStatus = Literal["normal", "substitution", "cancelled", "moved"]
type AgendaKind = Literal["test", "quiz", "trip", "meeting", "other"]
type GradeKind = Literal[
    "regular", "semester_proposition", "semester", "final_proposition", "final"
]


@dataclass(frozen=True, slots=True, kw_only=True)
class Student:
    name: str
    class_name: str | None
    school_name: str | None
    register_number: int | None


@dataclass(frozen=True, slots=True, kw_only=True)
class ScheduledLesson:
    """One lesson of the timetable, with names resolved and its status decided."""

    day: date
    number: int
    start: time | None
    end: time | None
    subject: str | None
    teacher: str | None
    room: str | None
    group: str | None
    status: LessonStatus
    note: str | None
    original_subject: str | None
    original_teacher: str | None
    original_room: str | None

    @property
    def starts_at(self) -> datetime | None:
        return None if self.start is None else datetime.combine(self.day, self.start, TZ)

    @property
    def ends_at(self) -> datetime | None:
        return None if self.end is None else datetime.combine(self.day, self.end, TZ)


@dataclass(frozen=True, slots=True, kw_only=True)
class ScheduleDay:
    day: date
    lessons: tuple[ScheduledLesson, ...]
    free_day: str | None
    """The name of the free period this day falls in, if any."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ScheduleWeek:
    start: date
    days: tuple[ScheduleDay, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class AgendaItem:
    id: str
    day: date
    start: time | None
    end: time | None
    lesson_number: int | None
    kind: AgendaKind
    category: str | None
    content: str
    subject: str | None
    teacher: str | None
    added: datetime | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Homework:
    id: str
    topic: str
    text: str
    teacher: str | None
    assigned: date | None
    due: date | None


@dataclass(frozen=True, slots=True, kw_only=True)
class GradeItem:
    id: str
    subject_id: str | None
    subject: str | None
    value: str
    numeric: float | None
    weight: float | None
    counts: bool
    kind: GradeKind
    category: str | None
    day: date
    added: datetime | None
    teacher: str | None
    comment: str | None
    semester: int
    is_new: bool
    """Added yesterday or on the snapshot's day."""


@dataclass(frozen=True, slots=True, kw_only=True)
class SubjectGrades:
    subject_id: str
    subject: str
    grades: tuple[GradeItem, ...]
    average: float | None
    """The weighted average of the grades that count (full precision)."""
    semester_grade: str | None
    """The latest semester or final grade."""
    proposed_grade: str | None
    """The latest proposal of a semester or final grade."""


@dataclass(frozen=True, slots=True, kw_only=True)
class SemesterGrades:
    semester: int
    subjects: tuple[SubjectGrades, ...]
    average: float | None
    """The weighted average over every counted grade of the semester (full precision)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Absence:
    id: str
    day: date
    lesson_number: int | None
    kind: str
    type_name: str | None
    semester: int | None


@dataclass(frozen=True, slots=True, kw_only=True)
class AttendanceSummary:
    semester: int
    lessons: int
    present: int
    absent_unexcused: int
    absent_excused: int
    late: int
    percentage: float | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Notice:
    id: str
    title: str
    content: str
    start: date | None
    end: date | None
    author: str | None
    created: datetime | None


@dataclass(frozen=True, slots=True, kw_only=True)
class FreePeriod:
    """Days without lessons for the whole school or the student's class (inclusive)."""

    id: str
    name: str
    start: date
    end: date
    scope: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Message:
    """One message of the inbox list (Wiadomości); never the message itself."""

    id: str
    sender: str
    topic: str
    sent: datetime | None
    preview: str
    """The start of the text, plain and cut to ``PREVIEW_CHARS``: for the card only, never
    an entity attribute or event data (the recorder keeps those)."""
    unread: bool
    has_attachments: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class Messages:
    """Messages from school: the unread count and the newest messages of the inbox."""

    available: bool = False
    """The messages module answered for this account and its list is at hand."""
    unread: int | None = None
    """Unread messages in the whole inbox (Librus's count), None while not known."""
    items: tuple[Message, ...] = ()
    """The newest messages, newest first (at most ``MESSAGES_SHOWN``)."""

    @property
    def newest_unread(self) -> Message | None:
        return next((message for message in self.items if message.unread), None)


def free_period_on(free_days: Iterable[FreePeriod], day: date) -> FreePeriod | None:
    """The free period ``day`` falls in (the first listed), or None: the one free-day rule."""
    return next((free for free in free_days if free.start <= day <= free.end), None)


@dataclass(frozen=True, slots=True, kw_only=True)
class LibrusSnapshot:
    """Everything entities (and the cards' websocket API) read; never raw JSON."""

    student: Student
    today: date
    semester: int
    lucky_number: LuckyNumber | None
    weeks: tuple[ScheduleWeek, ...]
    agenda: tuple[AgendaItem, ...]
    homework: tuple[Homework, ...]
    grades: tuple[SemesterGrades, ...]
    latest_grade: GradeItem | None
    """The most recently added regular grade (not a semester or final grade)."""
    absences: tuple[Absence, ...]
    attendance: AttendanceSummary | None
    notices: tuple[Notice, ...]
    free_days: tuple[FreePeriod, ...]
    messages: Messages = Messages()
    missing: frozenset[str] = frozenset()
    """Plan keys of the modules Librus reports as absent for this account."""
    fetched_at: datetime | None = None

    def lessons(self) -> Iterable[ScheduledLesson]:
        for week in self.weeks:
            for day in week.days:
                yield from day.lessons

    def all_grades(self) -> Iterable[GradeItem]:
        for semester in self.grades:
            for subject in semester.subjects:
                yield from subject.grades

    def semester_grades(self, semester: int | None = None) -> SemesterGrades | None:
        wanted = self.semester if semester is None else semester
        return next((s for s in self.grades if s.semester == wanted), None)

    def is_free_day(self, day: date) -> bool:
        return free_period_on(self.free_days, day) is not None

    def is_school_day(self, day: date) -> bool | None:
        """Lessons that are not cancelled, on a day that is not free; None if not known."""
        if day.weekday() >= 5 or self.is_free_day(day):
            return False
        known = [d for week in self.weeks for d in week.days if d.day == day]
        if not known:
            return None
        return any(lesson.status != "cancelled" for lesson in known[0].lessons)


@dataclass(frozen=True, slots=True, kw_only=True)
class LibrusChanges:
    """New items since the previous sync (empty on the first sync and on failures)."""

    grades: tuple[GradeItem, ...] = ()
    notices: tuple[Notice, ...] = ()
    agenda: tuple[AgendaItem, ...] = ()
    absences: tuple[Absence, ...] = ()
    messages: tuple[Message, ...] = ()


# ------------------------------------------------------------------------------------------
# Snapshot <-> JSON (for the Store), driven by the dataclasses' type hints.


def to_json(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [to_json(item) for item in value]
    if isinstance(value, frozenset | set):
        return sorted(to_json(item) for item in value)
    return value


def from_json(hint: Any, value: Any) -> Any:
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        if value is None:
            return None
        inner = [arg for arg in get_args(hint) if arg is not type(None)]
        return from_json(inner[0], value)
    if origin is tuple:
        return tuple(from_json(get_args(hint)[0], item) for item in value)
    if origin is frozenset:
        return frozenset(from_json(get_args(hint)[0], item) for item in value)
    if origin is Literal or hasattr(hint, "__value__"):
        return value  # Literal aliases hold plain strings
    if dataclasses.is_dataclass(hint):
        hints = get_type_hints(hint)
        factory: Any = hint
        return factory(
            **{f.name: from_json(hints[f.name], value[f.name]) for f in dataclasses.fields(hint)}
        )
    if hint is datetime:
        return datetime.fromisoformat(value)
    if hint is date:
        return date.fromisoformat(value)
    if hint is time:
        return time.fromisoformat(value)
    if hint is float and value is not None:
        return float(value)
    return value
