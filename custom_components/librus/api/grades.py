"""Grades: ``Grades``, ``Grades/Categories``, ``Grades/Comments``, and their arithmetic as
Librus's own app does it.

Rules (``librus-api.md`` §3.3 "Grades", "Grades/Categories"; §8 item 9):

- A grade's value comes from its text: ``"1"``…``"6"``, a trailing ``+`` adds
  :data:`PLUS_VALUE` (0.5) and a trailing ``-`` subtracts :data:`MINUS_VALUE` (0.25), as in
  Librus's app (a ``6`` and a ``4-`` average to 4.875). Marks (``np``, ``bz``, ``nk``, bare
  ``+``/``-``, ``0``, ``zw``, ``uł``…) and anything else have no value and never count.
- The weight is the category's ``Weight``. A grade counts only when its category is known,
  has ``CountToTheAverage`` and a positive weight.
- Only ordinary constituent grades count (``IsConstituent``); semester and final grades and
  their propositions never enter the running average — :func:`period_grades` exposes them.
- Semesters: grades carry ``Semester`` 1/2; the second semester starts the day after
  ``Class.EndFirstSemester`` (:func:`current_semester`).

Every function returns full precision; rounding is for presentation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from .fields import (
    Items,
    MalformedError,
    by_id,
    flag,
    item_id,
    opt_datetime,
    opt_float,
    opt_int,
    opt_str,
    parse_items,
    ref_id,
    ref_ids,
    req_date,
    req_str,
    str_or_empty,
)
from .school import SchoolClass

# --------------------------------------------------------------------------------------------
# Models and parsers


@dataclass(slots=True, frozen=True, kw_only=True)
class Grade:
    """``Grades``: one grade as Librus writes it (``"4+"``, ``"np"``…); see ``grades.py``."""

    id: str
    grade: str
    subject_id: str | None
    lesson_id: str | None
    category_id: str | None
    added_by_id: str | None
    student_id: str | None
    date: date
    add_date: datetime | None
    semester: int
    is_constituent: bool
    """An ordinary grade (counts towards the running average when its category does)."""
    is_semester: bool
    is_semester_proposition: bool
    is_final: bool
    is_final_proposition: bool
    comment_ids: tuple[str, ...]
    improvement_id: str | None
    """The earlier grade this one corrects (that grade stays in the list)."""
    resit_id: str | None

    @property
    def is_period_grade(self) -> bool:
        """A semester/final grade or a proposal of one (not a running grade)."""
        return (
            self.is_semester
            or self.is_semester_proposition
            or self.is_final
            or self.is_final_proposition
        )


def _grade(item: Mapping[str, Any]) -> Grade:
    semester = opt_int(item, "Semester")
    if semester not in (1, 2):
        raise MalformedError("Semester is not 1 or 2")
    return Grade(
        id=item_id(item),
        grade=req_str(item, "Grade").strip(),
        subject_id=ref_id(item, "Subject"),
        lesson_id=ref_id(item, "Lesson"),
        category_id=ref_id(item, "Category"),
        added_by_id=ref_id(item, "AddedBy"),
        student_id=ref_id(item, "Student"),
        date=req_date(item, "Date"),
        add_date=opt_datetime(item, "AddDate"),
        semester=semester,
        is_constituent=flag(item, "IsConstituent"),
        is_semester=flag(item, "IsSemester"),
        is_semester_proposition=flag(item, "IsSemesterProposition"),
        is_final=flag(item, "IsFinal"),
        is_final_proposition=flag(item, "IsFinalProposition"),
        comment_ids=ref_ids(item, "Comments"),
        improvement_id=ref_id(item, "Improvement"),
        resit_id=ref_id(item, "Resit"),
    )


def parse_grades(payload: Mapping[str, Any]) -> Items[Grade]:
    """Parse ``Grades``."""
    return parse_items(payload, "Grades", "Grades", _grade)


@dataclass(slots=True, frozen=True, kw_only=True)
class GradeCategory:
    """``Grades/Categories``: name and weight of a kind of grade."""

    id: str
    name: str
    short: str | None
    weight: float | None
    """``None`` when absent (Librus omits it when the category does not count)."""
    count_to_average: bool
    color_id: str | None
    is_semestral: bool
    is_semestral_proposition: bool
    is_final: bool
    is_final_proposition: bool


def _grade_category(item: Mapping[str, Any]) -> GradeCategory:
    return GradeCategory(
        id=item_id(item),
        name=str_or_empty(item, "Name"),
        short=opt_str(item, "Short"),
        weight=opt_float(item, "Weight"),
        count_to_average=flag(item, "CountToTheAverage"),
        color_id=ref_id(item, "Color"),
        is_semestral=flag(item, "IsSemestral"),
        is_semestral_proposition=flag(item, "IsSemestralProposition"),
        is_final=flag(item, "IsFinal"),
        is_final_proposition=flag(item, "IsFinalProposition"),
    )


def parse_grade_categories(payload: Mapping[str, Any]) -> Items[GradeCategory]:
    """Parse ``Grades/Categories``."""
    return parse_items(payload, "Categories", "Grades/Categories", _grade_category)


@dataclass(slots=True, frozen=True, kw_only=True)
class GradeComment:
    """``Grades/Comments`` (also ``BehaviourGrades/Points/Comments``): a comment's text."""

    id: str
    grade_id: str | None
    added_by_id: str | None
    text: str


def _comment(item: Mapping[str, Any]) -> GradeComment:
    return GradeComment(
        id=item_id(item),
        grade_id=ref_id(item, "Grade"),
        added_by_id=ref_id(item, "AddedBy"),
        text=str_or_empty(item, "Text"),
    )


def parse_grade_comments(payload: Mapping[str, Any]) -> Items[GradeComment]:
    """Parse ``Grades/Comments`` (and other ``Comments`` lists of the same shape)."""
    return parse_items(payload, "Comments", "Grades/Comments", _comment)


# --------------------------------------------------------------------------------------------
# Arithmetic

PLUS_VALUE = 0.5
"""What a trailing ``+`` adds (Librus app default; schools may configure otherwise)."""
MINUS_VALUE = 0.25
"""What a trailing ``-`` subtracts (Librus app default)."""

_GRADE_RE = re.compile(r"^([1-6])\s*([+-]?)$")

Categories = Mapping[str, GradeCategory] | Iterable[GradeCategory]


def grade_value(
    text: str, *, plus_value: float = PLUS_VALUE, minus_value: float = MINUS_VALUE
) -> float | None:
    """The numeric value of a grade's text, or ``None`` for a mark that has none.

    ``"5"`` → 5.0, ``"4+"`` → 4.5, ``"5-"`` → 4.75, ``"np"``/``"+"``/``"0"``/``"zw"`` → None.
    """
    match = _GRADE_RE.match(text.strip())
    if match is None:
        return None
    value = float(match.group(1))
    if match.group(2) == "+":
        return value + plus_value
    if match.group(2) == "-":
        return value - minus_value
    return value


def _category_map(categories: Categories) -> Mapping[str, GradeCategory]:
    if isinstance(categories, Mapping):
        return categories
    return by_id(categories)


def counted_weight(grade: Grade, category: GradeCategory | None) -> float | None:
    """The weight ``grade`` enters the running average with, or ``None`` if it doesn't count.

    It counts when it is an ordinary constituent grade (not a semester/final grade or a
    proposition), its text has a value, and its category is known, counts towards the
    average and has a positive weight.
    """
    if not grade.is_constituent or grade.is_period_grade:
        return None
    if category is None or not category.count_to_average:
        return None
    if (
        category.is_semestral
        or category.is_semestral_proposition
        or category.is_final
        or category.is_final_proposition
    ):
        return None  # defensive: a period-grade category never feeds the running average
    if category.weight is None or category.weight <= 0:
        return None
    if grade_value(grade.grade) is None:
        return None
    return category.weight


def _weighted(pairs: Iterable[tuple[float, float]]) -> float | None:
    total = 0.0
    weights = 0.0
    for value, weight in pairs:
        total += value * weight
        weights += weight
    return total / weights if weights else None


def _counted(
    grades: Iterable[Grade], categories: Categories, semester: int | None
) -> Iterable[tuple[Grade, float, float]]:
    """(grade, value, weight) of every grade that counts, optionally in one semester."""
    category_map = _category_map(categories)
    for grade in grades:
        if semester is not None and grade.semester != semester:
            continue
        category = category_map.get(grade.category_id) if grade.category_id else None
        weight = counted_weight(grade, category)
        value = grade_value(grade.grade)
        if weight is not None and value is not None:
            yield grade, value, weight


def weighted_average(
    grades: Iterable[Grade], categories: Categories, *, semester: int | None = None
) -> float | None:
    """Weighted mean of the grades that count (see :func:`counted_weight`).

    ``semester`` limits it to semester 1 or 2; ``None`` means the whole year. Returns
    ``None`` when nothing counts. Example: 5 (w3), 4+ (w2), 3- (w1), np (w1) →
    (15 + 9 + 2.75) / 6 = 4.4583….
    """
    return _weighted((value, weight) for _, value, weight in _counted(grades, categories, semester))


def subject_averages(
    grades: Iterable[Grade], categories: Categories, *, semester: int | None = None
) -> dict[str, float]:
    """Weighted average per subject id; subjects with nothing that counts are left out."""
    per_subject: dict[str, list[tuple[float, float]]] = {}
    for grade, value, weight in _counted(grades, categories, semester):
        if grade.subject_id is not None:
            per_subject.setdefault(grade.subject_id, []).append((value, weight))
    averages: dict[str, float] = {}
    for subject_id, pairs in per_subject.items():
        average = _weighted(pairs)
        if average is not None:
            averages[subject_id] = average
    return averages


def overall_average(
    grades: Iterable[Grade], categories: Categories, *, semester: int | None = None
) -> float | None:
    """One number for all subjects: the weighted mean over **all** counted grades.

    Librus documents no overall running average (``Grades/Averages`` is per subject and is
    often ``Disabled``), so this is our choice: every counted grade weighs by its category,
    whatever its subject — a subject with many grades weighs more.
    """
    return weighted_average(grades, categories, semester=semester)


def current_semester(school_class: SchoolClass, today: date) -> int:
    """1 up to and including ``EndFirstSemester``, 2 from the day after.

    Before the school year begins it is 1, after it ends it stays 2 (the class record of the
    next year brings new dates).
    """
    return school_class.semester_of(today)


@dataclass(slots=True, frozen=True, kw_only=True)
class PeriodGrades:
    """A subject's semester and final grades and their propositions (latest of each)."""

    semester_proposition: Grade | None = None
    semester: Grade | None = None
    final_proposition: Grade | None = None
    final: Grade | None = None


def recency(grade: Grade) -> tuple[date, int, str]:
    """How recently a grade was added: the day of its ``AddDate`` (its date without one), then
    its id (Librus numbers grades in the order they are entered; a text id sorts first).

    The one rule for "the latest grade": the latest-grade sensor, the semester and proposed
    grades and :func:`period_grades` all use it.
    """
    added = grade.add_date.date() if grade.add_date is not None else grade.date
    return (added, int(grade.id) if grade.id.isdigit() else 0, grade.id)


def latest(grades: Iterable[Grade]) -> Grade | None:
    """The most recently added of ``grades`` (see :func:`recency`), or None when empty."""
    return max(grades, key=recency, default=None)


def _later(current: Grade | None, candidate: Grade) -> Grade:
    if current is None or recency(candidate) >= recency(current):
        return candidate
    return current


def period_grades(grades: Iterable[Grade]) -> dict[str, PeriodGrades]:
    """Semester/final grades and propositions per subject id (not part of any average).

    When a subject has several of one kind (a corrected proposition), the latest wins.
    """
    found: dict[str, dict[str, Grade]] = {}
    for grade in grades:
        if grade.subject_id is None:
            continue
        kinds = found.setdefault(grade.subject_id, {})
        for kind, is_kind in (
            ("semester_proposition", grade.is_semester_proposition),
            ("semester", grade.is_semester),
            ("final_proposition", grade.is_final_proposition),
            ("final", grade.is_final),
        ):
            if is_kind:
                kinds[kind] = _later(kinds.get(kind), grade)
    return {
        subject_id: PeriodGrades(
            semester_proposition=kinds.get("semester_proposition"),
            semester=kinds.get("semester"),
            final_proposition=kinds.get("final_proposition"),
            final=kinds.get("final"),
        )
        for subject_id, kinds in found.items()
        if kinds
    }
