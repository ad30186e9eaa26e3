"""The school and its dictionaries: Classes, Schools, Subjects, Lessons… (api/school.py)."""

from __future__ import annotations

from datetime import date, time

from custom_components.librus.api import school as sch

from .payloads import envelope, ref


def test_class_tutors_and_semesters() -> None:
    school_class = sch.parse_class(
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
    school = sch.parse_school(
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


def test_subjects_lessons_classrooms_colors() -> None:
    subjects = sch.parse_subjects(
        envelope("Subjects", [{"Id": 9, "Name": "Wychowanie do życia", "No": 20}], "Subjects")
    )
    assert subjects[0].short == ""  # Short absent
    lessons = sch.parse_lessons(
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
    classrooms = sch.parse_classrooms(
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
    colors = sch.parse_colors(
        envelope("Colors", [{"Id": 1, "RGB": "F0E68C", "Name": "khaki"}], "C")
    )
    assert colors[0].rgb == "F0E68C"
