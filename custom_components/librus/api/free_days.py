"""``SchoolFreeDays`` and ``ClassFreeDays``: days without lessons."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from .fields import (
    Items,
    MalformedError,
    item_id,
    opt_date,
    opt_int,
    parse_items,
    ref_id,
    ref_ids,
    req_date,
    str_or_empty,
)

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
        date_from = req_date(item, "DateFrom")
        date_to = opt_date(item, "DateTo") or date_from
        if date_to < date_from:
            raise MalformedError("DateTo before DateFrom")
        return FreeDay(
            id=item_id(item),
            scope=scope,
            name=str_or_empty(item, "Name"),
            date_from=date_from,
            date_to=date_to,
            unit_ids=ref_ids(item, "Units"),
            type_id=ref_id(item, "Type"),
            class_id=ref_id(item, "Class") or ref_id(item, "VirtualClass"),
            lesson_no_from=opt_int(item, "LessonNoFrom"),
            lesson_no_to=opt_int(item, "LessonNoTo"),
        )

    return parse


def parse_school_free_days(payload: Mapping[str, Any]) -> Items[FreeDay]:
    """Parse ``SchoolFreeDays``."""
    return parse_items(payload, "SchoolFreeDays", "SchoolFreeDays", _free_day_parser("school"))


def parse_class_free_days(payload: Mapping[str, Any]) -> Items[FreeDay]:
    """Parse ``ClassFreeDays``."""
    return parse_items(payload, "ClassFreeDays", "ClassFreeDays", _free_day_parser("class"))
