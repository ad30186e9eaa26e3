"""``Attendances`` and ``Attendances/Types``: what happened at each lesson."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from .fields import (
    Items,
    MalformedError,
    flag,
    item_id,
    opt_datetime,
    opt_int,
    opt_str,
    parse_items,
    ref_id,
    req_date,
    str_or_empty,
)


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
    type_id = ref_id(item, "Type")
    if type_id is None:
        raise MalformedError("Type missing")
    return Attendance(
        id=item_id(item),
        lesson_id=ref_id(item, "Lesson"),
        student_id=ref_id(item, "Student"),
        type_id=type_id,
        date=req_date(item, "Date"),
        add_date=opt_datetime(item, "AddDate"),
        lesson_no=opt_int(item, "LessonNo"),
        semester=opt_int(item, "Semester"),
        trip_id=ref_id(item, "Trip"),
        added_by_id=ref_id(item, "AddedBy"),
    )


def parse_attendances(payload: Mapping[str, Any]) -> Items[Attendance]:
    """Parse ``Attendances``."""
    return parse_items(payload, "Attendances", "Attendances", _attendance)


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


def _attendance_type(item: Mapping[str, Any]) -> AttendanceType:
    return AttendanceType(
        id=item_id(item),
        name=str_or_empty(item, "Name"),
        short=str_or_empty(item, "Short"),
        is_standard=flag(item, "Standard"),
        is_presence_kind=flag(item, "IsPresenceKind"),
        color_rgb=opt_str(item, "ColorRGB") or None,
        order=opt_int(item, "Order"),
        standard_type_id=ref_id(item, "StandardType"),
    )


def parse_attendance_types(payload: Mapping[str, Any]) -> Items[AttendanceType]:
    """Parse ``Attendances/Types`` (key ``Types``)."""
    return parse_items(payload, "Types", "Attendances/Types", _attendance_type)
