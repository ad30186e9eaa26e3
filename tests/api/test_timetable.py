"""``Timetables?weekStart=`` (``api/timetable.py``)."""

from __future__ import annotations

from datetime import date, time
from typing import Any

from custom_components.librus.api import timetable as ttb

from .payloads import API, envelope, ref


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
    week = ttb.parse_timetable(timetable_payload())
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
    week = ttb.parse_timetable(timetable_payload())
    substitution = week.lessons_on(date(2026, 9, 7))[3]
    assert substitution.is_substitution
    assert substitution.classroom_id is None  # substitutions often have no room
    assert substitution.org_subject_id == "42005"
    assert substitution.org_teacher_id == "200"
    assert substitution.org_lesson_no == 3
    assert substitution.org_date == date(2026, 9, 7)
    assert substitution.org_time_from == time(9, 50)
    canceled, _, moved = week.lessons_on(date(2026, 9, 8))
    assert canceled.is_canceled
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
    week = ttb.parse_timetable(
        envelope("Timetable", {"not-a-date": [[]], "2026-09-07": {"x": 1}}, "Timetables")
    )
    assert week.days == ()
    assert week.skipped == 2
    assert week.next_week_start is None
