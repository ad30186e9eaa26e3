"""Tests of the simulator's deterministic school year (`school_year`, rendered by `school_gateway`).

Everything the simulator produces is parsed with the client's own parsers
(one module per Librus resource in
`custom_components.librus.api`), so the simulator and the client cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, timedelta
from functools import cache
from typing import Any

import pytest

from custom_components.librus.api import grades as g
from custom_components.librus.api.account import parse_student_user, parse_user_profile, parse_users
from custom_components.librus.api.agenda import (
    parse_agenda,
    parse_agenda_categories,
    parse_homework_assignments,
)
from custom_components.librus.api.answers import status_of
from custom_components.librus.api.attendance import (
    AttendanceKind,
    parse_attendance_types,
    parse_attendances,
)
from custom_components.librus.api.behaviour import (
    NoteSentiment,
    parse_behaviour_grade_types,
    parse_behaviour_points,
    parse_note_categories,
    parse_notes,
)
from custom_components.librus.api.fields import Items, by_id
from custom_components.librus.api.free_days import parse_class_free_days, parse_school_free_days
from custom_components.librus.api.grades import (
    parse_grade_categories,
    parse_grade_comments,
    parse_grades,
)
from custom_components.librus.api.lucky_number import parse_lucky_number
from custom_components.librus.api.notices import parse_school_notices
from custom_components.librus.api.school import (
    parse_class,
    parse_classrooms,
    parse_colors,
    parse_lessons,
    parse_school,
    parse_subjects,
)
from custom_components.librus.api.timetable import TimetableWeek, parse_timetable
from librus_simulator.school_calendar import plan_of
from librus_simulator.school_catalogue import AGENDA_TEST, TYPE_ABSENT
from librus_simulator.school_gateway import RESOURCE_PATTERNS, answer
from librus_simulator.school_generator import build_school_year
from librus_simulator.school_year import SchoolYear

API = "https://api.librus.pl/2.0/"
SATURDAY = date(2026, 11, 28)  # the anchor most tests use: a weekend in semester 1
STUDENT = ("Ola", "Nowak")

# Every path the school year serves, with the parser that must understand it.
PARSERS: dict[str, Callable[[Mapping[str, Any]], object]] = {
    "UserProfile": parse_user_profile,
    "Classes": parse_class,
    "Schools": parse_school,
    "Users": parse_users,
    "Subjects": parse_subjects,
    "Lessons": parse_lessons,
    "Classrooms": parse_classrooms,
    "Colors": parse_colors,
    "LuckyNumbers": parse_lucky_number,
    "Grades": parse_grades,
    "Grades/Categories": parse_grade_categories,
    "Grades/Comments": parse_grade_comments,
    "Attendances": parse_attendances,
    "Attendances/Types": parse_attendance_types,
    "Timetables": parse_timetable,
    "HomeWorks": parse_agenda,
    "HomeWorks/Categories": parse_agenda_categories,
    "HomeWorkAssignments": parse_homework_assignments,
    "SchoolNotices": parse_school_notices,
    "SchoolFreeDays": parse_school_free_days,
    "ClassFreeDays": parse_class_free_days,
    "Notes": parse_notes,
    "Notes/Categories": parse_note_categories,
    "BehaviourGrades/Points": parse_behaviour_points,
    "BehaviourGrades/Points/Comments": parse_grade_comments,
    "BehaviourGrades/Types": parse_behaviour_grade_types,
}


@cache
def year(today: date = SATURDAY, seed: int = 0, kind: str = "parent") -> SchoolYear:
    """A shared, read-only year (tests that mutate build their own)."""
    return build_school_year(kind, STUDENT, today, seed)


def body(school_year: SchoolYear, path: str, **query: str) -> dict[str, Any]:
    status, payload = answer(school_year, path, query)
    assert status == 200, (path, payload)
    return payload


def parsed(school_year: SchoolYear, path: str, **query: str) -> Any:
    return PARSERS[path](body(school_year, path, **query))


# --------------------------------------------------------------------------------------------
# Round trip through the client's parsers


def test_every_static_pattern_has_a_parser() -> None:
    static = {pattern for _, pattern in RESOURCE_PATTERNS if "{" not in pattern}
    assert static == set(PARSERS)


@pytest.mark.parametrize(
    "today",
    [
        date(2026, 8, 20),  # before the year: clamped to its first day
        date(2026, 9, 1),  # the first school day
        SATURDAY,
        date(2027, 1, 29),  # the last day of semester 1
        date(2027, 2, 3),  # winter holidays
        date(2027, 6, 24),
        date(2027, 7, 10),  # summer: clamped to the last day
    ],
)
@pytest.mark.parametrize("path", sorted(PARSERS))
def test_round_trip_without_loss(today: date, path: str) -> None:
    payload = body(year(today), path)
    result = PARSERS[path](payload)
    if isinstance(result, Items):
        (raw,) = (value for key, value in payload.items() if isinstance(value, list))
        assert len(result) == len(raw)
        assert result.skipped == 0
    if isinstance(result, TimetableWeek):
        assert result.skipped == 0


def test_envelopes_look_like_the_gateway() -> None:
    school_year = year()
    for path in PARSERS:
        payload = body(school_year, path)
        assert payload["Url"].startswith(API), path
        assert payload["Resources"][".."]["Url"].startswith(API), path
        assert list(payload)[-2:] == ["Resources", "Url"], path
    assert "Classes\\CrossedOutStudents" in body(school_year, "Classes")["Resources"]
    categories = body(school_year, "HomeWorks/Categories")
    assert categories["Resources"][".."]["Url"] == API + "HomeWorks"
    assert "2.0//Colors/" in categories["Categories"][0]["Color"]["Url"]  # the real "//"
    users = body(school_year, "Users")
    assert users["pagination"]["total"] == len(users["Users"])


def test_status_of_data_bodies_is_none() -> None:
    school_year = year()
    assert all(status_of(body(school_year, path)) is None for path in PARSERS)


# --------------------------------------------------------------------------------------------
# The calendar


def test_school_year_dates_and_semesters() -> None:
    school_year = year()
    school_class = parsed(school_year, "Classes")
    assert (school_class.begin_school_year, school_class.end_school_year) == (
        date(2026, 9, 1),
        date(2027, 6, 25),
    )
    assert school_class.end_first_semester == date(2027, 1, 29)
    assert school_class.name == "6d"
    assert g.current_semester(school_class, SATURDAY) == 1
    assert g.current_semester(school_class, date(2027, 1, 30)) == 2
    for grade in parsed(year(date(2027, 3, 10)), "Grades"):
        assert grade.semester == school_class.semester_of(grade.date)


def test_free_days_have_no_lessons() -> None:
    school_year = year()
    free_days = parsed(school_year, "SchoolFreeDays")
    names = {free.name: free for free in free_days}
    assert names["Boże Ciało"].date_from == date(2027, 5, 27)
    assert names["Ferie zimowe"].date_from == date(2027, 2, 1)
    assert names["Narodowe Święto Niepodległości"].date_from == date(2026, 11, 11)
    for free in free_days:
        assert not any(free.covers(day) for day in school_year.school_days)
    week = parsed(school_year, "Timetables", weekStart="2026-11-09")
    assert week.lessons_on(date(2026, 11, 11)) == ()
    assert week.lessons_on(date(2026, 11, 10)) != ()


def test_class_trip_cancels_the_days_lessons() -> None:
    school_year = year()
    (trip,) = (free for free in parsed(school_year, "ClassFreeDays") if free.date_from > SATURDAY)
    week = parsed(school_year, "Timetables", weekStart=trip.date_from.isoformat())
    lessons = week.lessons_on(trip.date_from)
    assert lessons
    assert all(lesson.is_canceled for lesson in lessons)


# --------------------------------------------------------------------------------------------
# Timetable quirks


def test_timetable_shape_and_quirks() -> None:
    school_year = year()
    payload = body(school_year, "Timetables", weekStart="2026-11-30")
    days = payload["Timetable"]
    assert list(days) == [(date(2026, 11, 30) + timedelta(days=n)).isoformat() for n in range(7)]
    assert len({len(slots) for slots in days.values()}) == 1  # same number of slots every day
    assert all(slots[0] == [] for slots in days.values())  # lesson 0 unused
    assert all(slot == [] for slot in days["2026-12-05"])  # Saturday
    assert days["2026-12-02"][1] == []  # Wednesday starts with lesson 2: an empty slot
    (group,) = days["2026-11-30"][4]  # a split class: only the student's own group
    assert group["VirtualClassName"] == "6d ja1"
    assert group["VirtualClass"]["Id"] == 720845
    assert "Class" not in group
    first = days["2026-11-30"][1][0]
    assert isinstance(first["Lesson"]["Id"], str)
    assert isinstance(first["Subject"]["Id"], str)
    assert isinstance(first["Teacher"]["Id"], str)
    assert isinstance(first["Classroom"]["Id"], str)
    assert isinstance(first["Class"]["Id"], int)
    assert first["LessonNo"] == "1"
    assert payload["Pages"]["Next"].endswith("weekStart=2026-12-07")
    week = parse_timetable(payload)
    assert week.next_week_start == date(2026, 12, 7)
    assert week.prev_week_start == date(2026, 11, 23)


def test_substitution_and_cancellation_in_the_coming_days() -> None:
    school_year = year()
    upcoming = [day for day in school_year.school_days if day > SATURDAY][:3]
    lessons = [
        lesson
        for week_start in sorted({day - timedelta(days=day.weekday()) for day in upcoming})
        for lesson in parsed(school_year, "Timetables", weekStart=week_start.isoformat()).lessons
        if lesson.date in upcoming
    ]
    substitutions = [lesson for lesson in lessons if lesson.is_substitution]
    assert substitutions
    assert any(lesson.is_canceled for lesson in lessons)
    substitution = substitutions[0]
    assert substitution.classroom_id is None
    assert substitution.org_classroom_id is not None
    assert substitution.org_subject_id != substitution.subject_id
    assert substitution.org_teacher_id != substitution.teacher_id
    assert substitution.org_lesson_no == substitution.lesson_no


@pytest.mark.parametrize(
    ("student", "pe_group"), [(("Ola", "Nowak"), "6d wf dz"), (("Jan", "Wiśniewski"), "6d wf ch")]
)
def test_timetable_holds_only_the_students_own_groups(
    student: tuple[str, str], pe_group: str
) -> None:
    """English group 1 and the PE group by the first name; never both halves of a class."""
    school_year = build_school_year("student", student, SATURDAY)
    payload = body(school_year, "Timetables", weekStart="2026-11-30")
    groups = {
        lesson["Subject"]["Name"]: lesson["VirtualClassName"]
        for slots in payload["Timetable"].values()
        for slot in slots
        for lesson in slot
        if "VirtualClassName" in lesson
    }
    assert groups == {"Język angielski": "6d ja1", "Wychowanie fizyczne": pe_group}


@pytest.mark.parametrize("student", [("Ola", "Nowak"), ("Jan", "Wiśniewski")])
def test_no_day_has_more_lessons_than_periods(student: tuple[str, str]) -> None:
    """One lesson per slot, every school day of the year: as many lessons as planned periods."""
    school_year = build_school_year("parent", student, SATURDAY)
    monday = date(2026, 8, 31)
    while monday <= date(2027, 6, 21):
        payload = body(school_year, "Timetables", weekStart=monday.isoformat())
        for day, slots in payload["Timetable"].items():
            periods = [number for number, _ in plan_of(date.fromisoformat(day))]
            lessons = [lesson for slot in slots for lesson in slot]
            assert all(len(slot) <= 1 for slot in slots), day
            assert len(lessons) <= len(periods) <= 7, day
            if date.fromisoformat(day) in school_year.school_days:
                assert [int(lesson["LessonNo"]) for lesson in lessons] == periods, day
        monday += timedelta(days=7)
    week = parsed(school_year, "Timetables", weekStart="2026-11-30")
    monday_lessons = week.lessons_on(date(2026, 11, 30))
    assert [lesson.lesson_no for lesson in monday_lessons] == [1, 2, 3, 4, 5, 6, 7]


def test_own_group_keeps_its_timetable_entry_id() -> None:
    """The other group's lesson is left out, not renumbered: entry ids stay the plan's."""
    payload = body(year(), "Timetables", weekStart="2026-11-30")
    monday = payload["Timetable"]["2026-11-30"]
    entries = [slot[0]["TimetableEntry"]["Id"] for slot in monday if slot]
    assert entries == ["1023395", "1023396", "1023397", "1023398", "1023400", "1023401", "1023403"]


@pytest.mark.parametrize(
    ("week_start", "monday"),
    [
        ("2026-12-02", date(2026, 11, 30)),  # a Wednesday: its week
        ("2026-9-7", date(2026, 9, 7)),  # unpadded, as librusik sends it
        ("2027-06-21", date(2027, 6, 21)),  # the last week
    ],
)
def test_timetable_week_start_forms(week_start: str, monday: date) -> None:
    week = parsed(year(), "Timetables", weekStart=week_start)
    assert week.days[0] == monday
    assert week.lessons


def test_timetable_without_week_start_is_the_current_week_and_bad_input_is_400() -> None:
    school_year = year(date(2026, 12, 2))
    week = parsed(school_year, "Timetables")
    assert week.days[0] == date(2026, 11, 30)
    status, payload = answer(school_year, "Timetables", {"weekStart": "soon"})
    assert status == 400
    assert status_of(payload) == "InvalidRequest"


def test_timetable_outside_the_year_is_empty() -> None:
    week = parsed(year(), "Timetables", weekStart="2027-07-05")
    assert len(week.days) == 7
    assert week.lessons == ()


def test_every_monday_of_the_year_parses() -> None:
    school_year = year()
    monday = date(2026, 8, 31)
    weeks = 0
    while monday <= date(2027, 6, 21):
        week = parsed(school_year, "Timetables", weekStart=monday.isoformat())
        assert week.skipped == 0
        weeks += 1
        monday += timedelta(days=7)
    assert weeks == 43


# --------------------------------------------------------------------------------------------
# Other quirks of the real shapes


def test_lookup_quirks() -> None:
    school_year = year()
    users = parsed(school_year, "Users")
    assert any(user.first_name is None for user in users)
    assert any(user.is_pedagogue for user in users)
    assert sum(lesson.class_id is None for lesson in parsed(school_year, "Lessons")) == 4
    categories = parsed(school_year, "Grades/Categories")
    assert any(c.weight is None and not c.count_to_average for c in categories)
    assert any(c.is_semestral for c in categories)
    types = parsed(school_year, "Attendances/Types")
    custom = [t for t in types if not t.is_standard]
    assert custom
    assert all(t.kind is AttendanceKind.PRESENT for t in custom)
    school = parsed(school_year, "Schools")
    assert school.lessons_range[0] is None
    assert school.school_year == 2026


def test_attendance_ids_and_types() -> None:
    attendances = parsed(year(), "Attendances")
    assert any(a.id.startswith("t") for a in attendances)
    assert any(a.id.isdigit() for a in attendances)
    used = {a.type_id for a in attendances}
    assert {"100", "3", "1"} <= used  # present, excused sick days, an unexcused absence
    assert "2022" in used  # a school-specific type (contest)
    assert len({(a.date, a.lesson_no) for a in attendances}) == len(attendances)


def test_agenda_and_notes_quirks() -> None:
    school_year = year()
    agenda = parsed(school_year, "HomeWorks")
    assert any(entry.subject_id is None for entry in agenda)
    meeting = [entry for entry in agenda if entry.lesson_no is None]
    assert meeting
    assert meeting[0].time_from is not None
    assert meeting[0].time_from.hour == 17
    assert any(entry.classroom_name for entry in agenda)
    notes = parsed(school_year, "Notes")
    assert {note.sentiment for note in notes} == set(NoteSentiment)
    points = parsed(school_year, "BehaviourGrades/Points")
    assert len(points) == 2  # September and October have ended
    assert {grade.display for grade in points} <= {"wz", "bdb"}


def test_references_resolve() -> None:
    school_year = year(date(2027, 3, 10))
    lessons = by_id(parsed(school_year, "Lessons"))
    subjects = by_id(parsed(school_year, "Subjects"))
    users = by_id(parsed(school_year, "Users"))
    rooms = by_id(parsed(school_year, "Classrooms"))
    categories = by_id(parsed(school_year, "Grades/Categories"))
    comments = by_id(parsed(school_year, "Grades/Comments"))
    types = by_id(parsed(school_year, "Attendances/Types"))
    agenda_categories = by_id(parsed(school_year, "HomeWorks/Categories"))
    for grade in parsed(school_year, "Grades"):
        assert grade.lesson_id in lessons
        assert grade.subject_id in subjects
        assert grade.category_id in categories
        assert grade.added_by_id in users
        assert all(comment in comments for comment in grade.comment_ids)
    for attendance in parsed(school_year, "Attendances"):
        assert attendance.lesson_id in lessons
        assert attendance.type_id in types
    for entry in parsed(school_year, "HomeWorks"):
        assert entry.category_id in agenda_categories
        assert entry.subject_id is None or entry.subject_id in subjects
    for lesson in parsed(school_year, "Timetables", weekStart="2027-03-08").lessons:
        assert lesson.lesson_id in lessons
        assert lesson.subject_id in subjects
        assert lesson.teacher_id in users
        assert lesson.classroom_id is None or lesson.classroom_id in rooms


# --------------------------------------------------------------------------------------------
# Something around today


def test_something_around_today() -> None:
    school_year = year()
    next_day = date(2026, 11, 30)  # Saturday → Monday
    recent = school_year.previous_school_days(SATURDAY, 2)
    grades = parsed(school_year, "Grades")
    assert {grade.date for grade in grades} >= set(recent)
    agenda = parsed(school_year, "HomeWorks")
    next_week = {date(2026, 11, 30) + timedelta(days=n) for n in range(5)}  # after Saturday
    assert any(e.category_id == str(AGENDA_TEST) and e.date in next_week for e in agenda)
    homework = parsed(school_year, "HomeWorkAssignments")
    assert any(h.due_date == next_day for h in homework)
    assert any(h.files for h in homework)
    notices = parsed(school_year, "SchoolNotices")
    fresh = [n for n in notices if not n.was_read]
    assert fresh
    assert fresh[0].start_date is not None
    assert fresh[0].end_date is not None
    assert fresh[0].start_date <= SATURDAY <= fresh[0].end_date
    assert all(n.id.startswith("LID-NBOARD-NOTICE-") for n in notices)
    lucky = parsed(school_year, "LuckyNumbers")
    assert lucky.day == next_day
    assert 1 <= lucky.number <= 30


def test_lucky_number_is_for_today_on_a_school_day() -> None:
    assert parsed(year(date(2026, 12, 2)), "LuckyNumbers").day == date(2026, 12, 2)


def test_averages_are_sensible() -> None:
    school_year = year()
    grades = parsed(school_year, "Grades")
    categories = parsed(school_year, "Grades/Categories")
    averages = g.subject_averages(grades, categories)
    assert len(averages) >= 8
    assert all(1.0 <= value <= 6.5 for value in averages.values())
    overall = g.overall_average(grades, categories)
    assert overall is not None
    assert 2.0 <= overall <= 6.0
    assert g.period_grades(grades) == {}  # nothing issued before January


def test_period_grades_appear_after_their_dates() -> None:
    graded = {"25672", "25676", "25678", "25680", "25681", "25682", "25683", "25684"}
    march = g.period_grades(parsed(year(date(2027, 3, 10)), "Grades"))
    assert graded <= set(march)
    assert all(p.semester is not None for p in march.values())
    assert all(p.final is None for p in march.values())
    june = g.period_grades(parsed(year(date(2027, 6, 24)), "Grades"))
    assert all(p.final_proposition is not None for p in june.values())
    assert all(p.final is not None for p in june.values())


# --------------------------------------------------------------------------------------------
# Determinism


def test_same_inputs_same_data() -> None:
    first = build_school_year("parent", STUDENT, SATURDAY, 7)
    second = build_school_year("parent", STUDENT, SATURDAY, 7)
    for path in PARSERS:
        assert answer(first, path, {}) == answer(second, path, {}), path


def test_seed_and_student_change_the_data_but_account_kind_does_not() -> None:
    base = body(year(), "Grades")
    assert body(year(seed=1), "Grades") != base
    assert body(build_school_year("parent", ("Jan", "Wiśniewski"), SATURDAY), "Grades") != base
    assert body(year(kind="student"), "Grades") == base
    assert parsed(year(kind="student"), "UserProfile").account_type == "student"
    assert parsed(year(), "UserProfile").account_type == "parent"


def test_past_grades_do_not_change_as_today_moves_on() -> None:
    def history(today: date, until: date) -> set[tuple[Any, ...]]:
        return {
            (grade.subject_id, grade.date, grade.grade, grade.category_id)
            for grade in parsed(year(today), "Grades")
            if grade.date < until
        }

    until = date(2026, 11, 20)  # before the days that always get a fresh grade
    assert history(SATURDAY, until) == history(SATURDAY + timedelta(days=14), until)


def test_bad_account_kind() -> None:
    with pytest.raises(ValueError, match="account_kind"):
        build_school_year("teacher", STUDENT, SATURDAY)


# --------------------------------------------------------------------------------------------
# Single items, unknown paths


def test_users_by_id() -> None:
    school_year = year()
    student = parse_student_user(body(school_year, "Users/1600001"))
    assert student.display_name == "Ola Nowak"
    assert student.class_id == "69300"
    assert student.class_register_number is not None
    assert 1 <= student.class_register_number <= 26
    teacher = body(school_year, "Users/1493245")["User"]
    assert teacher["LastName"] == "Krawczyk"
    both = parse_users(body(school_year, "Users/1493245,1486358"))
    assert [user.id for user in both] == ["1493245", "1486358"]
    assert answer(school_year, "Users/3000001", {})[0] == 404  # Me.Account.Id is no user


def test_other_collections_by_id() -> None:
    school_year = year()
    assert body(school_year, "Lessons/3393609")["Lesson"]["Id"] == 3393609
    assert body(school_year, "Subjects/25684")["Subject"]["Name"] == "Matematyka"
    assert body(school_year, "Grades/Categories/164149")["Category"]["Weight"] == 3
    assert body(school_year, "Classrooms/2194")["Classroom"]["Symbol"] == "C1"
    lessons = parse_lessons(body(school_year, "Lessons/3393609,3393606,1"))
    assert [lesson.id for lesson in lessons] == ["3393609", "3393606"]


@pytest.mark.parametrize("path", ["Me", "AttendanceTypes", "Grades/Averages", "Nope", ""])
def test_unknown_paths_are_404(path: str) -> None:
    status, payload = answer(year(), path, {})
    assert status == 404
    assert status_of(payload) == "NotFound"


# --------------------------------------------------------------------------------------------
# Mutators


def test_add_grade() -> None:
    school_year = build_school_year("parent", STUDENT, SATURDAY)
    new_id = school_year.add_grade("6", subject="jp", comment="Brawo!")
    (grade,) = (grade for grade in parsed(school_year, "Grades") if grade.id == new_id)
    assert grade.grade == "6"
    assert grade.subject_id == "25683"
    assert grade.date == SATURDAY
    assert grade.is_constituent
    comments = by_id(parsed(school_year, "Grades/Comments"))
    assert comments[grade.comment_ids[0]].text == "Brawo!"
    final_id = school_year.add_grade("5", subject="mat", kind="final")
    (final,) = (grade for grade in parsed(school_year, "Grades") if grade.id == final_id)
    assert final.is_final
    assert not final.is_constituent
    assert final.category_id == "164163"
    with pytest.raises(ValueError, match="subject"):
        school_year.add_grade("5", subject="astronomy")


def test_add_notice_and_agenda_entry() -> None:
    school_year = build_school_year("student", STUDENT, SATURDAY)
    notice_id = school_year.add_notice("Dzień sportu", "Strój sportowy obowiązkowy.")
    notice = by_id(parsed(school_year, "SchoolNotices"))[notice_id]
    assert (notice.title, notice.was_read, notice.start_date) == ("Dzień sportu", False, SATURDAY)
    entry_id = school_year.add_agenda_entry(
        "Kartkówka", day=date(2026, 12, 3), subject="hi", lesson_no=3
    )
    entry = by_id(parsed(school_year, "HomeWorks"))[entry_id]
    assert entry.subject_id == "25678"
    assert entry.lesson_no == 3
    assert entry.date == date(2026, 12, 3)
    assert entry_id != school_year.add_agenda_entry("Inne")


def test_add_absence_replaces_the_lessons_mark() -> None:
    school_year = build_school_year("parent", STUDENT, SATURDAY)
    day = date(2026, 11, 26)  # a Thursday with marks already
    before = parsed(school_year, "Attendances")
    new_id = school_year.add_absence(day, 2)
    after = parsed(school_year, "Attendances")
    assert len(after) == len(before)  # replaced, not added
    (mark,) = (a for a in after if a.date == day and a.lesson_no == 2)
    assert mark.id == new_id
    assert mark.type_id == str(TYPE_ABSENT)
    lessons = by_id(parsed(school_year, "Lessons"))
    assert lessons[mark.lesson_id or ""].subject_id == "25684"  # Thursday lesson 2: maths
    today_id = school_year.add_absence(date(2026, 11, 30))  # a future day: a new record
    assert len(parsed(school_year, "Attendances")) == len(before) + 1
    assert today_id != new_id
