"""What is fetched when: the cadences, the fetch plan, the rotation and the poll interval.

The gateway has no change feed, so the often-changing resources are polled and the slow ones
are rate-limited. A *daily* poll is the first poll of a local day, the first poll after a
restart, and the first refresh; every other poll is a *steady* poll. Plan keys say what a
fetch is for on the Home Assistant side (and name the `snapshot_build.Fetched` field it
fills); the Librus endpoint stays inside its row.

=====================  =========================  ===================  ====================
plan key               Librus endpoint            steady poll          daily poll
=====================  =========================  ===================  ====================
grades                 Grades                     every poll           yes
attendance             Attendances                every poll           yes
timetable_current      Timetables (this week)     every poll           yes
agenda                 HomeWorks                  every poll           yes
notices                SchoolNotices              every poll           yes
messages_unread        inbox/unreadMessagesCount  every poll           yes
                       (messages host)
lucky_number           LuckyNumbers               rotation slot 0, 2   yes
homework               HomeWorkAssignments        rotation slot 1      yes
timetable_next         Timetables (next week)     rotation slot 3      yes
messages               inbox/messages?limit=20    when the unread      yes, after the count
                       (messages host)            count changed
(me)                   Me                         -                    yes, first (logs in)
student                Users/{Me.UserId}          -                    yes
school_class, school   Classes, Schools           -                    yes
timetable_previous     Timetables (last week)     -                    yes
school_free_days,      SchoolFreeDays,            -                    yes
class_free_days        ClassFreeDays
dictionaries:          Subjects, Users,           when an unknown id   yes
subjects, staff,       Grades/Categories,         appears (once per
grade_categories,      Grades/Comments,           id)
grade_comments,        Attendances/Types,
attendance_types,      HomeWorks/Categories,
agenda_categories,     Classrooms
classrooms
=====================  =========================  ===================  ====================

So a steady poll makes exactly 7 requests (6 every-poll reads + 1 rotating one; 8 when the
unread count changed and the inbox list follows), a daily poll 24, plus 9 for a login (the
five steps: 2 + 1 + 4 + 1 + 1 requests) when the session is new and 3 for the messages
bootstrap (``/wiadomosci3`` → MultiDomainLogon → ``/nowy``) when the messages session is.

Messages are read after the gateway (the poll's first gateway read has then proved the
Synergia session alive, which the bootstrap needs): the unread count, then the inbox list
when :func:`inbox_list_due`. A new message raises the count, a message read in a browser
lowers it, and either brings the list; the daily list catches a message that arrived while
another was read between two polls (the count then stays the same). Nothing read here marks
a message read in Librus.

Session note: the client keeps the gateway session between polls (its cookie jar ignores
the cookie's 600 s Max-Age). When Librus does end the session, the first request of a poll
gets a 401; the client asks Synergia for a new session cookie without the password (1 extra
request) and repeats the read; only if that fails does it log in with the password (9 more).
A steady poll's first request runs alone, so a dead session is found by that one 401.
The messages session is kept as well; when the messages host ends it (it does, sometimes
within the hour), the next read costs one bootstrap (3 requests) and its repeat, never a login.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any, Final, Literal

from homeassistant.util import dt as dt_util

from .api.account import parse_student_user, parse_users
from .api.agenda import parse_agenda, parse_agenda_categories, parse_homework_assignments
from .api.attendance import parse_attendance_types, parse_attendances
from .api.free_days import parse_class_free_days, parse_school_free_days
from .api.grades import parse_grade_categories, parse_grade_comments, parse_grades
from .api.lucky_number import parse_lucky_number
from .api.messages import INBOX_ENDPOINT, UNREAD_ENDPOINT, parse_inbox, parse_unread_count
from .api.notices import parse_school_notices
from .api.school import parse_class, parse_classrooms, parse_school, parse_subjects
from .api.timetable import parse_timetable
from .const import QUIET_END, QUIET_INTERVAL, QUIET_START
from .snapshot_build import MESSAGES_SHOWN, Fetched

type PlanKey = Literal[
    "grades",
    "attendance",
    "timetable_current",
    "agenda",
    "notices",
    "messages_unread",
    "messages",
    "lucky_number",
    "homework",
    "timetable_next",
    "student",
    "school_class",
    "school",
    "timetable_previous",
    "school_free_days",
    "class_free_days",
    "subjects",
    "staff",
    "grade_categories",
    "grade_comments",
    "attendance_types",
    "agenda_categories",
    "classrooms",
]
"""What a fetch is for on the Home Assistant side; entities name their module by it."""


class Cadence(StrEnum):
    EVERY_POLL = "every_poll"
    ROTATING = "rotating"
    DAILY = "daily"
    DICTIONARY = "dictionary"
    ON_CHANGE = "on_change"
    """Fetched when something else says it changed (and once a day): the inbox list."""


@dataclass(frozen=True, slots=True)
class PlannedFetch:
    key: PlanKey
    """What the fetch is for; also the `Fetched` field it fills (not for timetable weeks)."""
    endpoint: str
    cadence: Cadence
    parse: Callable[[Mapping[str, Any]], Any]
    week: int | None = None
    """For ``Timetables``: the week, in days from this Monday (``weekStart``)."""
    host: Literal["gateway", "messages"] = "gateway"
    """Where the endpoint lives: the Synergia gateway or the messages host's API."""
    query: tuple[tuple[str, str], ...] = ()

    def params(self, today: date) -> dict[str, str] | None:
        if self.week is None:
            return dict(self.query) or None
        monday = today - timedelta(days=today.weekday())
        return {"weekStart": self.week_start(monday).isoformat()}

    def week_start(self, monday: date) -> date:
        return monday + timedelta(days=self.week or 0)


PLAN: Final[tuple[PlannedFetch, ...]] = (
    PlannedFetch("grades", "Grades", Cadence.EVERY_POLL, parse_grades),
    PlannedFetch("attendance", "Attendances", Cadence.EVERY_POLL, parse_attendances),
    PlannedFetch("timetable_current", "Timetables", Cadence.EVERY_POLL, parse_timetable, 0),
    PlannedFetch("agenda", "HomeWorks", Cadence.EVERY_POLL, parse_agenda),
    PlannedFetch("notices", "SchoolNotices", Cadence.EVERY_POLL, parse_school_notices),
    PlannedFetch(
        "messages_unread", UNREAD_ENDPOINT, Cadence.EVERY_POLL, parse_unread_count, host="messages"
    ),
    PlannedFetch(
        "messages",
        INBOX_ENDPOINT,
        Cadence.ON_CHANGE,
        parse_inbox,
        host="messages",
        query=(("page", "1"), ("limit", str(MESSAGES_SHOWN))),
    ),
    PlannedFetch("lucky_number", "LuckyNumbers", Cadence.ROTATING, parse_lucky_number),
    PlannedFetch("homework", "HomeWorkAssignments", Cadence.ROTATING, parse_homework_assignments),
    PlannedFetch("timetable_next", "Timetables", Cadence.ROTATING, parse_timetable, 7),
    PlannedFetch("student", "Users/{user_id}", Cadence.DAILY, parse_student_user),
    PlannedFetch("school_class", "Classes", Cadence.DAILY, parse_class),
    PlannedFetch("school", "Schools", Cadence.DAILY, parse_school),
    PlannedFetch("timetable_previous", "Timetables", Cadence.DAILY, parse_timetable, -7),
    PlannedFetch("school_free_days", "SchoolFreeDays", Cadence.DAILY, parse_school_free_days),
    PlannedFetch("class_free_days", "ClassFreeDays", Cadence.DAILY, parse_class_free_days),
    PlannedFetch("subjects", "Subjects", Cadence.DICTIONARY, parse_subjects),
    PlannedFetch("staff", "Users", Cadence.DICTIONARY, parse_users),
    PlannedFetch(
        "grade_categories", "Grades/Categories", Cadence.DICTIONARY, parse_grade_categories
    ),
    PlannedFetch("grade_comments", "Grades/Comments", Cadence.DICTIONARY, parse_grade_comments),
    PlannedFetch(
        "attendance_types", "Attendances/Types", Cadence.DICTIONARY, parse_attendance_types
    ),
    PlannedFetch(
        "agenda_categories", "HomeWorks/Categories", Cadence.DICTIONARY, parse_agenda_categories
    ),
    PlannedFetch("classrooms", "Classrooms", Cadence.DICTIONARY, parse_classrooms),
)
PLAN_BY_KEY: Final[Mapping[str, PlannedFetch]] = {fetch.key: fetch for fetch in PLAN}
# One rotating endpoint per steady poll, in this order.
ROTATION: Final[tuple[PlanKey, ...]] = (
    "lucky_number",
    "homework",
    "lucky_number",
    "timetable_next",
)
STEADY_POLL_REQUESTS: Final = 7
DAILY_POLL_REQUESTS: Final = 1 + len(PLAN)  # Me + the whole plan (the inbox list included)
MESSAGES_BOOTSTRAP_REQUESTS: Final = 3  # /wiadomosci3, MultiDomainLogon, /nowy


def planned_keys(*, daily: bool, poll_number: int) -> list[PlanKey]:
    """The plan keys one poll fetches (Me is fetched before these on a daily poll; the inbox
    list after them, when :func:`inbox_list_due`)."""
    if daily:
        return [fetch.key for fetch in PLAN if fetch.cadence is not Cadence.ON_CHANGE]
    keys = [fetch.key for fetch in PLAN if fetch.cadence is Cadence.EVERY_POLL]
    keys.append(ROTATION[poll_number % len(ROTATION)])
    return keys


def inbox_list_due(
    fetched: Fetched, listed_at: int | None, missing: Iterable[str], *, daily: bool
) -> bool:
    """Whether the inbox list is fetched now, right after the unread count.

    On a daily poll, and whenever the count differs from the one the list was last fetched
    at (``listed_at``; None: never, or the module was away); never without a count.
    """
    absent = set(missing)
    count = fetched.messages_unread
    if count is None or "messages_unread" in absent:
        return False
    return daily or listed_at is None or "messages" in absent or count.inbox != listed_at


def poll_interval(now: datetime, scan_minutes: float, quiet_hours: bool) -> timedelta:
    """Scan interval by day; at night (22:00-06:00, if enabled) 3 h, but not past 06:00."""
    local = dt_util.as_local(now)
    if quiet_hours and (local.hour >= QUIET_START or local.hour < QUIET_END):
        wake = local.replace(hour=QUIET_END, minute=0, second=0, microsecond=0)
        if local.hour >= QUIET_END:
            wake += timedelta(days=1)
        return max(min(QUIET_INTERVAL, wake - local), timedelta(minutes=scan_minutes))
    return timedelta(minutes=scan_minutes)


def unknown_dictionaries(
    fetched: Fetched, tried: dict[str, set[str]], missing: Iterable[str]
) -> list[PlanKey]:
    """Dictionaries to refresh because data refers to ids they do not know (once per id).

    ``tried`` remembers the ids already asked for, per dictionary, and is updated.
    """
    absent = set(missing)
    wanted: dict[PlanKey, set[str]] = {}

    def need(key: PlanKey, known: Iterable[str], ids: Iterable[str | None]) -> None:
        have = set(known)
        wanted.setdefault(key, set()).update(i for i in ids if i and i not in have)

    grades = fetched.grades
    need("subjects", (s.id for s in fetched.subjects), (g.subject_id for g in grades))
    need(
        "grade_categories",
        (c.id for c in fetched.grade_categories),
        (g.category_id for g in grades),
    )
    need(
        "grade_comments",
        (c.id for c in fetched.grade_comments),
        (c for g in grades for c in g.comment_ids),
    )
    need("staff", (u.id for u in fetched.staff), (g.added_by_id for g in grades))
    need(
        "attendance_types",
        (t.id for t in fetched.attendance_types),
        (a.type_id for a in fetched.attendance or ()),
    )
    need(
        "agenda_categories",
        (c.id for c in fetched.agenda_categories),
        (a.category_id for a in fetched.agenda),
    )
    refresh = []
    for key, ids in wanted.items():
        fresh = ids - tried.setdefault(key, set())
        if fresh and key not in absent:
            tried[key] |= fresh
            refresh.append(key)
    return refresh
