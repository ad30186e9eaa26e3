"""One student's school year as a register: its calendar, records, lookups and mutators.

    year = build_school_year("parent", ("Ola", "Nowak"), date(2026, 11, 28))  # school_generator
    year.add_grade("5", subject="mat")
    status, body = answer(year, "Timetables", {"weekStart": "2026-11-30"})  # school_gateway

A `SchoolYear` holds what happened in the year as records (`school_records.py`): class trips,
timetable changes, grades, attendance, agenda, homework, notices, notes and behaviour
points. `school_generator.py` fills it deterministically from a seed and "today"; the
calendar (bounds, semesters, free days) comes from `school_calendar.py`, the school from
`school_catalogue.py`; `school_gateway.py` renders it in Librus's JSON shapes.

The `append_*` builders allocate ids and derive what follows from the calendar (semester,
the student's own lesson of a subject); the mutators (`add_grade`, `add_notice`,
`add_absence`, `add_agenda_entry`) let tests change the register and return the new id (as
text, like the client's models). The account kind only changes `UserProfile.AccountType`
(a parent and the student see the same register).

Pure: no I/O, no clock, no JSON, no aiohttp.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, time, timedelta
from typing import Final, Literal

from .school_calendar import FreeDay, SchoolCalendar, plan_of
from .school_catalogue import (
    AGENDA_TEST,
    CATEGORY_QUIZ,
    LESSON_BY_KEY,
    LESSON_HOURS,
    LESSONS,
    PERIOD_CATEGORY,
    SECRETARIAT_ID,
    SUBJECT_BY_KEY,
    TUTOR_ID,
    TYPE_ABSENT,
    Lesson,
    PeriodKind,
)
from .school_records import (
    AgendaEntry,
    Assignment,
    Attendance,
    BehaviourPoint,
    Change,
    Comment,
    Grade,
    Note,
    Notice,
    TimetableLesson,
)

type AccountKind = Literal["parent", "student"]

_FIRST_IDS: Final[dict[str, int]] = {
    "grade": 815228,
    "comment": 340006,
    "attendance": 41685,
    "agenda": 6671271,
    "assignment": 501,
    "notice": 9093,
    "note": 1201,
    "behaviour": 88001,
    "behaviour_comment": 99001,
}


def unit(*parts: object) -> float:
    """A stable pseudo-random number in [0, 1) from its inputs."""
    digest = hashlib.sha256("|".join(map(str, parts)).encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


class SchoolYear:
    """One student's register for one school year; see the module docstring.

    Build it with `school_generator.build_school_year` (a bare `SchoolYear(...)` is empty).
    The records are public lists for the generator and the gateway rendering; tests change
    them through the mutators.
    """

    def __init__(
        self,
        *,
        account_kind: AccountKind,
        student: tuple[str, str],
        today: date,
        seed: int,
        school_id: int,
        class_id: int,
        student_user_id: int,
    ) -> None:
        self.account_kind = account_kind
        self.student = student
        self.today = today
        self.seed = seed
        self.school_id = school_id
        self.class_id = class_id
        self.student_user_id = student_user_id
        self.key = f"librus-sim|{seed}|{student[0]} {student[1]}"
        self.calendar = SchoolCalendar.around(today)
        # Everything "around today" hangs on the anchor: today clamped into the school year.
        self.anchor = self.calendar.clamp(today)

        # The student's own groups of split subjects, fixed for the year: English group 1
        # (ja1), and PE by the first name (the girls' group for a name ending in "a", else
        # the boys'). Grades, attendance and the timetable use these groups only.
        girl = student[0].strip().lower().endswith("a")
        self.own_lessons: frozenset[str] = frozenset(
            lesson.key
            for lesson in LESSONS
            if lesson.key not in {"ja2", "wf_ch" if girl else "wf_dz"}
        )

        self.class_trips: list[FreeDay] = []
        self.changes: dict[tuple[date, int], Change] = {}
        self.grades: list[Grade] = []
        self.attendances: dict[tuple[date, int], Attendance] = {}  # one per (day, lesson)
        self.agenda: list[AgendaEntry] = []
        self.assignments: list[Assignment] = []
        self.notices: list[Notice] = []
        self.notes: list[Note] = []
        self.behaviour: list[BehaviourPoint] = []
        self._next_ids = dict(_FIRST_IDS)

    # ---------------------------------------------------------------- what the gateway asks

    @property
    def school_days(self) -> tuple[date, ...]:
        return self.calendar.school_days

    def previous_school_days(self, day: date, count: int) -> list[date]:
        return self.calendar.previous_school_days(day, count)

    def timetable_day(self, day: date) -> list[TimetableLesson]:
        """The student's lessons of `day` in plan order (none on days off).

        Of a split class only the student's own group is there: one lesson per slot.
        `plan_index` still counts every group of the class's plan, so an entry keeps its id.
        """
        if not self.calendar.is_school_day(day):
            return []
        lessons = []
        plan_index = 0
        for number, keys in plan_of(day):
            for key in keys:
                if key in self.own_lessons:
                    change = self.changes.get((day, number), Change())
                    lesson = LESSON_BY_KEY[key]
                    lessons.append(TimetableLesson(day, number, plan_index, lesson, change))
                plan_index += 1
        return lessons

    def lucky_number(self) -> tuple[int, date]:
        """Today's lucky number (or the next school day's) and its day."""
        cal = self.calendar
        day = cal.next_school_day(self.anchor, include=True) or cal.school_days[-1]
        return 1 + int(unit(self.key, "lucky", day) * 30), day

    @property
    def register_number(self) -> int:
        """The student's number in the class register."""
        return 1 + int(unit(self.key, "register") * 26)

    # ---------------------------------------------------------------- for the generator

    def _own_lesson_at(self, day: date, lesson_no: int) -> Lesson | None:
        for number, keys in plan_of(day):
            if number == lesson_no:
                for key in keys:
                    if key in self.own_lessons:
                        return LESSON_BY_KEY[key]
        return None

    def subject_lesson(self, subject_key: str) -> Lesson:
        for lesson in LESSONS:
            if lesson.subject == subject_key and lesson.key in self.own_lessons:
                return lesson
        raise KeyError(subject_key)

    def new_id(self, kind: str) -> int:
        value = self._next_ids[kind]
        self._next_ids[kind] = value + 1
        return value

    def held(self, day: date, number: int) -> bool:
        return not self.changes.get((day, number), Change()).canceled

    def append_grade(
        self,
        subject: str,
        text: str,
        category: int,
        day: date,
        *,
        kind: PeriodKind = "regular",
        comment: str | None = None,
        improvement: int | None = None,
        clock: time = time(15, 0),
    ) -> int:
        grade_id = self.new_id("grade")
        self.grades.append(
            Grade(
                id=grade_id,
                subject=subject,
                lesson=self.subject_lesson(subject),
                text=text,
                category=category,
                day=day,
                added=datetime.combine(day, clock),
                semester=self.calendar.semester_of(day),
                kind=kind,
                comment=Comment(self.new_id("comment"), comment) if comment else None,
                improvement=improvement,
            )
        )
        return grade_id

    def append_attendance(self, day: date, number: int, lesson: Lesson, type_id: int) -> str:
        numeric = self.new_id("attendance")
        ident: int | str = f"t{numeric}" if unit(self.key, "tid", numeric) < 0.05 else numeric
        hours = LESSON_HOURS[number]
        clock = time.fromisoformat(hours[1]) if hours else time(8, 0)
        self.attendances[(day, number)] = Attendance(  # a new mark replaces the old one
            id=ident,
            lesson=lesson,
            day=day,
            number=number,
            added=datetime.combine(day, clock),
            semester=self.calendar.semester_of(day),
            type_id=type_id,
        )
        return str(ident)

    def append_agenda(
        self,
        content: str,
        day: date,
        category: int,
        *,
        subject: str | None = None,
        lesson_no: int | None = None,
        time_from: time | None = None,
        time_to: time | None = None,
        classroom: bool = False,
    ) -> int:
        entry_id = self.new_id("agenda")
        hours = LESSON_HOURS[lesson_no] if lesson_no is not None else None
        lesson = self.subject_lesson(subject) if subject else None
        self.agenda.append(
            AgendaEntry(
                id=entry_id,
                content=content,
                day=day,
                category=category,
                subject=subject,
                lesson_no=lesson_no,
                time_from=time_from or (time.fromisoformat(hours[0]) if hours else None),
                time_to=time_to or (time.fromisoformat(hours[1]) if hours else None),
                created_by=lesson.teacher_id if lesson else TUTOR_ID,
                classroom=lesson.classroom_id if lesson and classroom else None,
                added=datetime.combine(min(day - timedelta(days=7), self.today), time(10, 1, 51)),
            )
        )
        return entry_id

    def append_assignment(
        self,
        subject: str,
        topic: str,
        text: str,
        given: date,
        due: date,
        *,
        with_file: bool = False,
        with_category: bool = False,
    ) -> int:
        lesson = self.subject_lesson(subject)
        assignment_id = self.new_id("assignment")
        self.assignments.append(
            Assignment(
                assignment_id, subject, lesson, topic, text, given, due, with_file, with_category
            )
        )
        return assignment_id

    def append_notice(
        self,
        title: str,
        content: str,
        start: date,
        end: date,
        *,
        added_by: int | str,
        was_read: bool,
    ) -> str:
        notice_id = f"LID-NBOARD-NOTICE-{self.new_id('notice')}"
        created = datetime.combine(start, time(12, 0))
        self.notices.append(
            Notice(notice_id, title, content, start, end, added_by, created, was_read)
        )
        return notice_id

    # ---------------------------------------------------------------- mutators

    def add_grade(
        self,
        grade: str = "5",
        *,
        subject: str = "mat",
        category_id: int = CATEGORY_QUIZ,
        day: date | None = None,
        comment: str | None = None,
        kind: PeriodKind = "regular",
    ) -> str:
        """Add a grade (`subject` is a key such as "mat", "jp", "ja"); return its id."""
        if subject not in SUBJECT_BY_KEY:
            raise ValueError(f"unknown subject key {subject!r}; known: {sorted(SUBJECT_BY_KEY)}")
        when = day or self.today
        category = PERIOD_CATEGORY.get(kind, category_id)
        return str(
            self.append_grade(
                subject, grade, category, when, kind=kind, comment=comment, clock=time(9, 0)
            )
        )

    def add_notice(
        self,
        title: str,
        content: str,
        *,
        day: date | None = None,
        days_visible: int = 7,
        was_read: bool = False,
    ) -> str:
        """Add a school notice starting on `day` (today); return its `LID-NBOARD-…` id."""
        start = day or self.today
        return self.append_notice(
            title,
            content,
            start,
            start + timedelta(days=days_visible),
            added_by=SECRETARIAT_ID,
            was_read=was_read,
        )

    def add_absence(
        self, day: date | None = None, lesson_no: int | None = None, *, type_id: int = TYPE_ABSENT
    ) -> str:
        """Mark the student absent (or `type_id`) at one lesson; return the record's id.

        Replaces an existing record of that lesson. Defaults: today, the day's first lesson.
        """
        when = day or self.today
        plan = plan_of(when)
        number = lesson_no if lesson_no is not None else (plan[0][0] if plan else 1)
        lesson = self._own_lesson_at(when, number) or LESSONS[0]
        return self.append_attendance(when, number, lesson, type_id)

    def add_agenda_entry(
        self,
        content: str,
        *,
        day: date | None = None,
        category_id: int = AGENDA_TEST,
        subject: str | None = None,
        lesson_no: int | None = None,
    ) -> str:
        """Add an agenda (`HomeWorks`) entry; return its id."""
        if subject is not None and subject not in SUBJECT_BY_KEY:
            raise ValueError(f"unknown subject key {subject!r}")
        when = day or self.today
        return str(
            self.append_agenda(content, when, category_id, subject=subject, lesson_no=lesson_no)
        )
