"""Shared readers of Librus's gateway answers: ids, text, numbers, flags, dates, envelopes.

Every resource module (``account.py``, ``grades.py``, ``timetable.py`` …) parses its endpoint
with these readers, so the conventions below hold for every model (``librus-api.md`` §3.1).

Identifiers
    Librus mixes id types: mostly JSON integers, but strings in ``Timetables`` (``"41999"``),
    ``t``-prefixed strings on some ``Attendances`` (``"t403208"``), ``LID-…`` strings on
    ``SchoolNotices``. Ids are only ever compared and used as keys, never computed with, so
    every model stores them as ``str`` (``12`` and ``"12"`` both become ``"12"``); see
    :func:`normalize_id`. The one exception is ``account.Me``, whose account numbers stay
    ``int`` because the config entry and unique ids are built from them.

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
    Before reading its resource key, every parser hands the body to
    ``answers.raise_for_status`` (``{"Status": "Disabled"}`` and the like are errors, not data).

Clean values
    Text (and every id) is cleaned here, once, before it reaches a state, the ``Store`` or the
    websocket: lone surrogates (``"\\ud800"`` in JSON) become U+FFFD and control characters
    other than tab and newline are dropped (:func:`clean_text`). Numbers are finite and sane:
    NaN, infinities, floats beyond ±1e9 and integers beyond ±2**53 make the item malformed;
    dates lie between the years 1900 and 2200 (so a day plus a week never overflows).

Tolerance
    Unknown fields are ignored. One malformed item in a list is skipped, counted in
    :attr:`Items.skipped` and logged at debug level; a body of the wrong shape (not an object,
    resource key missing, list where an object belongs) raises ``LibrusResponseError``.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, time
from typing import Any, Protocol, Self
from zoneinfo import ZoneInfo

from .answers import raise_for_status
from .errors import LibrusResponseError

_LOGGER = logging.getLogger(__name__)

LIBRUS_TZ = ZoneInfo("Europe/Warsaw")
"""The zone of every Librus timestamp (they are sent without one)."""


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

# Control characters except tab, newline and carriage return; C1 controls too.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# A surrogate left in a str is always a lone one (JSON pairs become one character).
_SURROGATE = re.compile("[\ud800-\udfff]")
MAX_INT = 2**53
"""Integers beyond this are no Librus number (and not exact in the browser)."""
MAX_FLOAT = 1e9
"""Weights, averages and the like beyond this are no Librus number."""
MIN_YEAR, MAX_YEAR = 1900, 2200


def clean_text(value: str) -> str:
    """Text safe for states, storage and the websocket: no lone surrogates, no controls."""
    if value.isascii() and value.isprintable():
        return value
    return _CONTROL.sub("", _SURROGATE.sub("\ufffd", value))


class MalformedError(Exception):
    """One item cannot be understood; the list parser skips it."""


def normalize_id(value: object) -> str:
    """Return a Librus id as ``str``: ``12`` and ``"12"`` → ``"12"``, ``"t41"`` stays.

    Raises ``ValueError`` for anything that is not a non-empty string or an integer.
    """
    if isinstance(value, bool):  # bool is an int subclass; never a valid id
        raise ValueError("id is a boolean")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str) and (text := clean_text(value).strip()):
        return text
    raise ValueError(f"not an id: {type(value).__name__}")


def item_id(item: Mapping[str, Any], key: str = "Id") -> str:
    if key not in item:
        raise MalformedError(f"{key} missing")
    return normalize_id(item[key])


def ref_id(item: Mapping[str, Any], key: str) -> str | None:
    """Id of a reference ``{"Id": …, "Url": …}`` (or a bare id); ``None`` when absent/null."""
    ref = item.get(key)
    if ref is None:
        return None
    if isinstance(ref, Mapping):
        inner = ref.get("Id")
        return None if inner is None else normalize_id(inner)
    return normalize_id(ref)


def ref_ids(item: Mapping[str, Any], key: str) -> tuple[str, ...]:
    """Ids of a list of references (items may be refs or bare ids); duplicates dropped."""
    refs = item.get(key)
    if refs is None:
        return ()
    if not isinstance(refs, list):
        raise MalformedError(f"{key} is not a list")
    ids: list[str] = []
    for ref in refs:
        found = ref_id({"r": ref}, "r")
        if found is not None and found not in ids:
            ids.append(found)
    return tuple(ids)


def opt_str(item: Mapping[str, Any], key: str) -> str | None:
    value = item.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if isinstance(value, float) and not math.isfinite(value):
            raise MalformedError(f"{key} is not a finite number")
        return str(value)
    raise MalformedError(f"{key} is not text")


def str_or_empty(item: Mapping[str, Any], key: str) -> str:
    """Text that may be absent or null (→ ``""``)."""
    return opt_str(item, key) or ""


def req_str(item: Mapping[str, Any], key: str) -> str:
    value = opt_str(item, key)
    if value is None:
        raise MalformedError(f"{key} missing")
    return value


def as_int(value: object) -> int | None:
    """An int from an int or a numeric string (``"3"``); ``None`` for null/empty.

    Raises ``ValueError`` beyond ±:data:`MAX_INT`.
    """
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError("boolean where a number belongs")
    number: int
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str):
        number = int(value.strip())
    else:
        raise ValueError(f"not a number: {type(value).__name__}")
    if abs(number) > MAX_INT:
        raise ValueError("a number out of range")
    return number


def opt_int(item: Mapping[str, Any], key: str) -> int | None:
    try:
        return as_int(item.get(key))
    except ValueError as err:
        raise MalformedError(f"{key}: {err}") from None


def opt_float(item: Mapping[str, Any], key: str) -> float | None:
    value = item.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise MalformedError(f"{key} is a boolean")
    if isinstance(value, int):  # kept an int (a weight of 2 stays 2)
        if abs(value) > MAX_FLOAT:
            raise MalformedError(f"{key} is out of range")
        return value
    try:
        if isinstance(value, float):
            number = value
        elif isinstance(value, str):
            number = float(value.strip().replace(",", "."))  # schools write "0,75"
        else:
            raise MalformedError(f"{key} is not a number")
    except (ValueError, OverflowError):
        raise MalformedError(f"{key} is not a number") from None
    if not math.isfinite(number) or abs(number) > MAX_FLOAT:
        raise MalformedError(f"{key} is not a finite number in range")
    return number


def flag(item: Mapping[str, Any], key: str, default: bool = False) -> bool:
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
    raise MalformedError(f"{key} is not a flag")


def parse_date(value: object) -> date:
    """Parse ``YYYY-MM-DD`` (also unpadded ``2023-9-4``, which Librus accepts)."""
    if not isinstance(value, str):
        raise ValueError(f"not a date: {type(value).__name__}")
    parts = value.strip().split("-")
    if len(parts) != 3:
        raise ValueError("not a YYYY-MM-DD date")
    year, month, day = (int(part) for part in parts)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"a date out of range ({year})")
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


def opt_parsed[T](item: Mapping[str, Any], key: str, parser: Callable[[object], T]) -> T | None:
    value = item.get(key)
    if value is None or value == "":
        return None
    try:
        return parser(value)
    except ValueError as err:
        raise MalformedError(f"{key}: {err}") from None


def req_parsed[T](item: Mapping[str, Any], key: str, parser: Callable[[object], T]) -> T:
    value = opt_parsed(item, key, parser)
    if value is None:
        raise MalformedError(f"{key} missing")
    return value


def opt_date(item: Mapping[str, Any], key: str) -> date | None:
    return opt_parsed(item, key, parse_date)


def req_date(item: Mapping[str, Any], key: str) -> date:
    return req_parsed(item, key, parse_date)


def opt_time(item: Mapping[str, Any], key: str) -> time | None:
    return opt_parsed(item, key, parse_time)


def opt_datetime(item: Mapping[str, Any], key: str) -> datetime | None:
    return opt_parsed(item, key, parse_datetime)


def mapping(value: object, what: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise MalformedError(f"{what} is not an object")
    return value


def resource(payload: object, key: str, endpoint: str) -> Any:
    """The value under the resource key, after rejecting status and wrong-shape bodies."""
    if not isinstance(payload, Mapping):
        raise LibrusResponseError(f"{endpoint}: body is not a JSON object")
    raise_for_status(payload, endpoint)
    if key not in payload:
        raise LibrusResponseError(f"{endpoint}: no {key!r} in the body")
    return payload[key]


def resource_object(payload: object, key: str, endpoint: str) -> Mapping[str, Any]:
    value = resource(payload, key, endpoint)
    if not isinstance(value, Mapping):
        raise LibrusResponseError(f"{endpoint}: {key!r} is not an object")
    return value


ITEM_ERRORS = (MalformedError, KeyError, TypeError, ValueError, AttributeError, ArithmeticError)


def parse_list[T](
    raw: object, endpoint: str, key: str, parse_item: Callable[[Mapping[str, Any]], T]
) -> Items[T]:
    if not isinstance(raw, list):
        raise LibrusResponseError(f"{endpoint}: {key!r} is not a list")
    parsed: list[T] = []
    skipped = 0
    for index, item in enumerate(raw):
        try:
            parsed.append(parse_item(mapping(item, "item")))
        except ITEM_ERRORS as err:
            skipped += 1
            _LOGGER.debug("%s: skipped item %d (%s: %s)", endpoint, index, type(err).__name__, err)
    if skipped:
        _LOGGER.debug("%s: skipped %d of %d items", endpoint, skipped, len(raw))
    return Items(parsed, skipped)


def parse_items[T](
    payload: object, key: str, endpoint: str, parse_item: Callable[[Mapping[str, Any]], T]
) -> Items[T]:
    return parse_list(resource(payload, key, endpoint), endpoint, key, parse_item)


def parse_object[T](
    payload: object, key: str, endpoint: str, parse_item: Callable[[Mapping[str, Any]], T]
) -> T:
    obj = resource_object(payload, key, endpoint)
    try:
        return parse_item(obj)
    except ITEM_ERRORS as err:
        raise LibrusResponseError(f"{endpoint}: {type(err).__name__}: {err}") from None


def full_name(first: str | None, last: str | None) -> str:
    return " ".join(part.strip() for part in (first, last) if part and part.strip())
