"""Grade arithmetic as Librus's own app does it.

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
from datetime import date

from .models import Grade, GradeCategory, SchoolClass, by_id

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
    whatever its subject — a subject with many grades weighs more. For the certificate-style
    mean of per-subject averages use :func:`mean_of_subject_averages`.
    """
    return weighted_average(grades, categories, semester=semester)


def mean_of_subject_averages(
    grades: Iterable[Grade], categories: Categories, *, semester: int | None = None
) -> float | None:
    """The plain mean of :func:`subject_averages` (each subject weighs the same)."""
    averages = subject_averages(grades, categories, semester=semester)
    return sum(averages.values()) / len(averages) if averages else None


def current_semester(school_class: SchoolClass, today: date) -> int:
    """1 up to and including ``EndFirstSemester``, 2 from the day after.

    Before the school year begins it is 1, after it ends it stays 2 (the class record of the
    next year brings new dates).
    """
    return 1 if today <= school_class.end_first_semester else 2


@dataclass(slots=True, frozen=True, kw_only=True)
class PeriodGrades:
    """A subject's semester and final grades and their propositions (latest of each)."""

    semester_proposition: Grade | None = None
    semester: Grade | None = None
    final_proposition: Grade | None = None
    final: Grade | None = None


def _recency(grade: Grade) -> tuple[bool, float, int]:
    # AddDate orders corrections; the grade's date is the fallback when AddDate is absent.
    stamp = grade.add_date.timestamp() if grade.add_date is not None else 0.0
    return (grade.add_date is not None, stamp, grade.date.toordinal())


def _later(current: Grade | None, candidate: Grade) -> Grade:
    if current is None or _recency(candidate) >= _recency(current):
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
        for kind, flag in (
            ("semester_proposition", grade.is_semester_proposition),
            ("semester", grade.is_semester),
            ("final_proposition", grade.is_final_proposition),
            ("final", grade.is_final),
        ):
            if flag:
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
