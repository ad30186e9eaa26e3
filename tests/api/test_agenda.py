"""``HomeWorks`` (the agenda) and ``HomeWorkAssignments`` (``api/agenda.py``)."""

from __future__ import annotations

from datetime import date, time

from custom_components.librus.api import agenda as agd

from .payloads import API, envelope, ref


def test_agenda_optional_fields() -> None:
    entries = agd.parse_agenda(
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
    (homework, bare) = agd.parse_homework_assignments(
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
    assert homework.files == (agd.HomeworkFile(id="3", name="karta.pdf"),)
    assert homework.category_id is None
    assert bare.category_id == "1"
    assert bare.files == ()
    assert bare.due_date is None
