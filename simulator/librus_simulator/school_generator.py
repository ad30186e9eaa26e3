"""The generator: a student's deterministic school year, built from a seed and "today".

    year = build_school_year("parent", ("Ola", "Nowak"), date(2026, 11, 28))

Everything is generated relative to an *anchor* — `today` clamped into the school year — so
that around it there is always something to show: grades in the last school days, a test
next week, a quiz in a couple of days, homework due on the next school day, a fresh unread
notice, a parent meeting, a lucky number for today (or the next school day), a substitution
and a cancellation in the coming days. Past data (grades, attendance) is generated per
subject and per day, so it does not change as `today` moves on.

The same `(student, today, seed)` always gives the same data. The records go into a
`SchoolYear` (`school_year.py`) through its `append_*` builders.

Pure: no I/O, no clock, no JSON, no aiohttp.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from .school_calendar import FreeDay, lesson_days, monday, plan_of
from .school_catalogue import (
    AGENDA_MEETING,
    AGENDA_OTHER,
    AGENDA_QUIZ,
    AGENDA_TEST,
    AGENDA_TRIP,
    CATEGORY_ACTIVITY,
    CATEGORY_CLASSWORK,
    CATEGORY_DICTATION,
    CATEGORY_HOMEWORK,
    CATEGORY_ORAL,
    CATEGORY_QUIZ,
    CATEGORY_TEST,
    DEFAULT_CLASS_ID,
    DEFAULT_SCHOOL_ID,
    DEFAULT_STUDENT_USER_ID,
    HEAD_TEACHER_ID,
    LESSON_BY_KEY,
    LESSONS,
    PERIOD_CATEGORY,
    ROMAN_MONTHS,
    SUBJECT_BY_KEY,
    SUBJECTS,
    TOPICS,
    TUTOR_ID,
    TYPE_ABSENT,
    TYPE_CONTEST,
    TYPE_EXCUSED,
    TYPE_LATE,
    TYPE_PRESENT,
    TYPE_RELEASED,
    Lesson,
    PeriodKind,
)
from .school_records import BehaviourPoint, Change, Comment, Note
from .school_year import AccountKind, SchoolYear, unit


def grade_text(value: float) -> str:
    """A grade's text for a value on the 1–6 scale: nearest step of +0.5 / −0.25."""
    base = min(6, max(1, round(value)))
    if value - base >= 0.3 and base < 6:
        return f"{base}+"
    if base - value >= 0.2 and base > 1:
        return f"{base}-"
    return str(base)


def _rng(year: SchoolYear, *parts: object) -> random.Random:
    return random.Random("|".join(map(str, (year.key, *parts))))


def _in_trip(year: SchoolYear, day: date) -> bool:
    return any(trip.covers(day) for trip in year.class_trips)


def _past_days(year: SchoolYear) -> list[date]:
    return [d for d in year.calendar.school_days if d <= year.anchor]


def generate(year: SchoolYear) -> None:
    """Fill an empty `year` with its deterministic register."""
    _generate_trips(year)
    _generate_timetable_changes(year)
    _generate_grades(year)
    _generate_attendance(year)
    _generate_agenda(year)
    _generate_assignments(year)
    _generate_notices(year)
    _generate_notes(year)
    _generate_behaviour(year)


def _generate_trips(year: SchoolYear) -> None:
    past = [d for d in year.calendar.school_days if d < year.anchor]
    future = [d for d in year.calendar.school_days if d > year.anchor]
    if len(past) > 25:
        day = past[25]
        year.class_trips.append(FreeDay(501, "Wycieczka do muzeum", day, day))
    if len(future) > 12:
        day = future[12]
        year.class_trips.append(FreeDay(502, "Wycieczka klasowa", day, day))


def _generate_timetable_changes(year: SchoolYear) -> None:
    teachers_by_subject = {lesson.subject: lesson for lesson in LESSONS if not lesson.virtual_class}
    for day in year.calendar.school_days:
        if _in_trip(year, day):
            for number, _ in plan_of(day):
                year.changes[(day, number)] = Change(canceled=True)
            continue
        for number, keys in plan_of(day):
            if len(keys) > 1:
                continue  # keep split groups plain
            roll = unit(year.key, "change", day, number)
            if roll < 0.02:
                year.changes[(day, number)] = Change(canceled=True)
            elif roll < 0.05:
                year.changes[(day, number)] = Change(
                    substitute=_substitute_for(year, keys[0], day, number, teachers_by_subject)
                )
    # Always something in the coming days: a substitution on the next school day and a
    # cancellation two school days later.
    upcoming = [d for d in year.calendar.school_days if d > year.anchor][:3]
    if upcoming:
        number, keys = plan_of(upcoming[0])[1]
        year.changes[(upcoming[0], number)] = Change(
            substitute=_substitute_for(year, keys[0], upcoming[0], number, teachers_by_subject)
        )
    if len(upcoming) >= 3:
        number, _ = plan_of(upcoming[2])[-1]
        year.changes[(upcoming[2], number)] = Change(canceled=True)


def _substitute_for(
    year: SchoolYear, lesson_key: str, day: date, number: int, by_subject: dict[str, Lesson]
) -> str:
    original = LESSON_BY_KEY[lesson_key]
    candidates = sorted(
        lesson.key
        for lesson in by_subject.values()
        if lesson.teacher_id != original.teacher_id and lesson.subject != original.subject
    )
    return candidates[int(unit(year.key, "substitute", day, number) * len(candidates))]


def _generate_grades(year: SchoolYear) -> None:
    past = _past_days(year)
    for subject in SUBJECTS:
        if not subject.graded:
            continue
        lesson = year.subject_lesson(subject.key)
        rng = _rng(year, "grades", subject.key)
        ability = 3.4 + rng.random() * 2.2  # this student's level in the subject
        chance = 0.45 if subject.key in {"jp", "mat", "ja"} else 0.3
        for day, number in lesson_days(lesson.key, past):
            if not year.held(day, number) or rng.random() >= chance:
                continue
            category, text = _random_grade(rng, subject.key, ability)
            comment = None
            if category == CATEGORY_TEST and rng.random() < 0.5:
                topics = TOPICS.get(subject.key, ("Sprawdzian",))
                comment = f"Sprawdzian: {topics[int(rng.random() * len(topics))]}"
            grade_id = year.append_grade(
                subject.key, text, category, day, comment=comment, clock=time(15, 12)
            )
            if text in {"1", "2-"} and category == CATEGORY_TEST:
                _correction(year, grade_id, subject.key, day, past, ability)
        _period_grades(year, subject.key, ability)
    _recent_grades(year)


def _random_grade(rng: random.Random, subject: str, ability: float) -> tuple[int, str]:
    roll = rng.random()
    if roll < 0.08:
        return CATEGORY_ACTIVITY, "+" if rng.random() < 0.8 else "-"
    if roll < 0.11:
        return CATEGORY_ORAL, "np"
    if roll < 0.13:
        return CATEGORY_HOMEWORK, "bz"
    category = rng.choice(
        (CATEGORY_QUIZ, CATEGORY_QUIZ, CATEGORY_TEST, CATEGORY_ORAL, CATEGORY_HOMEWORK,
         CATEGORY_CLASSWORK)
        + ((CATEGORY_DICTATION,) if subject == "jp" else ())
    )  # fmt: skip
    return category, grade_text(rng.gauss(ability, 0.9))


def _correction(
    year: SchoolYear, grade_id: int, subject: str, day: date, past: list[date], ability: float
) -> None:
    later = [d for d, _ in lesson_days(year.subject_lesson(subject).key, past) if d > day]
    if len(later) > 3:
        text = grade_text(max(ability, 3.0))
        year.append_grade(
            subject, text, CATEGORY_TEST, later[3], improvement=grade_id, clock=time(16, 5)
        )


def _period_grades(year: SchoolYear, subject: str, ability: float) -> None:
    """Semester/final propositions and grades once their dates have passed."""
    cal = year.calendar
    final_text = str(min(6, max(1, round(ability))))
    milestones: tuple[tuple[PeriodKind, date], ...] = (
        ("semester_proposition", cal.end_first_semester - timedelta(days=21)),
        ("semester", cal.end_first_semester - timedelta(days=4)),
        ("final_proposition", cal.end - timedelta(days=21)),
        ("final", cal.end - timedelta(days=4)),
    )
    for kind, when in milestones:
        day = cal.next_school_day(when, include=True)
        if day is not None and day <= year.anchor:
            year.append_grade(subject, final_text, PERIOD_CATEGORY[kind], day, kind=kind)


def _recent_grades(year: SchoolYear) -> None:
    """Grades on the last school days up to the anchor, whatever the dice said."""
    for offset, day in enumerate(year.calendar.previous_school_days(year.anchor, 2)):
        if any(grade.day == day for grade in year.grades):
            continue
        for number, keys in plan_of(day):
            lesson = LESSON_BY_KEY[keys[0]]
            if SUBJECT_BY_KEY[lesson.subject].graded and year.held(day, number):
                text = ("5", "4+")[offset % 2]
                clock = time(8, 5) if day == year.today else time(14, 40)
                year.append_grade(lesson.subject, text, CATEGORY_QUIZ, day, clock=clock)
                break


def _generate_attendance(year: SchoolYear) -> None:
    cal = year.calendar
    past = [d for d in cal.school_days if d < year.anchor]
    rng = _rng(year, "attendance")
    sick: set[date] = set()
    if len(past) > 15:
        start = len(past) - 15
        sick = {past[start], past[start + 1]}  # two days off sick, excused later
    unexcused = past[-6] if len(past) > 6 else None
    contest = past[-9] if len(past) > 9 else None
    for day in past:
        plan = plan_of(day)
        for number, keys in plan:
            if not year.held(day, number):
                continue
            own = next(key for key in keys if key in year.own_lessons)
            change = year.changes.get((day, number), Change())
            lesson = LESSON_BY_KEY[change.substitute or own]
            type_id = TYPE_PRESENT
            if day in sick:
                type_id = TYPE_EXCUSED
            elif day == unexcused and number == plan[-1][0]:
                type_id = TYPE_ABSENT
            elif day == contest and number in {3, 4}:
                type_id = TYPE_CONTEST
            elif number == plan[0][0] and rng.random() < 0.03:
                type_id = TYPE_LATE
            elif number == plan[-1][0] and rng.random() < 0.01:
                type_id = TYPE_RELEASED
            year.append_attendance(day, number, lesson, type_id)
    # Today's first lesson is already marked when the anchor is a school day.
    if cal.is_school_day(year.anchor) and year.anchor < cal.end:
        number, keys = plan_of(year.anchor)[0]
        if year.held(year.anchor, number):
            own = next(key for key in keys if key in year.own_lessons)
            year.append_attendance(year.anchor, number, LESSON_BY_KEY[own], TYPE_PRESENT)


def _generate_agenda(year: SchoolYear) -> None:
    school_days = year.calendar.school_days
    rng = _rng(year, "agenda")
    # A test in every main subject about once a month, all year long (past and future).
    for subject in ("jp", "mat", "ja", "hi", "bio", "ge"):
        lesson = year.subject_lesson(subject)
        days = lesson_days(lesson.key, school_days)
        topics = TOPICS.get(subject, ("Sprawdzian",))
        for index in range(int(rng.random() * 4) + 3, len(days), 9):
            day, number = days[index]
            topic = topics[(index // 9) % len(topics)]
            year.append_agenda(
                f"Sprawdzian: {topic}", day, AGENDA_TEST, subject=subject, lesson_no=number
            )
    upcoming = [d for d in school_days if d > year.anchor]
    next_monday = monday(year.anchor) + timedelta(days=7)
    next_week = [d for d in upcoming if next_monday <= d < next_monday + timedelta(days=7)]
    # A test next week (maths), a quiz in a couple of school days (Polish).
    for day, number in lesson_days("mat", next_week)[:1]:
        year.append_agenda(
            "Sprawdzian: ułamki — rozdział 3", day, AGENDA_TEST, subject="mat", lesson_no=number
        )
    for day, number in lesson_days("jp", upcoming[1:5])[:1]:
        year.append_agenda(
            "Kartkówka z lektury", day, AGENDA_QUIZ, subject="jp", lesson_no=number,
            classroom=True,
        )  # fmt: skip
    # A parent meeting (no lesson, no subject, after school) and a school-wide event.
    if len(upcoming) > 4:
        year.append_agenda(
            "Zebranie z rodzicami — sala C1", upcoming[4], AGENDA_MEETING,
            time_from=time(17, 0), time_to=time(18, 0),
        )  # fmt: skip
    if len(upcoming) > 8:
        year.append_agenda("Apel szkolny", upcoming[8], AGENDA_OTHER, lesson_no=3)
    for trip in year.class_trips:
        year.append_agenda(trip.name, trip.date_from, AGENDA_TRIP, lesson_no=1)


def _generate_assignments(year: SchoolYear) -> None:
    past = _past_days(year)
    for index, (day, _) in enumerate(lesson_days("jp", past)[::4]):
        year.append_assignment(
            "jp", f"Wypracowanie nr {index + 1}", "Napisz wypracowanie (min. 150 słów).",
            day, day + timedelta(days=7), with_file=index == 0,
        )  # fmt: skip
    upcoming = year.calendar.next_school_day(year.anchor)
    if upcoming is not None:
        given = year.calendar.previous_school_days(year.anchor, 3)[-1]
        year.append_assignment(
            "mat", "Zadania z ułamków", "Podręcznik str. 54, zad. 1–6.", given, upcoming,
            with_category=True,
        )  # fmt: skip


def _generate_notices(year: SchoolYear) -> None:
    begin = year.calendar.begin
    year.append_notice(
        "Rozpoczęcie roku szkolnego",
        "Uroczyste rozpoczęcie roku szkolnego odbędzie się o godz. 9:00 w sali gimnastycznej.",
        begin - timedelta(days=4),
        begin,
        added_by=HEAD_TEACHER_ID,
        was_read=True,
    )
    if year.anchor > begin + timedelta(days=30):
        created = begin + timedelta(days=30)
        year.append_notice(
            "Ubezpieczenie NNW",
            "<p>Przypominamy o opłaceniu ubezpieczenia NNW do końca miesiąca.</p>",
            created,
            created + timedelta(days=14),
            added_by=f"LID-AUTH-USER-{year.school_id}-3A9ACCC76602A9382779",
            was_read=True,
        )
    created = max(begin, year.anchor - timedelta(days=1))
    year.append_notice(
        "Zebrania z rodzicami",
        "Zapraszamy na zebrania z rodzicami.\nSzczegóły u wychowawców klas.",
        created,
        created + timedelta(days=10),
        added_by=TUTOR_ID,
        was_read=False,
    )


def _generate_notes(year: SchoolYear) -> None:
    past = _past_days(year)
    notes = (
        (40, "Uczeń przeszkadzał na lekcji.", 0, 3, "mat"),
        (20, "Informacja: zwrot podręczników do biblioteki.", 2, 5, "jp"),
        (1, "Pomoc w organizacji apelu — dziękujemy!", 1, 4, "hi"),
    )
    for back, text, positive, category, subject in notes:
        if len(past) > back:
            teacher = year.subject_lesson(subject).teacher_id
            year.notes.append(
                Note(year.new_id("note"), text, category, teacher, past[-1 - back], positive)
            )


def _generate_behaviour(year: SchoolYear) -> None:
    """A classic-scale monthly behaviour grade for every month that has ended."""
    cal = year.calendar
    month = date(cal.begin.year, cal.begin.month, 1)
    while True:
        following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
        added = cal.next_school_day(following, include=True)
        if added is None or added > year.anchor or following > cal.end:
            break
        comment_id = year.new_id("behaviour_comment")
        label = f"{ROMAN_MONTHS[month.month - 1]}/{month.year % 100:02d}"
        grade = "2" if unit(year.key, "behaviour", month) < 0.6 else "1"
        year.behaviour.append(
            BehaviourPoint(
                id=year.new_id("behaviour"),
                grade_type=grade,
                semester=cal.semester_of(month),
                added=datetime.combine(added, time(8, 20, 25)),
                added_by=TUTOR_ID,
                comment=Comment(comment_id, f"Ocena zachowania miesiąc za {label}"),
            )
        )
        month = following


def build_school_year(
    account_kind: str,
    student: tuple[str, str],
    today: date,
    seed: int = 0,
    *,
    school_id: int = DEFAULT_SCHOOL_ID,
    class_id: int = DEFAULT_CLASS_ID,
    student_user_id: int = DEFAULT_STUDENT_USER_ID,
) -> SchoolYear:
    """Build the deterministic school year of `student` ("First", "Last") as of `today`.

    `account_kind` is "parent" or "student" (only `UserProfile.AccountType` differs).
    `school_id`, `class_id` and `student_user_id` should match the account's `Me` (the
    simulator's `Account.school_id`, `.class_id`, `.student_user_id`).
    """
    if account_kind not in ("parent", "student"):
        raise ValueError(f"account_kind must be 'parent' or 'student': {account_kind!r}")
    kind: AccountKind = "parent" if account_kind == "parent" else "student"
    year = SchoolYear(
        account_kind=kind,
        student=student,
        today=today,
        seed=seed,
        school_id=school_id,
        class_id=class_id,
        student_user_id=student_user_id,
    )
    generate(year)
    return year
