"""Tests of the grade arithmetic in ``api/grades.py``; expected values computed by hand."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from custom_components.librus.api import fields
from custom_components.librus.api import grades as g
from custom_components.librus.api import school as sch

API = "https://api.librus.pl/2.0"

# Category ids used below: weight 3, 2, 1; "aktywność" (not counted, no weight); weight 0;
# a semestral category (flags only); 99 is referenced but never defined.
CATEGORIES = g.parse_grade_categories(
    {
        "Categories": [
            {"Id": 3, "Name": "sprawdzian", "CountToTheAverage": True, "Weight": 3},
            {"Id": 2, "Name": "kartkówka", "CountToTheAverage": True, "Weight": 2},
            {"Id": 1, "Name": "odpowiedź", "CountToTheAverage": True, "Weight": 1},
            {"Id": 10, "Name": "aktywność", "CountToTheAverage": False},
            {"Id": 11, "Name": "zero", "CountToTheAverage": True, "Weight": 0},
            {"Id": 12, "Name": "śródroczna", "CountToTheAverage": True, "Weight": 1,
             "IsSemestral": True},
        ],
        "Resources": {},
        "Url": f"{API}/Grades/Categories",
    }
)  # fmt: skip


def grades(*items: dict[str, Any]) -> fields.Items[g.Grade]:
    return g.parse_grades({"Grades": list(items), "Url": f"{API}/Grades"})


_next_id = iter(range(1000, 100000))


def grade(
    text: str, category: int, *, subject: int = 1, semester: int = 1, **flags: Any
) -> dict[str, Any]:
    item: dict[str, Any] = {
        "Id": next(_next_id),
        "Grade": text,
        "Subject": {"Id": subject},
        "Category": {"Id": category},
        "Date": "2026-10-01" if semester == 1 else "2027-03-01",
        "AddDate": "2026-10-01 10:00:00" if semester == 1 else "2027-03-01 10:00:00",
        "Semester": semester,
        "IsConstituent": True,
    }
    item.update(flags)
    return item


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1", 1.0),
        ("5", 5.0),
        ("6", 6.0),
        ("4+", 4.5),  # + adds 0.5
        ("5-", 4.75),  # - subtracts 0.25
        ("3-", 2.75),
        ("1-", 0.75),
        ("6+", 6.5),
        (" 5 ", 5.0),
        ("np", None),
        ("bz", None),
        ("nk", None),
        ("zw", None),
        ("uł", None),
        ("+", None),
        ("-", None),
        ("0", None),
        ("7", None),
        ("85", None),
        ("4,5", None),
        ("", None),
    ],
)
def test_grade_value(text: str, expected: float | None) -> None:
    assert g.grade_value(text) == expected


def test_grade_value_with_school_specific_plus_minus() -> None:
    assert g.grade_value("4+", plus_value=0.25) == 4.25
    assert g.grade_value("4-", minus_value=0.5) == 3.5


def test_weighted_average_worked_example() -> None:
    # 5 (w3), 4+ (w2), 3- (w1), np (w1):
    # (5*3 + 4.5*2 + 2.75*1) / (3 + 2 + 1) = (15 + 9 + 2.75) / 6 = 26.75 / 6 = 4.458333…
    # np has no value, so its weight does not enter the denominator.
    items = grades(grade("5", 3), grade("4+", 2), grade("3-", 1), grade("np", 1))
    assert g.weighted_average(items, CATEGORIES) == pytest.approx(26.75 / 6)
    assert g.weighted_average(items, CATEGORIES) == pytest.approx(4.4583333333)


def test_librus_app_example() -> None:
    # Seen live in Librus's app: a 6 and a 4- (same weight) → (6 + 3.75) / 2 = 4.875.
    items = grades(grade("6", 1), grade("4-", 1))
    assert g.weighted_average(items, CATEGORIES) == 4.875


def test_what_does_not_count() -> None:
    # Only the 4 (w2) counts: (4*2) / 2 = 4.0. Everything else is excluded:
    items = grades(
        grade("4", 2),
        grade("1", 10),  # category not counted towards the average (no weight)
        grade("1", 11),  # weight 0
        grade("1", 99),  # unknown category: the weight cannot be known
        grade("1", 1, IsConstituent=False),  # not a constituent grade
        grade("1", 1, IsConstituent=False, IsSemester=True),  # semester grade
        grade("1", 1, IsSemesterProposition=True),  # proposition, even if flagged constituent
        grade("1", 1, IsConstituent=False, IsFinal=True),  # final grade
        grade("1", 1, IsConstituent=False, IsFinalProposition=True),  # final proposition
        grade("1", 12),  # a semestral category
        grade("+", 1),  # bare plus is a mark
        grade("bz", 3),  # a mark
    )
    assert g.weighted_average(items, CATEGORIES) == 4.0
    categories = fields.by_id(CATEGORIES)
    assert [g.counted_weight(item, categories.get(item.category_id or "")) for item in items] == [
        2, None, None, None, None, None, None, None, None, None, None, None
    ]  # fmt: skip


def test_nothing_counts_gives_none() -> None:
    assert g.weighted_average([], CATEGORIES) is None
    assert g.weighted_average(grades(grade("np", 3), grade("5", 10)), CATEGORIES) is None
    assert g.overall_average([], CATEGORIES) is None
    assert g.subject_averages([], CATEGORIES) == {}


def test_semester_split() -> None:
    # Semester 1: 5 (w3), 3 (w1) → (15 + 3) / 4 = 4.5
    # Semester 2: 2 (w2)          → 4 / 2 = 2.0
    # Whole year: (15 + 3 + 4) / 6 = 22 / 6 = 3.6666…
    items = grades(grade("5", 3), grade("3", 1), grade("2", 2, semester=2))
    assert g.weighted_average(items, CATEGORIES, semester=1) == 4.5
    assert g.weighted_average(items, CATEGORIES, semester=2) == 2.0
    assert g.weighted_average(items, CATEGORIES) == pytest.approx(22 / 6)


def test_subject_and_overall_averages() -> None:
    # Subject 1: 5 (w3), 4 (w1) → (15 + 4) / 4 = 4.75
    # Subject 2: 2 (w1)          → 2.0
    # Subject 3: only np         → no average, left out
    # Overall (weighted over all counted grades): (15 + 4 + 2) / 5 = 21 / 5 = 4.2
    items = grades(
        grade("5", 3, subject=1),
        grade("4", 1, subject=1),
        grade("2", 1, subject=2),
        grade("np", 1, subject=3),
    )
    assert g.subject_averages(items, CATEGORIES) == {"1": 4.75, "2": 2.0}
    assert g.overall_average(items, CATEGORIES) == pytest.approx(4.2)


def test_categories_may_be_a_mapping_or_an_iterable() -> None:
    items = grades(grade("5", 3), grade("2", 1))  # (15 + 2) / 4 = 4.25
    assert g.weighted_average(items, CATEGORIES) == 4.25
    assert g.weighted_average(items, fields.by_id(CATEGORIES)) == 4.25


def test_full_precision_is_returned() -> None:
    # 5 (w1), 4 (w1), 4 (w1) → 13 / 3 = 4.3333…, not rounded to 4.33
    items = grades(grade("5", 1), grade("4", 1), grade("4", 1))
    assert g.weighted_average(items, CATEGORIES) == 13 / 3


def school_class(end_first_semester: str = "2027-01-29") -> sch.SchoolClass:
    return sch.parse_class(
        {
            "Class": {
                "Id": 1,
                "Number": 6,
                "Symbol": "d",
                "BeginSchoolYear": "2026-09-01",
                "EndFirstSemester": end_first_semester,
                "EndSchoolYear": "2027-06-25",
            }
        }
    )


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 8, 20), 1),  # before the year begins
        (date(2026, 9, 1), 1),
        (date(2027, 1, 29), 1),  # EndFirstSemester is still semester 1
        (date(2027, 1, 30), 2),  # the day after starts semester 2
        (date(2027, 6, 25), 2),
        (date(2027, 7, 15), 2),  # summer holidays
    ],
)
def test_current_semester(today: date, expected: int) -> None:
    assert g.current_semester(school_class(), today) == expected


def test_period_grades_are_exposed_separately_and_latest_wins() -> None:
    items = grades(
        grade("5", 3, subject=1),
        grade("4", 12, subject=1, IsConstituent=False, IsSemesterProposition=True,
              AddDate="2027-01-10 08:00:00"),
        grade("5", 12, subject=1, IsConstituent=False, IsSemesterProposition=True,
              AddDate="2027-01-15 08:00:00"),
        grade("5", 12, subject=1, IsConstituent=False, IsSemester=True,
              AddDate="2027-01-27 08:00:00"),
        grade("4", 12, subject=2, semester=2, IsConstituent=False, IsFinalProposition=True),
        grade("3", 12, subject=2, semester=2, IsConstituent=False, IsFinal=True),
    )  # fmt: skip
    periods = g.period_grades(items)
    assert set(periods) == {"1", "2"}
    first = periods["1"]
    assert first.semester_proposition is not None
    assert first.semester_proposition.grade == "5"  # the corrected (later) proposition
    assert first.semester is not None
    assert first.semester.grade == "5"
    assert first.final is None
    second = periods["2"]
    assert second.semester is None
    assert second.final_proposition is not None
    assert second.final_proposition.grade == "4"
    assert second.final is not None
    assert second.final.grade == "3"
    # The period grades do not move the running average of subject 1: only the 5 (w3) counts.
    assert g.subject_averages(items, CATEGORIES)["1"] == 5.0
