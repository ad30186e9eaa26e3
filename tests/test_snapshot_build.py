"""snapshot_build: the derived facts, decided once, from api models alone (no Home Assistant)."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import Any

from custom_components.librus.api import grades as g
from custom_components.librus.api import timetable as ttb
from custom_components.librus.api.account import Me
from custom_components.librus.api.free_days import FreeDay
from custom_components.librus.plan import PLAN
from custom_components.librus.snapshot import LibrusSnapshot, from_json, to_json
from custom_components.librus.snapshot_build import Fetched, build_snapshot

TODAY = date(2026, 11, 26)  # a Thursday
NOW = datetime.fromisoformat("2026-11-26T09:05:00+00:00")
ME = Me(
    account_id=1,
    account_user_id=2,
    login="1u",
    account_first_name="Anna",
    account_last_name="Nowak",
    email=None,
    group_id=5,
    is_parent=True,
    is_premium=False,
    student_first_name="Ola",
    student_last_name="Nowak",
    class_id=None,
)
CATEGORIES = g.parse_grade_categories(
    {"Categories": [{"Id": 1, "Name": "Kartkówka", "Weight": 2, "CountToTheAverage": True}]}
)


def grade(ident: int, text: str, added: str | None, **flags: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "Id": ident,
        "Grade": text,
        "Subject": {"Id": 7},
        "Category": {"Id": 1},
        "Date": "2026-11-20",
        "Semester": 1,
        "IsConstituent": not flags,
        **flags,
    }
    if added:
        item["AddDate"] = added
    return item


def build(**fetched: Any) -> LibrusSnapshot:
    return build_snapshot(Fetched(me=ME, **fetched), today=TODAY, now=NOW)


def test_every_plan_key_names_what_it_fills() -> None:
    names = {field.name for field in dataclasses.fields(Fetched)}
    for fetch in PLAN:
        assert (fetch.week is not None) or fetch.key in names, fetch.key


def test_latest_grade_new_flags_averages_and_period_grades() -> None:
    grades = g.parse_grades(
        {
            "Grades": [
                grade(10, "5", "2026-11-25 18:00:00"),  # yesterday: new
                grade(9, "3", "2026-11-25 19:00:00"),  # same day, lower id: not the latest
                grade(8, "4", "2026-11-20 10:00:00"),  # last week: not new
                grade(11, "4", "2026-11-10 10:00:00", IsSemesterProposition=True),
                grade(12, "5", "2026-11-12 10:00:00", IsSemesterProposition=True),
                grade(13, "5", None, IsSemester=True),
            ]
        }
    )
    snapshot = build(grades=grades, grade_categories=CATEGORIES)
    assert snapshot.latest_grade is not None
    assert snapshot.latest_grade.id == "10"
    (semester,) = snapshot.grades
    (subject,) = semester.subjects
    assert {item.id for item in subject.grades if item.is_new} == {"10", "9"}
    assert subject.average == 4.0  # (5 + 3 + 4) / 3, all weight 2
    assert semester.average == 4.0
    assert subject.proposed_grade == "5"  # the later proposal
    assert subject.semester_grade == "5"


def test_free_days_mark_the_timetable_days() -> None:
    week = ttb.TimetableWeek(
        days=(date(2026, 11, 23), date(2026, 11, 24)),
        lessons=(),
        skipped=0,
        next_week_start=None,
        prev_week_start=None,
    )
    free = FreeDay(
        id="3",
        scope="school",
        name="Dyrektorski",
        date_from=date(2026, 11, 24),
        date_to=date(2026, 11, 24),
        unit_ids=(),
        type_id=None,
        class_id=None,
        lesson_no_from=None,
        lesson_no_to=None,
    )
    snapshot = build(timetables={date(2026, 11, 23): week}, school_free_days=(free,))
    (shown,) = snapshot.weeks
    assert [day.free_day for day in shown.days] == [None, "Dyrektorski"]
    assert snapshot.is_free_day(date(2026, 11, 24))
    assert snapshot.is_school_day(date(2026, 11, 24)) is False
    assert snapshot.latest_grade is None
    assert from_json(LibrusSnapshot, to_json(snapshot)) == snapshot
