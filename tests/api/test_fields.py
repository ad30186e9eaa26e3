"""The shared readers (``api/fields.py``): ids, dates, times, envelopes, ``Items``."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, time, timedelta

import pytest

from custom_components.librus.api import fields as fld
from custom_components.librus.api import lucky_number as lky
from custom_components.librus.api import school as sch

from .payloads import envelope


@pytest.mark.parametrize(
    ("raw", "expected"), [(12, "12"), ("12", "12"), ("t41685", "t41685"), (" 7 ", "7")]
)
def test_normalize_id(raw: object, expected: str) -> None:
    assert fld.normalize_id(raw) == expected


@pytest.mark.parametrize("raw", [None, True, "", "  ", 1.5, {"Id": 1}])
def test_normalize_id_rejects_non_ids(raw: object) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - the message names the type
        fld.normalize_id(raw)


def test_dates_times_and_timestamps() -> None:
    assert fld.parse_date("2026-09-01") == date(2026, 9, 1)
    assert fld.parse_date("2023-9-4") == date(2023, 9, 4)  # unpadded, as librusik sends it
    assert fld.parse_time("07:45") == time(7, 45)
    assert fld.parse_time("17:00:00") == time(17, 0)
    winter = fld.parse_datetime("2026-01-15 10:00:00")
    summer = fld.parse_datetime("2026-06-15 10:00:00")
    assert winter.tzinfo is fld.LIBRUS_TZ
    assert winter.utcoffset() == timedelta(hours=1)  # CET
    assert summer.utcoffset() == timedelta(hours=2)  # CEST
    assert fld.parse_datetime("2026-10-01") == datetime(2026, 10, 1, tzinfo=fld.LIBRUS_TZ)
    for bad in ("2026-13-01", "yesterday", "", 20260901):
        with pytest.raises(ValueError):  # noqa: PT011
            fld.parse_date(bad)
    for bad in ("7", "25:00", None):
        with pytest.raises(ValueError):  # noqa: PT011
            fld.parse_time(bad)


def test_items_is_a_tuple_with_a_skip_count() -> None:
    items = fld.Items([1, 2], skipped=3)
    assert items == (1, 2)
    assert items.skipped == 3
    assert "skipped=3" in repr(items)
    assert fld.Items().skipped == 0


def test_models_are_frozen() -> None:
    lucky = lky.LuckyNumber(number=1, day=date(2026, 9, 1))
    with pytest.raises(dataclasses.FrozenInstanceError):
        lucky.number = 2  # type: ignore[misc]


def test_by_id_indexes_models() -> None:
    subjects = sch.parse_subjects(
        envelope("Subjects", [{"Id": 1, "Name": "A"}, {"Id": "2", "Name": "B"}], "Subjects")
    )
    assert set(fld.by_id(subjects)) == {"1", "2"}
