"""``LuckyNumbers`` (``api/lucky_number.py``)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from custom_components.librus.api import lucky_number as lky

from .payloads import envelope


def test_lucky_number_singular_form() -> None:
    payload = envelope(
        "LuckyNumber", {"LuckyNumber": 13, "LuckyNumberDay": "2026-09-08"}, "LuckyNumbers"
    )
    assert lky.parse_lucky_number(payload) == lky.LuckyNumber(number=13, day=date(2026, 9, 8))


def test_lucky_number_plural_form_takes_the_latest_day() -> None:
    payload = envelope(
        "LuckyNumbers",
        [
            {"LuckyNumber": 15, "LuckyNumberDay": "2017-04-25"},
            {"LuckyNumber": "7", "LuckyNumberDay": "2017-04-26"},
            {"LuckyNumber": 3, "LuckyNumberDay": "2017-04-24"},
        ],
        "LuckyNumbers",
    )
    assert lky.parse_lucky_number(payload) == lky.LuckyNumber(number=7, day=date(2017, 4, 26))


@pytest.mark.parametrize(
    "payload",
    [
        envelope("LuckyNumbers", [], "LuckyNumbers"),
        envelope("LuckyNumber", None, "LuckyNumbers"),
        envelope("LuckyNumber", {}, "LuckyNumbers"),
    ],
)
def test_lucky_number_absent(payload: dict[str, Any]) -> None:
    assert lky.parse_lucky_number(payload) is None
