"""The records of a generated school year, before any JSON: what happened, not how Librus says it.

`school_year.py` creates them; `school_gateway.py` renders them in the gateway's shapes.
Lessons are the catalogue's `Lesson`s, subjects are catalogue keys ("mat", "jp", …).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from .school_catalogue import LESSON_BY_KEY, Lesson, PeriodKind


@dataclass(frozen=True, slots=True)
class Change:
    """A change to one slot of the plan on one day."""

    canceled: bool = False
    substitute: str | None = None  # the lesson key taught instead


@dataclass(frozen=True, slots=True)
class TimetableLesson:
    """One lesson of the timetable on one day."""

    day: date
    number: int  # the lesson number (slot)
    plan_index: int  # position among the day's planned lessons (both groups of a split class)
    lesson: Lesson  # as planned
    change: Change

    @property
    def shown(self) -> Lesson:
        """The lesson as taught: the substitute's when there is one."""
        return LESSON_BY_KEY[self.change.substitute] if self.change.substitute else self.lesson


@dataclass(frozen=True, slots=True)
class Comment:
    id: int
    text: str


@dataclass(frozen=True, slots=True)
class Grade:
    id: int
    subject: str
    lesson: Lesson  # the student's own lesson of the subject (its teacher added the grade)
    text: str
    category: int
    day: date
    added: datetime
    semester: int
    kind: PeriodKind
    comment: Comment | None = None
    improvement: int | None = None  # the id of the grade this one corrects


@dataclass(frozen=True, slots=True)
class Attendance:
    id: int | str  # about one in twenty is a "t"-prefixed string, as on real accounts
    lesson: Lesson
    day: date
    number: int
    added: datetime
    semester: int
    type_id: int


@dataclass(frozen=True, slots=True)
class AgendaEntry:
    id: int
    content: str
    day: date
    category: int
    subject: str | None  # None for school-wide events
    lesson_no: int | None
    time_from: time | None
    time_to: time | None
    created_by: int
    classroom: int | None  # an inline classroom, on some entries only
    added: datetime


@dataclass(frozen=True, slots=True)
class Assignment:
    id: int
    subject: str
    lesson: Lesson
    topic: str
    text: str
    given: date
    due: date
    with_file: bool
    with_category: bool


@dataclass(frozen=True, slots=True)
class Notice:
    id: str
    title: str
    content: str
    start: date
    end: date
    added_by: int | str
    created: datetime
    was_read: bool


@dataclass(frozen=True, slots=True)
class Note:
    id: int
    text: str
    category: int
    teacher_id: int
    day: date
    positive: int


@dataclass(frozen=True, slots=True)
class BehaviourPoint:
    id: int
    grade_type: str  # a `BehaviourGrades/Types` id
    semester: int
    added: datetime
    added_by: int
    comment: Comment
