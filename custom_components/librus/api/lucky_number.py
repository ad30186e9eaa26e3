"""``LuckyNumbers``: today's (or the next school day's) lucky number."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from .fields import (
    MalformedError,
    opt_int,
    parse_items,
    parse_list,
    parse_object,
    req_date,
    resource,
)


@dataclass(slots=True, frozen=True, kw_only=True)
class LuckyNumber:
    """``LuckyNumbers``: the number and the school day it is for (can be the next day's)."""

    number: int
    day: date


def _lucky(item: Mapping[str, Any]) -> LuckyNumber:
    number = opt_int(item, "LuckyNumber")
    if number is None:
        raise MalformedError("LuckyNumber missing")
    return LuckyNumber(number=number, day=req_date(item, "LuckyNumberDay"))


def parse_lucky_number(payload: Mapping[str, Any]) -> LuckyNumber | None:
    """Parse ``LuckyNumbers``: the singular ``LuckyNumber`` object or the old plural list.

    Returns ``None`` when there is no number (null object, empty list). From the plural form
    the entry with the latest day wins. ``LuckyNumberIsNotActive`` raises
    :class:`LibrusModuleUnavailableError`.
    """
    if isinstance(payload, Mapping) and "LuckyNumber" not in payload and "LuckyNumbers" in payload:
        numbers = parse_items(payload, "LuckyNumbers", "LuckyNumbers", _lucky)
        return max(numbers, key=lambda lucky: lucky.day, default=None)
    raw = resource(payload, "LuckyNumber", "LuckyNumbers")
    if raw is None or raw == {} or raw == []:
        return None
    if isinstance(raw, list):  # a list under the singular key: treat like the plural form
        numbers = parse_list(raw, "LuckyNumbers", "LuckyNumber", _lucky)
        return max(numbers, key=lambda lucky: lucky.day, default=None)
    return parse_object(payload, "LuckyNumber", "LuckyNumbers", _lucky)
