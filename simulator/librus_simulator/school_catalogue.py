"""The school's static catalogue: one Polish primary school and its class 6d.

Subjects, staff, the class's lessons (who teaches what to whom, split groups included),
classrooms, the weekly plan, lesson hours, colours, grade / attendance / agenda / note /
behaviour categories and the school's fixed data. Ids, names and settings follow the real
gateway (`librus-api.md` §3; `../reference/responses/`); the names are invented.

Nothing here depends on a date, a student or a seed: the generator (`school_year.py`) builds a
school year from it and the gateway rendering (`school_gateway.py`) turns both into JSON.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final, Literal

type PeriodKind = Literal[
    "regular", "semester_proposition", "semester", "final_proposition", "final"
]

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


@dataclass(frozen=True, slots=True)
class SchoolInfo:
    """The school's fixed data (`Schools`, `UserProfile`)."""

    name: str
    town: str
    state: str  # the voivodeship, without the "WOJ." prefix `Schools` adds
    unit_type: str
    street: str
    building_number: str
    post_code: str
    head_teacher: tuple[str, str]
    service_url: str
    variant: str
    email: str
    phone: str


SCHOOL: Final = SchoolInfo(
    name="Szkoła Podstawowa nr 1 w Przykładowie",
    town="Przykładowo",
    state="DOLNOŚLĄSKIE",
    unit_type="Szkoła podstawowa",
    street="ul. Szkolna",
    building_number="99",
    post_code="00-000",
    head_teacher=("Ewa", "Dyrektorska"),
    service_url="https://synergia.librus.pl",
    variant="Altum",
    email="sekretariat@example.pl",
    phone="700000000",
)

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
class Subject:
    key: str
    id: int
    name: str
    short: str
    no: int
    graded: bool = True


SUBJECTS: Final[tuple[Subject, ...]] = (
    Subject("bio", 25672, "Biologia", "bio", 1),
    Subject("ge", 25676, "Geografia", "ge", 5),
    Subject("gw", 25677, "Godzina wychowawcza", "gw", 6, graded=False),
    Subject("hi", 25678, "Historia", "hi", 7),
    Subject("inf", 25680, "Informatyka", "inf", 9),
    Subject("ja", 25681, "Język angielski", "ja", 10),
    Subject("jn", 25682, "Język niemiecki", "jn", 11),
    Subject("jp", 25683, "Język polski", "jp", 12),
    Subject("mat", 25684, "Matematyka", "mat", 13),
    Subject("muz", 25685, "Muzyka", "muz", 14),
    Subject("pl", 25686, "Plastyka", "pla", 15),
    Subject("rel", 25687, "Religia", "rel", 16),
    Subject("tech", 25688, "Technika", "tech", 17),
    Subject("wf", 25690, "Wychowanie fizyczne", "wf", 19),
    Subject("wdz", 25691, "Wychowanie do życia w rodzinie", "wdż", 20, graded=False),
)
SUBJECT_BY_KEY: Final = {subject.key: subject for subject in SUBJECTS}


@dataclass(frozen=True, slots=True)
class Staff:
    id: int
    first_name: str | None
    last_name: str
    group_id: int = 4
    is_administrator: bool = False
    is_pedagogue: bool = False


TUTOR_ID: Final = 1493245
HEAD_TEACHER_ID: Final = 1493500
SECRETARIAT_ID: Final = 1486358
STAFF: Final[tuple[Staff, ...]] = (
    Staff(1486356, None, "administrator", group_id=2, is_administrator=True),
    Staff(SECRETARIAT_ID, None, "sekretariat", group_id=7),
    Staff(TUTOR_ID, "Barbara", "Krawczyk"),
    Staff(1493416, "Joanna", "Woźniak"),
    Staff(1493420, "Katarzyna", "Lewandowska"),
    Staff(1493421, "Paweł", "Zieliński"),
    Staff(1493422, "Monika", "Wójcik"),
    Staff(1493423, "Tomasz", "Kamiński"),
    Staff(1493424, "Agnieszka", "Dąbrowska"),
    Staff(1493425, "Piotr", "Mazur"),
    Staff(1493426, "Marcin", "Król"),
    Staff(1493427, "Ewa", "Jankowska"),
    Staff(1493428, "Anna", "Kowalczyk"),
    Staff(1493429, "Michał", "Nowicki"),
    Staff(1493430, "Adam", "Pawlak"),
    Staff(1493431, "Magdalena", "Grabowska"),
    Staff(HEAD_TEACHER_ID, "Ewa", "Dyrektorska", group_id=3),
    Staff(1493501, "Iwona", "Bartkowiak - logopeda", group_id=10, is_pedagogue=True),
    Staff(1493502, "Renata", "Sikora", group_id=10, is_pedagogue=True),
)


@dataclass(frozen=True, slots=True)
class Lesson:
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

LESSONS: Final[tuple[Lesson, ...]] = (
    Lesson("jp", 3393606, "jp", TUTOR_ID, 2194),
    Lesson("gw", 3393607, "gw", TUTOR_ID, 2194),
    Lesson("mat", 3393609, "mat", 1493416, 2190),
    Lesson("ja1", 3393611, "ja", 1493420, 2188, (720845, "6d ja1")),
    Lesson("ja2", 3393612, "ja", 1493421, 2189, (720846, "6d ja2")),
    Lesson("jn", 3393613, "jn", 1493422, 2189),
    Lesson("hi", 3393614, "hi", 1493423, 2191),
    Lesson("bio", 3393615, "bio", 1493424, 2192),
    Lesson("ge", 3393616, "ge", 1493425, 2192),
    Lesson("inf", 3393617, "inf", 1493426, 2195),
    Lesson("tech", 3393618, "tech", 1493426, 2187),
    Lesson("pl", 3393619, "pl", 1493427, 2196),
    Lesson("muz", 3393620, "muz", 1493427, 2196),
    Lesson("wf_dz", 3393621, "wf", 1493428, 2197, (720847, "6d wf dz")),
    Lesson("wf_ch", 3393622, "wf", 1493429, 2197, (720848, "6d wf ch")),
    Lesson("rel", 3393623, "rel", 1493430, 2187),
    Lesson("wdz", 3393624, "wdz", 1493431, 2191),
)
LESSON_BY_KEY: Final = {lesson.key: lesson for lesson in LESSONS}
STAFF_BY_ID: Final = {staff.id: staff for staff in STAFF}
CLASSROOM_BY_ID: Final = {room[0]: room for room in CLASSROOMS}

# The class's standing weekly plan: weekday (1 = Monday) → (lesson number, lesson keys). Two
# keys in one slot = a split class, both groups at the same time; a student's `Timetables`
# shows only their own group. Wednesday starts with lesson 2, so lesson 1 is an empty slot.
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
TIMETABLE_ENTRY_BASE: Final = 1023295

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
PERIOD_CATEGORY: Final[Mapping[str, int]] = {
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
ATTENDANCE_TYPES: Final[tuple[Mapping[str, Any], ...]] = (
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
ROMAN_MONTHS: Final = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")

TOPICS: Final[Mapping[str, tuple[str, ...]]] = {
    "jp": ("Części mowy", "Lektura: „Akademia pana Kleksa”", "Przypadki rzeczownika", "Opis"),
    "mat": ("Ułamki zwykłe", "Ułamki dziesiętne", "Pola figur", "Liczby ujemne"),
    "ja": ("Present Simple", "Past Simple", "Unit 3 vocabulary", "Irregular verbs"),
    "jn": ("Meine Familie", "Die Schule", "Zahlen bis 100"),
    "hi": ("Średniowiecze", "Polska Piastów", "Odkrycia geograficzne"),
    "bio": ("Tkanki roślinne", "Bezkręgowce", "Kręgowce"),
    "ge": ("Mapa Polski", "Klimat Europy", "Krajobrazy świata"),
}
