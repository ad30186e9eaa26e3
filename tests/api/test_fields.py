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


# Clean values: text safe for states, storage and the websocket; finite, sane numbers.


def test_clean_text_drops_controls_and_lone_surrogates() -> None:
    assert fld.clean_text("Zażółć gęślą jaźń") == "Zażółć gęślą jaźń"
    assert fld.clean_text("a\ud800b\udfff") == "a\ufffdb\ufffd"
    assert fld.clean_text("tab\there\nnew\r\x00\x07\x1b\x7f\x85end") == "tab\there\nnew\rend"
    assert fld.opt_str({"Text": "x\ud83dy\x01"}, "Text") == "x\ufffdy"
    assert fld.normalize_id("\x0012\x07") == "12"
    with pytest.raises(ValueError, match="not an id"):
        fld.normalize_id("\x00\x07")


@pytest.mark.parametrize(
    "value", [float("nan"), float("inf"), float("-inf"), "NaN", "inf", 10**400, 1e10, "1e400"]
)
def test_numbers_are_finite_and_sane(value: object) -> None:
    with pytest.raises(fld.MalformedError):
        fld.opt_float({"Weight": value}, "Weight")


def test_in_range_numbers_pass() -> None:
    assert fld.opt_float({"Weight": 2}, "Weight") == 2
    assert fld.opt_float({"Weight": "0,75"}, "Weight") == 0.75
    assert fld.as_int(2**53) == 2**53
    with pytest.raises(ValueError, match="out of range"):
        fld.as_int(2**53 + 1)
    with pytest.raises(ValueError, match="out of range"):
        fld.as_int(-(10**30))
    with pytest.raises(fld.MalformedError):
        fld.opt_str({"Text": float("nan")}, "Text")


@pytest.mark.parametrize("text", ["0000-01-01", "1899-12-31", "2201-01-01", "9999-12-31"])
def test_dates_out_of_range_are_malformed(text: str) -> None:
    with pytest.raises(ValueError, match=r"out of range|year"):
        fld.parse_date(text)
    with pytest.raises(fld.MalformedError):
        fld.opt_date({"Date": text}, "Date")
