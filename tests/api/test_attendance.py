"""``Attendances`` and ``Attendances/Types`` (``api/attendance.py``)."""

from __future__ import annotations

from custom_components.librus.api import attendance as att
from custom_components.librus.api import fields as fld

from .payloads import envelope, ref


def test_attendances_int_and_t_prefixed_ids() -> None:
    attendances = att.parse_attendances(
        envelope(
            "Attendances",
            [
                {"Id": "t403208", "Lesson": ref("Lessons", 2727123), "Student": ref("Users", 1),
                 "Trip": ref("Trips", 5416), "Date": "2016-09-29",
                 "AddDate": "2016-09-28 16:19:21", "LessonNo": 2, "Semester": 1,
                 "Type": ref("Attendances/Types", 100), "AddedBy": ref("Users", 1234988)},
                {"Id": 5, "Lesson": ref("Lessons", 7), "Type": ref("Attendances/Types", 1),
                 "Date": "2026-09-02", "LessonNo": "3"},
                {"Id": 6, "Lesson": ref("Lessons", 7), "Date": "2026-09-02"},  # no type
            ],
            "Attendances",
        )
    )  # fmt: skip
    first, second = attendances
    assert attendances.skipped == 1
    assert first.id == "t403208"
    assert first.trip_id == "5416"
    assert first.type_id == "100"
    assert second.id == "5"
    assert second.trip_id is None
    assert second.lesson_no == 3


def test_attendance_types_kinds_and_school_specific_types() -> None:
    types = fld.by_id(
        att.parse_attendance_types(
            envelope(
                "Types",
                [
                    {"Id": 1, "Name": "Nieobecność", "Short": "nb", "Standard": True,
                     "ColorRGB": "F7F8AA", "IsPresenceKind": False, "Order": 3},
                    {"Id": 2, "Name": "Spóźnienie", "Short": "sp", "Standard": True,
                     "IsPresenceKind": True},
                    {"Id": 3, "Name": "Nieobecność uspr.", "Short": "u", "Standard": True,
                     "IsPresenceKind": False},
                    {"Id": 4, "Name": "Zwolnienie", "Short": "zw", "Standard": True,
                     "IsPresenceKind": True},
                    {"Id": 100, "Name": "Obecność", "Short": "ob", "Standard": True,
                     "IsPresenceKind": True},
                    {"Id": 1685, "Name": "Pobyt w sanatorium", "Short": "san", "Standard": False,
                     "IsPresenceKind": True, "StandardType": ref("Attendances/Types", 100),
                     "Identifier": "X"},
                    {"Id": 2022, "Name": "Konkurs szkolny", "Short": "k", "Standard": False,
                     "IsPresenceKind": True},
                ],
                "Attendances/Types",
            )
        )
    )  # fmt: skip
    assert types["1"].kind is att.AttendanceKind.ABSENT
    assert types["1"].color_rgb == "F7F8AA"
    assert types["1"].order == 3
    assert types["2"].kind is att.AttendanceKind.LATE
    assert types["3"].kind is att.AttendanceKind.EXCUSED
    assert types["4"].kind is att.AttendanceKind.RELEASED
    assert types["100"].kind is att.AttendanceKind.PRESENT
    assert types["1685"].kind is att.AttendanceKind.PRESENT
    assert types["1685"].standard_type_id == "100"
    assert types["2022"].kind is att.AttendanceKind.OTHER
    assert types["2022"].color_rgb is None
