"""The sync engine: what to fetch when, a typed snapshot, and what changed since last time.

Request plan (the gateway has no change feed, so the often-changing endpoints are polled and
the slow ones are rate-limited). A *daily* poll is the first poll of a local day, the first
poll after a restart, and the first refresh; every other poll is a *steady* poll.

=========================  =======================  =======================================
endpoint                   steady poll              daily poll
=========================  =======================  =======================================
Grades                     every poll               yes
Attendances                every poll               yes
Timetables (this week)     every poll               yes
HomeWorks (agenda)         every poll               yes
SchoolNotices              every poll               yes
LuckyNumbers               rotation slot 0 and 2    yes
HomeWorkAssignments        rotation slot 1          yes
Timetables (next week)     rotation slot 3          yes
Me, Users/{Me.UserId}      -                        yes (Me first: it also logs in)
Classes, Schools           -                        yes
Timetables (last week)     -                        yes
SchoolFreeDays,            -                        yes
ClassFreeDays
dictionaries: Subjects,    when an unknown id       yes
Users, Grades/Categories,  appears (once per id)
Grades/Comments,
Attendances/Types,
HomeWorks/Categories,
Classrooms
=========================  =======================  =======================================

So a steady poll makes exactly 6 requests (5 every-poll endpoints + 1 rotating one), a
daily poll 22, plus 9 for a login (the five steps: 2 + 1 + 4 + 1 + 1 requests) when the
session is new.

Session note: the client keeps the gateway session between polls (its cookie jar ignores
the cookie's 600 s Max-Age). When Librus does end the session, the first request of a poll
gets a 401; the client asks Synergia for a new session cookie without the password (1 extra
request) and repeats the read; only if that fails does it log in with the password (9 more).
A steady poll's first request runs alone, so a dead session is found by that one 401.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import types
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any, Final, Literal, Union, get_args, get_origin, get_type_hints

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ConfigEntryAuthFailed
from homeassistant.helpers.storage import Store
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator, UpdateFailed
from homeassistant.util import dt as dt_util

from .api import (
    LibrusAuthError,
    LibrusClient,
    LibrusConnectionError,
    LibrusError,
    LibrusLoginPausedError,
    LibrusMaintenanceError,
    LibrusModuleUnavailableError,
    LibrusSessionNotOpenedError,
    LibrusTimeoutError,
    LoginResult,
)
from .api import models as m
from .api.grades import counted_weight, current_semester, grade_value, subject_averages
from .api.grades import weighted_average as api_weighted_average
from .const import (
    CONF_QUIET_HOURS,
    CONF_SCAN_INTERVAL,
    DEFAULT_QUIET_HOURS,
    DEFAULT_SCAN_INTERVAL,
    DOMAIN,
    GRACE_PERIOD,
    MAX_CONCURRENT_REQUESTS,
    QUIET_END,
    QUIET_INTERVAL,
    QUIET_START,
    STORAGE_VERSION,
)

_LOGGER = logging.getLogger(__name__)

TZ = m.LIBRUS_TZ

# ------------------------------------------------------------------------------------------
# The snapshot: typed and immutable, built only from api models.

type LessonStatus = Literal["normal", "substitution", "cancelled", "moved"]
type AgendaKind = Literal["test", "quiz", "trip", "meeting", "other"]
type GradeKind = Literal[
    "regular", "semester_proposition", "semester", "final_proposition", "final"
]


@dataclass(frozen=True, slots=True, kw_only=True)
class Student:
    name: str
    class_name: str | None
    school_name: str | None
    register_number: int | None


@dataclass(frozen=True, slots=True, kw_only=True)
class LuckyNumber:
    number: int
    day: date


@dataclass(frozen=True, slots=True, kw_only=True)
class TimetableLesson:
    day: date
    number: int
    start: time | None
    end: time | None
    subject: str | None
    teacher: str | None
    room: str | None
    group: str | None
    status: LessonStatus
    note: str | None
    original_subject: str | None
    original_teacher: str | None
    original_room: str | None

    @property
    def starts_at(self) -> datetime | None:
        return None if self.start is None else datetime.combine(self.day, self.start, TZ)

    @property
    def ends_at(self) -> datetime | None:
        return None if self.end is None else datetime.combine(self.day, self.end, TZ)


@dataclass(frozen=True, slots=True, kw_only=True)
class TimetableDay:
    day: date
    lessons: tuple[TimetableLesson, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class TimetableWeek:
    start: date
    days: tuple[TimetableDay, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class AgendaItem:
    id: str
    day: date
    start: time | None
    end: time | None
    lesson_number: int | None
    kind: AgendaKind
    category: str | None
    content: str
    subject: str | None
    teacher: str | None
    added: datetime | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Homework:
    id: str
    topic: str
    text: str
    teacher: str | None
    assigned: date | None
    due: date | None


@dataclass(frozen=True, slots=True, kw_only=True)
class GradeItem:
    id: str
    subject_id: str | None
    subject: str | None
    value: str
    numeric: float | None
    weight: float | None
    counts: bool
    kind: GradeKind
    category: str | None
    day: date
    added: datetime | None
    teacher: str | None
    comment: str | None
    semester: int


@dataclass(frozen=True, slots=True, kw_only=True)
class SubjectGrades:
    subject_id: str
    subject: str
    grades: tuple[GradeItem, ...]
    average: float | None


@dataclass(frozen=True, slots=True, kw_only=True)
class SemesterGrades:
    semester: int
    subjects: tuple[SubjectGrades, ...]
    average: float | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Absence:
    id: str
    day: date
    lesson_number: int | None
    kind: str
    type_name: str | None
    semester: int | None


@dataclass(frozen=True, slots=True, kw_only=True)
class AttendanceSummary:
    semester: int
    lessons: int
    present: int
    absent_unexcused: int
    absent_excused: int
    late: int
    percentage: float | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Notice:
    id: str
    title: str
    content: str
    start: date | None
    end: date | None
    author: str | None
    created: datetime | None


@dataclass(frozen=True, slots=True, kw_only=True)
class FreeDay:
    id: str
    name: str
    start: date
    end: date
    scope: str


@dataclass(frozen=True, slots=True, kw_only=True)
class LibrusSnapshot:
    """Everything entities (and the cards' websocket API) read; never raw JSON."""

    student: Student
    today: date
    semester: int
    lucky_number: LuckyNumber | None
    weeks: tuple[TimetableWeek, ...]
    agenda: tuple[AgendaItem, ...]
    homework: tuple[Homework, ...]
    grades: tuple[SemesterGrades, ...]
    absences: tuple[Absence, ...]
    attendance: AttendanceSummary | None
    notices: tuple[Notice, ...]
    free_days: tuple[FreeDay, ...]
    missing: frozenset[str] = frozenset()
    """Plan keys of the modules Librus reports as absent for this account."""
    fetched_at: datetime | None = None

    def lessons(self) -> Iterable[TimetableLesson]:
        for week in self.weeks:
            for day in week.days:
                yield from day.lessons

    def all_grades(self) -> Iterable[GradeItem]:
        for semester in self.grades:
            for subject in semester.subjects:
                yield from subject.grades

    def semester_grades(self, semester: int | None = None) -> SemesterGrades | None:
        wanted = self.semester if semester is None else semester
        return next((s for s in self.grades if s.semester == wanted), None)

    def is_free_day(self, day: date) -> bool:
        return any(free.start <= day <= free.end for free in self.free_days)

    def is_school_day(self, day: date) -> bool | None:
        """Lessons that are not cancelled, on a day that is not free; None if not known."""
        if day.weekday() >= 5 or self.is_free_day(day):
            return False
        known = [d for week in self.weeks for d in week.days if d.day == day]
        if not known:
            return None
        return any(lesson.status != "cancelled" for lesson in known[0].lessons)


@dataclass(frozen=True, slots=True, kw_only=True)
class LibrusChanges:
    """New items since the previous sync (empty on the first sync and on failures)."""

    grades: tuple[GradeItem, ...] = ()
    notices: tuple[Notice, ...] = ()
    agenda: tuple[AgendaItem, ...] = ()
    absences: tuple[Absence, ...] = ()


SEEN_KINDS: Final = ("grades", "notices", "agenda", "absences")
_SEEN_SOURCES: Final = {
    "grades": "grades",
    "notices": "notices",
    "agenda": "homeworks",
    "absences": "attendances",
}

# ------------------------------------------------------------------------------------------
# Snapshot <-> JSON (for the Store), driven by the dataclasses' type hints.


def to_json(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [to_json(item) for item in value]
    if isinstance(value, frozenset | set):
        return sorted(to_json(item) for item in value)
    return value


def from_json(hint: Any, value: Any) -> Any:
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        if value is None:
            return None
        inner = [arg for arg in get_args(hint) if arg is not type(None)]
        return from_json(inner[0], value)
    if origin is tuple:
        return tuple(from_json(get_args(hint)[0], item) for item in value)
    if origin is frozenset:
        return frozenset(from_json(get_args(hint)[0], item) for item in value)
    if origin is Literal or hasattr(hint, "__value__"):
        return value  # Literal aliases hold plain strings
    if dataclasses.is_dataclass(hint):
        hints = get_type_hints(hint)
        factory: Any = hint
        return factory(
            **{f.name: from_json(hints[f.name], value[f.name]) for f in dataclasses.fields(hint)}
        )
    if hint is datetime:
        return datetime.fromisoformat(value)
    if hint is date:
        return date.fromisoformat(value)
    if hint is time:
        return time.fromisoformat(value)
    if hint is float and value is not None:
        return float(value)
    return value


# ------------------------------------------------------------------------------------------
# The plan


class Cadence(StrEnum):
    EVERY_POLL = "every_poll"
    ROTATING = "rotating"
    DAILY = "daily"
    DICTIONARY = "dictionary"


@dataclass(frozen=True, slots=True)
class PlannedFetch:
    key: str
    endpoint: str
    cadence: Cadence
    parse: Callable[[Mapping[str, Any]], Any]


def _parse_lucky(payload: Mapping[str, Any]) -> m.LuckyNumber | None:
    return m.parse_lucky_number(payload)


PLAN: Final[tuple[PlannedFetch, ...]] = (
    PlannedFetch("grades", "Grades", Cadence.EVERY_POLL, m.parse_grades),
    PlannedFetch("attendances", "Attendances", Cadence.EVERY_POLL, m.parse_attendances),
    PlannedFetch("timetable_current", "Timetables", Cadence.EVERY_POLL, m.parse_timetable),
    PlannedFetch("homeworks", "HomeWorks", Cadence.EVERY_POLL, m.parse_agenda),
    PlannedFetch("notices", "SchoolNotices", Cadence.EVERY_POLL, m.parse_school_notices),
    PlannedFetch("lucky_number", "LuckyNumbers", Cadence.ROTATING, _parse_lucky),
    PlannedFetch(
        "assignments", "HomeWorkAssignments", Cadence.ROTATING, m.parse_homework_assignments
    ),
    PlannedFetch("timetable_next", "Timetables", Cadence.ROTATING, m.parse_timetable),
    PlannedFetch("student", "Users/{user_id}", Cadence.DAILY, m.parse_student_user),
    PlannedFetch("class", "Classes", Cadence.DAILY, m.parse_class),
    PlannedFetch("school", "Schools", Cadence.DAILY, m.parse_school),
    PlannedFetch("timetable_previous", "Timetables", Cadence.DAILY, m.parse_timetable),
    PlannedFetch("school_free_days", "SchoolFreeDays", Cadence.DAILY, m.parse_school_free_days),
    PlannedFetch("class_free_days", "ClassFreeDays", Cadence.DAILY, m.parse_class_free_days),
    PlannedFetch("subjects", "Subjects", Cadence.DICTIONARY, m.parse_subjects),
    PlannedFetch("users", "Users", Cadence.DICTIONARY, m.parse_users),
    PlannedFetch("categories", "Grades/Categories", Cadence.DICTIONARY, m.parse_grade_categories),
    PlannedFetch("comments", "Grades/Comments", Cadence.DICTIONARY, m.parse_grade_comments),
    PlannedFetch(
        "attendance_types", "Attendances/Types", Cadence.DICTIONARY, m.parse_attendance_types
    ),
    PlannedFetch(
        "agenda_categories", "HomeWorks/Categories", Cadence.DICTIONARY, m.parse_agenda_categories
    ),
    PlannedFetch("classrooms", "Classrooms", Cadence.DICTIONARY, m.parse_classrooms),
)
PLAN_BY_KEY: Final = {fetch.key: fetch for fetch in PLAN}
# One rotating endpoint per steady poll, in this order.
ROTATION: Final = ("lucky_number", "assignments", "lucky_number", "timetable_next")
STEADY_POLL_REQUESTS: Final = 6
DAILY_POLL_REQUESTS: Final = 1 + len(PLAN)  # Me + the whole plan


def planned_keys(*, daily: bool, poll_number: int) -> list[str]:
    """The plan keys one poll fetches (Me is fetched before these on a daily poll)."""
    if daily:
        return [fetch.key for fetch in PLAN]
    keys = [fetch.key for fetch in PLAN if fetch.cadence is Cadence.EVERY_POLL]
    keys.append(ROTATION[poll_number % len(ROTATION)])
    return keys


def poll_interval(now: datetime, scan_minutes: float, quiet_hours: bool) -> timedelta:
    """Scan interval by day; at night (22:00-06:00, if enabled) 3 h, but not past 06:00."""
    local = dt_util.as_local(now)
    if quiet_hours and (local.hour >= QUIET_START or local.hour < QUIET_END):
        wake = local.replace(hour=QUIET_END, minute=0, second=0, microsecond=0)
        if local.hour >= QUIET_END:
            wake += timedelta(days=1)
        return max(min(QUIET_INTERVAL, wake - local), timedelta(minutes=scan_minutes))
    return timedelta(minutes=scan_minutes)


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


def _grade_kind(grade: m.Grade) -> GradeKind:
    if grade.is_final:
        return "final"
    if grade.is_final_proposition:
        return "final_proposition"
    if grade.is_semester:
        return "semester"
    if grade.is_semester_proposition:
        return "semester_proposition"
    return "regular"


# ------------------------------------------------------------------------------------------
# The coordinator


@dataclass(slots=True)
class LibrusRuntimeData:
    """What a loaded entry keeps: its Librus client and its coordinator."""

    client: LibrusClient
    coordinator: LibrusCoordinator

    @property
    def identity(self) -> LoginResult | None:
        """What the login learnt (None until the client has logged in)."""
        return self.client.identity


type LibrusConfigEntry = ConfigEntry[LibrusRuntimeData]


class LibrusCoordinator(DataUpdateCoordinator[LibrusSnapshot]):
    """Polls Librus by the plan above; keeps last-good data through short outages."""

    config_entry: LibrusConfigEntry

    def __init__(
        self,
        hass: HomeAssistant,
        entry: LibrusConfigEntry,
        client: LibrusClient,
    ) -> None:
        self.client = client
        self.scan_minutes = float(entry.options.get(CONF_SCAN_INTERVAL, DEFAULT_SCAN_INTERVAL))
        self.quiet_hours = bool(entry.options.get(CONF_QUIET_HOURS, DEFAULT_QUIET_HOURS))
        super().__init__(
            hass,
            _LOGGER,
            config_entry=entry,
            name=f"{DOMAIN} {entry.title}",
            update_interval=poll_interval(dt_util.utcnow(), self.scan_minutes, self.quiet_hours),
            always_update=True,
        )
        self.store: Store[dict[str, Any]] = Store(
            hass, STORAGE_VERSION, f"{DOMAIN}.{entry.entry_id}"
        )
        self.changes = LibrusChanges()
        self.seen: dict[str, set[str]] | None = None
        self.poll_number = 0
        self.last_plan: list[str] = []
        self.last_success: datetime | None = None
        self._models: dict[str, Any] = {}
        self._me: m.Me | None = None
        self._daily_done: date | None = None
        self._missing: set[str] = set()
        self._tried_unknown: dict[str, set[str]] = {}
        self._outage_since: datetime | None = None
        self._semaphore = asyncio.Semaphore(MAX_CONCURRENT_REQUESTS)

    # ---------------------------------------------------------------- persistence

    async def async_load_stored(self) -> bool:
        """Restore the last snapshot and seen-set; True when a snapshot was restored."""
        stored = await self.store.async_load()
        if not stored:
            return False
        try:
            snapshot = from_json(LibrusSnapshot, stored["snapshot"])
            seen = {kind: set(stored["seen"][kind]) for kind in SEEN_KINDS}
        except (KeyError, TypeError, ValueError) as err:
            _LOGGER.debug("Ignoring stored Librus data of another shape: %s", err)
            return False
        self.seen = seen
        self.data = snapshot
        self.last_success = snapshot.fetched_at
        return True

    async def _async_save(self, snapshot: LibrusSnapshot) -> None:
        assert self.seen is not None
        await self.store.async_save(
            {
                "snapshot": to_json(snapshot),
                "seen": {kind: sorted(ids) for kind, ids in self.seen.items()},
            }
        )

    # ---------------------------------------------------------------- polling

    async def _async_update_data(self) -> LibrusSnapshot:
        self.changes = LibrusChanges()
        now = dt_util.utcnow()
        self.update_interval = poll_interval(now, self.scan_minutes, self.quiet_hours)
        self.client.start_poll()
        try:
            snapshot = await self._poll(now)
        except LibrusAuthError as err:
            # Only Librus's login form rejecting the stored password asks for it again; an
            # accepted password without a session (LibrusSessionNotOpenedError) is an outage.
            raise ConfigEntryAuthFailed(
                translation_domain=DOMAIN, translation_key="invalid_auth"
            ) from err
        except LibrusError as err:
            return self._outage(err, now)
        if self._outage_since is not None:
            _LOGGER.info("Librus is available again")
            self._outage_since = None
        self.last_success = now
        self._detect_changes(snapshot)
        await self._async_save(snapshot)
        return snapshot

    def _outage(self, err: LibrusError, now: datetime) -> LibrusSnapshot:
        key = not_ready_key(err)
        previous = self.data
        if self._outage_since is None:
            self._outage_since = now
            if previous is not None:
                _LOGGER.info("Librus is unavailable (%s); showing the last data", err)
        last_good = self.last_success or now
        if previous is not None and now - last_good < GRACE_PERIOD:
            return previous
        raise UpdateFailed(translation_domain=DOMAIN, translation_key=key) from err

    async def _poll(self, now: datetime) -> LibrusSnapshot:
        today = dt_util.as_local(now).date()
        daily = self._daily_done != today or self._me is None
        if daily:
            self._me = await self.client.get_me()
        keys = planned_keys(daily=daily, poll_number=self.poll_number)
        self.poll_number += 1
        self.last_plan = (["me"] if daily else []) + keys
        await self._fetch_all(keys, today, probe=not daily)
        unknown = self._unknown_dictionaries()
        if unknown:
            await self._fetch_all(unknown, today)
            self.last_plan += unknown
        if daily:
            self._daily_done = today
        return self._build(today, now)

    async def _fetch_all(self, keys: list[str], today: date, *, probe: bool = False) -> None:
        if probe and keys:
            # One request alone first: a dead session then costs one 401, not one per reader.
            await self._fetch(PLAN_BY_KEY[keys[0]], today)
            keys = keys[1:]
        results = await asyncio.gather(
            *(self._fetch(PLAN_BY_KEY[key], today) for key in keys), return_exceptions=True
        )
        for result in results:
            if isinstance(result, BaseException):
                raise result

    async def _fetch(self, fetch: PlannedFetch, today: date) -> None:
        monday = today - timedelta(days=today.weekday())
        weeks = {"timetable_previous": -7, "timetable_current": 0, "timetable_next": 7}
        params: dict[str, str] | None = None
        if fetch.key in weeks:
            params = {"weekStart": (monday + timedelta(days=weeks[fetch.key])).isoformat()}
        assert self._me is not None
        endpoint = fetch.endpoint.format(user_id=self._me.account_user_id)
        async with self._semaphore:
            try:
                payload = await self.client.get_json(endpoint, params)
                parsed = fetch.parse(payload)
            except LibrusModuleUnavailableError as err:
                if fetch.key not in self._missing:
                    _LOGGER.debug("Librus module %s is not available: %s", fetch.key, err)
                self._missing.add(fetch.key)
                self._models.pop(fetch.key, None)
                return
        self._missing.discard(fetch.key)
        if fetch.key in weeks:
            timetables: dict[date, m.TimetableWeek] = self._models.setdefault("timetables", {})
            timetables[monday + timedelta(days=weeks[fetch.key])] = parsed
        else:
            self._models[fetch.key] = parsed

    def _unknown_dictionaries(self) -> list[str]:
        """Dictionaries to refresh because data refers to ids they do not know (once per id)."""
        wanted: dict[str, set[str]] = {}

        def need(key: str, ids: Iterable[str | None]) -> None:
            known = {item.id for item in self._models.get(key, ())}
            wanted.setdefault(key, set()).update(i for i in ids if i and i not in known)

        grades: tuple[m.Grade, ...] = self._models.get("grades", ())
        need("subjects", (g.subject_id for g in grades))
        need("categories", (g.category_id for g in grades))
        need("comments", (c for g in grades for c in g.comment_ids))
        need("users", (g.added_by_id for g in grades))
        need("attendance_types", (a.type_id for a in self._models.get("attendances", ())))
        need("agenda_categories", (a.category_id for a in self._models.get("homeworks", ())))
        refresh = []
        for key, ids in wanted.items():
            fresh = ids - self._tried_unknown.setdefault(key, set())
            if fresh and key not in self._missing:
                self._tried_unknown[key] |= fresh
                refresh.append(key)
        return refresh

    # ---------------------------------------------------------------- building the snapshot

    def _build(self, today: date, now: datetime) -> LibrusSnapshot:
        models = self._models
        me = self._me
        assert me is not None
        users = m.by_id(models.get("users", ()))
        subjects = m.by_id(models.get("subjects", ()))
        classrooms = m.by_id(models.get("classrooms", ()))

        def person(user_id: str | None) -> str | None:
            user = users.get(user_id) if user_id else None
            if user is None:
                return None
            return " ".join(p for p in (user.first_name, user.last_name) if p) or None

        def room(room_id: str | None) -> str | None:
            found = classrooms.get(room_id) if room_id else None
            return None if found is None else (found.symbol or found.name)

        def subject_name(subject_id: str | None) -> str | None:
            found = subjects.get(subject_id) if subject_id else None
            return None if found is None else found.name

        school_class: m.SchoolClass | None = models.get("class")
        school: m.School | None = models.get("school")
        student_user: m.StudentUser | None = models.get("student")
        class_name = None
        if school_class is not None:
            class_name = f"{school_class.number or ''}{school_class.symbol}"
        semester = current_semester(school_class, today) if school_class else 1
        student = Student(
            name=f"{me.student_first_name} {me.student_last_name}".strip(),
            class_name=class_name,
            school_name=school.name if school else None,
            register_number=student_user.class_register_number if student_user else None,
        )
        lucky_model: m.LuckyNumber | None = models.get("lucky_number")
        lucky = LuckyNumber(number=lucky_model.number, day=lucky_model.day) if lucky_model else None

        # Timetable: last, this and next week.
        monday = today - timedelta(days=today.weekday())
        timetables: dict[date, m.TimetableWeek] = models.get("timetables", {})
        weeks = []
        for offset in (-7, 0, 7):
            start = monday + timedelta(days=offset)
            week = timetables.get(start)
            if week is None:
                continue
            weeks.append(
                TimetableWeek(
                    start=start,
                    days=tuple(
                        TimetableDay(
                            day=day,
                            lessons=tuple(
                                _lesson(lesson, person, room, subject_name)
                                for lesson in week.lessons
                                if lesson.date == day
                            ),
                        )
                        for day in week.days
                    ),
                )
            )

        categories = m.by_id(models.get("agenda_categories", ()))
        agenda = tuple(
            AgendaItem(
                id=entry.id,
                day=entry.date,
                start=entry.time_from,
                end=entry.time_to,
                lesson_number=entry.lesson_no,
                kind=agenda_kind(_name(categories, entry.category_id)),
                category=_name(categories, entry.category_id),
                content=entry.content,
                subject=subject_name(entry.subject_id),
                teacher=person(entry.created_by_id),
                added=entry.add_date,
            )
            for entry in sorted(models.get("homeworks", ()), key=lambda e: (e.date, e.id))
        )
        homework = tuple(
            Homework(
                id=item.id,
                topic=item.topic,
                text=item.text,
                teacher=person(item.teacher_id),
                assigned=item.date,
                due=item.due_date,
            )
            for item in models.get("assignments", ())
        )
        notices = tuple(
            Notice(
                id=notice.id,
                title=notice.title,
                content=notice.content,
                start=notice.start_date,
                end=notice.end_date,
                author=person(notice.added_by_id),
                created=notice.creation_date,
            )
            for notice in models.get("notices", ())
        )
        free_days = tuple(
            FreeDay(
                id=f"{free.scope}-{free.id}",
                name=free.name,
                start=free.date_from,
                end=free.date_to,
                scope=free.scope,
            )
            for key in ("school_free_days", "class_free_days")
            for free in models.get(key, ())
        )
        grades = self._grades(subject_name, person)
        absences, attendance = self._attendance(semester)
        return LibrusSnapshot(
            student=student,
            today=today,
            semester=semester,
            lucky_number=lucky,
            weeks=tuple(weeks),
            agenda=agenda,
            homework=homework,
            grades=grades,
            absences=absences,
            attendance=attendance,
            notices=notices,
            free_days=free_days,
            missing=frozenset(self._missing),
            fetched_at=now,
        )

    def _grades(
        self,
        subject_name: Callable[[str | None], str | None],
        person: Callable[[str | None], str | None],
    ) -> tuple[SemesterGrades, ...]:
        grades: tuple[m.Grade, ...] = self._models.get("grades", ())
        categories = tuple(self._models.get("categories", ()))
        category_map = m.by_id(categories)
        comments = m.by_id(self._models.get("comments", ()))
        result = []
        for semester in sorted({g.semester for g in grades}):
            in_semester = [g for g in grades if g.semester == semester]
            averages = subject_averages(in_semester, categories, semester=semester)
            per_subject: dict[str, list[GradeItem]] = {}
            for grade in in_semester:
                category = category_map.get(grade.category_id) if grade.category_id else None
                weight = counted_weight(grade, category)
                comment = next((comments[c].text for c in grade.comment_ids if c in comments), None)
                per_subject.setdefault(grade.subject_id or "", []).append(
                    GradeItem(
                        id=grade.id,
                        subject_id=grade.subject_id,
                        subject=subject_name(grade.subject_id),
                        value=grade.grade,
                        numeric=grade_value(grade.grade),
                        weight=category.weight if category else None,
                        counts=weight is not None,
                        kind=_grade_kind(grade),
                        category=category.name if category else None,
                        day=grade.date,
                        added=grade.add_date,
                        teacher=person(grade.added_by_id),
                        comment=comment,
                        semester=grade.semester,
                    )
                )
            result.append(
                SemesterGrades(
                    semester=semester,
                    subjects=tuple(
                        SubjectGrades(
                            subject_id=subject_id,
                            subject=subject_name(subject_id) or subject_id,
                            grades=tuple(items),
                            average=averages.get(subject_id),
                        )
                        for subject_id, items in sorted(per_subject.items())
                    ),
                    average=api_weighted_average(in_semester, categories, semester=semester),
                )
            )
        return tuple(result)

    def _attendance(self, semester: int) -> tuple[tuple[Absence, ...], AttendanceSummary | None]:
        if "attendances" not in self._models:
            return (), None
        attendances: tuple[m.Attendance, ...] = self._models["attendances"]
        types_by_id = m.by_id(self._models.get("attendance_types", ()))
        absences = []
        lessons = present = unexcused = excused = late = 0
        for item in attendances:
            kind_type = types_by_id.get(item.type_id)
            kind = kind_type.kind if kind_type else m.AttendanceKind.OTHER
            if kind in (m.AttendanceKind.ABSENT, m.AttendanceKind.EXCUSED):
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
            unexcused += kind is m.AttendanceKind.ABSENT
            excused += kind is m.AttendanceKind.EXCUSED
            late += kind is m.AttendanceKind.LATE
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

    # ---------------------------------------------------------------- change detection

    def _detect_changes(self, snapshot: LibrusSnapshot) -> None:
        current: dict[str, dict[str, Any]] = {
            "grades": {g.id: g for g in snapshot.all_grades()},
            "notices": {n.id: n for n in snapshot.notices},
            "agenda": {a.id: a for a in snapshot.agenda},
            "absences": {a.id: a for a in snapshot.absences},
        }
        if self.seen is None:  # the very first sync only seeds the seen-set
            self.seen = {kind: set(items) for kind, items in current.items()}
            return
        new: dict[str, tuple[Any, ...]] = {}
        for kind, items in current.items():
            if _SEEN_SOURCES[kind] in snapshot.missing:
                new[kind] = ()
                continue
            seen = self.seen.setdefault(kind, set())
            new[kind] = tuple(item for key, item in items.items() if key not in seen)
            self.seen[kind] = set(items)
        self.changes = LibrusChanges(
            grades=new["grades"],
            notices=new["notices"],
            agenda=new["agenda"],
            absences=new["absences"],
        )


def _name(items: Mapping[str, Any], item_id: str | None) -> str | None:
    found = items.get(item_id) if item_id else None
    return None if found is None else str(found.name)


def _lesson(
    lesson: m.TimetableLesson,
    person: Callable[[str | None], str | None],
    room: Callable[[str | None], str | None],
    subject_name: Callable[[str | None], str | None],
) -> TimetableLesson:
    status: LessonStatus = "normal"
    if lesson.is_canceled:
        status = "cancelled"
    elif lesson.is_moved:
        status = "moved"
    elif lesson.is_substitution:
        status = "substitution"
    changed = status != "normal"
    return TimetableLesson(
        day=lesson.date,
        number=lesson.lesson_no,
        start=lesson.time_from,
        end=lesson.time_to,
        subject=lesson.subject_name or subject_name(lesson.subject_id),
        teacher=lesson.teacher_name or person(lesson.teacher_id),
        room=room(lesson.classroom_id),
        group=lesson.virtual_class_name,
        status=status,
        note=lesson.substitution_note,
        original_subject=subject_name(lesson.org_subject_id) if changed else None,
        original_teacher=person(lesson.org_teacher_id) if changed else None,
        original_room=room(lesson.org_classroom_id) if changed else None,
    )


def not_ready_key(err: LibrusError) -> str:
    """The translated reason shown while Librus is unavailable."""
    if isinstance(err, LibrusSessionNotOpenedError):
        return "session_not_opened"
    if isinstance(err, LibrusLoginPausedError):
        return "login_paused"
    if isinstance(err, LibrusMaintenanceError):
        return "maintenance"
    if isinstance(err, LibrusTimeoutError):
        return "timeout"
    if isinstance(err, LibrusConnectionError):
        return "cannot_connect"
    return "unexpected_response"
