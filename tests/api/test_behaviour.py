"""``Notes`` and behaviour grades (``api/behaviour.py``)."""

from __future__ import annotations

from custom_components.librus.api import behaviour as beh

from .payloads import envelope, ref


def test_notes_sentiment() -> None:
    notes = beh.parse_notes(
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
        beh.NoteSentiment.NEGATIVE, beh.NoteSentiment.POSITIVE, beh.NoteSentiment.NEUTRAL
    ]  # fmt: skip
    assert notes.skipped == 1
    assert notes[0].teacher_id == "2"
    assert notes[1].teacher_id == "4"  # AddedBy when there is no Teacher
    (category,) = beh.parse_note_categories(
        envelope("Categories", [{"Id": 4, "CategoryName": "Kultura osobista"}], "Notes/Categories")
    )
    assert category.name == "Kultura osobista"


def test_behaviour_points_and_classic_grades() -> None:
    points = beh.parse_behaviour_points(
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
    (old,) = beh.parse_behaviour_grades(
        envelope(
            "Grades",
            [{"Id": 7, "GradeType": ref("BehaviourGrades/Types", 1), "Teacher": ref("Users", 8),
              "Semester": 2}],
            "BehaviourGrades",
        )
    )  # fmt: skip
    assert (old.source, old.display, old.added_by_id, old.semester) == ("classic", "wz", "8", 2)
    types = beh.parse_behaviour_grade_types(
        envelope(
            "Types", [{"Id": "1", "Name": "wzorowe", "Shortcut": "wz"}], "BehaviourGrades/Types"
        )
    )
    assert types[0] == beh.BehaviourGradeType(id="1", name="wzorowe", shortcut="wz")
