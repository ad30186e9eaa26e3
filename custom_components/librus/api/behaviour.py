"""Behaviour: ``Notes`` (uwagi, pochwały) and behaviour grades (points or the classic scale)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Literal

from .fields import (
    Items,
    MalformedError,
    item_id,
    opt_date,
    opt_datetime,
    opt_float,
    opt_int,
    opt_str,
    parse_items,
    ref_id,
    ref_ids,
    str_or_empty,
)


class NoteSentiment(StrEnum):
    """``Notes[].Positive``: 0 negative, 1 positive, 2 neutral."""

    NEGATIVE = "negative"
    POSITIVE = "positive"
    NEUTRAL = "neutral"


_NOTE_SENTIMENTS = {0: NoteSentiment.NEGATIVE, 1: NoteSentiment.POSITIVE, 2: NoteSentiment.NEUTRAL}


@dataclass(slots=True, frozen=True, kw_only=True)
class Note:
    """``Notes``: a behaviour note (uwaga / pochwała)."""

    id: str
    text: str
    sentiment: NoteSentiment
    category_id: str | None
    teacher_id: str | None
    student_id: str | None
    date: date | None
    add_date: datetime | None


def _note(item: Mapping[str, Any]) -> Note:
    positive = opt_int(item, "Positive")
    sentiment = _NOTE_SENTIMENTS.get(2 if positive is None else positive)
    if sentiment is None:
        raise MalformedError("Positive is not 0, 1 or 2")
    return Note(
        id=item_id(item),
        text=str_or_empty(item, "Text"),
        sentiment=sentiment,
        category_id=ref_id(item, "Category"),
        teacher_id=ref_id(item, "Teacher") or ref_id(item, "AddedBy"),
        student_id=ref_id(item, "Student"),
        date=opt_date(item, "Date"),
        add_date=opt_datetime(item, "AddDate"),
    )


def parse_notes(payload: Mapping[str, Any]) -> Items[Note]:
    """Parse ``Notes``; ``NotesIsNotActive`` raises :class:`LibrusModuleUnavailableError`."""
    return parse_items(payload, "Notes", "Notes", _note)


@dataclass(slots=True, frozen=True, kw_only=True)
class NamedCategory:
    """A category of ``Notes/Categories`` (``CategoryName``) or similar lookups."""

    id: str
    name: str


def parse_note_categories(payload: Mapping[str, Any]) -> Items[NamedCategory]:
    """Parse ``Notes/Categories`` (``CategoryName``, older ``Name``)."""

    def parse(item: Mapping[str, Any]) -> NamedCategory:
        return NamedCategory(
            id=item_id(item), name=opt_str(item, "CategoryName") or str_or_empty(item, "Name")
        )

    return parse_items(payload, "Categories", "Notes/Categories", parse)


BEHAVIOUR_GRADE_SHORTCUTS = {"1": "wz", "2": "bdb", "3": "db", "4": "popr", "5": "ndp", "6": "ng"}
"""Classic behaviour scale: 1 wzorowe … 6 naganne (names in ``BehaviourGrades/Types``)."""

BehaviourSource = Literal["points", "classic"]


@dataclass(slots=True, frozen=True, kw_only=True)
class BehaviourGrade:
    """A behaviour grade from ``BehaviourGrades/Points`` or the classic ``BehaviourGrades``.

    Points schools use ``value`` (±) with ``short_name``/``text``; a classic-scale grade
    carries ``grade_type_id`` "1".."6" and empty texts.
    """

    id: str
    source: BehaviourSource
    semester: int | None
    value: float | None
    short_name: str | None
    text: str | None
    grade_type_id: str | None
    category_id: str | None
    added_by_id: str | None
    student_id: str | None
    add_date: datetime | None
    comment_ids: tuple[str, ...]

    @property
    def display(self) -> str:
        """What Librus shows: the short name, the classic shortcut, or signed points."""
        if self.short_name:
            return self.short_name
        if self.grade_type_id is not None:
            return BEHAVIOUR_GRADE_SHORTCUTS.get(self.grade_type_id, self.grade_type_id)
        if self.value is not None:
            return f"{self.value:+g}"
        return self.text or ""


def _behaviour_parser(source: BehaviourSource) -> Callable[[Mapping[str, Any]], BehaviourGrade]:
    type_key = "BehaviourGrade" if source == "points" else "GradeType"

    def parse(item: Mapping[str, Any]) -> BehaviourGrade:
        return BehaviourGrade(
            id=item_id(item),
            source=source,
            semester=opt_int(item, "Semester"),
            value=opt_float(item, "Value"),
            short_name=opt_str(item, "ShortName") or None,
            text=opt_str(item, "Text") or None,
            grade_type_id=ref_id(item, type_key) or ref_id(item, "GradeType"),
            category_id=ref_id(item, "Category"),
            added_by_id=ref_id(item, "AddedBy") or ref_id(item, "Teacher"),
            student_id=ref_id(item, "Student"),
            add_date=opt_datetime(item, "AddDate"),
            comment_ids=ref_ids(item, "Comments"),
        )

    return parse


def parse_behaviour_points(payload: Mapping[str, Any]) -> Items[BehaviourGrade]:
    """Parse ``BehaviourGrades/Points`` (key ``Grades``)."""
    return parse_items(payload, "Grades", "BehaviourGrades/Points", _behaviour_parser("points"))


def parse_behaviour_grades(payload: Mapping[str, Any]) -> Items[BehaviourGrade]:
    """Parse the classic ``BehaviourGrades`` (key ``Grades``, ``GradeType`` 1..6)."""
    return parse_items(payload, "Grades", "BehaviourGrades", _behaviour_parser("classic"))


@dataclass(slots=True, frozen=True, kw_only=True)
class BehaviourGradeType:
    """``BehaviourGrades/Types``: ``"1"`` wzorowe … ``"6"`` naganne."""

    id: str
    name: str
    shortcut: str


def parse_behaviour_grade_types(payload: Mapping[str, Any]) -> Items[BehaviourGradeType]:
    """Parse ``BehaviourGrades/Types`` (key ``Types``)."""

    def parse(item: Mapping[str, Any]) -> BehaviourGradeType:
        return BehaviourGradeType(
            id=item_id(item),
            name=str_or_empty(item, "Name"),
            shortcut=str_or_empty(item, "Shortcut"),
        )

    return parse_items(payload, "Types", "BehaviourGrades/Types", parse)
