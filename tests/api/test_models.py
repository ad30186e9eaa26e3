"""Tests of the typed models and per-endpoint parsers in ``api/models.py``.

Two sources of payloads: the real (anonymised) gateway captures in
``../shared/reference/responses`` and hand-written payloads in the real shapes of
``librus-api.md`` §3, including every quirk the parsers must survive.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Mapping
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest

from custom_components.librus.api import models as m
from custom_components.librus.api.errors import (
    LibrusMaintenanceError,
    LibrusModuleUnavailableError,
    LibrusResponseError,
    LibrusSessionExpiredError,
)

REFERENCE_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "reference" / "responses"
API = "https://api.librus.pl/2.0"

needs_reference = pytest.mark.skipif(
    not REFERENCE_DIR.is_dir(), reason=f"reference responses not found at {REFERENCE_DIR}"
)


def envelope(key: str, value: Any, path: str, **extra: Any) -> dict[str, Any]:
    """A body in the gateway's envelope: resource key + Resources + Url."""
    return {
        key: value,
        **extra,
        "Resources": {"..": {"Url": f"{API}/Root"}},
        "Url": f"{API}/{path}",
    }


def ref(kind: str, ident: int | str) -> dict[str, Any]:
    return {"Id": ident, "Url": f"{API}/{kind}/{ident}"}


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((REFERENCE_DIR / name).read_text(encoding="utf-8"))
    return data


def assert_no_json(value: object, path: str = "model") -> None:
    """No dict or list may travel past api/: models hold models, tuples and scalars."""
    assert not isinstance(value, dict | list), f"{path} is raw JSON"
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            assert_no_json(getattr(value, field.name), f"{path}.{field.name}")
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            assert_no_json(item, f"{path}[{index}]")


# --------------------------------------------------------------------------------------------
# Real captured responses

REFERENCE_PARSERS: dict[str, Callable[[Mapping[str, Any]], object]] = {
    "Classes.json": m.parse_class,
    "Classrooms.json": m.parse_classrooms,
    "Homeworks.json": m.parse_agenda,
    "Homeworks_Categories.json": m.parse_agenda_categories,
    "Lessons.json": m.parse_lessons,
    "LuckyNumbers.json": m.parse_lucky_number,
    "Me.json": m.parse_me,
    "Schools.json": m.parse_school,
    "Subjects.json": m.parse_subjects,
    "UserProfile.json": m.parse_user_profile,
    "Users.json": m.parse_users,
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
    if isinstance(parsed, m.Items):
        (raw,) = (value for key, value in payload.items() if isinstance(value, list))
        assert len(parsed) == len(raw)
        assert parsed.skipped == 0


@needs_reference
def test_reference_me_is_a_parent_with_a_student() -> None:
    me = m.parse_me(load("Me.json"))
    assert me.account_id == 3265424
    assert me.account_user_id == 1695970
    assert me.login == "1234567"
    assert me.group_id == 5
    assert me.is_parent
    assert me.student_name == "Jakub Król"
    assert me.account_name == "Dorota Szymański"
    assert me.class_id == 69300
    assert me.email == "rodzic@example.com"


@needs_reference
def test_reference_class_school_and_profile() -> None:
    school_class = m.parse_class(load("Classes.json"))
    assert school_class.id == "69300"
    assert school_class.name == "6d"
    assert school_class.end_first_semester == date(2026, 1, 30)
    assert school_class.second_semester_start == date(2026, 1, 31)
    assert school_class.tutor_ids == ("1589959",)
    school = m.parse_school(load("Schools.json"))
    assert school.lessons_range[0] is None
    assert school.lesson_hours(1) == (time(7, 45), time(8, 30))
    assert school.lesson_hours(99) is None
    assert school.school_year == 2025
    assert school.apartment_number is None  # "" in the body
    profile = m.parse_user_profile(load("UserProfile.json"))
    assert profile.is_parent
    assert profile.class_number == 6


@needs_reference
def test_reference_lookups_keep_their_quirks() -> None:
    users = m.by_id(m.parse_users(load("Users.json")))
    secretariat = next(user for user in users.values() if user.last_name == "sekretariat")
    assert secretariat.first_name is None
    assert secretariat.display_name == "sekretariat"
    assert sum(user.is_school_administrator for user in users.values()) >= 1
    lessons = m.parse_lessons(load("Lessons.json"))
    assert sum(lesson.class_id is None for lesson in lessons) == 3
    agenda = m.parse_agenda(load("Homeworks.json"))
    assert sum(entry.subject_id is None for entry in agenda) == 8
    assert sum(entry.classroom_id is not None for entry in agenda) == 9
    evening = [entry for entry in agenda if entry.lesson_no is None]
    assert len(evening) == 2
    assert all(entry.time_from == time(17, 0) for entry in evening)
    categories = m.parse_agenda_categories(load("Homeworks_Categories.json"))
    assert categories[0].color_id == "27"  # from the "2.0//Colors/27" double-slash ref
    lucky = m.parse_lucky_number(load("LuckyNumbers.json"))
    assert lucky == m.LuckyNumber(number=1, day=date(2026, 2, 17))


# --------------------------------------------------------------------------------------------
# Helpers: ids, dates, times, status bodies


@pytest.mark.parametrize(
    ("raw", "expected"), [(12, "12"), ("12", "12"), ("t41685", "t41685"), (" 7 ", "7")]
)
def test_normalize_id(raw: object, expected: str) -> None:
    assert m.normalize_id(raw) == expected


@pytest.mark.parametrize("raw", [None, True, "", "  ", 1.5, {"Id": 1}])
def test_normalize_id_rejects_non_ids(raw: object) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - the message names the type
        m.normalize_id(raw)


def test_dates_times_and_timestamps() -> None:
    assert m.parse_date("2026-09-01") == date(2026, 9, 1)
    assert m.parse_date("2023-9-4") == date(2023, 9, 4)  # unpadded, as librusik sends it
    assert m.parse_time("07:45") == time(7, 45)
    assert m.parse_time("17:00:00") == time(17, 0)
    winter = m.parse_datetime("2026-01-15 10:00:00")
    summer = m.parse_datetime("2026-06-15 10:00:00")
    assert winter.tzinfo is m.LIBRUS_TZ
    assert winter.utcoffset() == timedelta(hours=1)  # CET
    assert summer.utcoffset() == timedelta(hours=2)  # CEST
    assert m.parse_datetime("2026-10-01") == datetime(2026, 10, 1, tzinfo=m.LIBRUS_TZ)
    for bad in ("2026-13-01", "yesterday", "", 20260901):
        with pytest.raises(ValueError):  # noqa: PT011
            m.parse_date(bad)
    for bad in ("7", "25:00", None):
        with pytest.raises(ValueError):  # noqa: PT011
            m.parse_time(bad)


DISABLED = {"Status": "Disabled", "Resources": {}, "Url": f"{API}Grades/Averages"}
LUCKY_NOT_ACTIVE = {
    "Status": "Error",
    "Code": "LuckyNumberIsNotActive",
    "Message": "Lucky number is not active.",
    "Resources": {"..": {"Url": f"{API}/Root"}},
    "Url": f"{API}/LuckyNumbers",
}
NOTES_NOT_ACTIVE = {"Status": "Error", "Code": "NotesIsNotActive", "Message": "Notes off"}
ACCESS_DENY = {
    "Status": "Error",
    "Code": "AccessDeny",
    "Message": "Student timetable is not public",
}
MAINTENANCE = {
    "Status": "Maintenance",
    "Messages": [{"description": "Przerwa techniczna 23:00-03:00", "color": "2F9307"}],
}
TOKEN_EXPIRED = {"Status": "Error", "Code": "TokenIsExpired", "Message": "Access token expired"}


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        (DISABLED, "Disabled"),
        (LUCKY_NOT_ACTIVE, "LuckyNumberIsNotActive"),
        (NOTES_NOT_ACTIVE, "NotesIsNotActive"),
        (ACCESS_DENY, "AccessDeny"),
        (MAINTENANCE, "Maintenance"),
        ({"Status": "Error", "Message": "Insufficient scopes"}, "Insufficient scopes"),
        ({"Status": "Error"}, "Error"),
        (envelope("Grades", [], "Grades"), None),
        ({"status": "OK", "data": []}, None),  # Justifications' lowercase envelope
        ([], None),
        ("<html>", None),
    ],
)
def test_status_of(payload: object, expected: str | None) -> None:
    assert m.status_of(payload) == expected


@pytest.mark.parametrize(
    ("payload", "error"),
    [
        (DISABLED, LibrusModuleUnavailableError),
        (LUCKY_NOT_ACTIVE, LibrusModuleUnavailableError),
        (NOTES_NOT_ACTIVE, LibrusModuleUnavailableError),
        ({"Status": "Error", "Code": "NotActive"}, LibrusModuleUnavailableError),
        (ACCESS_DENY, LibrusModuleUnavailableError),
        ({"Status": "Error", "Code": "Insufficient scopes"}, LibrusModuleUnavailableError),
        (MAINTENANCE, LibrusMaintenanceError),
        (TOKEN_EXPIRED, LibrusSessionExpiredError),
        ({"Status": "Error", "Code": "InvalidRequest"}, LibrusResponseError),
    ],
)
def test_raise_for_status_maps_onto_the_taxonomy(payload: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        m.raise_for_status(payload, "Endpoint")


def test_raise_for_status_passes_data_bodies() -> None:
    m.raise_for_status(envelope("Grades", [], "Grades"), "Grades")
    m.raise_for_status({"Status": "OK"}, "Justifications")


@pytest.mark.parametrize(
    ("parser", "payload", "error"),
    [
        (m.parse_grades, DISABLED, LibrusModuleUnavailableError),
        (m.parse_lucky_number, LUCKY_NOT_ACTIVE, LibrusModuleUnavailableError),
        (m.parse_notes, NOTES_NOT_ACTIVE, LibrusModuleUnavailableError),
        (m.parse_timetable, ACCESS_DENY, LibrusModuleUnavailableError),
        (m.parse_me, MAINTENANCE, LibrusMaintenanceError),
        (m.parse_attendances, TOKEN_EXPIRED, LibrusSessionExpiredError),
    ],
)
def test_parsers_raise_on_status_bodies(
    parser: Callable[[Any], object], payload: object, error: type[Exception]
) -> None:
    with pytest.raises(error):
        parser(payload)


@pytest.mark.parametrize(
    ("parser", "payload"),
    [
        (m.parse_grades, []),  # not an object at all
        (m.parse_grades, "<html>login</html>"),
        (m.parse_grades, envelope("Subjects", [], "Subjects")),  # resource key missing
        (m.parse_grades, envelope("Grades", {"Id": 1}, "Grades")),  # object where a list belongs
        (m.parse_subjects, envelope("Subjects", None, "Subjects")),
        (m.parse_class, envelope("Class", [], "Classes")),
        (m.parse_class, envelope("Class", {"Id": 1, "Number": 6, "Symbol": "d"}, "Classes")),
        (m.parse_school, envelope("School", {"Name": "no id"}, "Schools")),
        (m.parse_timetable, envelope("Timetable", [], "Timetables")),
        (m.parse_me, envelope("Me", {"User": {"FirstName": "Ola"}}, "Me")),
        (m.parse_me, envelope("Me", {"Account": {"Login": "1"}}, "Me")),
        (m.parse_me, envelope("Me", {"Account": {"Id": "abc"}}, "Me")),
        (m.parse_lucky_number, envelope("LuckyNumber", {"LuckyNumber": 3}, "LuckyNumbers")),
    ],
)
def test_wrong_shape_bodies_raise_response_error(
    parser: Callable[[Any], object], payload: object
) -> None:
    with pytest.raises(LibrusResponseError):
        parser(payload)


def test_items_is_a_tuple_with_a_skip_count() -> None:
    items = m.Items([1, 2], skipped=3)
    assert items == (1, 2)
    assert items.skipped == 3
    assert "skipped=3" in repr(items)
    assert m.Items().skipped == 0


def test_models_are_frozen() -> None:
    lucky = m.LuckyNumber(number=1, day=date(2026, 9, 1))
    with pytest.raises(dataclasses.FrozenInstanceError):
        lucky.number = 2  # type: ignore[misc]


# --------------------------------------------------------------------------------------------
# Me, profile, class, school


def me_payload(account: dict[str, Any], **me: Any) -> dict[str, Any]:
    return envelope("Me", {"Account": account, "Refresh": 900, **me}, "Me")


def test_me_student_login() -> None:
    me = m.parse_me(
        me_payload(
            {"Id": 2, "UserId": 3, "FirstName": "Ola", "LastName": "Nowak", "GroupId": 8,
             "Login": "1234567u"},
            User={"FirstName": "Ola", "LastName": "Nowak"},
            Class=ref("Classes", 69300),
        )
    )  # fmt: skip
    assert not me.is_parent
    assert me.login == "1234567u"
    assert me.student_name == "Ola Nowak"
    assert me.email is None
    assert not me.is_premium


def test_me_guardian_group_six_is_a_parent_and_missing_parts_are_tolerated() -> None:
    me = m.parse_me(me_payload({"Id": "3000001", "GroupId": 6, "Login": "8000001"}))
    assert me.is_parent
    assert me.account_id == 3000001  # numeric string accepted
    assert me.account_user_id is None
    assert me.class_id is None
    assert me.student_name == ""
    assert me.account_first_name == ""


def test_me_student_name_is_stripped() -> None:
    me = m.parse_me(
        me_payload({"Id": 1, "GroupId": 5}, User={"FirstName": " Ola ", "LastName": None})
    )
    assert me.student_name == "Ola"
    assert me.student_last_name == ""


def test_class_tutors_and_semesters() -> None:
    school_class = m.parse_class(
        envelope(
            "Class",
            {
                "Id": 1, "Number": 7, "Symbol": "b",
                "BeginSchoolYear": "2026-09-01", "EndFirstSemester": "2027-01-29",
                "EndSchoolYear": "2027-06-25",
                "Unit": ref("Units", 5),
                "ClassTutor": ref("Users", 10),
                "ClassTutors": [ref("Users", 11), ref("Users", 10)],
            },
            "Classes",
        )
    )  # fmt: skip
    assert school_class.name == "7b"
    assert school_class.tutor_ids == ("11", "10")
    assert school_class.unit_id == "5"
    assert school_class.semester_of(date(2027, 1, 29)) == 1
    assert school_class.semester_of(date(2027, 1, 30)) == 2


def test_school_lessons_range_with_null_slot_zero() -> None:
    school = m.parse_school(
        envelope(
            "School",
            {
                "Id": 8315, "Name": "SP 1", "Town": "X",
                "LessonsRange": [
                    {"From": None, "To": None, "RawFrom": None, "RawTo": None},
                    {"From": "08:00", "To": "08:45", "RawFrom": 480, "RawTo": 525},
                ],
                "Service": {"IsSynergy": True},
            },
            "Schools",
        )
    )  # fmt: skip
    assert school.lessons_range == (None, (time(8, 0), time(8, 45)))
    assert school.street is None
    assert school.id == "8315"


# --------------------------------------------------------------------------------------------
# Lookups


def test_users_null_first_name_and_a_malformed_item_is_skipped() -> None:
    users = m.parse_users(
        envelope(
            "Users",
            [
                {"Id": 1, "AccountId": "LID-AUTH-USER-1-X", "FirstName": None,
                 "LastName": "sekretariat", "IsEmployee": True, "GroupId": 7},
                {"Id": "2", "FirstName": "Jan", "LastName": "Kowalski", "IsPedagogue": True},
                {"FirstName": "No", "LastName": "Id"},
                "not an object",
                {"Id": 4, "IsSchoolAdministrator": True},
            ],
            "Users",
            pagination={"limit": 5, "page": 1, "total": 5},
        )
    )  # fmt: skip
    assert [user.id for user in users] == ["1", "2", "4"]
    assert users.skipped == 2
    assert users[0].display_name == "sekretariat"
    assert users[1].display_name == "Jan Kowalski"
    assert users[1].is_pedagogue
    assert not users[0].is_pedagogue  # optional flags are absent when false
    assert users[2].display_name == "#4"  # 2017-style nameless administrator
    assert m.Teacher is m.User


def test_student_user_has_the_class_register_number() -> None:
    student = m.parse_student_user(
        envelope(
            "User",
            {
                "Id": 1600001, "AccountId": "LID-AUTH-USER-8315-Y", "FirstName": "Ola",
                "LastName": "Nowak", "Class": {**ref("Classes", 69300), "UUID": "abc"},
                "Unit": ref("Units", 2529), "ClassRegisterNumber": 25, "IsEmployee": False,
                "GroupId": 8,
            },
            "Users/1600001",
        )
    )  # fmt: skip
    assert student.class_register_number == 25
    assert student.class_id == "69300"
    assert student.display_name == "Ola Nowak"


def test_subjects_lessons_classrooms_colors() -> None:
    subjects = m.parse_subjects(
        envelope("Subjects", [{"Id": 9, "Name": "Wychowanie do życia", "No": 20}], "Subjects")
    )
    assert subjects[0].short == ""  # Short absent
    lessons = m.parse_lessons(
        envelope(
            "Lessons",
            [
                {"Id": 1, "Teacher": ref("Users", 2), "Subject": ref("Subjects", 9),
                 "Class": ref("Classes", 3)},
                {"Id": 4, "Teacher": ref("Users", 2), "Subject": ref("Subjects", 9)},
            ],
            "Lessons",
        )
    )  # fmt: skip
    assert (lessons[0].class_id, lessons[1].class_id) == ("3", None)
    classrooms = m.parse_classrooms(
        envelope(
            "Classrooms",
            [{"Id": 655, "Name": "świetlica szkolna", "Symbol": "świetlica", "Size": 0,
              "SchoolCommonRoom": True, "Description": ""},
             {"Id": 2188, "Name": "A6", "Symbol": "", "SchoolCommonRoom": False}],
            "Classrooms",
        )
    )  # fmt: skip
    assert classrooms[0].is_common_room
    assert classrooms[0].description is None
    assert classrooms[1].display_name == "A6"
    colors = m.parse_colors(envelope("Colors", [{"Id": 1, "RGB": "F0E68C", "Name": "khaki"}], "C"))
    assert colors[0].rgb == "F0E68C"


def test_by_id_indexes_models() -> None:
    subjects = m.parse_subjects(
        envelope("Subjects", [{"Id": 1, "Name": "A"}, {"Id": "2", "Name": "B"}], "Subjects")
    )
    assert set(m.by_id(subjects)) == {"1", "2"}


# --------------------------------------------------------------------------------------------
# Lucky number


def test_lucky_number_singular_form() -> None:
    payload = envelope(
        "LuckyNumber", {"LuckyNumber": 13, "LuckyNumberDay": "2026-09-08"}, "LuckyNumbers"
    )
    assert m.parse_lucky_number(payload) == m.LuckyNumber(number=13, day=date(2026, 9, 8))


def test_lucky_number_plural_form_takes_the_latest_day() -> None:
    payload = envelope(
        "LuckyNumbers",
        [
            {"LuckyNumber": 15, "LuckyNumberDay": "2017-04-25"},
            {"LuckyNumber": "7", "LuckyNumberDay": "2017-04-26"},
            {"LuckyNumber": 3, "LuckyNumberDay": "2017-04-24"},
        ],
        "LuckyNumbers",
    )
    assert m.parse_lucky_number(payload) == m.LuckyNumber(number=7, day=date(2017, 4, 26))


@pytest.mark.parametrize(
    "payload",
    [
        envelope("LuckyNumbers", [], "LuckyNumbers"),
        envelope("LuckyNumber", None, "LuckyNumbers"),
        envelope("LuckyNumber", {}, "LuckyNumbers"),
    ],
)
def test_lucky_number_absent(payload: dict[str, Any]) -> None:
    assert m.parse_lucky_number(payload) is None


# --------------------------------------------------------------------------------------------
# Grades


def grade_item(**overrides: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "Id": 815228,
        "Lesson": ref("Lessons", 2729409),
        "Subject": ref("Subjects", 44572),
        "Student": ref("Users", 1402361),
        "Category": ref("Grades/Categories", 164151),
        "AddedBy": ref("Users", 1406771),
        "Grade": "5-",
        "Date": "2016-09-16",
        "AddDate": "2016-09-16 18:50:50",
        "Semester": 1,
        "IsConstituent": True,
        "IsSemester": False,
        "IsSemesterProposition": False,
        "IsFinal": False,
        "IsFinalProposition": False,
        "Comments": [ref("Grades/Comments", 340006)],
    }
    item.update(overrides)
    return item


def test_grades_full_shape() -> None:
    (grade,) = m.parse_grades(envelope("Grades", [grade_item(SomethingNew=1)], "Grades"))
    assert grade.id == "815228"
    assert grade.grade == "5-"
    assert grade.subject_id == "44572"
    assert grade.category_id == "164151"
    assert grade.added_by_id == "1406771"
    assert grade.date == date(2016, 9, 16)
    assert grade.add_date == datetime(2016, 9, 16, 18, 50, 50, tzinfo=m.LIBRUS_TZ)
    assert grade.semester == 1
    assert grade.is_constituent
    assert not grade.is_period_grade
    assert grade.comment_ids == ("340006",)
    assert grade.improvement_id is None


def test_grades_quirks_and_skips() -> None:
    grades = m.parse_grades(
        envelope(
            "Grades",
            [
                grade_item(Id="11", Grade="np", Comments=[77, {"Id": "78"}], Semester=2),
                grade_item(Id=12, Grade="4", Improvement=ref("Grades", 11), IsSemester=True,
                           IsConstituent=False),
                grade_item(Id=13, Grade=None),  # no grade text
                grade_item(Id=14, Semester=3),  # impossible semester
                grade_item(Id=15, Date="16.09.2016"),  # unknown date format
                grade_item(Id=16, Comments={"Id": 1}),  # comments not a list
            ],
            "Grades",
        )
    )  # fmt: skip
    assert [grade.id for grade in grades] == ["11", "12"]
    assert grades.skipped == 4
    assert grades[0].comment_ids == ("77", "78")
    assert grades[0].semester == 2
    assert grades[1].improvement_id == "11"
    assert grades[1].is_period_grade


def test_grade_categories_weight_absent_when_not_counted() -> None:
    categories = m.parse_grade_categories(
        envelope(
            "Categories",
            [
                {"Id": 164148, "Color": ref("Colors", 16), "Name": "kartkówka", "Standard": True,
                 "CountToTheAverage": True, "Weight": 5, "Short": "kart", "BlockAnyGrades": False,
                 "IsReadOnly": "0"},
                {"Id": 2, "Name": "aktywność", "CountToTheAverage": False},
                {"Id": 3, "Name": "śródroczna", "CountToTheAverage": False, "IsSemestral": True},
            ],
            "Grades/Categories",
        )
    )  # fmt: skip
    quiz, activity, semestral = categories
    assert (quiz.weight, quiz.count_to_average, quiz.short, quiz.color_id) == (
        5,
        True,
        "kart",
        "16",
    )
    assert (activity.weight, activity.count_to_average, activity.short) == (None, False, None)
    assert semestral.is_semestral
    assert not semestral.is_final


def test_grade_comments() -> None:
    (comment,) = m.parse_grade_comments(
        envelope(
            "Comments",
            [{"Id": 340006, "AddedBy": ref("Users", 1), "Grade": ref("Grades", 815228),
              "Text": "Analiza obrazu."}],
            "Grades/Comments",
        )
    )  # fmt: skip
    assert (comment.id, comment.grade_id, comment.text) == ("340006", "815228", "Analiza obrazu.")


# --------------------------------------------------------------------------------------------
# Attendance


def test_attendances_int_and_t_prefixed_ids() -> None:
    attendances = m.parse_attendances(
        envelope(
            "Attendances",
            [
                {"Id": "t403208", "Lesson": ref("Lessons", 2727123), "Student": ref("Users", 1),
                 "Trip": ref("Trips", 5416), "Date": "2016-09-29",
                 "AddDate": "2016-09-28 16:19:21", "LessonNo": 2, "Semester": 1,
                 "Type": ref("Attendances/Types", 100), "AddedBy": ref("Users", 1234988)},
                {"Id": 5, "Lesson": ref("Lessons", 7), "Type": ref("Attendances/Types", 1),
                 "Date": "2026-09-02", "LessonNo": "3"},
                {"Id": 6, "Lesson": ref("Lessons", 7), "Date": "2026-09-02"},  # no type
            ],
            "Attendances",
        )
    )  # fmt: skip
    first, second = attendances
    assert attendances.skipped == 1
    assert first.id == "t403208"
    assert first.trip_id == "5416"
    assert first.type_id == "100"
    assert second.id == "5"
    assert second.trip_id is None
    assert second.lesson_no == 3


def test_attendance_types_kinds_and_school_specific_types() -> None:
    types = m.by_id(
        m.parse_attendance_types(
            envelope(
                "Types",
                [
                    {"Id": 1, "Name": "Nieobecność", "Short": "nb", "Standard": True,
                     "ColorRGB": "F7F8AA", "IsPresenceKind": False, "Order": 3},
                    {"Id": 2, "Name": "Spóźnienie", "Short": "sp", "Standard": True,
                     "IsPresenceKind": True},
                    {"Id": 3, "Name": "Nieobecność uspr.", "Short": "u", "Standard": True,
                     "IsPresenceKind": False},
                    {"Id": 4, "Name": "Zwolnienie", "Short": "zw", "Standard": True,
                     "IsPresenceKind": True},
                    {"Id": 100, "Name": "Obecność", "Short": "ob", "Standard": True,
                     "IsPresenceKind": True},
                    {"Id": 1685, "Name": "Pobyt w sanatorium", "Short": "san", "Standard": False,
                     "IsPresenceKind": True, "StandardType": ref("Attendances/Types", 100),
                     "Identifier": "X"},
                    {"Id": 2022, "Name": "Konkurs szkolny", "Short": "k", "Standard": False,
                     "IsPresenceKind": True},
                ],
                "Attendances/Types",
            )
        )
    )  # fmt: skip
    assert types["1"].kind is m.AttendanceKind.ABSENT
    assert types["1"].is_absence
    assert types["1"].color_rgb == "F7F8AA"
    assert types["1"].order == 3
    assert types["2"].kind is m.AttendanceKind.LATE
    assert not types["2"].is_absence
    assert types["3"].kind is m.AttendanceKind.EXCUSED
    assert types["4"].kind is m.AttendanceKind.RELEASED
    assert types["100"].kind is m.AttendanceKind.PRESENT
    assert types["1685"].kind is m.AttendanceKind.PRESENT
    assert types["1685"].standard_type_id == "100"
    assert types["2022"].kind is m.AttendanceKind.OTHER
    assert types["2022"].color_rgb is None


# --------------------------------------------------------------------------------------------
# Timetable


def tt_lesson(no: int, subject: str, teacher: str, **extra: Any) -> dict[str, Any]:
    hours = {1: ("08:00", "08:45"), 2: ("08:55", "09:40"), 3: ("09:50", "10:35")}[no]
    return {
        "Lesson": ref("Lessons", f"27{no}{subject}"),
        "DateFrom": "2026-09-01",
        "DateTo": "2027-06-25",
        "LessonNo": str(no),
        "TimetableEntry": ref("TimetableEntries", f"10{no}"),
        "DayNo": "1",
        "Subject": {"Id": subject, "Name": f"S{subject}", "Short": "s",
                    "Url": f"{API}/Subjects/{subject}"},
        "Teacher": {"Id": teacher, "FirstName": "Jan", "LastName": "Kowalski",
                    "Url": f"{API}/Users/{teacher}"},
        "Class": ref("Classes", 56790),
        "Classroom": ref("Classrooms", "12"),
        "IsSubstitutionClass": False,
        "IsCanceled": False,
        "SubstitutionNote": None,
        "HourFrom": hours[0],
        "HourTo": hours[1],
        **extra,
    }  # fmt: skip


def timetable_payload() -> dict[str, Any]:
    empty_day: list[list[Any]] = [[], [], [], []]
    return envelope(
        "Timetable",
        {
            "2026-09-07": [
                [],
                [tt_lesson(1, "41999", "1001")],
                [
                    tt_lesson(2, "500", "2001", VirtualClass=ref("VirtualClasses", 7),
                              VirtualClassName="6d a1"),
                    tt_lesson(2, "501", "2002", VirtualClass=ref("VirtualClasses", 8),
                              VirtualClassName="6d a2"),
                ],
                [tt_lesson(3, "42001", "100", IsSubstitutionClass=True, Classroom=None,
                           OrgDate="2026-09-07", OrgLessonNo="3", OrgHourFrom="09:50",
                           OrgHourTo="10:35", OrgSubject=ref("Subjects", "42005"),
                           OrgTeacher=ref("Users", "200"),
                           OrgClassroom=ref("Classrooms", "17292"))],
            ],
            "2026-09-08": [
                [],
                [tt_lesson(1, "41999", "1001", IsCanceled=True)],
                [tt_lesson(2, "600", "3001", IsSubstitutionClass=True,
                           Classroom=ref("Classrooms", "13"),
                           OrgClassroom=ref("Classrooms", "12"))],
                [tt_lesson(3, "700", "4001", NewDate="2026-09-10", NewLessonNo="5",
                           NewHourFrom="11:50", NewHourTo="12:35",
                           NewSubject=ref("Subjects", "700"), NewTeacher=ref("Users", "4001"),
                           NewClassroom=ref("Classrooms", "14"))],
            ],
            "2026-09-09": [[], [{"Subject": {"Id": "1"}, "HourFrom": "08:00"}], "bad", [42]],
            "2026-09-12": empty_day,
            "2026-09-13": empty_day,
        },
        "Timetables",
        Pages={
            "Next": f"{API}/Timetables?weekStart=2026-09-14",
            "Prev": f"{API}/Timetables?weekStart=2026-08-31",
        },
    )  # fmt: skip


def test_timetable_week_shape() -> None:
    week = m.parse_timetable(timetable_payload())
    assert week.days == (
        date(2026, 9, 7), date(2026, 9, 8), date(2026, 9, 9), date(2026, 9, 12), date(2026, 9, 13)
    )  # fmt: skip
    assert week.next_week_start == date(2026, 9, 14)
    assert week.prev_week_start == date(2026, 8, 31)
    assert week.skipped == 2  # one slot that is not a list, one lesson that is not an object
    assert week.lessons_on(date(2026, 9, 12)) == ()
    monday = week.lessons_on(date(2026, 9, 7))
    assert [(lesson.lesson_no, lesson.subject_id) for lesson in monday] == [
        (1, "41999"), (2, "500"), (2, "501"), (3, "42001")
    ]  # fmt: skip
    first = monday[0]
    assert first.time_from == time(8, 0)
    assert first.teacher_id == "1001"
    assert first.teacher_name == "Jan Kowalski"
    assert first.subject_name == "S41999"
    assert first.class_id == "56790"  # int in the JSON, str in the model
    assert first.classroom_id == "12"
    assert first.timetable_entry_id == "101"
    assert not first.is_substitution
    assert not first.is_canceled
    group_a, group_b = monday[1], monday[2]
    assert (group_a.virtual_class_name, group_b.virtual_class_name) == ("6d a1", "6d a2")
    assert group_a.virtual_class_id == "7"


def test_timetable_substitutions_cancellations_and_moves() -> None:
    week = m.parse_timetable(timetable_payload())
    substitution = week.lessons_on(date(2026, 9, 7))[3]
    assert substitution.is_substitution
    assert substitution.classroom_id is None  # substitutions often have no room
    assert substitution.org_subject_id == "42005"
    assert substitution.org_teacher_id == "200"
    assert substitution.org_lesson_no == 3
    assert substitution.org_date == date(2026, 9, 7)
    assert substitution.org_time_from == time(9, 50)
    assert not substitution.room_changed  # only one room known
    canceled, room_change, moved = week.lessons_on(date(2026, 9, 8))
    assert canceled.is_canceled
    assert room_change.room_changed
    assert moved.is_moved
    assert (moved.new_date, moved.new_lesson_no) == (date(2026, 9, 10), 5)
    assert moved.new_time_from == time(11, 50)
    assert moved.new_classroom_id == "14"
    assert not canceled.is_moved
    (bare,) = week.lessons_on(date(2026, 9, 9))
    assert bare.lesson_no == 1  # no LessonNo: the slot index is the lesson number
    assert bare.lesson_id is None
    assert bare.teacher_name is None


def test_timetable_day_with_bad_key_is_skipped() -> None:
    week = m.parse_timetable(
        envelope("Timetable", {"not-a-date": [[]], "2026-09-07": {"x": 1}}, "Timetables")
    )
    assert week.days == ()
    assert week.skipped == 2
    assert week.next_week_start is None


# --------------------------------------------------------------------------------------------
# Agenda and homework


def test_agenda_optional_fields() -> None:
    entries = m.parse_agenda(
        envelope(
            "HomeWorks",
            [
                {"Id": 6671271, "Content": "Części mowy", "Date": "2025-09-16",
                 "Category": ref("HomeWorks/Categories", 8363), "LessonNo": "1",
                 "TimeFrom": "07:45:00", "TimeTo": "08:30:00",
                 "CreatedBy": ref("Users", 1890192), "Class": ref("Classes", 69300),
                 "Subject": ref("Subjects", 25683),
                 "Classroom": {"Id": 2194, "Symbol": "C1", "Name": "C1", "Size": 0},
                 "AddDate": "2025-09-12 10:01:51",
                 "onlineLessonUrl": {"text": "Teams", "url": "https://example.com/l"}},
                {"Id": 6671272, "Content": "Zebranie", "Date": "2025-09-18",
                 "Category": ref("HomeWorks/Categories", 8370), "LessonNo": None,
                 "TimeFrom": "17:00:00", "TimeTo": "18:00:00",
                 "CreatedBy": ref("Users", 1), "Class": ref("Classes", 69300),
                 "AddDate": "2025-09-12 10:01:51"},
                {"Id": 1, "Content": "2016 style", "Date": "2016-10-01", "LessonNo": "2",
                 "TimeFrom": None, "TimeTo": None},
                {"Id": 2, "Content": "no date"},
            ],
            "HomeWorks",
        )
    )  # fmt: skip
    lesson, meeting, old = entries
    assert entries.skipped == 1
    assert lesson.classroom_id == "2194"
    assert lesson.classroom_name == "C1"
    assert lesson.lesson_no == 1
    assert lesson.time_from == time(7, 45)
    assert lesson.online_lesson_url == "https://example.com/l"
    assert meeting.subject_id is None
    assert meeting.classroom_id is None
    assert meeting.lesson_no is None
    assert old.time_from is None
    assert old.category_id is None


def test_homework_assignments() -> None:
    (homework, bare) = m.parse_homework_assignments(
        envelope(
            "HomeWorkAssignments",
            [
                {"Id": 91, "Topic": "Wypracowanie", "Text": "Opisz…", "Teacher": ref("Users", 5),
                 "Date": "2026-09-10", "DueDate": "2026-09-17", "Lesson": ref("Lessons", 7),
                 "MustSendAttachFile": True, "SendFilePossible": True, "AddedFiles": [],
                 "HomeworkAssigmentFiles": [
                     {"Id": 3, "Name": "karta.pdf",
                      "Url": f"{API}/HomeWorkAssignments/Attachment/91-3"}],
                 "StudentsWhoRead": [], "StudentsWhoMarkedAsDone": []},
                {"Id": 92, "Topic": "Zadanie",
                 "Category": ref("HomeWorkAssignments/Categories", 1)},
            ],
            "HomeWorkAssignments",
        )
    )  # fmt: skip
    assert homework.due_date == date(2026, 9, 17)
    assert homework.must_send_attachment
    assert homework.files == (m.HomeworkFile(id="3", name="karta.pdf"),)
    assert homework.category_id is None
    assert bare.category_id == "1"
    assert bare.files == ()
    assert bare.due_date is None


# --------------------------------------------------------------------------------------------
# Notices, free days, notes, behaviour


def test_school_notices_string_and_int_ids() -> None:
    notices = m.parse_school_notices(
        envelope(
            "SchoolNotices",
            [
                {"Id": "LID-NBOARD-NOTICE-9093", "StartDate": "2026-09-01",
                 "EndDate": "2026-09-30", "Subject": "Apel", "Content": "<p>Treść</p>",
                 "AddedBy": {"Id": "LID-AUTH-USER-1-X", "Url": "…"},
                 "CreationDate": "2026-08-31 12:00:00", "WasRead": False},
                {"Id": 11, "Subject": "Stare", "Content": "x", "AddedBy": ref("Users", 4),
                 "WasRead": True},
            ],
            "SchoolNotices",
        )
    )  # fmt: skip
    new, old = notices
    assert new.id == "LID-NBOARD-NOTICE-9093"
    assert new.title == "Apel"
    assert new.added_by_id == "LID-AUTH-USER-1-X"
    assert new.creation_date == datetime(2026, 8, 31, 12, tzinfo=m.LIBRUS_TZ)
    assert not new.was_read
    assert old.id == "11"
    assert old.was_read
    assert old.start_date is None


def test_free_days() -> None:
    school = m.parse_school_free_days(
        envelope(
            "SchoolFreeDays",
            [
                {"Id": 1, "Name": "Ferie zimowe", "DateFrom": "2027-01-18",
                 "DateTo": "2027-01-31", "Units": [ref("Units", 2529)]},
                {"Id": 2, "Name": "Odwrócone", "DateFrom": "2027-02-02", "DateTo": "2027-02-01"},
            ],
            "SchoolFreeDays",
        )
    )  # fmt: skip
    (winter,) = school
    assert school.skipped == 1
    assert winter.scope == "school"
    assert winter.unit_ids == ("2529",)
    assert winter.covers(date(2027, 1, 18))
    assert winter.covers(date(2027, 1, 31))
    assert not winter.covers(date(2027, 2, 1))
    (trip,) = m.parse_class_free_days(
        envelope(
            "ClassFreeDays",
            [{"Id": 5, "Type": ref("Calendars/ClassFreeDays/Types", 2), "DateFrom": "2026-10-02",
              "Class": ref("Classes", 69300), "LessonNoFrom": "1", "LessonNoTo": 4}],
            "ClassFreeDays",
        )
    )  # fmt: skip
    assert trip.scope == "class"
    assert trip.date_to == trip.date_from == date(2026, 10, 2)
    assert (trip.type_id, trip.class_id, trip.lesson_no_from, trip.lesson_no_to) == (
        "2", "69300", 1, 4
    )  # fmt: skip


def test_notes_sentiment() -> None:
    notes = m.parse_notes(
        envelope(
            "Notes",
            [
                {"Id": 1, "Text": "Przeszkadza", "Positive": 0, "Teacher": ref("Users", 2),
                 "Category": ref("Notes/Categories", 3), "Date": "2026-09-10"},
                {"Id": 2, "Text": "Pomógł", "Positive": 1, "AddedBy": ref("Users", 4)},
                {"Id": 3, "Text": "Informacja", "Positive": 2},
                {"Id": 4, "Text": "?", "Positive": 5},
            ],
            "Notes",
        )
    )  # fmt: skip
    assert [note.sentiment for note in notes] == [
        m.NoteSentiment.NEGATIVE, m.NoteSentiment.POSITIVE, m.NoteSentiment.NEUTRAL
    ]  # fmt: skip
    assert notes.skipped == 1
    assert notes[0].teacher_id == "2"
    assert notes[1].teacher_id == "4"  # AddedBy when there is no Teacher
    (category,) = m.parse_note_categories(
        envelope("Categories", [{"Id": 4, "CategoryName": "Kultura osobista"}], "Notes/Categories")
    )
    assert category.name == "Kultura osobista"


def test_behaviour_points_and_classic_grades() -> None:
    points = m.parse_behaviour_points(
        envelope(
            "Grades",
            [
                {"Id": 1, "ShortName": "", "Text": None,
                 "BehaviourGrade": ref("BehaviourGrades/Types", 2),
                 "Category": ref("BehaviourGrades/Points/Categories", 9), "Semester": 1,
                 "AddDate": "2026-10-05 08:20:25",
                 "Comments": [ref("BehaviourGrades/Points/Comments", 5)]},
                {"Id": 2, "Value": 5.0, "ShortName": "", "Text": "Konkurs",
                 "AddDate": "2026-10-01", "AddedBy": ref("Users", 3)},
                {"Id": 3, "Value": "-2", "ShortName": "", "AddDate": "2026-10-02"},
                {"Id": 4, "ShortName": "wz", "Value": 0},
            ],
            "BehaviourGrades/Points",
        )
    )  # fmt: skip
    classic, plus, minus, named = points
    assert classic.grade_type_id == "2"
    assert classic.display == "bdb"
    assert classic.comment_ids == ("5",)
    assert classic.source == "points"
    assert plus.display == "+5"
    assert plus.text == "Konkurs"
    assert minus.value == -2
    assert minus.display == "-2"
    assert named.display == "wz"
    (old,) = m.parse_behaviour_grades(
        envelope(
            "Grades",
            [{"Id": 7, "GradeType": ref("BehaviourGrades/Types", 1), "Teacher": ref("Users", 8),
              "Semester": 2}],
            "BehaviourGrades",
        )
    )  # fmt: skip
    assert (old.source, old.display, old.added_by_id, old.semester) == ("classic", "wz", "8", 2)
    types = m.parse_behaviour_grade_types(
        envelope(
            "Types", [{"Id": "1", "Name": "wzorowe", "Shortcut": "wz"}], "BehaviourGrades/Types"
        )
    )
    assert types[0] == m.BehaviourGradeType(id="1", name="wzorowe", shortcut="wz")
