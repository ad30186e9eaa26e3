"""``SchoolNotices``: the school's announcements."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from .fields import (
    Items,
    flag,
    item_id,
    opt_date,
    opt_datetime,
    parse_items,
    ref_id,
    str_or_empty,
)


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
        id=item_id(item),
        title=str_or_empty(item, "Subject"),
        content=str_or_empty(item, "Content"),
        start_date=opt_date(item, "StartDate"),
        end_date=opt_date(item, "EndDate"),
        added_by_id=ref_id(item, "AddedBy"),
        creation_date=opt_datetime(item, "CreationDate"),
        was_read=flag(item, "WasRead"),
    )


def parse_school_notices(payload: Mapping[str, Any]) -> Items[SchoolNotice]:
    """Parse ``SchoolNotices``."""
    return parse_items(payload, "SchoolNotices", "SchoolNotices", _notice)
