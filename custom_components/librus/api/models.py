"""Typed models of the Librus gateway responses, and one parser per endpoint.

Every ``parse_*`` function takes the decoded JSON body (a ``Mapping``) of one gateway endpoint
and returns frozen dataclasses; no JSON dict travels past ``api/``. The conventions below
follow ``librus-api.md`` §3.1.

Identifiers
    Librus mixes id types: mostly JSON integers, but strings in ``Timetables`` (``"41999"``),
    ``t``-prefixed strings on some ``Attendances`` (``"t403208"``), ``LID-…`` strings on
    ``SchoolNotices``. Ids are only ever compared and used as keys, never computed with, so
    every model stores them as ``str`` (``12`` and ``"12"`` both become ``"12"``); see
    :func:`normalize_id`. The one exception is :class:`Me`, whose account numbers stay ``int``
    because the config entry and unique ids are built from them.

Absent versus null
    Librus leaves optional fields out when empty (``Subject``, ``Classroom``, ``Weight``,
    ``Short``…) and sends ``null`` for others (``FirstName``). Both become ``None`` (or an
    empty tuple for lists); models never distinguish them.

Dates and times
    Dates (``YYYY-MM-DD``) become :class:`datetime.date`; clock times (``HH:MM`` or
    ``HH:MM:SS``) become naive :class:`datetime.time` (a bell schedule has no zone).
    Timestamps (``YYYY-MM-DD HH:MM:SS``, e.g. ``AddDate``) are Polish local time without a
    zone; they become **aware** datetimes in ``Europe/Warsaw`` (:data:`LIBRUS_TZ`), because
    Home Assistant needs aware datetimes for timestamps and calendars and comparing them with
    ``dt_util.now()`` must not silently shift by one or two hours.

Status bodies
    ``{"Status": "Disabled"}`` and ``{"Status": "Error", "Code": …}`` come back with HTTP 200
    on some endpoints. :func:`status_of` names them; every parser calls
    :func:`raise_for_status` first, which maps them onto the error taxonomy
    (``Disabled``/``*NotActive``/``AccessDeny`` → :class:`LibrusModuleUnavailableError`,
    ``Maintenance`` → :class:`LibrusMaintenanceError`, ``TokenIsExpired`` →
    :class:`LibrusSessionExpiredError`, anything else → :class:`LibrusResponseError`).

Tolerance
    Unknown fields are ignored. One malformed item in a list is skipped, counted in
    :attr:`Items.skipped` and logged at debug level; a body of the wrong shape (not an object,
    resource key missing, list where an object belongs) raises :class:`LibrusResponseError`.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any, Literal, Protocol, Self
from zoneinfo import ZoneInfo

from .errors import (
    LibrusMaintenanceError,
    LibrusModuleUnavailableError,
    LibrusResponseError,
    LibrusSessionExpiredError,
)

_LOGGER = logging.getLogger(__name__)

LIBRUS_TZ = ZoneInfo("Europe/Warsaw")
"""The zone of every Librus timestamp (they are sent without one)."""

PARENT_GROUP_IDS = frozenset({5, 6})
"""``Me.Account.GroupId`` values of a parent (or guardian) login; 8 is a student."""


class Items[T](tuple[T, ...]):
    """The models parsed from one list endpoint, plus how many raw items were skipped.

    It *is* a tuple (iterate, index, compare with a tuple); ``skipped`` counts the items
    that could not be understood and were left out.
    """

    skipped: int

    def __new__(cls, items: Iterable[T] = (), skipped: int = 0) -> Self:
        """Build the tuple and remember the skip count."""
        instance = super().__new__(cls, items)
        instance.skipped = skipped
        return instance

    def __repr__(self) -> str:
        """Show the skip count beside the items."""
        return f"Items({tuple(self)!r}, skipped={self.skipped})"


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


def by_id[HasIdT: _HasId](items: Iterable[HasIdT]) -> dict[str, HasIdT]:
    """Index models by their ``id`` (the last one wins on a duplicate id)."""
    return {item.id: item for item in items}


# --------------------------------------------------------------------------------------------
# Low-level helpers


class _MalformedError(Exception):
    """One item cannot be understood; the list parser skips it."""


def normalize_id(value: object) -> str:
    """Return a Librus id as ``str``: ``12`` and ``"12"`` → ``"12"``, ``"t41"`` stays.

    Raises ``ValueError`` for anything that is not a non-empty string or an integer.
    """
    if isinstance(value, bool):  # bool is an int subclass; never a valid id
        raise ValueError("id is a boolean")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    raise ValueError(f"not an id: {type(value).__name__}")


def _id(item: Mapping[str, Any], key: str = "Id") -> str:
    if key not in item:
        raise _MalformedError(f"{key} missing")
    return normalize_id(item[key])


def _ref_id(item: Mapping[str, Any], key: str) -> str | None:
    """Id of a reference ``{"Id": …, "Url": …}`` (or a bare id); ``None`` when absent/null."""
    ref = item.get(key)
    if ref is None:
        return None
    if isinstance(ref, Mapping):
        inner = ref.get("Id")
        return None if inner is None else normalize_id(inner)
    return normalize_id(ref)


def _ref_ids(item: Mapping[str, Any], key: str) -> tuple[str, ...]:
    """Ids of a list of references (items may be refs or bare ids); duplicates dropped."""
    refs = item.get(key)
    if refs is None:
        return ()
    if not isinstance(refs, list):
        raise _MalformedError(f"{key} is not a list")
    ids: list[str] = []
    for ref in refs:
        ref_id = _ref_id({"r": ref}, "r")
        if ref_id is not None and ref_id not in ids:
            ids.append(ref_id)
    return tuple(ids)


def _opt_str(item: Mapping[str, Any], key: str) -> str | None:
    value = item.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise _MalformedError(f"{key} is not text")


def _str(item: Mapping[str, Any], key: str) -> str:
    """Text that may be absent or null (→ ``""``)."""
    return _opt_str(item, key) or ""


def _req_str(item: Mapping[str, Any], key: str) -> str:
    value = _opt_str(item, key)
    if value is None:
        raise _MalformedError(f"{key} missing")
    return value


def _as_int(value: object) -> int | None:
    """An int from an int or a numeric string (``"3"``); ``None`` for null/empty."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError("boolean where a number belongs")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        return int(value.strip())
    raise ValueError(f"not a number: {type(value).__name__}")


def _opt_int(item: Mapping[str, Any], key: str) -> int | None:
    try:
        return _as_int(item.get(key))
    except ValueError as err:
        raise _MalformedError(f"{key}: {err}") from None


def _opt_float(item: Mapping[str, Any], key: str) -> float | None:
    value = item.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise _MalformedError(f"{key} is a boolean")
    if isinstance(value, int | float):
        return value
    if isinstance(value, str):
        try:
            return float(value.strip().replace(",", "."))  # schools write "0,75"
        except ValueError:
            raise _MalformedError(f"{key} is not a number") from None
    raise _MalformedError(f"{key} is not a number")


def _bool(item: Mapping[str, Any], key: str, default: bool = False) -> bool:
    """A flag; optional flags are absent when false. Accepts 0/1 and ``"true"``-style text."""
    value = item.get(key)
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value != 0
    if isinstance(value, str):  # e.g. Grades/Categories IsReadOnly is a string
        text = value.strip().lower()
        if text in {"1", "true", "t", "yes", "tak"}:
            return True
        if text in {"", "0", "false", "f", "no", "nie"}:
            return False
    raise _MalformedError(f"{key} is not a flag")


def parse_date(value: object) -> date:
    """Parse ``YYYY-MM-DD`` (also unpadded ``2023-9-4``, which Librus accepts)."""
    if not isinstance(value, str):
        raise ValueError(f"not a date: {type(value).__name__}")
    parts = value.strip().split("-")
    if len(parts) != 3:
        raise ValueError("not a YYYY-MM-DD date")
    year, month, day = (int(part) for part in parts)
    return date(year, month, day)


def parse_time(value: object) -> time:
    """Parse ``HH:MM`` or ``HH:MM:SS`` into a naive time."""
    if not isinstance(value, str):
        raise ValueError(f"not a time: {type(value).__name__}")
    parts = value.strip().split(":")
    if len(parts) not in (2, 3):
        raise ValueError("not a HH:MM time")
    numbers = [int(part) for part in parts]
    return time(numbers[0], numbers[1], numbers[2] if len(numbers) == 3 else 0)


def parse_datetime(value: object) -> datetime:
    """Parse ``YYYY-MM-DD HH:MM:SS`` (Polish local time) into an aware datetime.

    A bare date (seen on some ``AddDate`` values) means local midnight.
    """
    if not isinstance(value, str):
        raise ValueError(f"not a timestamp: {type(value).__name__}")
    text = value.strip().replace("T", " ")
    day_text, _, clock_text = text.partition(" ")
    clock = parse_time(clock_text) if clock_text else time(0, 0)
    return datetime.combine(parse_date(day_text), clock, tzinfo=LIBRUS_TZ)


def _opt_parsed[T](item: Mapping[str, Any], key: str, parser: Callable[[object], T]) -> T | None:
    value = item.get(key)
    if value is None or value == "":
        return None
    try:
        return parser(value)
    except ValueError as err:
        raise _MalformedError(f"{key}: {err}") from None


def _req_parsed[T](item: Mapping[str, Any], key: str, parser: Callable[[object], T]) -> T:
    value = _opt_parsed(item, key, parser)
    if value is None:
        raise _MalformedError(f"{key} missing")
    return value


def _opt_date(item: Mapping[str, Any], key: str) -> date | None:
    return _opt_parsed(item, key, parse_date)


def _req_date(item: Mapping[str, Any], key: str) -> date:
    return _req_parsed(item, key, parse_date)


def _opt_time(item: Mapping[str, Any], key: str) -> time | None:
    return _opt_parsed(item, key, parse_time)


def _opt_datetime(item: Mapping[str, Any], key: str) -> datetime | None:
    return _opt_parsed(item, key, parse_datetime)


def _mapping(value: object, what: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise _MalformedError(f"{what} is not an object")
    return value


# --------------------------------------------------------------------------------------------
# Envelope and status bodies

_UNAVAILABLE_CODES = frozenset(
    {
        "Disabled",
        "AccessDeny",
        "Insufficient scopes",
        "Request is denied",
        "NotFound",
        "Resource not found",
    }
)
_SESSION_CODES = frozenset({"TokenIsExpired"})
_OK_STATUSES = frozenset({"OK", "Ok", "ok", "Success"})


def status_of(payload: object) -> str | None:
    """Name the status of a body that carries one, else ``None``.

    ``{"Status": "Disabled"}`` → ``"Disabled"``; ``{"Status": "Maintenance", …}`` →
    ``"Maintenance"``; ``{"Status": "Error", "Code": "LuckyNumberIsNotActive", …}`` →
    ``"LuckyNumberIsNotActive"`` (an error without a ``Code`` gives its ``Message``, or
    ``"Error"``). Ordinary data bodies have no ``Status`` key and give ``None``.
    """
    if not isinstance(payload, Mapping):
        return None
    status = payload.get("Status")
    if not isinstance(status, str) or not status:
        return None
    if status != "Error":
        return status
    for key in ("Code", "Message"):
        detail = payload.get(key)
        if isinstance(detail, str) and detail:
            return detail
    return "Error"


def raise_for_status(payload: object, endpoint: str) -> None:
    """Raise the matching error when ``payload`` is a status body (not data)."""
    status = status_of(payload)
    if status is None or status in _OK_STATUSES:
        return
    message = f"{endpoint}: Librus answered {status}"
    if status == "Maintenance":
        raise LibrusMaintenanceError(message)
    if status in _SESSION_CODES:
        raise LibrusSessionExpiredError(message)
    if status in _UNAVAILABLE_CODES or status.endswith("NotActive"):  # *IsNotActive too
        raise LibrusModuleUnavailableError(message)
    raise LibrusResponseError(message)


def _resource(payload: object, key: str, endpoint: str) -> Any:
    """The value under the resource key, after rejecting status and wrong-shape bodies."""
    if not isinstance(payload, Mapping):
        raise LibrusResponseError(f"{endpoint}: body is not a JSON object")
    raise_for_status(payload, endpoint)
    if key not in payload:
        raise LibrusResponseError(f"{endpoint}: no {key!r} in the body")
    return payload[key]


def _resource_object(payload: object, key: str, endpoint: str) -> Mapping[str, Any]:
    value = _resource(payload, key, endpoint)
    if not isinstance(value, Mapping):
        raise LibrusResponseError(f"{endpoint}: {key!r} is not an object")
    return value


_ITEM_ERRORS = (_MalformedError, KeyError, TypeError, ValueError, AttributeError)


def _parse_list[T](
    raw: object, endpoint: str, key: str, parse_item: Callable[[Mapping[str, Any]], T]
) -> Items[T]:
    if not isinstance(raw, list):
        raise LibrusResponseError(f"{endpoint}: {key!r} is not a list")
    parsed: list[T] = []
    skipped = 0
    for index, item in enumerate(raw):
        try:
            parsed.append(parse_item(_mapping(item, "item")))
        except _ITEM_ERRORS as err:
            skipped += 1
            _LOGGER.debug("%s: skipped item %d (%s: %s)", endpoint, index, type(err).__name__, err)
    if skipped:
        _LOGGER.debug("%s: skipped %d of %d items", endpoint, skipped, len(raw))
    return Items(parsed, skipped)


def _parse_items[T](
    payload: object, key: str, endpoint: str, parse_item: Callable[[Mapping[str, Any]], T]
) -> Items[T]:
    return _parse_list(_resource(payload, key, endpoint), endpoint, key, parse_item)


def _parse_object[T](
    payload: object, key: str, endpoint: str, parse_item: Callable[[Mapping[str, Any]], T]
) -> T:
    obj = _resource_object(payload, key, endpoint)
    try:
        return parse_item(obj)
    except _ITEM_ERRORS as err:
        raise LibrusResponseError(f"{endpoint}: {type(err).__name__}: {err}") from None


def _full_name(first: str | None, last: str | None) -> str:
    return " ".join(part.strip() for part in (first, last) if part and part.strip())


# --------------------------------------------------------------------------------------------
# Me, profile, class, school


@dataclass(slots=True, frozen=True, kw_only=True)
class Me:
    """``Me``: the login owner (``Account``; the parent on a parent login) and the student.

    Account numbers stay ``int`` (see the module docstring).
    """

    account_id: int
    account_user_id: int | None
    """``Account.UserId``: the *student's* ``Users`` record (``Users/{id}``)."""
    login: str
    account_first_name: str
    account_last_name: str
    email: str | None
    group_id: int | None
    is_parent: bool
    is_premium: bool
    student_first_name: str
    student_last_name: str
    class_id: int | None

    @property
    def student_name(self) -> str:
        """The student's "First Last"."""
        return _full_name(self.student_first_name, self.student_last_name)

    @property
    def account_name(self) -> str:
        """The login owner's "First Last"."""
        return _full_name(self.account_first_name, self.account_last_name)


def _me_int(value: object, what: str) -> int | None:
    try:
        return _as_int(value)
    except ValueError:
        raise LibrusResponseError(f"Me: {what} is not a number") from None


def parse_me(payload: Mapping[str, Any]) -> Me:
    """Parse ``Me``. Requires ``Me.Account.Id``; everything else may be missing."""
    me = _resource_object(payload, "Me", "Me")
    account = me.get("Account")
    if not isinstance(account, Mapping):
        raise LibrusResponseError("Me: no Account object")
    account_id = _me_int(account.get("Id"), "Account.Id")
    if account_id is None:
        raise LibrusResponseError("Me: Account.Id missing")
    user = me.get("User")
    user = user if isinstance(user, Mapping) else {}
    school_class = me.get("Class")
    class_id = (
        _me_int(school_class.get("Id"), "Class.Id") if isinstance(school_class, Mapping) else None
    )
    group_id = _me_int(account.get("GroupId"), "Account.GroupId")
    try:
        return Me(
            account_id=account_id,
            account_user_id=_me_int(account.get("UserId"), "Account.UserId"),
            login=_str(account, "Login"),
            account_first_name=_str(account, "FirstName"),
            account_last_name=_str(account, "LastName"),
            email=_opt_str(account, "Email") or None,
            group_id=group_id,
            is_parent=group_id in PARENT_GROUP_IDS,
            is_premium=_bool(account, "IsPremium"),
            student_first_name=_str(user, "FirstName"),
            student_last_name=_str(user, "LastName"),
            class_id=class_id,
        )
    except _MalformedError as err:
        raise LibrusResponseError(f"Me: {err}") from None


@dataclass(slots=True, frozen=True, kw_only=True)
class UserProfile:
    """``UserProfile``: account type and where the school is."""

    class_number: int | None
    account_type: str | None
    """``"parent"`` or ``"student"``."""
    town: str | None
    state: str | None
    unit_type: str | None
    """E.g. ``"Szkoła podstawowa"``."""

    @property
    def is_parent(self) -> bool:
        """True on a parent login."""
        return self.account_type == "parent"


def parse_user_profile(payload: Mapping[str, Any]) -> UserProfile:
    """Parse ``UserProfile``."""

    def parse(item: Mapping[str, Any]) -> UserProfile:
        return UserProfile(
            class_number=_opt_int(item, "ClassNumber"),
            account_type=_opt_str(item, "AccountType"),
            town=_opt_str(item, "Town"),
            state=_opt_str(item, "State"),
            unit_type=_opt_str(item, "UnitType"),
        )

    return _parse_object(payload, "UserProfile", "UserProfile", parse)


@dataclass(slots=True, frozen=True, kw_only=True)
class SchoolClass:
    """``Classes``: the student's class and its school-year dates."""

    id: str
    number: int | None
    symbol: str
    begin_school_year: date
    end_first_semester: date
    end_school_year: date
    unit_id: str | None
    tutor_ids: tuple[str, ...]

    @property
    def name(self) -> str:
        """Display name as Librus writes it, e.g. ``"6d"``."""
        return f"{'' if self.number is None else self.number}{self.symbol}".strip()

    @property
    def second_semester_start(self) -> date:
        """Semester 2 starts the day after ``EndFirstSemester``."""
        return self.end_first_semester + timedelta(days=1)

    def semester_of(self, day: date) -> int:
        """1 up to and including ``EndFirstSemester``, 2 after it."""
        return 1 if day <= self.end_first_semester else 2


def parse_class(payload: Mapping[str, Any]) -> SchoolClass:
    """Parse ``Classes`` (singular ``Class`` key)."""

    def parse(item: Mapping[str, Any]) -> SchoolClass:
        tutors = _ref_ids(item, "ClassTutors")
        tutor = _ref_id(item, "ClassTutor")
        if tutor is not None and tutor not in tutors:
            tutors = (tutor, *tutors)
        return SchoolClass(
            id=_id(item),
            number=_opt_int(item, "Number"),
            symbol=_str(item, "Symbol"),
            begin_school_year=_req_date(item, "BeginSchoolYear"),
            end_first_semester=_req_date(item, "EndFirstSemester"),
            end_school_year=_req_date(item, "EndSchoolYear"),
            unit_id=_ref_id(item, "Unit"),
            tutor_ids=tutors,
        )

    return _parse_object(payload, "Class", "Classes", parse)


LessonHours = tuple[time, time]


@dataclass(slots=True, frozen=True, kw_only=True)
class School:
    """``Schools``: name, address and the bell schedule."""

    id: str
    name: str
    town: str | None
    street: str | None
    building_number: str | None
    apartment_number: str | None
    post_code: str | None
    state: str | None
    school_year: int | None
    """The year the school year starts in."""
    lessons_range: tuple[LessonHours | None, ...]
    """Index = lesson number; ``None`` for an unused slot (slot 0 usually is)."""
    email: str | None
    phone: str | None

    def lesson_hours(self, lesson_no: int) -> LessonHours | None:
        """``(from, to)`` of a lesson number, or ``None`` when unknown."""
        if 0 <= lesson_no < len(self.lessons_range):
            return self.lessons_range[lesson_no]
        return None


def _lesson_hours(raw: object) -> LessonHours | None:
    slot = _mapping(raw, "LessonsRange slot")
    start = _opt_time(slot, "From")
    end = _opt_time(slot, "To")
    if start is None or end is None:
        return None
    return (start, end)


def parse_school(payload: Mapping[str, Any]) -> School:
    """Parse ``Schools`` (singular ``School`` key)."""

    def parse(item: Mapping[str, Any]) -> School:
        ranges = item.get("LessonsRange") or []
        if not isinstance(ranges, list):
            raise _MalformedError("LessonsRange is not a list")
        return School(
            id=_id(item),
            name=_str(item, "Name"),
            town=_opt_str(item, "Town"),
            street=_opt_str(item, "Street"),
            building_number=_opt_str(item, "BuildingNumber"),
            apartment_number=_opt_str(item, "ApartmentNumber") or None,
            post_code=_opt_str(item, "PostCode"),
            state=_opt_str(item, "State"),
            school_year=_opt_int(item, "SchoolYear"),
            lessons_range=tuple(_lesson_hours(slot) for slot in ranges),
            email=_opt_str(item, "Email"),
            phone=_opt_str(item, "PhoneNumber"),
        )

    return _parse_object(payload, "School", "Schools", parse)


# --------------------------------------------------------------------------------------------
# Lookups: subjects, users, lessons, classrooms, colours


@dataclass(slots=True, frozen=True, kw_only=True)
class Subject:
    """``Subjects``."""

    id: str
    name: str
    short: str
    no: int | None
    is_extracurricular: bool
    is_block_lesson: bool


def _subject(item: Mapping[str, Any]) -> Subject:
    return Subject(
        id=_id(item),
        name=_req_str(item, "Name"),
        short=_str(item, "Short"),
        no=_opt_int(item, "No"),
        is_extracurricular=_bool(item, "IsExtracurricular"),
        is_block_lesson=_bool(item, "IsBlockLesson"),
    )


def parse_subjects(payload: Mapping[str, Any]) -> Items[Subject]:
    """Parse ``Subjects``."""
    return _parse_items(payload, "Subjects", "Subjects", _subject)


@dataclass(slots=True, frozen=True, kw_only=True)
class User:
    """``Users``: school staff (teachers, secretariat, administrators)."""

    id: str
    account_id: str | None
    """``LID-AUTH-USER-…`` string."""
    first_name: str | None
    """May be ``null`` for role accounts ("sekretariat")."""
    last_name: str
    is_employee: bool
    group_id: int | None
    is_pedagogue: bool
    is_school_administrator: bool

    @property
    def display_name(self) -> str:
        """ "First Last", or just the last name when the first name is null."""
        return _full_name(self.first_name, self.last_name) or f"#{self.id}"


Teacher = User
"""Teachers are ``Users``; the alias reads better at call sites."""


def _user(item: Mapping[str, Any]) -> User:
    return User(
        id=_id(item),
        account_id=_opt_str(item, "AccountId"),
        first_name=_opt_str(item, "FirstName"),
        last_name=_str(item, "LastName"),
        is_employee=_bool(item, "IsEmployee"),
        group_id=_opt_int(item, "GroupId"),
        is_pedagogue=_bool(item, "IsPedagogue"),
        is_school_administrator=_bool(item, "IsSchoolAdministrator"),
    )


def parse_users(payload: Mapping[str, Any]) -> Items[User]:
    """Parse ``Users`` (the whole staff; the ``pagination`` block is ignored)."""
    return _parse_items(payload, "Users", "Users", _user)


@dataclass(slots=True, frozen=True, kw_only=True)
class StudentUser:
    """``Users/{Me.Account.UserId}``: the student's own record."""

    id: str
    account_id: str | None
    first_name: str | None
    last_name: str
    class_id: str | None
    unit_id: str | None
    class_register_number: int | None
    """The student's number in the class register ("numer w dzienniku")."""
    group_id: int | None

    @property
    def display_name(self) -> str:
        """ "First Last"."""
        return _full_name(self.first_name, self.last_name)


def parse_student_user(payload: Mapping[str, Any]) -> StudentUser:
    """Parse ``Users/{id}`` (singular ``User`` key)."""

    def parse(item: Mapping[str, Any]) -> StudentUser:
        return StudentUser(
            id=_id(item),
            account_id=_opt_str(item, "AccountId"),
            first_name=_opt_str(item, "FirstName"),
            last_name=_str(item, "LastName"),
            class_id=_ref_id(item, "Class"),
            unit_id=_ref_id(item, "Unit"),
            class_register_number=_opt_int(item, "ClassRegisterNumber"),
            group_id=_opt_int(item, "GroupId"),
        )

    return _parse_object(payload, "User", "Users/{id}", parse)


@dataclass(slots=True, frozen=True, kw_only=True)
class Lesson:
    """``Lessons``: a (teacher, subject, class) definition; maps attendance to a subject."""

    id: str
    teacher_id: str | None
    subject_id: str | None
    class_id: str | None
    """Absent for virtual-class (group) lessons."""
    virtual_class_id: str | None


def _lesson(item: Mapping[str, Any]) -> Lesson:
    return Lesson(
        id=_id(item),
        teacher_id=_ref_id(item, "Teacher"),
        subject_id=_ref_id(item, "Subject"),
        class_id=_ref_id(item, "Class"),
        virtual_class_id=_ref_id(item, "VirtualClass"),
    )


def parse_lessons(payload: Mapping[str, Any]) -> Items[Lesson]:
    """Parse ``Lessons``."""
    return _parse_items(payload, "Lessons", "Lessons", _lesson)


@dataclass(slots=True, frozen=True, kw_only=True)
class Classroom:
    """``Classrooms``."""

    id: str
    name: str
    symbol: str
    size: int | None
    is_common_room: bool
    description: str | None

    @property
    def display_name(self) -> str:
        """The short symbol Librus shows in the timetable, else the name."""
        return self.symbol or self.name


def _classroom(item: Mapping[str, Any]) -> Classroom:
    return Classroom(
        id=_id(item),
        name=_str(item, "Name"),
        symbol=_str(item, "Symbol"),
        size=_opt_int(item, "Size"),
        is_common_room=_bool(item, "SchoolCommonRoom"),
        description=_opt_str(item, "Description") or None,
    )


def parse_classrooms(payload: Mapping[str, Any]) -> Items[Classroom]:
    """Parse ``Classrooms``."""
    return _parse_items(payload, "Classrooms", "Classrooms", _classroom)


@dataclass(slots=True, frozen=True, kw_only=True)
class Color:
    """``Colors``: what category ``Color`` refs point at."""

    id: str
    rgb: str
    """Hex without ``#``, e.g. ``"F0E68C"``."""
    name: str


def parse_colors(payload: Mapping[str, Any]) -> Items[Color]:
    """Parse ``Colors``."""

    def parse(item: Mapping[str, Any]) -> Color:
        return Color(id=_id(item), rgb=_req_str(item, "RGB"), name=_str(item, "Name"))

    return _parse_items(payload, "Colors", "Colors", parse)


# --------------------------------------------------------------------------------------------
# Lucky number


@dataclass(slots=True, frozen=True, kw_only=True)
class LuckyNumber:
    """``LuckyNumbers``: the number and the school day it is for (can be the next day's)."""

    number: int
    day: date


def _lucky(item: Mapping[str, Any]) -> LuckyNumber:
    number = _opt_int(item, "LuckyNumber")
    if number is None:
        raise _MalformedError("LuckyNumber missing")
    return LuckyNumber(number=number, day=_req_date(item, "LuckyNumberDay"))


def parse_lucky_number(payload: Mapping[str, Any]) -> LuckyNumber | None:
    """Parse ``LuckyNumbers``: the singular ``LuckyNumber`` object or the old plural list.

    Returns ``None`` when there is no number (null object, empty list). From the plural form
    the entry with the latest day wins. ``LuckyNumberIsNotActive`` raises
    :class:`LibrusModuleUnavailableError`.
    """
    if isinstance(payload, Mapping) and "LuckyNumber" not in payload and "LuckyNumbers" in payload:
        numbers = _parse_items(payload, "LuckyNumbers", "LuckyNumbers", _lucky)
        return max(numbers, key=lambda lucky: lucky.day, default=None)
    raw = _resource(payload, "LuckyNumber", "LuckyNumbers")
    if raw is None or raw == {} or raw == []:
        return None
    if isinstance(raw, list):  # a list under the singular key: treat like the plural form
        numbers = _parse_list(raw, "LuckyNumbers", "LuckyNumber", _lucky)
        return max(numbers, key=lambda lucky: lucky.day, default=None)
    return _parse_object(payload, "LuckyNumber", "LuckyNumbers", _lucky)


# --------------------------------------------------------------------------------------------
# Grades


@dataclass(slots=True, frozen=True, kw_only=True)
class Grade:
    """``Grades``: one grade as Librus writes it (``"4+"``, ``"np"``…); see ``grades.py``."""

    id: str
    grade: str
    subject_id: str | None
    lesson_id: str | None
    category_id: str | None
    added_by_id: str | None
    student_id: str | None
    date: date
    add_date: datetime | None
    semester: int
    is_constituent: bool
    """An ordinary grade (counts towards the running average when its category does)."""
    is_semester: bool
    is_semester_proposition: bool
    is_final: bool
    is_final_proposition: bool
    comment_ids: tuple[str, ...]
    improvement_id: str | None
    """The earlier grade this one corrects (that grade stays in the list)."""
    resit_id: str | None

    @property
    def is_period_grade(self) -> bool:
        """A semester/final grade or a proposal of one (not a running grade)."""
        return (
            self.is_semester
            or self.is_semester_proposition
            or self.is_final
            or self.is_final_proposition
        )


def _grade(item: Mapping[str, Any]) -> Grade:
    semester = _opt_int(item, "Semester")
    if semester not in (1, 2):
        raise _MalformedError("Semester is not 1 or 2")
    return Grade(
        id=_id(item),
        grade=_req_str(item, "Grade").strip(),
        subject_id=_ref_id(item, "Subject"),
        lesson_id=_ref_id(item, "Lesson"),
        category_id=_ref_id(item, "Category"),
        added_by_id=_ref_id(item, "AddedBy"),
        student_id=_ref_id(item, "Student"),
        date=_req_date(item, "Date"),
        add_date=_opt_datetime(item, "AddDate"),
        semester=semester,
        is_constituent=_bool(item, "IsConstituent"),
        is_semester=_bool(item, "IsSemester"),
        is_semester_proposition=_bool(item, "IsSemesterProposition"),
        is_final=_bool(item, "IsFinal"),
        is_final_proposition=_bool(item, "IsFinalProposition"),
        comment_ids=_ref_ids(item, "Comments"),
        improvement_id=_ref_id(item, "Improvement"),
        resit_id=_ref_id(item, "Resit"),
    )


def parse_grades(payload: Mapping[str, Any]) -> Items[Grade]:
    """Parse ``Grades``."""
    return _parse_items(payload, "Grades", "Grades", _grade)


@dataclass(slots=True, frozen=True, kw_only=True)
class GradeCategory:
    """``Grades/Categories``: name and weight of a kind of grade."""

    id: str
    name: str
    short: str | None
    weight: float | None
    """``None`` when absent (Librus omits it when the category does not count)."""
    count_to_average: bool
    color_id: str | None
    is_semestral: bool
    is_semestral_proposition: bool
    is_final: bool
    is_final_proposition: bool


def _grade_category(item: Mapping[str, Any]) -> GradeCategory:
    return GradeCategory(
        id=_id(item),
        name=_str(item, "Name"),
        short=_opt_str(item, "Short"),
        weight=_opt_float(item, "Weight"),
        count_to_average=_bool(item, "CountToTheAverage"),
        color_id=_ref_id(item, "Color"),
        is_semestral=_bool(item, "IsSemestral"),
        is_semestral_proposition=_bool(item, "IsSemestralProposition"),
        is_final=_bool(item, "IsFinal"),
        is_final_proposition=_bool(item, "IsFinalProposition"),
    )


def parse_grade_categories(payload: Mapping[str, Any]) -> Items[GradeCategory]:
    """Parse ``Grades/Categories``."""
    return _parse_items(payload, "Categories", "Grades/Categories", _grade_category)


@dataclass(slots=True, frozen=True, kw_only=True)
class GradeComment:
    """``Grades/Comments`` (also ``BehaviourGrades/Points/Comments``): a comment's text."""

    id: str
    grade_id: str | None
    added_by_id: str | None
    text: str


def _comment(item: Mapping[str, Any]) -> GradeComment:
    return GradeComment(
        id=_id(item),
        grade_id=_ref_id(item, "Grade"),
        added_by_id=_ref_id(item, "AddedBy"),
        text=_str(item, "Text"),
    )


def parse_grade_comments(payload: Mapping[str, Any]) -> Items[GradeComment]:
    """Parse ``Grades/Comments`` (and other ``Comments`` lists of the same shape)."""
    return _parse_items(payload, "Comments", "Grades/Comments", _comment)


# --------------------------------------------------------------------------------------------
# Attendance


class AttendanceKind(StrEnum):
    """What an attendance type means, from its standard type."""

    ABSENT = "absent"
    EXCUSED = "excused"
    LATE = "late"
    RELEASED = "released"
    PRESENT = "present"
    OTHER = "other"


_STANDARD_ATTENDANCE_KINDS = {
    "1": AttendanceKind.ABSENT,
    "2": AttendanceKind.LATE,
    "3": AttendanceKind.EXCUSED,
    "4": AttendanceKind.RELEASED,
    "100": AttendanceKind.PRESENT,
}


@dataclass(slots=True, frozen=True, kw_only=True)
class Attendance:
    """``Attendances``: one mark per lesson; most are presences. No subject: join ``Lessons``."""

    id: str
    """Int or ``t``-prefixed in the JSON; kept verbatim as text (``"t403208"``)."""
    lesson_id: str | None
    student_id: str | None
    type_id: str
    date: date
    add_date: datetime | None
    lesson_no: int | None
    semester: int | None
    trip_id: str | None
    added_by_id: str | None


def _attendance(item: Mapping[str, Any]) -> Attendance:
    type_id = _ref_id(item, "Type")
    if type_id is None:
        raise _MalformedError("Type missing")
    return Attendance(
        id=_id(item),
        lesson_id=_ref_id(item, "Lesson"),
        student_id=_ref_id(item, "Student"),
        type_id=type_id,
        date=_req_date(item, "Date"),
        add_date=_opt_datetime(item, "AddDate"),
        lesson_no=_opt_int(item, "LessonNo"),
        semester=_opt_int(item, "Semester"),
        trip_id=_ref_id(item, "Trip"),
        added_by_id=_ref_id(item, "AddedBy"),
    )


def parse_attendances(payload: Mapping[str, Any]) -> Items[Attendance]:
    """Parse ``Attendances``."""
    return _parse_items(payload, "Attendances", "Attendances", _attendance)


@dataclass(slots=True, frozen=True, kw_only=True)
class AttendanceType:
    """``Attendances/Types``: standard types (1, 2, 3, 4, 100) and school-specific ones."""

    id: str
    name: str
    short: str
    is_standard: bool
    is_presence_kind: bool
    """True for late, released, present and e.g. a sanatorium stay; read it, never guess."""
    color_rgb: str | None
    order: int | None
    standard_type_id: str | None
    """A custom type's standard counterpart (``StandardType`` ref)."""

    @property
    def kind(self) -> AttendanceKind:
        """What the type means, via its own id (standard) or its ``StandardType``."""
        standard = self.id if self.is_standard else self.standard_type_id
        return _STANDARD_ATTENDANCE_KINDS.get(standard or "", AttendanceKind.OTHER)

    @property
    def is_absence(self) -> bool:
        """An absence of any kind (not a presence kind)."""
        return not self.is_presence_kind


def _attendance_type(item: Mapping[str, Any]) -> AttendanceType:
    return AttendanceType(
        id=_id(item),
        name=_str(item, "Name"),
        short=_str(item, "Short"),
        is_standard=_bool(item, "Standard"),
        is_presence_kind=_bool(item, "IsPresenceKind"),
        color_rgb=_opt_str(item, "ColorRGB") or None,
        order=_opt_int(item, "Order"),
        standard_type_id=_ref_id(item, "StandardType"),
    )


def parse_attendance_types(payload: Mapping[str, Any]) -> Items[AttendanceType]:
    """Parse ``Attendances/Types`` (key ``Types``)."""
    return _parse_items(payload, "Types", "Attendances/Types", _attendance_type)


# --------------------------------------------------------------------------------------------
# Timetable


@dataclass(slots=True, frozen=True, kw_only=True)
class TimetableLesson:
    """One lesson of ``Timetables?weekStart=``; several may share a slot (split groups)."""

    date: date
    lesson_no: int
    time_from: time | None
    time_to: time | None
    lesson_id: str | None
    subject_id: str | None
    subject_name: str | None
    subject_short: str | None
    teacher_id: str | None
    teacher_first_name: str | None
    teacher_last_name: str | None
    class_id: str | None
    virtual_class_id: str | None
    virtual_class_name: str | None
    classroom_id: str | None
    timetable_entry_id: str | None
    is_substitution: bool
    is_canceled: bool
    substitution_note: str | None
    org_date: dt.date | None
    """Original lesson of a substitution/move: date, number, hours, lesson, subject…"""
    org_lesson_no: int | None
    org_time_from: time | None
    org_time_to: time | None
    org_lesson_id: str | None
    org_subject_id: str | None
    org_teacher_id: str | None
    org_classroom_id: str | None
    new_date: dt.date | None
    """Where a moved lesson went: date, number, hours, subject, teacher, room."""
    new_lesson_no: int | None
    new_time_from: time | None
    new_time_to: time | None
    new_subject_id: str | None
    new_teacher_id: str | None
    new_classroom_id: str | None

    @property
    def teacher_name(self) -> str | None:
        """The teacher's "First Last" as embedded in the timetable."""
        return _full_name(self.teacher_first_name, self.teacher_last_name) or None

    @property
    def is_moved(self) -> bool:
        """The lesson was moved elsewhere (``New*`` fields)."""
        return self.new_date is not None or self.new_lesson_no is not None

    @property
    def room_changed(self) -> bool:
        """A substitution in another room than the original (both rooms must be known)."""
        return (
            self.classroom_id is not None
            and self.org_classroom_id is not None
            and self.classroom_id != self.org_classroom_id
        )


@dataclass(slots=True, frozen=True, kw_only=True)
class TimetableWeek:
    """A parsed ``Timetables`` week: the days it covers and their lessons."""

    days: tuple[date, ...]
    lessons: tuple[TimetableLesson, ...]
    """Sorted by date, lesson number, then the order Librus lists split groups in."""
    skipped: int
    next_week_start: date | None
    prev_week_start: date | None

    def lessons_on(self, day: date) -> tuple[TimetableLesson, ...]:
        """The lessons of one day (empty for a free or unknown day)."""
        return tuple(lesson for lesson in self.lessons if lesson.date == day)


def _timetable_lesson(item: Mapping[str, Any], day: date, slot_no: int) -> TimetableLesson:
    subject = item.get("Subject")
    subject = subject if isinstance(subject, Mapping) else {}
    teacher = item.get("Teacher")
    teacher = teacher if isinstance(teacher, Mapping) else {}
    lesson_no = _opt_int(item, "LessonNo")
    return TimetableLesson(
        date=day,
        lesson_no=slot_no if lesson_no is None else lesson_no,
        time_from=_opt_time(item, "HourFrom"),
        time_to=_opt_time(item, "HourTo"),
        lesson_id=_ref_id(item, "Lesson"),
        subject_id=_ref_id(item, "Subject"),
        subject_name=_opt_str(subject, "Name"),
        subject_short=_opt_str(subject, "Short"),
        teacher_id=_ref_id(item, "Teacher"),
        teacher_first_name=_opt_str(teacher, "FirstName"),
        teacher_last_name=_opt_str(teacher, "LastName"),
        class_id=_ref_id(item, "Class"),
        virtual_class_id=_ref_id(item, "VirtualClass"),
        virtual_class_name=_opt_str(item, "VirtualClassName"),
        classroom_id=_ref_id(item, "Classroom"),
        timetable_entry_id=_ref_id(item, "TimetableEntry"),
        is_substitution=_bool(item, "IsSubstitutionClass"),
        is_canceled=_bool(item, "IsCanceled"),
        substitution_note=_opt_str(item, "SubstitutionNote") or None,
        org_date=_opt_date(item, "OrgDate"),
        org_lesson_no=_opt_int(item, "OrgLessonNo"),
        org_time_from=_opt_time(item, "OrgHourFrom"),
        org_time_to=_opt_time(item, "OrgHourTo"),
        org_lesson_id=_ref_id(item, "OrgLesson"),
        org_subject_id=_ref_id(item, "OrgSubject"),
        org_teacher_id=_ref_id(item, "OrgTeacher"),
        org_classroom_id=_ref_id(item, "OrgClassroom"),
        new_date=_opt_date(item, "NewDate"),
        new_lesson_no=_opt_int(item, "NewLessonNo"),
        new_time_from=_opt_time(item, "NewHourFrom"),
        new_time_to=_opt_time(item, "NewHourTo"),
        new_subject_id=_ref_id(item, "NewSubject"),
        new_teacher_id=_ref_id(item, "NewTeacher"),
        new_classroom_id=_ref_id(item, "NewClassroom"),
    )


def _week_start_from_url(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    match = re.search(r"weekStart=(\d{4}-\d{1,2}-\d{1,2})", value)
    if match is None:
        return None
    try:
        return parse_date(match.group(1))
    except ValueError:
        return None


def parse_timetable(payload: Mapping[str, Any]) -> TimetableWeek:
    """Parse ``Timetables?weekStart=``: date → list of slots → list of lessons.

    A slot's index is its lesson number (``LessonNo`` wins when present); empty slots are
    ``[]``; a slot with several lessons is a split class. A day, slot or lesson that cannot
    be understood is skipped and counted.
    """
    raw = _resource(payload, "Timetable", "Timetables")
    if not isinstance(raw, Mapping):
        raise LibrusResponseError("Timetables: 'Timetable' is not an object")
    days: list[date] = []
    lessons: list[tuple[date, int, int, TimetableLesson]] = []
    skipped = 0
    order = 0
    for day_text, slots in raw.items():
        try:
            day = parse_date(day_text)
        except ValueError:
            skipped += 1
            _LOGGER.debug("Timetables: skipped day %r (not a date)", day_text)
            continue
        if not isinstance(slots, list):
            skipped += 1
            _LOGGER.debug("Timetables: skipped day %s (slots are not a list)", day)
            continue
        days.append(day)
        for slot_no, slot in enumerate(slots):
            if not isinstance(slot, list):
                skipped += 1
                _LOGGER.debug("Timetables: skipped slot %d on %s", slot_no, day)
                continue
            for item in slot:
                try:
                    lesson = _timetable_lesson(_mapping(item, "lesson"), day, slot_no)
                except _ITEM_ERRORS as err:
                    skipped += 1
                    _LOGGER.debug(
                        "Timetables: skipped a lesson on %s slot %d (%s)", day, slot_no, err
                    )
                    continue
                lessons.append((day, lesson.lesson_no, order, lesson))
                order += 1
    lessons.sort(key=lambda entry: entry[:3])
    pages = payload.get("Pages")
    pages = pages if isinstance(pages, Mapping) else {}
    return TimetableWeek(
        days=tuple(sorted(days)),
        lessons=tuple(entry[3] for entry in lessons),
        skipped=skipped,
        next_week_start=_week_start_from_url(pages.get("Next")),
        prev_week_start=_week_start_from_url(pages.get("Prev")),
    )


# --------------------------------------------------------------------------------------------
# Agenda (HomeWorks) and homework (HomeWorkAssignments)


@dataclass(slots=True, frozen=True, kw_only=True)
class AgendaEntry:
    """``HomeWorks``: despite the name, the agenda (tests, quizzes, trips, meetings)."""

    id: str
    content: str
    date: date
    category_id: str | None
    lesson_no: int | None
    """``None`` for after-school events (parent meetings)."""
    time_from: time | None
    time_to: time | None
    created_by_id: str | None
    class_id: str | None
    subject_id: str | None
    """Absent for school-wide events."""
    classroom_id: str | None
    classroom_name: str | None
    """Inline ``Classroom`` symbol/name, when Librus embeds one."""
    add_date: datetime | None
    online_lesson_url: str | None


def _agenda_entry(item: Mapping[str, Any]) -> AgendaEntry:
    classroom = item.get("Classroom")
    classroom_name = None
    if isinstance(classroom, Mapping):
        classroom_name = _opt_str(classroom, "Symbol") or _opt_str(classroom, "Name") or None
    online = item.get("onlineLessonUrl")
    online_url = _opt_str(online, "url") if isinstance(online, Mapping) else None
    return AgendaEntry(
        id=_id(item),
        content=_str(item, "Content"),
        date=_req_date(item, "Date"),
        category_id=_ref_id(item, "Category"),
        lesson_no=_opt_int(item, "LessonNo"),
        time_from=_opt_time(item, "TimeFrom"),
        time_to=_opt_time(item, "TimeTo"),
        created_by_id=_ref_id(item, "CreatedBy"),
        class_id=_ref_id(item, "Class"),
        subject_id=_ref_id(item, "Subject"),
        classroom_id=_ref_id(item, "Classroom"),
        classroom_name=classroom_name,
        add_date=_opt_datetime(item, "AddDate"),
        online_lesson_url=online_url or None,
    )


def parse_agenda(payload: Mapping[str, Any]) -> Items[AgendaEntry]:
    """Parse ``HomeWorks`` (the agenda)."""
    return _parse_items(payload, "HomeWorks", "HomeWorks", _agenda_entry)


@dataclass(slots=True, frozen=True, kw_only=True)
class AgendaCategory:
    """``HomeWorks/Categories``: per-school names; duplicates with different ids happen."""

    id: str
    name: str
    color_id: str | None


def parse_agenda_categories(payload: Mapping[str, Any]) -> Items[AgendaCategory]:
    """Parse ``HomeWorks/Categories`` (key ``Categories``)."""

    def parse(item: Mapping[str, Any]) -> AgendaCategory:
        return AgendaCategory(
            id=_id(item), name=_str(item, "Name"), color_id=_ref_id(item, "Color")
        )

    return _parse_items(payload, "Categories", "HomeWorks/Categories", parse)


@dataclass(slots=True, frozen=True, kw_only=True)
class HomeworkFile:
    """An attachment of a homework assignment."""

    id: str
    name: str


@dataclass(slots=True, frozen=True, kw_only=True)
class HomeworkAssignment:
    """``HomeWorkAssignments``: real homework. No subject (derive it from the lesson)."""

    id: str
    topic: str
    text: str
    teacher_id: str | None
    date: date | None
    """When it was given."""
    due_date: dt.date | None
    lesson_id: str | None
    category_id: str | None
    must_send_attachment: bool
    send_file_possible: bool
    files: tuple[HomeworkFile, ...]


def _homework_files(item: Mapping[str, Any]) -> tuple[HomeworkFile, ...]:
    raw = item.get("HomeworkAssigmentFiles")  # sic: Librus's spelling
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise _MalformedError("HomeworkAssigmentFiles is not a list")
    return tuple(
        HomeworkFile(id=_id(_mapping(file, "file")), name=_str(_mapping(file, "file"), "Name"))
        for file in raw
    )


def _homework(item: Mapping[str, Any]) -> HomeworkAssignment:
    return HomeworkAssignment(
        id=_id(item),
        topic=_str(item, "Topic"),
        text=_str(item, "Text"),
        teacher_id=_ref_id(item, "Teacher"),
        date=_opt_date(item, "Date"),
        due_date=_opt_date(item, "DueDate"),
        lesson_id=_ref_id(item, "Lesson"),
        category_id=_ref_id(item, "Category"),
        must_send_attachment=_bool(item, "MustSendAttachFile"),
        send_file_possible=_bool(item, "SendFilePossible"),
        files=_homework_files(item),
    )


def parse_homework_assignments(payload: Mapping[str, Any]) -> Items[HomeworkAssignment]:
    """Parse ``HomeWorkAssignments``."""
    return _parse_items(payload, "HomeWorkAssignments", "HomeWorkAssignments", _homework)


# --------------------------------------------------------------------------------------------
# Notices, free days, notes, behaviour


@dataclass(slots=True, frozen=True, kw_only=True)
class SchoolNotice:
    """``SchoolNotices``: announcements; ``title`` is Librus's ``Subject``."""

    id: str
    """``LID-NBOARD-NOTICE-…`` today, an int in old data."""
    title: str
    content: str
    start_date: date | None
    end_date: date | None
    added_by_id: str | None
    creation_date: datetime | None
    was_read: bool


def _notice(item: Mapping[str, Any]) -> SchoolNotice:
    return SchoolNotice(
        id=_id(item),
        title=_str(item, "Subject"),
        content=_str(item, "Content"),
        start_date=_opt_date(item, "StartDate"),
        end_date=_opt_date(item, "EndDate"),
        added_by_id=_ref_id(item, "AddedBy"),
        creation_date=_opt_datetime(item, "CreationDate"),
        was_read=_bool(item, "WasRead"),
    )


def parse_school_notices(payload: Mapping[str, Any]) -> Items[SchoolNotice]:
    """Parse ``SchoolNotices``."""
    return _parse_items(payload, "SchoolNotices", "SchoolNotices", _notice)


FreeDayScope = Literal["school", "class"]


@dataclass(slots=True, frozen=True, kw_only=True)
class FreeDay:
    """``SchoolFreeDays`` / ``ClassFreeDays``: an inclusive range of days off."""

    id: str
    scope: FreeDayScope
    name: str
    date_from: date
    date_to: date
    unit_ids: tuple[str, ...]
    type_id: str | None
    """``ClassFreeDays`` type (names in ``Calendars/ClassFreeDays/Types``)."""
    class_id: str | None
    lesson_no_from: int | None
    lesson_no_to: int | None

    def covers(self, day: date) -> bool:
        """True when ``day`` falls in the range."""
        return self.date_from <= day <= self.date_to


def _free_day_parser(scope: FreeDayScope) -> Callable[[Mapping[str, Any]], FreeDay]:
    def parse(item: Mapping[str, Any]) -> FreeDay:
        date_from = _req_date(item, "DateFrom")
        date_to = _opt_date(item, "DateTo") or date_from
        if date_to < date_from:
            raise _MalformedError("DateTo before DateFrom")
        return FreeDay(
            id=_id(item),
            scope=scope,
            name=_str(item, "Name"),
            date_from=date_from,
            date_to=date_to,
            unit_ids=_ref_ids(item, "Units"),
            type_id=_ref_id(item, "Type"),
            class_id=_ref_id(item, "Class") or _ref_id(item, "VirtualClass"),
            lesson_no_from=_opt_int(item, "LessonNoFrom"),
            lesson_no_to=_opt_int(item, "LessonNoTo"),
        )

    return parse


def parse_school_free_days(payload: Mapping[str, Any]) -> Items[FreeDay]:
    """Parse ``SchoolFreeDays``."""
    return _parse_items(payload, "SchoolFreeDays", "SchoolFreeDays", _free_day_parser("school"))


def parse_class_free_days(payload: Mapping[str, Any]) -> Items[FreeDay]:
    """Parse ``ClassFreeDays``."""
    return _parse_items(payload, "ClassFreeDays", "ClassFreeDays", _free_day_parser("class"))


class NoteSentiment(StrEnum):
    """``Notes[].Positive``: 0 negative, 1 positive, 2 neutral."""

    NEGATIVE = "negative"
    POSITIVE = "positive"
    NEUTRAL = "neutral"


_NOTE_SENTIMENTS = {0: NoteSentiment.NEGATIVE, 1: NoteSentiment.POSITIVE, 2: NoteSentiment.NEUTRAL}


@dataclass(slots=True, frozen=True, kw_only=True)
class Note:
    """``Notes``: a behaviour note (uwaga / pochwała)."""

    id: str
    text: str
    sentiment: NoteSentiment
    category_id: str | None
    teacher_id: str | None
    student_id: str | None
    date: date | None
    add_date: datetime | None


def _note(item: Mapping[str, Any]) -> Note:
    positive = _opt_int(item, "Positive")
    sentiment = _NOTE_SENTIMENTS.get(2 if positive is None else positive)
    if sentiment is None:
        raise _MalformedError("Positive is not 0, 1 or 2")
    return Note(
        id=_id(item),
        text=_str(item, "Text"),
        sentiment=sentiment,
        category_id=_ref_id(item, "Category"),
        teacher_id=_ref_id(item, "Teacher") or _ref_id(item, "AddedBy"),
        student_id=_ref_id(item, "Student"),
        date=_opt_date(item, "Date"),
        add_date=_opt_datetime(item, "AddDate"),
    )


def parse_notes(payload: Mapping[str, Any]) -> Items[Note]:
    """Parse ``Notes``; ``NotesIsNotActive`` raises :class:`LibrusModuleUnavailableError`."""
    return _parse_items(payload, "Notes", "Notes", _note)


@dataclass(slots=True, frozen=True, kw_only=True)
class NamedCategory:
    """A category of ``Notes/Categories`` (``CategoryName``) or similar lookups."""

    id: str
    name: str


def parse_note_categories(payload: Mapping[str, Any]) -> Items[NamedCategory]:
    """Parse ``Notes/Categories`` (``CategoryName``, older ``Name``)."""

    def parse(item: Mapping[str, Any]) -> NamedCategory:
        return NamedCategory(
            id=_id(item), name=_opt_str(item, "CategoryName") or _str(item, "Name")
        )

    return _parse_items(payload, "Categories", "Notes/Categories", parse)


BEHAVIOUR_GRADE_SHORTCUTS = {"1": "wz", "2": "bdb", "3": "db", "4": "popr", "5": "ndp", "6": "ng"}
"""Classic behaviour scale: 1 wzorowe … 6 naganne (names in ``BehaviourGrades/Types``)."""

BehaviourSource = Literal["points", "classic"]


@dataclass(slots=True, frozen=True, kw_only=True)
class BehaviourGrade:
    """A behaviour grade from ``BehaviourGrades/Points`` or the classic ``BehaviourGrades``.

    Points schools use ``value`` (±) with ``short_name``/``text``; a classic-scale grade
    carries ``grade_type_id`` "1".."6" and empty texts.
    """

    id: str
    source: BehaviourSource
    semester: int | None
    value: float | None
    short_name: str | None
    text: str | None
    grade_type_id: str | None
    category_id: str | None
    added_by_id: str | None
    student_id: str | None
    add_date: datetime | None
    comment_ids: tuple[str, ...]

    @property
    def display(self) -> str:
        """What Librus shows: the short name, the classic shortcut, or signed points."""
        if self.short_name:
            return self.short_name
        if self.grade_type_id is not None:
            return BEHAVIOUR_GRADE_SHORTCUTS.get(self.grade_type_id, self.grade_type_id)
        if self.value is not None:
            return f"{self.value:+g}"
        return self.text or ""


def _behaviour_parser(source: BehaviourSource) -> Callable[[Mapping[str, Any]], BehaviourGrade]:
    type_key = "BehaviourGrade" if source == "points" else "GradeType"

    def parse(item: Mapping[str, Any]) -> BehaviourGrade:
        return BehaviourGrade(
            id=_id(item),
            source=source,
            semester=_opt_int(item, "Semester"),
            value=_opt_float(item, "Value"),
            short_name=_opt_str(item, "ShortName") or None,
            text=_opt_str(item, "Text") or None,
            grade_type_id=_ref_id(item, type_key) or _ref_id(item, "GradeType"),
            category_id=_ref_id(item, "Category"),
            added_by_id=_ref_id(item, "AddedBy") or _ref_id(item, "Teacher"),
            student_id=_ref_id(item, "Student"),
            add_date=_opt_datetime(item, "AddDate"),
            comment_ids=_ref_ids(item, "Comments"),
        )

    return parse


def parse_behaviour_points(payload: Mapping[str, Any]) -> Items[BehaviourGrade]:
    """Parse ``BehaviourGrades/Points`` (key ``Grades``)."""
    return _parse_items(payload, "Grades", "BehaviourGrades/Points", _behaviour_parser("points"))


def parse_behaviour_grades(payload: Mapping[str, Any]) -> Items[BehaviourGrade]:
    """Parse the classic ``BehaviourGrades`` (key ``Grades``, ``GradeType`` 1..6)."""
    return _parse_items(payload, "Grades", "BehaviourGrades", _behaviour_parser("classic"))


@dataclass(slots=True, frozen=True, kw_only=True)
class BehaviourGradeType:
    """``BehaviourGrades/Types``: ``"1"`` wzorowe … ``"6"`` naganne."""

    id: str
    name: str
    shortcut: str


def parse_behaviour_grade_types(payload: Mapping[str, Any]) -> Items[BehaviourGradeType]:
    """Parse ``BehaviourGrades/Types`` (key ``Types``)."""

    def parse(item: Mapping[str, Any]) -> BehaviourGradeType:
        return BehaviourGradeType(
            id=_id(item), name=_str(item, "Name"), shortcut=_str(item, "Shortcut")
        )

    return _parse_items(payload, "Types", "BehaviourGrades/Types", parse)
