"""A deterministic school year of gateway data for one student.

`build_school_year(...)` returns a `SchoolYear` that answers gateway data paths in the real
response shapes and quirks (`librus-api.md` §3; `../reference/responses/`):

    year = build_school_year("parent", ("Ola", "Nowak"), date(2026, 11, 28))
    status, body = year.resource("Timetables", {"weekStart": "2026-11-30"})

The year runs from 1 September to the Friday after 20 June (2026-09-01 … 2027-06-25 for the
project's year), split into two semesters at `EndFirstSemester` (the last Friday of
January), with Polish public holidays, a Christmas break, two weeks of winter holidays and
the Easter break as `SchoolFreeDays`. 2026/27 is built for any `today` from July 2026 to
August 2027 (the summer before it included); for other dates, the September–August school
year containing `today`.

Everything is generated relative to an *anchor* — `today` clamped into the school year — so
that around it there is always something to show: grades in the last school days, a test
next week, a quiz in a couple of days, homework due on the next school day, a fresh unread
notice, a parent meeting, a lucky number for today (or the next school day), a substitution
and a cancellation in the coming days. Past data (grades, attendance) is generated per
subject and per day, so it does not change as `today` moves on.

The same `(student, today, seed)` always gives the same data; the account kind only changes
`UserProfile.AccountType` (a parent and the student see the same register).

Mutators (`add_grade`, `add_notice`, `add_absence`, `add_agenda_entry`) let tests change the
register and return the new id (as text, like the client's models).

This module is pure: no I/O, no clock, no aiohttp. The gateway wires it in through
`RESOURCE_PATTERNS` (step name, path pattern) and `SchoolYear.resource(path, query)`.
"""

from __future__ import annotations

import copy
import hashlib
import random
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, Final, Literal

from .envelope import api_url, envelope, error_body

type Json = dict[str, Any]
type Reply = tuple[int, Json]
type PeriodKind = Literal[
    "regular", "semester_proposition", "semester", "final_proposition", "final"
]

# (step name, gateway path pattern) of every path `SchoolYear.resource` answers; `{ids}` is
# one id or a comma-separated list. `Me` is served elsewhere.
RESOURCE_PATTERNS: Final[tuple[tuple[str, str], ...]] = (
    ("user_profile", "UserProfile"),
    ("classes", "Classes"),
    ("schools", "Schools"),
    ("users", "Users"),
    ("users", "Users/{ids}"),
    ("subjects", "Subjects"),
    ("subjects", "Subjects/{ids}"),
    ("lessons", "Lessons"),
    ("lessons", "Lessons/{ids}"),
    ("classrooms", "Classrooms"),
    ("classrooms", "Classrooms/{ids}"),
    ("colors", "Colors"),
    ("lucky_numbers", "LuckyNumbers"),
    ("grades", "Grades"),
    ("grade_categories", "Grades/Categories"),
    ("grade_categories", "Grades/Categories/{ids}"),
    ("grade_comments", "Grades/Comments"),
    ("grade_comments", "Grades/Comments/{ids}"),
    ("attendances", "Attendances"),
    ("attendance_types", "Attendances/Types"),
    ("timetables", "Timetables"),
    ("homeworks", "HomeWorks"),
    ("homework_categories", "HomeWorks/Categories"),
    ("homework_assignments", "HomeWorkAssignments"),
    ("school_notices", "SchoolNotices"),
    ("school_free_days", "SchoolFreeDays"),
    ("class_free_days", "ClassFreeDays"),
    ("notes", "Notes"),
    ("note_categories", "Notes/Categories"),
    ("behaviour_points", "BehaviourGrades/Points"),
    ("behaviour_point_comments", "BehaviourGrades/Points/Comments"),
    ("behaviour_types", "BehaviourGrades/Types"),
)

DEFAULT_SCHOOL_ID: Final = 8315
DEFAULT_CLASS_ID: Final = 69300
DEFAULT_STUDENT_USER_ID: Final = 1600001
PROJECT_SCHOOL_YEAR: Final = 2026  # 2026-09-01 … 2027-06-25

# --------------------------------------------------------------------------------------------
# The school: static data in the real shapes (ids, names and settings of one Polish primary
# school, class 6d). Names are invented.

CLASS_NUMBER: Final = 6
CLASS_SYMBOL: Final = "d"
UNIT_ID: Final = 2529
SLOTS_PER_DAY: Final = 9  # lesson 0 … 8; every day has the same number of slots

LESSON_HOURS: Final[tuple[tuple[str, str] | None, ...]] = (
    None,  # lesson 0 is unused: its LessonsRange slot is all null
    ("07:45", "08:30"),
    ("08:40", "09:25"),
    ("09:35", "10:20"),
    ("10:30", "11:15"),
    ("11:25", "12:10"),
    ("12:20", "13:05"),
    ("13:30", "14:15"),
    ("14:25", "15:10"),
    ("15:20", "16:05"),
    ("16:10", "16:55"),
)


@dataclass(frozen=True, slots=True)
class _Subject:
    key: str
    id: int
    name: str
    short: str
    no: int
    graded: bool = True


SUBJECTS: Final[tuple[_Subject, ...]] = (
    _Subject("bio", 25672, "Biologia", "bio", 1),
    _Subject("ge", 25676, "Geografia", "ge", 5),
    _Subject("gw", 25677, "Godzina wychowawcza", "gw", 6, graded=False),
    _Subject("hi", 25678, "Historia", "hi", 7),
    _Subject("inf", 25680, "Informatyka", "inf", 9),
    _Subject("ja", 25681, "Język angielski", "ja", 10),
    _Subject("jn", 25682, "Język niemiecki", "jn", 11),
    _Subject("jp", 25683, "Język polski", "jp", 12),
    _Subject("mat", 25684, "Matematyka", "mat", 13),
    _Subject("muz", 25685, "Muzyka", "muz", 14),
    _Subject("pl", 25686, "Plastyka", "pla", 15),
    _Subject("rel", 25687, "Religia", "rel", 16),
    _Subject("tech", 25688, "Technika", "tech", 17),
    _Subject("wf", 25690, "Wychowanie fizyczne", "wf", 19),
    _Subject("wdz", 25691, "Wychowanie do życia w rodzinie", "wdż", 20, graded=False),
)
_SUBJECT_BY_KEY: Final = {subject.key: subject for subject in SUBJECTS}


@dataclass(frozen=True, slots=True)
class _Staff:
    id: int
    first_name: str | None
    last_name: str
    group_id: int = 4
    is_administrator: bool = False
    is_pedagogue: bool = False


TUTOR_ID: Final = 1493245
HEAD_TEACHER_ID: Final = 1493500
SECRETARIAT_ID: Final = 1486358
STAFF: Final[tuple[_Staff, ...]] = (
    _Staff(1486356, None, "administrator", group_id=2, is_administrator=True),
    _Staff(SECRETARIAT_ID, None, "sekretariat", group_id=7),
    _Staff(TUTOR_ID, "Barbara", "Krawczyk"),
    _Staff(1493416, "Joanna", "Woźniak"),
    _Staff(1493420, "Katarzyna", "Lewandowska"),
    _Staff(1493421, "Paweł", "Zieliński"),
    _Staff(1493422, "Monika", "Wójcik"),
    _Staff(1493423, "Tomasz", "Kamiński"),
    _Staff(1493424, "Agnieszka", "Dąbrowska"),
    _Staff(1493425, "Piotr", "Mazur"),
    _Staff(1493426, "Marcin", "Król"),
    _Staff(1493427, "Ewa", "Jankowska"),
    _Staff(1493428, "Anna", "Kowalczyk"),
    _Staff(1493429, "Michał", "Nowicki"),
    _Staff(1493430, "Adam", "Pawlak"),
    _Staff(1493431, "Magdalena", "Grabowska"),
    _Staff(HEAD_TEACHER_ID, "Ewa", "Dyrektorska", group_id=3),
    _Staff(1493501, "Iwona", "Bartkowiak - logopeda", group_id=10, is_pedagogue=True),
    _Staff(1493502, "Renata", "Sikora", group_id=10, is_pedagogue=True),
)


@dataclass(frozen=True, slots=True)
class _Lesson:
    """A `Lessons` entry: who teaches which subject to whom (class or a virtual group)."""

    key: str
    id: int
    subject: str
    teacher_id: int
    classroom_id: int
    virtual_class: tuple[int, str] | None = None


CLASSROOMS: Final[tuple[tuple[int, str, str, bool], ...]] = (
    (655, "świetlica szkolna", "świetlica", True),
    (2187, "A2", "A2", False),
    (2188, "A6", "A6", False),
    (2189, "A7", "A7", False),
    (2190, "B4", "B4", False),
    (2191, "B5", "B5", False),
    (2192, "B6", "B6", False),
    (2193, "Basen", "BA", False),
    (2194, "C1", "C1", False),
    (2195, "pracownia komputerowa", "PK", False),
    (2196, "C2", "C2", False),
    (2197, "sala gimnastyczna", "SG", False),
)

LESSONS: Final[tuple[_Lesson, ...]] = (
    _Lesson("jp", 3393606, "jp", TUTOR_ID, 2194),
    _Lesson("gw", 3393607, "gw", TUTOR_ID, 2194),
    _Lesson("mat", 3393609, "mat", 1493416, 2190),
    _Lesson("ja1", 3393611, "ja", 1493420, 2188, (720845, "6d ja1")),
    _Lesson("ja2", 3393612, "ja", 1493421, 2189, (720846, "6d ja2")),
    _Lesson("jn", 3393613, "jn", 1493422, 2189),
    _Lesson("hi", 3393614, "hi", 1493423, 2191),
    _Lesson("bio", 3393615, "bio", 1493424, 2192),
    _Lesson("ge", 3393616, "ge", 1493425, 2192),
    _Lesson("inf", 3393617, "inf", 1493426, 2195),
    _Lesson("tech", 3393618, "tech", 1493426, 2187),
    _Lesson("pl", 3393619, "pl", 1493427, 2196),
    _Lesson("muz", 3393620, "muz", 1493427, 2196),
    _Lesson("wf_dz", 3393621, "wf", 1493428, 2197, (720847, "6d wf dz")),
    _Lesson("wf_ch", 3393622, "wf", 1493429, 2197, (720848, "6d wf ch")),
    _Lesson("rel", 3393623, "rel", 1493430, 2187),
    _Lesson("wdz", 3393624, "wdz", 1493431, 2191),
)
_LESSON_BY_KEY: Final = {lesson.key: lesson for lesson in LESSONS}

# The standing weekly plan: weekday (1 = Monday) → (lesson number, lesson keys). Two keys in
# one slot = a split class (both groups are listed, as in the real timetable). Wednesday
# starts with lesson 2, so lesson 1 is an empty slot.
WEEK_PLAN: Final[Mapping[int, tuple[tuple[int, tuple[str, ...]], ...]]] = {
    1: ((1, ("mat",)), (2, ("jp",)), (3, ("jp",)), (4, ("ja1", "ja2")), (5, ("hi",)),
        (6, ("wf_dz", "wf_ch")), (7, ("rel",))),
    2: ((1, ("mat",)), (2, ("bio",)), (3, ("ja1", "ja2")), (4, ("jp",)), (5, ("pl",)),
        (6, ("gw",))),
    3: ((2, ("ge",)), (3, ("mat",)), (4, ("jp",)), (5, ("wf_dz", "wf_ch")), (6, ("inf",)),
        (7, ("muz",))),
    4: ((1, ("jp",)), (2, ("mat",)), (3, ("hi",)), (4, ("tech",)), (5, ("wf_dz", "wf_ch")),
        (6, ("rel",))),
    5: ((1, ("ja1", "ja2")), (2, ("mat",)), (3, ("bio",)), (4, ("jp",)), (5, ("jn",)),
        (6, ("wdz",))),
}  # fmt: skip
_TIMETABLE_ENTRY_BASE: Final = 1023295

COLORS: Final[tuple[tuple[int, str, str], ...]] = (
    (1, "F0E68C", "khaki"),
    (5, "87CEFA", "lightskyblue"),
    (16, "FFD700", "gold"),
    (17, "98FB98", "palegreen"),
    (20, "DDA0DD", "plum"),
    (21, "FFA07A", "lightsalmon"),
    (23, "B0C4DE", "lightsteelblue"),
    (27, "FF6347", "tomato"),
    (29, "D3D3D3", "lightgray"),
)

# Grade categories: (id, name, short, weight, counts, colour id, special flag).
CATEGORY_QUIZ: Final = 164148
CATEGORY_TEST: Final = 164149
CATEGORY_ORAL: Final = 164150
CATEGORY_HOMEWORK: Final = 164151
CATEGORY_ACTIVITY: Final = 164152
CATEGORY_CLASSWORK: Final = 164153
CATEGORY_DICTATION: Final = 164154
CATEGORY_SEMESTER_PROPOSITION: Final = 164160
CATEGORY_SEMESTER: Final = 164161
CATEGORY_FINAL_PROPOSITION: Final = 164162
CATEGORY_FINAL: Final = 164163
GRADE_CATEGORIES: Final[tuple[tuple[int, str, str | None, int | None, bool, int, str], ...]] = (
    (CATEGORY_QUIZ, "kartkówka", "kart", 2, True, 16, ""),
    (CATEGORY_TEST, "sprawdzian", "spr", 3, True, 27, ""),
    (CATEGORY_ORAL, "odpowiedź ustna", "odp", 1, True, 5, ""),
    (CATEGORY_HOMEWORK, "praca domowa", "pd", 1, True, 17, ""),
    (CATEGORY_ACTIVITY, "aktywność", "akt", None, False, 20, ""),  # marks; Weight absent
    (CATEGORY_CLASSWORK, "praca na lekcji", "pnl", 1, True, 21, ""),
    (CATEGORY_DICTATION, "dyktando", None, 2, True, 23, ""),  # Short absent
    (CATEGORY_SEMESTER_PROPOSITION, "przewidywana śródroczna", None, None, False, 1,
     "IsSemestralProposition"),
    (CATEGORY_SEMESTER, "śródroczna", None, None, False, 1, "IsSemestral"),
    (CATEGORY_FINAL_PROPOSITION, "przewidywana roczna", None, None, False, 1,
     "IsFinalProposition"),
    (CATEGORY_FINAL, "roczna", None, None, False, 1, "IsFinal"),
)  # fmt: skip
_PERIOD_CATEGORY: Final[Mapping[str, int]] = {
    "semester_proposition": CATEGORY_SEMESTER_PROPOSITION,
    "semester": CATEGORY_SEMESTER,
    "final_proposition": CATEGORY_FINAL_PROPOSITION,
    "final": CATEGORY_FINAL,
}

# Attendance types: standard 1/2/3/4/100 plus school-specific ones with a StandardType.
TYPE_ABSENT: Final = 1
TYPE_LATE: Final = 2
TYPE_EXCUSED: Final = 3
TYPE_RELEASED: Final = 4
TYPE_PRESENT: Final = 100
TYPE_TRIP: Final = 1266
TYPE_CONTEST: Final = 2022
TYPE_SANATORIUM: Final = 1685
ATTENDANCE_TYPES: Final[tuple[Json, ...]] = (
    {"Id": TYPE_ABSENT, "Name": "Nieobecność", "Short": "nb", "Standard": True,
     "ColorRGB": "F7F8AA", "IsPresenceKind": False, "Order": 3, "Identifier": "nb"},
    {"Id": TYPE_LATE, "Name": "Spóźnienie", "Short": "sp", "Standard": True,
     "ColorRGB": "EDE049", "IsPresenceKind": True, "Order": 4, "Identifier": "sp"},
    {"Id": TYPE_EXCUSED, "Name": "Nieobecność uspr.", "Short": "u", "Standard": True,
     "ColorRGB": "A0C771", "IsPresenceKind": False, "Order": 2, "Identifier": "u"},
    {"Id": TYPE_RELEASED, "Name": "Zwolnienie", "Short": "zw", "Standard": True,
     "ColorRGB": "A0C771", "IsPresenceKind": True, "Order": 5, "Identifier": "zw"},
    {"Id": TYPE_PRESENT, "Name": "Obecność", "Short": "ob", "Standard": True,
     "ColorRGB": "D3D3D3", "IsPresenceKind": True, "Order": 1, "Identifier": "ob"},
    {"Id": TYPE_TRIP, "Name": "Wycieczka", "Short": "wy", "Standard": False,
     "IsPresenceKind": True, "Order": 6, "Identifier": "wy", "StandardType": TYPE_PRESENT},
    {"Id": TYPE_CONTEST, "Name": "Konkurs szkolny", "Short": "k", "Standard": False,
     "ColorRGB": "87CEFA", "IsPresenceKind": True, "Order": 7, "Identifier": "k",
     "StandardType": TYPE_PRESENT},
    {"Id": TYPE_SANATORIUM, "Name": "Pobyt w sanatorium", "Short": "san", "Standard": False,
     "IsPresenceKind": True, "Order": 8, "Identifier": "san", "StandardType": TYPE_PRESENT},
)  # fmt: skip

# Agenda (HomeWorks) categories: per-school names, a duplicated name with another id.
AGENDA_TEST: Final = 7982
AGENDA_EXTRA_1: Final = 8359
AGENDA_HOMEWORK: Final = 8360
AGENDA_DICTATION: Final = 8361
AGENDA_QUIZ: Final = 8363
AGENDA_EXTRA_2: Final = 8364
AGENDA_TRIP: Final = 8365
AGENDA_MEETING: Final = 8366
AGENDA_OTHER: Final = 8367
AGENDA_CATEGORIES: Final[tuple[tuple[int, str, int], ...]] = (
    (AGENDA_TEST, "Sprawdzian", 27),
    (AGENDA_EXTRA_1, "praca dodatkowa", 1),
    (AGENDA_HOMEWORK, "zadanie domowe", 17),
    (AGENDA_DICTATION, "dyktando", 23),
    (AGENDA_QUIZ, "kartkówka", 21),
    (AGENDA_EXTRA_2, "praca dodatkowa", 29),
    (AGENDA_TRIP, "wycieczka", 5),
    (AGENDA_MEETING, "Zebranie z rodzicami", 16),
    (AGENDA_OTHER, "Inne wydarzenia", 20),
)

NOTE_CATEGORIES: Final[tuple[tuple[int, str], ...]] = (
    (3, "Kultura osobista"),
    (4, "Zaangażowanie"),
    (5, "Informacja dla rodziców"),
)
BEHAVIOUR_TYPES: Final[tuple[tuple[str, str, str], ...]] = (
    ("1", "wzorowe", "wz"),
    ("2", "bardzo dobre", "bdb"),
    ("3", "dobre", "db"),
    ("4", "poprawne", "popr"),
    ("5", "nieodpowiednie", "ndp"),
    ("6", "naganne", "ng"),
)
_ROMAN_MONTHS: Final = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")

_TOPICS: Final[Mapping[str, tuple[str, ...]]] = {
    "jp": ("Części mowy", "Lektura: „Akademia pana Kleksa”", "Przypadki rzeczownika", "Opis"),
    "mat": ("Ułamki zwykłe", "Ułamki dziesiętne", "Pola figur", "Liczby ujemne"),
    "ja": ("Present Simple", "Past Simple", "Unit 3 vocabulary", "Irregular verbs"),
    "jn": ("Meine Familie", "Die Schule", "Zahlen bis 100"),
    "hi": ("Średniowiecze", "Polska Piastów", "Odkrycia geograficzne"),
    "bio": ("Tkanki roślinne", "Bezkręgowce", "Kręgowce"),
    "ge": ("Mapa Polski", "Klimat Europy", "Krajobrazy świata"),
}


# --------------------------------------------------------------------------------------------
# Small helpers


def _ref(kind: str, ident: int | str) -> Json:
    return {"Id": ident, "Url": api_url(f"{kind}/{ident}")}


def _error(status: int, code: str, message: str, path: str) -> Reply:
    return status, error_body(code, message, path)


def _not_found(path: str) -> Reply:
    return _error(404, "NotFound", "Nieprawidłowy węzeł.", path)


def _day(value: date) -> str:
    return value.isoformat()


def _stamp(day: date, clock: time) -> str:
    return datetime.combine(day, clock).strftime("%Y-%m-%d %H:%M:%S")


def _unit(*parts: object) -> float:
    """A stable pseudo-random number in [0, 1) from its inputs (order-independent use)."""
    digest = hashlib.sha256("|".join(map(str, parts)).encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def _easter(year: int) -> date:
    """Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _grade_text(value: float) -> str:
    """A grade's text for a value on the 1–6 scale: nearest step of +0.5 / −0.25."""
    base = min(6, max(1, round(value)))
    if value - base >= 0.3 and base < 6:
        return f"{base}+"
    if base - value >= 0.2 and base > 1:
        return f"{base}-"
    return str(base)


# --------------------------------------------------------------------------------------------
# The calendar


@dataclass(frozen=True, slots=True)
class _FreeDay:
    id: int
    name: str
    date_from: date
    date_to: date


def _school_free_days(start_year: int, end_first_semester: date) -> tuple[_FreeDay, ...]:
    """Public holidays and breaks of a Polish school year starting in `start_year`."""
    y, n = start_year, start_year + 1
    easter = _easter(n)
    winter_start = end_first_semester + timedelta(days=(7 - end_first_semester.weekday()))
    spans = (
        ("Dzień Edukacji Narodowej", date(y, 10, 14), date(y, 10, 14)),
        ("Wszystkich Świętych", date(y, 11, 1), date(y, 11, 1)),
        ("Narodowe Święto Niepodległości", date(y, 11, 11), date(y, 11, 11)),
        ("Zimowa przerwa świąteczna", date(y, 12, 23), date(y, 12, 31)),
        ("Nowy Rok", date(n, 1, 1), date(n, 1, 1)),
        ("Święto Trzech Króli", date(n, 1, 6), date(n, 1, 6)),
        ("Ferie zimowe", winter_start, winter_start + timedelta(days=13)),
        ("Wiosenna przerwa świąteczna", easter - timedelta(days=3), easter + timedelta(days=2)),
        ("Święto Pracy i Konstytucji 3 Maja", date(n, 5, 1), date(n, 5, 3)),
        ("Boże Ciało", easter + timedelta(days=60), easter + timedelta(days=61)),
    )
    return tuple(
        _FreeDay(4101 + index, name, start, end) for index, (name, start, end) in enumerate(spans)
    )


def _school_year_start(today: date) -> int:
    """2026 from July 2026 to August 2027; otherwise the September–August year of `today`."""
    if date(PROJECT_SCHOOL_YEAR, 7, 1) <= today <= date(PROJECT_SCHOOL_YEAR + 1, 8, 31):
        return PROJECT_SCHOOL_YEAR
    return today.year if today.month >= 9 else today.year - 1


# --------------------------------------------------------------------------------------------
# SchoolYear


class SchoolYear:
    """One student's register for one school year; see the module docstring.

    Build it with `build_school_year`. `resource(path, query)` answers gateway paths with
    `(HTTP status, JSON body)`; the mutators change the register for tests.
    """

    def __init__(
        self,
        *,
        account_kind: Literal["parent", "student"],
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
        self._key = f"librus-sim|{seed}|{student[0]} {student[1]}"

        start_year = _school_year_start(today)
        self.start_year = start_year
        self.begin = date(start_year, 9, 1)
        while self.begin.weekday() >= 5:  # a weekend 1 September moves to Monday
            self.begin += timedelta(days=1)
        end = date(start_year + 1, 6, 21)
        while end.weekday() != 4:  # the first Friday after 20 June
            end += timedelta(days=1)
        self.end = end
        last_january = date(start_year + 1, 1, 31)
        self.end_first_semester = last_january - timedelta(days=(last_january.weekday() - 4) % 7)
        self.free_days = _school_free_days(start_year, self.end_first_semester)
        self.school_days: tuple[date, ...] = tuple(
            day
            for day in (self.begin + timedelta(days=n) for n in range((end - self.begin).days + 1))
            if day.weekday() < 5
            and not any(f.date_from <= day <= f.date_to for f in self.free_days)
        )
        self._school_day_set = frozenset(self.school_days)
        # Everything "around today" hangs on the anchor: today clamped into the school year.
        self.anchor = min(max(today, self.begin), self.end)

        # The student's own groups of split subjects (the other group is listed too).
        girl = student[0].strip().lower().endswith("a")
        self.own_lessons: frozenset[str] = frozenset(
            lesson.key
            for lesson in LESSONS
            if lesson.key not in {"ja2", "wf_ch" if girl else "wf_dz"}
        )

        self._class_trips: list[_FreeDay] = []
        self._changes: dict[tuple[date, int], Json] = {}
        self._grades: list[Json] = []
        self._grade_comments: list[Json] = []
        self._attendances: dict[tuple[str, int], Json] = {}  # one record per (day, lesson)
        self._agenda: list[Json] = []
        self._assignments: list[Json] = []
        self._notices: list[Json] = []
        self._notes: list[Json] = []
        self._behaviour: list[Json] = []
        self._behaviour_comments: list[Json] = []
        self._next_ids: dict[str, int] = {
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
        self._generate()

    # ---------------------------------------------------------------- calendar helpers

    def is_school_day(self, day: date) -> bool:
        """A weekday of the school year that is not a school free day."""
        return day in self._school_day_set

    def next_school_day(self, day: date, *, include: bool = False) -> date | None:
        """The first school day after `day` (or on it, with `include`)."""
        for candidate in self.school_days:
            if candidate > day or (include and candidate == day):
                return candidate
        return None

    def previous_school_days(self, day: date, count: int) -> list[date]:
        """Up to `count` school days on or before `day`, newest first."""
        return [d for d in reversed(self.school_days) if d <= day][:count]

    def semester_of(self, day: date) -> int:
        return 1 if day <= self.end_first_semester else 2

    def _plan(self, day: date) -> tuple[tuple[int, tuple[str, ...]], ...]:
        return WEEK_PLAN.get(day.isoweekday(), ())

    def _own_lesson_at(self, day: date, lesson_no: int) -> _Lesson | None:
        for number, keys in self._plan(day):
            if number == lesson_no:
                for key in keys:
                    if key in self.own_lessons:
                        return _LESSON_BY_KEY[key]
        return None

    def _lesson_days(self, lesson_key: str, days: Iterable[date]) -> list[tuple[date, int]]:
        """(day, lesson number) of every `lesson_key` lesson on `days`."""
        found = []
        for day in days:
            for number, keys in self._plan(day):
                if lesson_key in keys:
                    found.append((day, number))
        return found

    def _subject_lesson(self, subject_key: str) -> _Lesson:
        for lesson in LESSONS:
            if lesson.subject == subject_key and lesson.key in self.own_lessons:
                return lesson
        raise KeyError(subject_key)

    def _new_id(self, kind: str) -> int:
        value = self._next_ids[kind]
        self._next_ids[kind] = value + 1
        return value

    def _rng(self, *parts: object) -> random.Random:
        return random.Random("|".join(map(str, (self._key, *parts))))

    def _in_trip(self, day: date) -> bool:
        return any(trip.date_from <= day <= trip.date_to for trip in self._class_trips)

    # ---------------------------------------------------------------- generation

    def _generate(self) -> None:
        self._generate_trips()
        self._generate_timetable_changes()
        self._generate_grades()
        self._generate_attendance()
        self._generate_agenda()
        self._generate_assignments()
        self._generate_notices()
        self._generate_notes()
        self._generate_behaviour()

    def _generate_trips(self) -> None:
        past = [d for d in self.school_days if d < self.anchor]
        future = [d for d in self.school_days if d > self.anchor]
        if len(past) > 25:
            day = past[25]
            self._class_trips.append(_FreeDay(501, "Wycieczka do muzeum", day, day))
        if len(future) > 12:
            day = future[12]
            self._class_trips.append(_FreeDay(502, "Wycieczka klasowa", day, day))

    def _generate_timetable_changes(self) -> None:
        teachers_by_subject = {
            lesson.subject: lesson for lesson in LESSONS if not lesson.virtual_class
        }
        for day in self.school_days:
            if self._in_trip(day):
                for number, _ in self._plan(day):
                    self._changes[(day, number)] = {"canceled": True}
                continue
            for number, keys in self._plan(day):
                if len(keys) > 1:
                    continue  # keep split groups plain
                roll = _unit(self._key, "change", day, number)
                if roll < 0.02:
                    self._changes[(day, number)] = {"canceled": True}
                elif roll < 0.05:
                    self._changes[(day, number)] = {
                        "substitute": self._substitute_for(
                            keys[0], day, number, teachers_by_subject
                        )
                    }
        # Always something in the coming days: a substitution on the next school day and a
        # cancellation two school days later.
        upcoming = [d for d in self.school_days if d > self.anchor][:3]
        if upcoming:
            number, keys = self._plan(upcoming[0])[1]
            self._changes[(upcoming[0], number)] = {
                "substitute": self._substitute_for(
                    keys[0], upcoming[0], number, teachers_by_subject
                )
            }
        if len(upcoming) >= 3:
            number, _ = self._plan(upcoming[2])[-1]
            self._changes[(upcoming[2], number)] = {"canceled": True}

    def _substitute_for(
        self, lesson_key: str, day: date, number: int, by_subject: Mapping[str, _Lesson]
    ) -> str:
        original = _LESSON_BY_KEY[lesson_key]
        candidates = sorted(
            lesson.key
            for lesson in by_subject.values()
            if lesson.teacher_id != original.teacher_id and lesson.subject != original.subject
        )
        return candidates[int(_unit(self._key, "substitute", day, number) * len(candidates))]

    def _past_days(self) -> list[date]:
        return [d for d in self.school_days if d <= self.anchor]

    def _held(self, day: date, number: int) -> bool:
        return not self._changes.get((day, number), {}).get("canceled", False)

    def _generate_grades(self) -> None:
        past = self._past_days()
        for subject in SUBJECTS:
            if not subject.graded:
                continue
            lesson = self._subject_lesson(subject.key)
            rng = self._rng("grades", subject.key)
            ability = 3.4 + rng.random() * 2.2  # this student's level in the subject
            chance = 0.45 if subject.key in {"jp", "mat", "ja"} else 0.3
            for day, number in self._lesson_days(lesson.key, past):
                if not self._held(day, number) or rng.random() >= chance:
                    continue
                category, text = self._random_grade(rng, subject.key, ability)
                comment = None
                if category == CATEGORY_TEST and rng.random() < 0.5:
                    topics = _TOPICS.get(subject.key, ("Sprawdzian",))
                    comment = f"Sprawdzian: {topics[int(rng.random() * len(topics))]}"
                grade_id = self._append_grade(
                    subject.key, text, category, day, comment=comment, clock=time(15, 12)
                )
                if text in {"1", "2-"} and category == CATEGORY_TEST:
                    self._correction(grade_id, subject.key, day, past, ability)
            self._period_grades(subject.key, ability)
        self._recent_grades(past)

    def _random_grade(self, rng: random.Random, subject: str, ability: float) -> tuple[int, str]:
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
        return category, _grade_text(rng.gauss(ability, 0.9))

    def _correction(
        self, grade_id: int, subject: str, day: date, past: list[date], ability: float
    ) -> None:
        later = [
            d for d, _ in self._lesson_days(self._subject_lesson(subject).key, past) if d > day
        ]
        if len(later) > 3:
            text = _grade_text(max(ability, 3.0))
            self._append_grade(
                subject, text, CATEGORY_TEST, later[3], improvement=grade_id, clock=time(16, 5)
            )

    def _period_grades(self, subject: str, ability: float) -> None:
        """Semester/final propositions and grades once their dates have passed."""
        final_text = str(min(6, max(1, round(ability))))
        milestones: tuple[tuple[PeriodKind, date], ...] = (
            ("semester_proposition", self.end_first_semester - timedelta(days=21)),
            ("semester", self.end_first_semester - timedelta(days=4)),
            ("final_proposition", self.end - timedelta(days=21)),
            ("final", self.end - timedelta(days=4)),
        )
        for kind, when in milestones:
            day = self.next_school_day(when, include=True)
            if day is not None and day <= self.anchor:
                self._append_grade(subject, final_text, _PERIOD_CATEGORY[kind], day, kind=kind)

    def _recent_grades(self, past: list[date]) -> None:
        """Grades on the last school days up to the anchor, whatever the dice said."""
        for offset, day in enumerate(self.previous_school_days(self.anchor, 2)):
            if any(grade["Date"] == _day(day) for grade in self._grades):
                continue
            for number, keys in self._plan(day):
                lesson = _LESSON_BY_KEY[keys[0]]
                if _SUBJECT_BY_KEY[lesson.subject].graded and self._held(day, number):
                    text = ("5", "4+")[offset % 2]
                    clock = time(8, 5) if day == self.today else time(14, 40)
                    self._append_grade(lesson.subject, text, CATEGORY_QUIZ, day, clock=clock)
                    break

    def _append_grade(
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
        lesson = self._subject_lesson(subject)
        grade_id = self._new_id("grade")
        item: Json = {
            "Id": grade_id,
            "Lesson": _ref("Lessons", lesson.id),
            "Subject": _ref("Subjects", _SUBJECT_BY_KEY[subject].id),
            "Student": _ref("Users", self.student_user_id),
            "Category": _ref("Grades/Categories", category),
            "AddedBy": _ref("Users", lesson.teacher_id),
            "Grade": text,
            "Date": _day(day),
            "AddDate": _stamp(day, clock),
            "Semester": self.semester_of(day),
            "IsConstituent": kind == "regular",
            "IsSemester": kind == "semester",
            "IsSemesterProposition": kind == "semester_proposition",
            "IsFinal": kind == "final",
            "IsFinalProposition": kind == "final_proposition",
        }
        if comment:
            comment_id = self._new_id("comment")
            self._grade_comments.append(
                {
                    "Id": comment_id,
                    "AddedBy": _ref("Users", lesson.teacher_id),
                    "Grade": _ref("Grades", grade_id),
                    "Text": comment,
                }
            )
            item["Comments"] = [_ref("Grades/Comments", comment_id)]  # absent when none
        if improvement is not None:
            item["Improvement"] = _ref("Grades", improvement)
        self._grades.append(item)
        return grade_id

    def _generate_attendance(self) -> None:
        past = [d for d in self.school_days if d < self.anchor]
        rng = self._rng("attendance")
        sick: set[date] = set()
        if len(past) > 15:
            start = len(past) - 15
            sick = {past[start], past[start + 1]}  # two days off sick, excused later
        unexcused = past[-6] if len(past) > 6 else None
        contest = past[-9] if len(past) > 9 else None
        for day in past:
            for number, keys in self._plan(day):
                if not self._held(day, number):
                    continue
                own = next(key for key in keys if key in self.own_lessons)
                change = self._changes.get((day, number), {})
                lesson = _LESSON_BY_KEY[change.get("substitute", own)]
                type_id = TYPE_PRESENT
                if day in sick:
                    type_id = TYPE_EXCUSED
                elif day == unexcused and number == self._plan(day)[-1][0]:
                    type_id = TYPE_ABSENT
                elif day == contest and number in {3, 4}:
                    type_id = TYPE_CONTEST
                elif number == self._plan(day)[0][0] and rng.random() < 0.03:
                    type_id = TYPE_LATE
                elif number == self._plan(day)[-1][0] and rng.random() < 0.01:
                    type_id = TYPE_RELEASED
                self._append_attendance(day, number, lesson, type_id)
        # Today's first lesson is already marked when the anchor is a school day.
        if self.anchor in self._school_day_set and self.anchor < self.end:
            number, keys = self._plan(self.anchor)[0]
            if self._held(self.anchor, number):
                own = next(key for key in keys if key in self.own_lessons)
                self._append_attendance(self.anchor, number, _LESSON_BY_KEY[own], TYPE_PRESENT)

    def _append_attendance(self, day: date, number: int, lesson: _Lesson, type_id: int) -> str:
        numeric = self._new_id("attendance")
        # About one record in twenty has a "t"-prefixed string id, as on real accounts.
        ident: int | str = f"t{numeric}" if _unit(self._key, "tid", numeric) < 0.05 else numeric
        hours = LESSON_HOURS[number]
        clock = time.fromisoformat(hours[1]) if hours else time(8, 0)
        item: Json = {
            "Id": ident,
            "Lesson": _ref("Lessons", lesson.id),
            "Student": _ref("Users", self.student_user_id),
            "Date": _day(day),
            "AddDate": _stamp(day, clock),
            "LessonNo": number,
            "Semester": self.semester_of(day),
            "Type": _ref("Attendances/Types", type_id),
            "AddedBy": _ref("Users", lesson.teacher_id),
        }
        if type_id == TYPE_TRIP:
            item["Trip"] = _ref("Trips", 5416)
        self._attendances[(_day(day), number)] = item  # a new mark replaces the old one
        return str(ident)

    def _generate_agenda(self) -> None:
        rng = self._rng("agenda")
        # A test in every main subject about once a month, all year long (past and future).
        for subject in ("jp", "mat", "ja", "hi", "bio", "ge"):
            lesson = self._subject_lesson(subject)
            days = self._lesson_days(lesson.key, self.school_days)
            topics = _TOPICS.get(subject, ("Sprawdzian",))
            for index in range(int(rng.random() * 4) + 3, len(days), 9):
                day, number = days[index]
                topic = topics[(index // 9) % len(topics)]
                self._append_agenda(
                    f"Sprawdzian: {topic}", day, AGENDA_TEST, subject=subject, lesson_no=number
                )
        upcoming = [d for d in self.school_days if d > self.anchor]
        next_monday = _monday(self.anchor) + timedelta(days=7)
        next_week = [d for d in upcoming if next_monday <= d < next_monday + timedelta(days=7)]
        # A test next week (maths), a quiz in a couple of school days (Polish).
        for day, number in self._lesson_days("mat", next_week)[:1]:
            self._append_agenda(
                "Sprawdzian: ułamki — rozdział 3", day, AGENDA_TEST, subject="mat", lesson_no=number
            )
        for day, number in self._lesson_days("jp", upcoming[1:5])[:1]:
            self._append_agenda(
                "Kartkówka z lektury", day, AGENDA_QUIZ, subject="jp", lesson_no=number,
                classroom=True,
            )  # fmt: skip
        # A parent meeting (no lesson, no subject, after school) and a school-wide event.
        if len(upcoming) > 4:
            self._append_agenda(
                "Zebranie z rodzicami — sala C1", upcoming[4], AGENDA_MEETING,
                time_from="17:00:00", time_to="18:00:00",
            )  # fmt: skip
        if len(upcoming) > 8:
            self._append_agenda("Apel szkolny", upcoming[8], AGENDA_OTHER, lesson_no=3)
        for trip in self._class_trips:
            self._append_agenda(trip.name, trip.date_from, AGENDA_TRIP, lesson_no=1)

    def _append_agenda(
        self,
        content: str,
        day: date,
        category: int,
        *,
        subject: str | None = None,
        lesson_no: int | None = None,
        time_from: str | None = None,
        time_to: str | None = None,
        classroom: bool = False,
    ) -> int:
        entry_id = self._new_id("agenda")
        hours = LESSON_HOURS[lesson_no] if lesson_no is not None else None
        added = min(day - timedelta(days=7), self.today)
        item: Json = {
            "Id": entry_id,
            "Content": content,
            "Date": _day(day),
            "Category": _ref("HomeWorks/Categories", category),
            "LessonNo": None if lesson_no is None else str(lesson_no),  # string or null
            "TimeFrom": time_from or (f"{hours[0]}:00" if hours else None),
            "TimeTo": time_to or (f"{hours[1]}:00" if hours else None),
            "CreatedBy": _ref(
                "Users", self._subject_lesson(subject).teacher_id if subject else TUTOR_ID
            ),
            "Class": _ref("Classes", self.class_id),
        }
        if subject is not None:  # absent for school-wide events
            item["Subject"] = _ref("Subjects", _SUBJECT_BY_KEY[subject].id)
        if classroom and subject is not None:  # an inline classroom, on some entries only
            room = self._subject_lesson(subject).classroom_id
            symbol = next(c[2] for c in CLASSROOMS if c[0] == room)
            name = next(c[1] for c in CLASSROOMS if c[0] == room)
            item["Classroom"] = {"Id": room, "Symbol": symbol, "Name": name, "Size": 0}
        item["AddDate"] = _stamp(added, time(10, 1, 51))
        self._agenda.append(item)
        return entry_id

    def _generate_assignments(self) -> None:
        past = self._past_days()
        for index, (day, _) in enumerate(self._lesson_days("jp", past)[::4]):
            self._append_assignment(
                "jp", f"Wypracowanie nr {index + 1}", "Napisz wypracowanie (min. 150 słów).",
                day, day + timedelta(days=7), with_file=index == 0,
            )  # fmt: skip
        upcoming = self.next_school_day(self.anchor)
        if upcoming is not None:
            given = self.previous_school_days(self.anchor, 3)[-1]
            self._append_assignment(
                "mat", "Zadania z ułamków", "Podręcznik str. 54, zad. 1–6.", given, upcoming,
                category=True,
            )  # fmt: skip

    def _append_assignment(
        self,
        subject: str,
        topic: str,
        text: str,
        given: date,
        due: date,
        *,
        with_file: bool = False,
        category: bool = False,
    ) -> int:
        lesson = self._subject_lesson(subject)
        assignment_id = self._new_id("assignment")
        files = []
        if with_file:
            files.append(
                {
                    "Id": 7001,
                    "Name": "karta_pracy.pdf",
                    "Url": api_url(f"HomeWorkAssignments/Attachment/{assignment_id}-7001"),
                }
            )
        item: Json = {
            "Id": assignment_id,
            "Topic": topic,
            "Text": text,
            "Teacher": _ref("Users", lesson.teacher_id),
            "Date": _day(given),
            "DueDate": _day(due),
            "Lesson": _ref("Lessons", lesson.id),
            "MustSendAttachFile": False,
            "SendFilePossible": with_file,
            "HomeworkAssigmentFiles": files,  # sic
        }
        if category:  # only sometimes present
            item["Category"] = _ref("HomeWorkAssignments/Categories", 31)
        self._assignments.append(item)
        return assignment_id

    def _generate_notices(self) -> None:
        self._append_notice(
            "Rozpoczęcie roku szkolnego",
            "Uroczyste rozpoczęcie roku szkolnego odbędzie się o godz. 9:00 w sali gimnastycznej.",
            self.begin - timedelta(days=4),
            self.begin,
            added_by=HEAD_TEACHER_ID,
            was_read=True,
        )
        if self.anchor > self.begin + timedelta(days=30):
            created = self.begin + timedelta(days=30)
            self._append_notice(
                "Ubezpieczenie NNW",
                "<p>Przypominamy o opłaceniu ubezpieczenia NNW do końca miesiąca.</p>",
                created,
                created + timedelta(days=14),
                added_by=f"LID-AUTH-USER-{self.school_id}-3A9ACCC76602A9382779",
                was_read=True,
            )
        created = max(self.begin, self.anchor - timedelta(days=1))
        self._append_notice(
            "Zebrania z rodzicami",
            "Zapraszamy na zebrania z rodzicami.\nSzczegóły u wychowawców klas.",
            created,
            created + timedelta(days=10),
            added_by=TUTOR_ID,
            was_read=False,
        )

    def _append_notice(
        self,
        title: str,
        content: str,
        start: date,
        end: date,
        *,
        added_by: int | str,
        was_read: bool,
    ) -> str:
        notice_id = f"LID-NBOARD-NOTICE-{self._new_id('notice')}"
        self._notices.append(
            {
                "Id": notice_id,
                "StartDate": _day(start),
                "EndDate": _day(end),
                "Subject": title,
                "Content": content,
                "AddedBy": _ref("Users", added_by),
                "CreationDate": _stamp(start, time(12, 0)),
                "WasRead": was_read,
            }
        )
        return notice_id

    def _generate_notes(self) -> None:
        past = self._past_days()
        notes = (
            (40, "Uczeń przeszkadzał na lekcji.", 0, 3, "mat"),
            (20, "Informacja: zwrot podręczników do biblioteki.", 2, 5, "jp"),
            (1, "Pomoc w organizacji apelu — dziękujemy!", 1, 4, "hi"),
        )
        for back, text, positive, category, subject in notes:
            if len(past) > back:
                day = past[-1 - back]
                teacher = self._subject_lesson(subject).teacher_id
                self._notes.append(
                    {
                        "Id": self._new_id("note"),
                        "Text": text,
                        "Category": _ref("Notes/Categories", category),
                        "Teacher": _ref("Users", teacher),
                        "AddedBy": _ref("Users", teacher),
                        "Student": _ref("Users", self.student_user_id),
                        "Date": _day(day),
                        "Positive": positive,
                    }
                )

    def _generate_behaviour(self) -> None:
        """A classic-scale monthly behaviour grade for every month that has ended."""
        month = date(self.begin.year, self.begin.month, 1)
        while True:
            following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
            added = self.next_school_day(following, include=True)
            if added is None or added > self.anchor or following > self.end:
                break
            comment_id = self._new_id("behaviour_comment")
            label = f"{_ROMAN_MONTHS[month.month - 1]}/{month.year % 100:02d}"
            self._behaviour_comments.append(
                {"Id": comment_id, "Text": f"Ocena zachowania miesiąc za {label}"}
            )
            grade = "2" if _unit(self._key, "behaviour", month) < 0.6 else "1"
            self._behaviour.append(
                {
                    "Id": self._new_id("behaviour"),
                    "Student": _ref("Users", self.student_user_id),
                    "BehaviourGrade": _ref("BehaviourGrades/Types", grade),
                    "ShortName": "",
                    "Text": None,
                    "Category": _ref("BehaviourGrades/Points/Categories", 3),
                    "Semester": self.semester_of(month),
                    "AddDate": _stamp(added, time(8, 20, 25)),
                    "AddedBy": _ref("Users", TUTOR_ID),
                    "Comments": [_ref("BehaviourGrades/Points/Comments", comment_id)],
                }
            )
            month = following

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
        if subject not in _SUBJECT_BY_KEY:
            raise ValueError(f"unknown subject key {subject!r}; known: {sorted(_SUBJECT_BY_KEY)}")
        when = day or self.today
        category = _PERIOD_CATEGORY.get(kind, category_id)
        return str(
            self._append_grade(
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
        return self._append_notice(
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
        plan = self._plan(when)
        number = lesson_no if lesson_no is not None else (plan[0][0] if plan else 1)
        lesson = self._own_lesson_at(when, number) or LESSONS[0]
        return self._append_attendance(when, number, lesson, type_id)

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
        if subject is not None and subject not in _SUBJECT_BY_KEY:
            raise ValueError(f"unknown subject key {subject!r}")
        when = day or self.today
        return str(
            self._append_agenda(content, when, category_id, subject=subject, lesson_no=lesson_no)
        )

    # ---------------------------------------------------------------- gateway answers

    def resource(self, path: str, query: Mapping[str, str]) -> Reply:
        """Answer a gateway data path (below `/gateway/api/2.0/`) as `(status, body)`."""
        path = path.strip("/")
        handler = self._handlers().get(path)
        if handler is not None:
            return handler(query)
        head, _, ids = path.rpartition("/")
        by_ids = self._by_id_collections().get(head)
        if by_ids is not None and ids:
            return self._items_by_ids(path, head, ids, *by_ids)
        return _not_found(path)

    def _handlers(self) -> dict[str, Callable[[Mapping[str, str]], Reply]]:
        def static(body: Callable[[], Json]) -> Callable[[Mapping[str, str]], Reply]:
            return lambda _query: (200, body())

        return {
            "UserProfile": static(self._user_profile),
            "Classes": static(self._class),
            "Schools": static(self._school),
            "Users": static(self._users),
            "Subjects": static(lambda: envelope("Subjects", self._subject_items(), "Subjects")),
            "Lessons": static(lambda: envelope("Lessons", self._lesson_items(), "Lessons")),
            "Classrooms": static(
                lambda: envelope("Classrooms", self._classroom_items(), "Classrooms")
            ),
            "Colors": static(
                lambda: envelope(
                    "Colors", [{"Id": i, "RGB": rgb, "Name": n} for i, rgb, n in COLORS], "Colors"
                )
            ),
            "LuckyNumbers": static(self._lucky_number),
            "Grades": static(self._grades_body),
            "Grades/Categories": static(
                lambda: envelope(
                    "Categories", self._category_items(), "Grades/Categories", parent="Grades"
                )
            ),
            "Grades/Comments": static(
                lambda: envelope(
                    "Comments",
                    copy.deepcopy(self._grade_comments),
                    "Grades/Comments",
                    parent="Grades",
                )
            ),
            "Attendances": static(self._attendances_body),
            "Attendances/Types": static(
                lambda: envelope(
                    "Types",
                    self._attendance_type_items(),
                    "Attendances/Types",
                    parent="Attendances",
                )
            ),
            "Timetables": self._timetable,
            "HomeWorks": static(
                lambda: envelope(
                    "HomeWorks",
                    copy.deepcopy(self._agenda),
                    "HomeWorks",
                    resources={"HomeWorks\\Categories": "HomeWorks/Categories"},
                )
            ),
            "HomeWorks/Categories": static(
                lambda: envelope(
                    "Categories",
                    [
                        {"Id": i, "Name": n, "Color": {"Id": c, "Url": api_url(f"/Colors/{c}")}}
                        for i, n, c in AGENDA_CATEGORIES
                    ],  # the real "2.0//Colors" double slash
                    "HomeWorks/Categories",
                    parent="HomeWorks",
                )
            ),
            "HomeWorkAssignments": static(
                lambda: envelope(
                    "HomeWorkAssignments",
                    copy.deepcopy(self._assignments),
                    "HomeWorkAssignments",
                    resources={"HomeWorkAssignments\\Attachment": "HomeWorkAssignments/Attachment"},
                )
            ),
            "SchoolNotices": static(
                lambda: envelope("SchoolNotices", copy.deepcopy(self._notices), "SchoolNotices")
            ),
            "SchoolFreeDays": static(self._school_free_days_body),
            "ClassFreeDays": static(self._class_free_days_body),
            "Notes": static(
                lambda: envelope(
                    "Notes",
                    copy.deepcopy(self._notes),
                    "Notes",
                    resources={"Notes\\Categories": "Notes/Categories"},
                )
            ),
            "Notes/Categories": static(
                lambda: envelope(
                    "Categories",
                    [{"Id": i, "CategoryName": n} for i, n in NOTE_CATEGORIES],
                    "Notes/Categories",
                    parent="Notes",
                )
            ),
            "BehaviourGrades/Points": static(
                lambda: envelope(
                    "Grades",
                    copy.deepcopy(self._behaviour),
                    "BehaviourGrades/Points",
                    parent="BehaviourGrades",
                    resources={
                        "BehaviourGrades\\Points\\Comments": "BehaviourGrades/Points/Comments"
                    },
                )
            ),
            "BehaviourGrades/Points/Comments": static(
                lambda: envelope(
                    "Comments",
                    copy.deepcopy(self._behaviour_comments),
                    "BehaviourGrades/Points/Comments",
                    parent="BehaviourGrades/Points",
                )
            ),
            "BehaviourGrades/Types": static(
                lambda: envelope(
                    "Types",
                    [{"Id": i, "Name": n, "Shortcut": s} for i, n, s in BEHAVIOUR_TYPES],
                    "BehaviourGrades/Types",
                    parent="BehaviourGrades",
                )
            ),
        }

    def _by_id_collections(self) -> dict[str, tuple[str, str, Callable[[], list[Json]]]]:
        """Collections answering `<Collection>/<id>[,<id>…]`: (list key, singular key, items)."""
        return {
            "Users": ("Users", "User", self._all_user_items),
            "Subjects": ("Subjects", "Subject", self._subject_items),
            "Lessons": ("Lessons", "Lesson", self._lesson_items),
            "Classrooms": ("Classrooms", "Classroom", self._classroom_items),
            "Grades/Categories": ("Categories", "Category", self._category_items),
            "Grades/Comments": ("Comments", "Comment", lambda: copy.deepcopy(self._grade_comments)),
        }

    def _items_by_ids(
        self,
        path: str,
        head: str,
        ids: str,
        plural: str,
        singular: str,
        items: Callable[[], list[Json]],
    ) -> Reply:
        wanted = [part.strip() for part in ids.split(",") if part.strip()]
        found = {str(item["Id"]): item for item in items()}
        if len(wanted) == 1:
            item = found.get(wanted[0])
            if item is None:  # e.g. Users/{Me.Account.Id} is a 404 on the real gateway
                return _not_found(path)
            return 200, envelope(singular, item, path, parent=head)
        return 200, envelope(plural, [found[i] for i in wanted if i in found], path, parent=head)

    # ---------------------------------------------------------------- bodies

    def _user_profile(self) -> Json:
        return envelope(
            "UserProfile",
            {
                "ClassNumber": CLASS_NUMBER,
                "AccountType": self.account_kind,
                "Town": "Przykładowo",
                "State": "DOLNOŚLĄSKIE",  # no "WOJ." prefix here, unlike Schools
                "UnitType": "Szkoła podstawowa",
            },
            "UserProfile",
        )

    def _class(self) -> Json:
        return envelope(
            "Class",
            {
                "Id": self.class_id,
                "Number": CLASS_NUMBER,
                "Symbol": CLASS_SYMBOL,
                "BeginSchoolYear": _day(self.begin),
                "EndFirstSemester": _day(self.end_first_semester),
                "EndSchoolYear": _day(self.end),
                "Unit": _ref("Units", UNIT_ID),
                "ClassTutor": _ref("Users", TUTOR_ID),
                "ClassTutors": [_ref("Users", TUTOR_ID)],
            },
            "Classes",
            resources={"Classes\\CrossedOutStudents": "Classes/CrossedOutStudents"},
        )

    def _school(self) -> Json:
        ranges: list[Json] = []
        for hours in LESSON_HOURS:
            if hours is None:
                ranges.append({"From": None, "To": None, "RawFrom": None, "RawTo": None})
                continue
            start, end = (time.fromisoformat(h) for h in hours)
            ranges.append(
                {
                    "From": hours[0],
                    "To": hours[1],
                    "RawFrom": start.hour * 60 + start.minute,
                    "RawTo": end.hour * 60 + end.minute,
                }
            )
        return envelope(
            "School",
            {
                "Id": self.school_id,
                "Name": "Szkoła Podstawowa nr 1 w Przykładowie",
                "Town": "Przykładowo",
                "Street": "ul. Szkolna",
                "State": "WOJ. DOLNOŚLĄSKIE",
                "BuildingNumber": "99",
                "ApartmentNumber": "",
                "LessonsRange": ranges,
                "SchoolYear": self.start_year,
                "VocationalSchool": 0,
                "NameHeadTeacher": "Ewa",
                "SurnameHeadTeacher": "Dyrektorska",
                "Project": 0,
                "PostCode": "00-000",
                "Service": {
                    "IsSynergy": True,
                    "Url": "https://synergia.librus.pl",
                    "Variant": {"Name": "Altum", "DisplayName": "Altum"},
                },
                "Email": "sekretariat@example.pl",
                "PhoneNumber": "700000000",
            },
            "Schools",
        )

    def _staff_items(self) -> list[Json]:
        items = []
        for staff in STAFF:
            digest = hashlib.sha256(f"{self.school_id}:{staff.id}".encode()).hexdigest()
            item: Json = {
                "Id": staff.id,
                "AccountId": f"LID-AUTH-USER-{self.school_id}-{digest[:20].upper()}",
                "AccountNumericIdentifier": staff.id + 1390436,
                "FirstName": staff.first_name,  # null for role accounts
                "LastName": staff.last_name,
            }
            if staff.is_administrator:  # optional flags are present only when true
                item["IsSchoolAdministrator"] = True
            if staff.is_pedagogue:
                item["IsPedagogue"] = True
            item["IsEmployee"] = True
            item["GroupId"] = staff.group_id
            items.append(item)
        return items

    def _student_item(self) -> Json:
        digest = hashlib.sha256(f"{self._key}:student".encode()).hexdigest()
        return {
            "Id": self.student_user_id,
            "AccountId": f"LID-AUTH-USER-{self.school_id}-{digest[:20].upper()}",
            "AccountNumericIdentifier": self.student_user_id + 1390436,
            "FirstName": self.student[0],
            "LastName": self.student[1],
            "Class": {**_ref("Classes", self.class_id), "UUID": digest[20:56]},
            "Unit": _ref("Units", UNIT_ID),
            "ClassRegisterNumber": 1 + int(_unit(self._key, "register") * 26),
            "IsEmployee": False,
            "GroupId": 8,
        }

    def _all_user_items(self) -> list[Json]:
        return [*self._staff_items(), self._student_item()]

    def _users(self) -> Json:
        staff = self._staff_items()
        return envelope(
            "Users",
            staff,
            "Users",
            resources={"Users\\CrossedOutStudents": "Users/CrossedOutStudents"},
            extra={"pagination": {"limit": len(staff), "page": 1, "total": len(staff)}},
        )

    def _subject_items(self) -> list[Json]:
        return [
            {
                "Id": subject.id,
                "Name": subject.name,
                "No": subject.no,
                "Short": subject.short,
                "IsExtracurricular": False,
                "IsBlockLesson": False,
            }
            for subject in SUBJECTS
        ]

    def _lesson_items(self) -> list[Json]:
        items = []
        for lesson in LESSONS:
            item: Json = {
                "Id": lesson.id,
                "Teacher": _ref("Users", lesson.teacher_id),
                "Subject": _ref("Subjects", _SUBJECT_BY_KEY[lesson.subject].id),
            }
            if lesson.virtual_class is None:  # group lessons come without Class
                item["Class"] = _ref("Classes", self.class_id)
            items.append(item)
        return items

    def _classroom_items(self) -> list[Json]:
        items = []
        for index, (ident, name, symbol, common) in enumerate(CLASSROOMS):
            item: Json = {
                "Id": ident,
                "Name": name,
                "Symbol": symbol,
                "Size": 0,
                "SchoolCommonRoom": common,
            }
            if index % 3 == 0:  # Description only on some rooms
                item["Description"] = ""
            items.append(item)
        return items

    def _category_items(self) -> list[Json]:
        items = []
        for ident, name, short, weight, counts, color, flag in GRADE_CATEGORIES:
            item: Json = {
                "Id": ident,
                "Color": _ref("Colors", color),
                "Name": name,
                "AdultsExtramural": False,
                "AdultsDaily": False,
                "Standard": not flag,
                "CountToTheAverage": counts,
            }
            if weight is not None:  # absent when the category does not count
                item["Weight"] = weight
            if short is not None:
                item["Short"] = short
            item["BlockAnyGrades"] = False
            item["ObligationToPerform"] = False
            if flag:
                item[flag] = True
            item["IsReadOnly"] = "0"  # a string on the real API
            items.append(item)
        return items

    def _attendance_type_items(self) -> list[Json]:
        items = []
        for source in ATTENDANCE_TYPES:
            item = dict(source)
            if "StandardType" in item:
                item["StandardType"] = _ref("Attendances/Types", item["StandardType"])
            items.append(item)
        return items

    def _lucky_number(self) -> Json:
        day = self.next_school_day(self.anchor, include=True) or self.school_days[-1]
        number = 1 + int(_unit(self._key, "lucky", day) * 30)
        return envelope(
            "LuckyNumber", {"LuckyNumber": number, "LuckyNumberDay": _day(day)}, "LuckyNumbers"
        )

    def _grades_body(self) -> Json:
        return envelope(
            "Grades",
            copy.deepcopy(self._grades),
            "Grades",
            resources={
                "Grades\\Averages": "Grades/Averages",
                "Grades\\Categories": "Grades/Categories",
                "Grades\\Comments": "Grades/Comments",
                "Grades\\Types": "Grades/Types",
            },
        )

    def _attendances_body(self) -> Json:
        records = [self._attendances[key] for key in sorted(self._attendances)]
        return envelope(
            "Attendances",
            copy.deepcopy(records),
            "Attendances",
            resources={
                "Attendances\\Types": "Attendances/Types",
                "Attendances\\LessonsStatistics": "Attendances/LessonsStatistics",
                "Attendances\\FilledByTeacher": "Attendances/FilledByTeacher",
            },
        )

    def _school_free_days_body(self) -> Json:
        return envelope(
            "SchoolFreeDays",
            [
                {
                    "Id": free.id,
                    "Name": free.name,
                    "DateFrom": _day(free.date_from),
                    "DateTo": _day(free.date_to),
                    "Units": [_ref("Units", UNIT_ID)],
                }
                for free in self.free_days
            ],
            "SchoolFreeDays",
        )

    def _class_free_days_body(self) -> Json:
        return envelope(
            "ClassFreeDays",
            [
                {
                    "Id": trip.id,
                    "Name": trip.name,
                    "Type": _ref("Calendars/ClassFreeDays/Types", 1),
                    "DateFrom": _day(trip.date_from),
                    "DateTo": _day(trip.date_to),
                    "Class": _ref("Classes", self.class_id),
                }
                for trip in self._class_trips
            ],
            "ClassFreeDays",
        )

    # ---------------------------------------------------------------- timetable

    def _timetable(self, query: Mapping[str, str]) -> Reply:
        raw = query.get("weekStart")
        if raw is None:
            week_start = _monday(self.today)  # no parameter: the current week
        else:
            try:
                y, m, d = (int(part) for part in raw.split("-"))
                week_start = _monday(date(y, m, d))  # unpadded dates work too
            except ValueError:
                return _error(400, "InvalidRequest", "Invalid weekStart", "Timetables")
        days: Json = {}
        for offset in range(7):
            day = week_start + timedelta(days=offset)
            slots: list[list[Json]] = [[] for _ in range(SLOTS_PER_DAY)]
            if self.is_school_day(day):
                for number, keys in self._plan(day):
                    slots[number] = [self._timetable_lesson(day, number, key) for key in keys]
            days[_day(day)] = slots
        pages = {
            "Next": api_url(f"Timetables?weekStart={_day(week_start + timedelta(days=7))}"),
            "Prev": api_url(f"Timetables?weekStart={_day(week_start - timedelta(days=7))}"),
        }
        return 200, envelope(
            "Timetable",
            days,
            "Timetables",
            resources={
                "Timetables\\IndividualLearningPath": "Timetables/IndividualLearningPath",
                "Timetables\\OneToOneLearningPlan": "Timetables/OneToOneLearningPlan",
                "Timetables\\OtherActivitiesRegister": "Timetables/OtherActivitiesRegister",
            },
            extra={"Pages": pages},
        )

    def _timetable_lesson(self, day: date, number: int, key: str) -> Json:
        """One lesson in the real Timetables shape: ids are strings, Class.Id an int."""
        slots = [(no, k) for no, keys in self._plan(day) for k in keys]
        plan_index = slots.index((number, key))
        change = self._changes.get((day, number), {})
        original = _LESSON_BY_KEY[key]
        shown = _LESSON_BY_KEY[change.get("substitute", key)]
        subject = _SUBJECT_BY_KEY[shown.subject]
        teacher = next(staff for staff in STAFF if staff.id == shown.teacher_id)
        hours = LESSON_HOURS[number] or ("00:00", "00:00")
        entry_id = _TIMETABLE_ENTRY_BASE + day.isoweekday() * 100 + plan_index
        item: Json = {
            "Lesson": _ref("Lessons", str(shown.id)),
            "DateFrom": _day(self.begin),
            "DateTo": _day(self.end),
            "LessonNo": str(number),
            "TimetableEntry": _ref("TimetableEntries", str(entry_id)),
            "DayNo": str(day.isoweekday()),
            "Subject": {
                "Id": str(subject.id),
                "Name": subject.name,
                "Short": subject.short,
                "Url": api_url(f"Subjects/{subject.id}"),
            },
            "Teacher": {
                "Id": str(teacher.id),
                "FirstName": teacher.first_name,
                "LastName": teacher.last_name,
                "Url": api_url(f"Users/{teacher.id}"),
            },
        }
        if original.virtual_class is None:
            item["Class"] = _ref("Classes", self.class_id)  # Class.Id stays an int
        else:
            item["VirtualClass"] = _ref("VirtualClasses", original.virtual_class[0])
            item["VirtualClassName"] = original.virtual_class[1]
        substitute = "substitute" in change
        if not substitute:  # substitutions usually come without a classroom
            item["Classroom"] = _ref("Classrooms", str(original.classroom_id))
        item["IsSubstitutionClass"] = substitute
        item["IsCanceled"] = bool(change.get("canceled"))
        item["SubstitutionNote"] = None
        item["HourFrom"] = hours[0]
        item["HourTo"] = hours[1]
        if substitute:
            original_subject = _SUBJECT_BY_KEY[original.subject]
            item.update(
                {
                    "SubstitutionClassUrl": api_url(
                        f"Calendars/Substitutions/{entry_id}{day.strftime('%m%d')}"
                    ),
                    "OrgDate": _day(day),
                    "OrgLessonNo": str(number),
                    "OrgLesson": _ref("Lessons", str(original.id)),
                    "OrgSubject": _ref("Subjects", str(original_subject.id)),
                    "OrgTeacher": _ref("Users", str(original.teacher_id)),
                    "OrgClassroom": _ref("Classrooms", str(original.classroom_id)),
                    "OrgHourFrom": hours[0],
                    "OrgHourTo": hours[1],
                }
            )
        return item


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
    kind: Literal["parent", "student"] = "parent" if account_kind == "parent" else "student"
    return SchoolYear(
        account_kind=kind,
        student=student,
        today=today,
        seed=seed,
        school_id=school_id,
        class_id=class_id,
        student_user_id=student_user_id,
    )
