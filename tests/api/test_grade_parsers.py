"""``Grades``, ``Grades/Categories``, ``Grades/Comments`` parsed (``api/grades.py``)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from custom_components.librus.api import fields as fld
from custom_components.librus.api import grades as gr

from .payloads import envelope, ref


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
    (grade,) = gr.parse_grades(envelope("Grades", [grade_item(SomethingNew=1)], "Grades"))
    assert grade.id == "815228"
    assert grade.grade == "5-"
    assert grade.subject_id == "44572"
    assert grade.category_id == "164151"
    assert grade.added_by_id == "1406771"
    assert grade.date == date(2016, 9, 16)
    assert grade.add_date == datetime(2016, 9, 16, 18, 50, 50, tzinfo=fld.LIBRUS_TZ)
    assert grade.semester == 1
    assert grade.is_constituent
    assert not grade.is_period_grade
    assert grade.comment_ids == ("340006",)
    assert grade.improvement_id is None


def test_grades_quirks_and_skips() -> None:
    grades = gr.parse_grades(
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
    categories = gr.parse_grade_categories(
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
    (comment,) = gr.parse_grade_comments(
        envelope(
            "Comments",
            [{"Id": 340006, "AddedBy": ref("Users", 1), "Grade": ref("Grades", 815228),
              "Text": "Analiza obrazu."}],
            "Grades/Comments",
        )
    )  # fmt: skip
    assert (comment.id, comment.grade_id, comment.text) == ("340006", "815228", "Analiza obrazu.")
