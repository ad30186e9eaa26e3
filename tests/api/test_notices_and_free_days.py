"""``SchoolNotices`` and the free days (``api/notices.py``, ``api/free_days.py``)."""

from __future__ import annotations

from datetime import date, datetime

from custom_components.librus.api import fields as fld
from custom_components.librus.api import free_days as fdays
from custom_components.librus.api import notices as nts

from .payloads import envelope, ref


def test_school_notices_string_and_int_ids() -> None:
    notices = nts.parse_school_notices(
        envelope(
            "SchoolNotices",
            [
                {"Id": "LID-NBOARD-NOTICE-9093", "StartDate": "2026-09-01",
                 "EndDate": "2026-09-30", "Subject": "Apel", "Content": "<p>Treść</p>",
                 "AddedBy": {"Id": "LID-AUTH-USER-1-X", "Url": "…"},
                 "CreationDate": "2026-08-31 12:00:00", "WasRead": False},
                {"Id": 11, "Subject": "Stare", "Content": "x", "AddedBy": ref("Users", 4),
                 "WasRead": True},
            ],
            "SchoolNotices",
        )
    )  # fmt: skip
    new, old = notices
    assert new.id == "LID-NBOARD-NOTICE-9093"
    assert new.title == "Apel"
    assert new.added_by_id == "LID-AUTH-USER-1-X"
    assert new.creation_date == datetime(2026, 8, 31, 12, tzinfo=fld.LIBRUS_TZ)
    assert not new.was_read
    assert old.id == "11"
    assert old.was_read
    assert old.start_date is None


def test_free_days() -> None:
    school = fdays.parse_school_free_days(
        envelope(
            "SchoolFreeDays",
            [
                {"Id": 1, "Name": "Ferie zimowe", "DateFrom": "2027-01-18",
                 "DateTo": "2027-01-31", "Units": [ref("Units", 2529)]},
                {"Id": 2, "Name": "Odwrócone", "DateFrom": "2027-02-02", "DateTo": "2027-02-01"},
            ],
            "SchoolFreeDays",
        )
    )  # fmt: skip
    (winter,) = school
    assert school.skipped == 1
    assert winter.scope == "school"
    assert winter.unit_ids == ("2529",)
    assert winter.covers(date(2027, 1, 18))
    assert winter.covers(date(2027, 1, 31))
    assert not winter.covers(date(2027, 2, 1))
    (trip,) = fdays.parse_class_free_days(
        envelope(
            "ClassFreeDays",
            [{"Id": 5, "Type": ref("Calendars/ClassFreeDays/Types", 2), "DateFrom": "2026-10-02",
              "Class": ref("Classes", 69300), "LessonNoFrom": "1", "LessonNoTo": 4}],
            "ClassFreeDays",
        )
    )  # fmt: skip
    assert trip.scope == "class"
    assert trip.date_to == trip.date_from == date(2026, 10, 2)
    assert (trip.type_id, trip.class_id, trip.lesson_no_from, trip.lesson_no_to) == (
        "2", "69300", 1, 4
    )  # fmt: skip
