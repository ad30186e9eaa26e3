"""The parsers of every Librus resource in one index, for code that reads them all.

The models and their parsers live one module per resource (``account.py``, ``school.py``,
``grades.py``, ``attendance.py``, ``timetable.py``, ``agenda.py``, ``notices.py``,
``free_days.py``, ``lucky_number.py``, ``behaviour.py``); the shared readers and the id/date
conventions in ``fields.py``, what an answer means in ``answers.py``. The simulator's data
tests parse everything it serves through this index, so the simulator and the client cannot
drift apart.
"""

from __future__ import annotations

from .account import parse_student_user, parse_user_profile, parse_users
from .agenda import parse_agenda, parse_agenda_categories, parse_homework_assignments
from .answers import status_of
from .attendance import AttendanceKind, parse_attendance_types, parse_attendances
from .behaviour import (
    NoteSentiment,
    parse_behaviour_grade_types,
    parse_behaviour_points,
    parse_note_categories,
    parse_notes,
)
from .fields import Items, by_id
from .free_days import parse_class_free_days, parse_school_free_days
from .grades import parse_grade_categories, parse_grade_comments, parse_grades
from .lucky_number import parse_lucky_number
from .notices import parse_school_notices
from .school import (
    parse_class,
    parse_classrooms,
    parse_colors,
    parse_lessons,
    parse_school,
    parse_subjects,
)
from .timetable import TimetableWeek, parse_timetable

__all__ = [
    "AttendanceKind",
    "Items",
    "NoteSentiment",
    "TimetableWeek",
    "by_id",
    "parse_agenda",
    "parse_agenda_categories",
    "parse_attendance_types",
    "parse_attendances",
    "parse_behaviour_grade_types",
    "parse_behaviour_points",
    "parse_class",
    "parse_class_free_days",
    "parse_classrooms",
    "parse_colors",
    "parse_grade_categories",
    "parse_grade_comments",
    "parse_grades",
    "parse_homework_assignments",
    "parse_lessons",
    "parse_lucky_number",
    "parse_note_categories",
    "parse_notes",
    "parse_school",
    "parse_school_free_days",
    "parse_school_notices",
    "parse_student_user",
    "parse_subjects",
    "parse_timetable",
    "parse_user_profile",
    "parse_users",
    "status_of",
]
