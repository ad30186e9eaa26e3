"""Parsed api models -> the snapshot: pure functions, and every derived fact decided here.

The facts the sensors, the websocket API and the cards display are decided once, in this
module, and carried by the snapshot:

- the latest grade: the most recently added regular grade (`api.grades.latest`: its
  ``AddDate``'s day, then its id);
- a grade is new when it was added yesterday or on the snapshot's day (:func:`is_new_grade`);
- averages: weighted by category, per subject and over the whole semester (`api.grades`);
- semester and proposed grades: the latest of each per subject and semester;
- free days: each timetable day carries the name of the free period it falls in
  (`snapshot.free_period_on`, the one rule the binary sensors also ask for any day);
- the lesson status (normal, substitution, cancelled, moved) and the agenda kind;
- messages: available while the module answers and a list is at hand; the newest
  ``MESSAGES_SHOWN`` of the list, newest first, each preview cut to ``PREVIEW_CHARS``
  (:func:`preview_text`);
- spans that end before they start (a teacher's typo) are clamped here, once
  (:func:`span`): a lesson or agenda entry keeps its start and loses the impossible end (an
  agenda entry then is an all-day one), a free period ends on the day it starts.

Nothing here knows Home Assistant: tests call :func:`build_snapshot` with models and a date.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from .api import grades as g
from .api.account import Me, StudentUser, User
from .api.agenda import AgendaCategory, AgendaEntry, HomeworkAssignment
from .api.attendance import Attendance, AttendanceKind, AttendanceType
from .api.fields import by_id, full_name
from .api.free_days import FreeDay
from .api.grades import Grade, GradeCategory, GradeComment
from .api.lucky_number import LuckyNumber
from .api.messages import InboxPage, UnreadCount
from .api.notices import SchoolNotice
from .api.school import Classroom, School, SchoolClass, Subject
from .api.timetable import TimetableLesson, TimetableWeek
from .snapshot import (
    Absence,
    AgendaItem,
    AgendaKind,
    AttendanceSummary,
    FreePeriod,
    GradeItem,
    GradeKind,
    Homework,
    LessonStatus,
    LibrusSnapshot,
    Message,
    Messages,
    Notice,
    ScheduleDay,
    ScheduledLesson,
    ScheduleWeek,
    SemesterGrades,
    Student,
    SubjectGrades,
    free_period_on,
)

NEW_GRADE_DAYS = 1
"""A grade is new when added on the snapshot's day or this many days before."""
MESSAGES_SHOWN = 20
"""How many of the newest messages the snapshot (and the card) carries."""
PREVIEW_CHARS = 160
"""A message preview is cut to this many characters (with "…")."""


@dataclass(slots=True)
class Fetched:
    """The last good answer of every resource the plan fetches (`plan.PLAN` keys = fields).

    A resource Librus reports as absent is reset to its default; the timetable weeks are
    kept by their Monday.
    """

    me: Me | None = None
    student: StudentUser | None = None
    school_class: SchoolClass | None = None
    school: School | None = None
    lucky_number: LuckyNumber | None = None
    timetables: dict[date, TimetableWeek] = field(default_factory=dict)
    grades: tuple[Grade, ...] = ()
    attendance: tuple[Attendance, ...] | None = None
    """None until fetched: then the attendance summary is unknown rather than empty."""
    agenda: tuple[AgendaEntry, ...] = ()
    homework: tuple[HomeworkAssignment, ...] = ()
    notices: tuple[SchoolNotice, ...] = ()
    school_free_days: tuple[FreeDay, ...] = ()
    class_free_days: tuple[FreeDay, ...] = ()
    subjects: tuple[Subject, ...] = ()
    staff: tuple[User, ...] = ()
    grade_categories: tuple[GradeCategory, ...] = ()
    grade_comments: tuple[GradeComment, ...] = ()
    attendance_types: tuple[AttendanceType, ...] = ()
    agenda_categories: tuple[AgendaCategory, ...] = ()
    classrooms: tuple[Classroom, ...] = ()
    messages_unread: UnreadCount | None = None
    messages: InboxPage | None = None
    """The inbox list: fetched after the unread count, when it changed, and once a day."""


@dataclass(frozen=True, slots=True)
class _Names:
    """Ids -> the names a person reads (teachers, rooms, subjects)."""

    staff: Mapping[str, User]
    subjects: Mapping[str, Subject]
    classrooms: Mapping[str, Classroom]

    def person(self, user_id: str | None) -> str | None:
        user = self.staff.get(user_id) if user_id else None
        return None if user is None else full_name(user.first_name, user.last_name) or None

    def room(self, room_id: str | None) -> str | None:
        found = self.classrooms.get(room_id) if room_id else None
        return None if found is None else found.display_name

    def subject(self, subject_id: str | None) -> str | None:
        found = self.subjects.get(subject_id) if subject_id else None
        return None if found is None else found.name


def build_snapshot(
    fetched: Fetched, *, today: date, now: datetime, missing: Iterable[str] = ()
) -> LibrusSnapshot:
    """The snapshot of what was fetched, as of ``today`` (the local day of ``now``)."""
    me = fetched.me
    assert me is not None, "Me is fetched first"
    names = _Names(
        staff=by_id(fetched.staff),
        subjects=by_id(fetched.subjects),
        classrooms=by_id(fetched.classrooms),
    )
    school_class = fetched.school_class
    semester = g.current_semester(school_class, today) if school_class else 1
    student = Student(
        name=f"{me.student_first_name} {me.student_last_name}".strip(),
        class_name=school_class.name if school_class else None,
        school_name=fetched.school.name if fetched.school else None,
        register_number=fetched.student.class_register_number if fetched.student else None,
    )
    free_days = tuple(
        FreePeriod(
            id=f"{free.scope}-{free.id}",
            name=free.name,
            start=free.date_from,
            end=max(free.date_from, free.date_to),
            scope=free.scope,
        )
        for free in (*fetched.school_free_days, *fetched.class_free_days)
    )
    grades = _grades(fetched, names, today)
    absences, attendance = _attendance(fetched, semester)
    return LibrusSnapshot(
        student=student,
        today=today,
        semester=semester,
        lucky_number=fetched.lucky_number,
        weeks=_weeks(fetched, names, today, free_days),
        agenda=_agenda(fetched, names),
        homework=tuple(
            Homework(
                id=item.id,
                topic=item.topic,
                text=item.text,
                teacher=names.person(item.teacher_id),
                assigned=item.date,
                due=item.due_date,
            )
            for item in fetched.homework
        ),
        grades=grades,
        latest_grade=_latest_regular(fetched.grades, grades),
        absences=absences,
        attendance=attendance,
        notices=tuple(
            Notice(
                id=notice.id,
                title=notice.title,
                content=notice.content,
                start=notice.start_date,
                end=notice.end_date,
                author=names.person(notice.added_by_id),
                created=notice.creation_date,
            )
            for notice in fetched.notices
        ),
        free_days=free_days,
        messages=_messages(fetched, frozenset(missing)),
        missing=frozenset(missing),
        fetched_at=now,
    )


# ------------------------------------------------------------------------------------------
# Timetable and agenda


def lesson_status(lesson: TimetableLesson) -> LessonStatus:
    if lesson.is_canceled:
        return "cancelled"
    if lesson.is_moved:
        return "moved"
    if lesson.is_substitution:
        return "substitution"
    return "normal"


def _weeks(
    fetched: Fetched, names: _Names, today: date, free_days: tuple[FreePeriod, ...]
) -> tuple[ScheduleWeek, ...]:
    """Last, this and next week, as far as they were fetched."""
    monday = today - timedelta(days=today.weekday())
    weeks = []
    for offset in (-7, 0, 7):
        start = monday + timedelta(days=offset)
        week = fetched.timetables.get(start)
        if week is None:
            continue
        days = []
        for day in week.days:
            free = free_period_on(free_days, day)
            days.append(
                ScheduleDay(
                    day=day,
                    lessons=tuple(_lesson(lesson, names) for lesson in week.lessons_on(day)),
                    free_day=free.name if free else None,
                )
            )
        weeks.append(ScheduleWeek(start=start, days=tuple(days)))
    return tuple(weeks)


def span(start: time | None, end: time | None) -> tuple[time | None, time | None]:
    """A clock span as shown: an end not after its start (a typo) is dropped."""
    if start is not None and end is not None and end <= start:
        return start, None
    return start, end


def _lesson(lesson: TimetableLesson, names: _Names) -> ScheduledLesson:
    status = lesson_status(lesson)
    changed = status != "normal"
    start, end = span(lesson.time_from, lesson.time_to)
    return ScheduledLesson(
        day=lesson.date,
        number=lesson.lesson_no,
        start=start,
        end=end,
        subject=lesson.subject_name or names.subject(lesson.subject_id),
        teacher=lesson.teacher_name or names.person(lesson.teacher_id),
        room=names.room(lesson.classroom_id),
        group=lesson.virtual_class_name,
        status=status,
        note=lesson.substitution_note,
        original_subject=names.subject(lesson.org_subject_id) if changed else None,
        original_teacher=names.person(lesson.org_teacher_id) if changed else None,
        original_room=names.room(lesson.org_classroom_id) if changed else None,
    )


def agenda_kind(category: str | None) -> AgendaKind:
    name = (category or "").lower()
    if "sprawdzian" in name or "test" in name or "praca klasowa" in name:
        return "test"
    if "kartk" in name or "quiz" in name:
        return "quiz"
    if "wycieczk" in name or "trip" in name:
        return "trip"
    if "zebrani" in name or "meeting" in name:
        return "meeting"
    return "other"


def _agenda(fetched: Fetched, names: _Names) -> tuple[AgendaItem, ...]:
    categories = by_id(fetched.agenda_categories)

    def category_name(category_id: str | None) -> str | None:
        found = categories.get(category_id) if category_id else None
        return None if found is None else found.name

    def times(entry: AgendaEntry) -> tuple[time | None, time | None]:
        start, end = span(entry.time_from, entry.time_to)
        return (start, end) if end is not None else (None, None)  # then an all-day entry

    return tuple(
        AgendaItem(
            id=entry.id,
            day=entry.date,
            start=times(entry)[0],
            end=times(entry)[1],
            lesson_number=entry.lesson_no,
            kind=agenda_kind(category_name(entry.category_id)),
            category=category_name(entry.category_id),
            content=entry.content,
            subject=names.subject(entry.subject_id),
            teacher=names.person(entry.created_by_id),
            added=entry.add_date,
        )
        for entry in sorted(fetched.agenda, key=lambda e: (e.date, e.id))
    )


# ------------------------------------------------------------------------------------------
# Grades


def grade_kind(grade: Grade) -> GradeKind:
    if grade.is_final:
        return "final"
    if grade.is_final_proposition:
        return "final_proposition"
    if grade.is_semester:
        return "semester"
    if grade.is_semester_proposition:
        return "semester_proposition"
    return "regular"


def is_new_grade(grade: Grade, today: date) -> bool:
    """Added (its date when Librus sends no ``AddDate``) yesterday or today."""
    added = grade.add_date.date() if grade.add_date else grade.date
    return added >= today - timedelta(days=NEW_GRADE_DAYS)


def _grades(fetched: Fetched, names: _Names, today: date) -> tuple[SemesterGrades, ...]:
    categories = fetched.grade_categories
    category_map = by_id(categories)
    comments = by_id(fetched.grade_comments)
    result = []
    for semester in sorted({grade.semester for grade in fetched.grades}):
        in_semester = [grade for grade in fetched.grades if grade.semester == semester]
        averages = g.subject_averages(in_semester, categories, semester=semester)
        periods = g.period_grades(in_semester)
        per_subject: dict[str, list[GradeItem]] = {}
        for grade in in_semester:
            category = category_map.get(grade.category_id) if grade.category_id else None
            comment = next((comments[c].text for c in grade.comment_ids if c in comments), None)
            per_subject.setdefault(grade.subject_id or "", []).append(
                GradeItem(
                    id=grade.id,
                    subject_id=grade.subject_id,
                    subject=names.subject(grade.subject_id),
                    value=grade.grade,
                    numeric=g.grade_value(grade.grade),
                    weight=category.weight if category else None,
                    counts=g.counted_weight(grade, category) is not None,
                    kind=grade_kind(grade),
                    category=category.name if category else None,
                    day=grade.date,
                    added=grade.add_date,
                    teacher=names.person(grade.added_by_id),
                    comment=comment,
                    semester=grade.semester,
                    is_new=is_new_grade(grade, today),
                )
            )
        subjects = []
        for subject_id, items in sorted(per_subject.items()):
            period = periods.get(subject_id, g.PeriodGrades())
            awarded = g.latest(x for x in (period.semester, period.final) if x is not None)
            proposed = g.latest(
                x for x in (period.semester_proposition, period.final_proposition) if x is not None
            )
            subjects.append(
                SubjectGrades(
                    subject_id=subject_id,
                    subject=names.subject(subject_id) or subject_id,
                    grades=tuple(items),
                    average=averages.get(subject_id),
                    semester_grade=awarded.grade if awarded else None,
                    proposed_grade=proposed.grade if proposed else None,
                )
            )
        result.append(
            SemesterGrades(
                semester=semester,
                subjects=tuple(subjects),
                average=g.overall_average(in_semester, categories, semester=semester),
            )
        )
    return tuple(result)


def _latest_regular(
    grades: Iterable[Grade], semesters: tuple[SemesterGrades, ...]
) -> GradeItem | None:
    latest = g.latest(grade for grade in grades if not grade.is_period_grade)
    if latest is None:
        return None
    return next(
        item
        for semester in semesters
        for subject in semester.subjects
        for item in subject.grades
        if item.id == latest.id
    )


# ------------------------------------------------------------------------------------------
# Attendance


def _attendance(
    fetched: Fetched, semester: int
) -> tuple[tuple[Absence, ...], AttendanceSummary | None]:
    if fetched.attendance is None:
        return (), None
    types_by_id = by_id(fetched.attendance_types)
    absences = []
    lessons = present = unexcused = excused = late = 0
    for item in fetched.attendance:
        kind_type = types_by_id.get(item.type_id)
        kind = kind_type.kind if kind_type else AttendanceKind.OTHER
        if kind in (AttendanceKind.ABSENT, AttendanceKind.EXCUSED):
            absences.append(
                Absence(
                    id=item.id,
                    day=item.date,
                    lesson_number=item.lesson_no,
                    kind=str(kind),
                    type_name=kind_type.name if kind_type else None,
                    semester=item.semester,
                )
            )
        if item.semester != semester:
            continue
        lessons += 1
        if kind_type is not None and kind_type.is_presence_kind:
            present += 1
        unexcused += kind is AttendanceKind.ABSENT
        excused += kind is AttendanceKind.EXCUSED
        late += kind is AttendanceKind.LATE
    summary = AttendanceSummary(
        semester=semester,
        lessons=lessons,
        present=present,
        absent_unexcused=unexcused,
        absent_excused=excused,
        late=late,
        percentage=round(100 * present / lessons, 1) if lessons else None,
    )
    return tuple(absences), summary


# ------------------------------------------------------------------------------------------
# Messages


def preview_text(text: str, limit: int = PREVIEW_CHARS) -> str:
    """Whitespace collapsed; longer than ``limit`` characters: cut there, ending in "…"."""
    collapsed = " ".join(text.split())
    if len(collapsed) <= limit:
        return collapsed
    return collapsed[: limit - 1].rstrip() + "…"


def _messages(fetched: Fetched, missing: frozenset[str]) -> Messages:
    count, page = fetched.messages_unread, fetched.messages
    if count is None or page is None or {"messages_unread", "messages"} & missing:
        return Messages(
            unread=None if count is None or "messages_unread" in missing else count.inbox
        )
    # Librus sends the newest first; a stable sort keeps that order among equal dates.
    newest = sorted(
        page.messages,
        key=lambda m: m.sent.timestamp() if m.sent else float("-inf"),
        reverse=True,
    )
    return Messages(
        available=True,
        unread=count.inbox,
        items=tuple(
            Message(
                id=message.id,
                sender=message.sender,
                topic=message.topic,
                sent=message.sent,
                preview=preview_text(message.preview),
                unread=message.unread,
                has_attachments=message.has_attachments,
            )
            for message in newest[:MESSAGES_SHOWN]
        ),
    )
