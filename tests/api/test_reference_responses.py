"""The parsers against the real (anonymised) gateway captures (``shared/reference/responses``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, time
from typing import Any

import pytest

from custom_components.librus.api import account as acc
from custom_components.librus.api import agenda as agd
from custom_components.librus.api import fields as fld
from custom_components.librus.api import lucky_number as lky
from custom_components.librus.api import school as sch

from .payloads import REFERENCE_DIR, assert_no_json, load, needs_reference

REFERENCE_PARSERS: dict[str, Callable[[Mapping[str, Any]], object]] = {
    "Classes.json": sch.parse_class,
    "Classrooms.json": sch.parse_classrooms,
    "Homeworks.json": agd.parse_agenda,
    "Homeworks_Categories.json": agd.parse_agenda_categories,
    "Lessons.json": sch.parse_lessons,
    "LuckyNumbers.json": lky.parse_lucky_number,
    "Me.json": acc.parse_me,
    "Schools.json": sch.parse_school,
    "Subjects.json": sch.parse_subjects,
    "UserProfile.json": acc.parse_user_profile,
    "Users.json": acc.parse_users,
}


@needs_reference
def test_every_reference_file_has_a_parser() -> None:
    files = {path.name for path in REFERENCE_DIR.glob("*.json")}
    assert files, "reference folder is empty"
    assert files <= set(REFERENCE_PARSERS), f"no parser mapped for {files - set(REFERENCE_PARSERS)}"


@needs_reference
@pytest.mark.parametrize("name", sorted(REFERENCE_PARSERS))
def test_reference_file_parses_without_loss(name: str) -> None:
    if not (REFERENCE_DIR / name).is_file():
        pytest.skip(f"{name} is not in the reference folder")
    payload = load(name)
    parsed = REFERENCE_PARSERS[name](payload)
    assert parsed is not None
    assert_no_json(parsed)
    if isinstance(parsed, fld.Items):
        (raw,) = (value for key, value in payload.items() if isinstance(value, list))
        assert len(parsed) == len(raw)
        assert parsed.skipped == 0


@needs_reference
def test_reference_me_is_a_parent_with_a_student() -> None:
    me = acc.parse_me(load("Me.json"))
    assert me.account_id == 3265424
    assert me.account_user_id == 1695970
    assert me.login == "1234567"
    assert me.group_id == 5
    assert me.is_parent
    assert me.student_name == "Jakub Król"
    assert me.class_id == 69300
    assert me.email == "rodzic@example.com"


@needs_reference
def test_reference_class_school_and_profile() -> None:
    school_class = sch.parse_class(load("Classes.json"))
    assert school_class.id == "69300"
    assert school_class.name == "6d"
    assert school_class.end_first_semester == date(2026, 1, 30)
    assert school_class.tutor_ids == ("1589959",)
    school = sch.parse_school(load("Schools.json"))
    assert school.lessons_range[0] is None
    assert school.school_year == 2025
    assert school.apartment_number is None  # "" in the body
    profile = acc.parse_user_profile(load("UserProfile.json"))
    assert profile.class_number == 6


@needs_reference
def test_reference_lookups_keep_their_quirks() -> None:
    users = fld.by_id(acc.parse_users(load("Users.json")))
    secretariat = next(user for user in users.values() if user.last_name == "sekretariat")
    assert secretariat.first_name is None
    assert sum(user.is_school_administrator for user in users.values()) >= 1
    lessons = sch.parse_lessons(load("Lessons.json"))
    assert sum(lesson.class_id is None for lesson in lessons) == 3
    agenda = agd.parse_agenda(load("Homeworks.json"))
    assert sum(entry.subject_id is None for entry in agenda) == 8
    assert sum(entry.classroom_id is not None for entry in agenda) == 9
    evening = [entry for entry in agenda if entry.lesson_no is None]
    assert len(evening) == 2
    assert all(entry.time_from == time(17, 0) for entry in evening)
    categories = agd.parse_agenda_categories(load("Homeworks_Categories.json"))
    assert categories[0].color_id == "27"  # from the "2.0//Colors/27" double-slash ref
    lucky = lky.parse_lucky_number(load("LuckyNumbers.json"))
    assert lucky == lky.LuckyNumber(number=1, day=date(2026, 2, 17))
