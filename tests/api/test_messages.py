"""Messages parsers: the unread count and the inbox list from realistic bodies."""

from __future__ import annotations

import base64
from datetime import datetime
from typing import Any

import pytest

from custom_components.librus.api import LibrusResponseError, LibrusSessionExpiredError
from custom_components.librus.api.answers import classify_messages_answer
from custom_components.librus.api.errors import LibrusConnectionError, LibrusMaintenanceError
from custom_components.librus.api.fields import LIBRUS_TZ
from custom_components.librus.api.messages import (
    decode_preview,
    parse_inbox,
    parse_unread_count,
)


def b64(text: str | bytes) -> str:
    raw = text.encode() if isinstance(text, str) else text
    return base64.b64encode(raw).decode("ascii")


# A live list item (librus-api.md §4.1), as Librus sends it.
LIVE_ITEM: dict[str, Any] = {
    "messageId": "4921079",
    "senderFirstName": "Anna",
    "senderLastName": "Nowak",
    "senderName": "Anna Nowak",
    "topic": "Zebranie",
    "content": b64("Szanowni Państwo, zapraszam na zebranie."),
    "sendDate": "2026-09-01 10:00:00",
    "readDate": None,
    "tags": [],
    "category": None,
    "otherNodeUuid": None,
    "otherNodeAccountId": None,
    "isAnyFileAttached": False,
}


def test_unread_count_from_the_live_shape() -> None:
    body = {
        "data": {
            "inbox": 2,
            "notes": 0,
            "alerts": 1,
            "substitutions": 0,
            "absences": 0,
            "justifications": 0,
            "trash": 0,
            "archiveInbox": 0,
        }
    }
    assert parse_unread_count(body).inbox == 2


@pytest.mark.parametrize(
    ("inbox", "expected"),
    [("3", 3), (" 7 ", 7), (None, 0), ("", 0), (4.0, 4), (-1, 0)],
)
def test_unread_count_as_string_or_null(inbox: object, expected: int) -> None:
    assert parse_unread_count({"data": {"inbox": inbox, "notes": None}}).inbox == expected


def test_unread_count_without_inbox_key_is_zero() -> None:
    assert parse_unread_count({"data": {"notes": "1"}}).inbox == 0


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"data": None},
        {"data": [1, 2]},
        {"data": {"inbox": "dużo"}},
        "x",
        {"data": {"inbox": True}},
    ],
)
def test_unread_count_of_another_shape_is_an_error(body: object) -> None:
    with pytest.raises(LibrusResponseError):
        parse_unread_count(body)


def test_list_item_from_the_live_shape() -> None:
    page = parse_inbox({"data": [LIVE_ITEM], "total": 1})
    assert page.total == 1
    assert page.messages.skipped == 0
    (message,) = page.messages
    assert message.id == "4921079"
    assert message.sender == "Anna Nowak"
    assert message.topic == "Zebranie"
    assert message.preview == "Szanowni Państwo, zapraszam na zebranie."
    assert message.sent == datetime(2026, 9, 1, 10, 0, tzinfo=LIBRUS_TZ)
    assert message.sent is not None
    assert message.sent.utcoffset() is not None
    assert message.unread is True
    assert message.has_attachments is False


def test_list_items_with_missing_and_null_fields() -> None:
    items: list[object] = [
        # A group sender: the whole name in the first name, no senderName.
        {"messageId": 12, "senderFirstName": "Sekretariat Szkoły", "senderLastName": None},
        # Every optional field null.
        {
            "messageId": "13",
            "senderName": None,
            "senderFirstName": None,
            "senderLastName": None,
            "topic": None,
            "content": None,
            "sendDate": None,
            "readDate": "2026-10-01 08:00:00",
            "isAnyFileAttached": None,
        },
        # Flags and dates in odd forms.
        {
            "messageId": "14",
            "senderName": "  Ewa   Mazur ",
            "topic": "Zażółć  gęślą\njaźń",
            "sendDate": "wczoraj",
            "readDate": "",
            "isAnyFileAttached": "1",
        },
        {"messageId": "15", "isAnyFileAttached": "maybe", "sendDate": 20260901},
        # Not understood: skipped, the rest kept.
        {"senderName": "Bez identyfikatora"},
        {"messageId": None},
        {"messageId": "16", "topic": {"nested": True}},
        "not an object",
    ]
    page = parse_inbox({"data": items})
    assert page.total is None
    assert page.messages.skipped == 4
    group, empty, odd, flags = page.messages
    assert (group.id, group.sender, group.topic, group.preview) == (
        "12",
        "Sekretariat Szkoły",
        "",
        "",
    )
    assert group.sent is None
    assert group.unread
    assert not group.has_attachments
    assert (empty.sender, empty.topic, empty.unread) == ("", "", False)
    assert odd.sender == "Ewa Mazur"
    assert odd.topic == "Zażółć gęślą jaźń"
    assert odd.sent is None
    assert odd.unread is True  # an empty readDate is no read date
    assert odd.has_attachments is True
    assert flags.has_attachments is False
    assert flags.sent is None


def test_a_bare_array_and_an_odd_total() -> None:
    page = parse_inbox([LIVE_ITEM])
    assert [m.id for m in page.messages] == ["4921079"]
    assert page.total is None
    assert parse_inbox({"data": [], "total": "5"}).total == 5
    assert parse_inbox({"data": [], "total": "pięć"}).total is None


@pytest.mark.parametrize("body", [{}, {"data": {"a": 1}}, None, {"total": 3}])
def test_a_list_of_another_shape_is_an_error(body: object) -> None:
    with pytest.raises(LibrusResponseError):
        parse_inbox(body)


# ---------------------------------------------------------------------------- previews

POLISH = "Zażółć gęślą jaźń. Łódź, Świętokrzyskie, Źródło."


def test_preview_cut_inside_a_polish_letter_drops_the_half_letter() -> None:
    raw = POLISH.encode()
    cut = raw[: raw.index("Ł".encode()) + 1]  # the first byte of "Ł" only
    assert decode_preview(b64(cut)) == "Zażółć gęślą jaźń."
    # Cut at every byte: never an error, never a replacement character at the end.
    for end in range(len(raw) + 1):
        text = decode_preview(b64(raw[:end]))
        assert POLISH.startswith(text.rstrip()) or POLISH.replace("  ", " ").startswith(text)
        assert "\ufffd" not in text


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b64("Dzień dobry"), "Dzień dobry"),
        (b64("Dzień dobry").rstrip("="), "Dzień dobry"),  # no padding
        (base64.urlsafe_b64encode("Gęś?>>".encode()).decode(), "Gęś?>>"),  # URL-safe alphabet
        (" " + b64("Ala ma kota")[:8] + "\n" + b64("Ala ma kota")[8:] + " ", "Ala ma kota"),
        (
            b64("<p>Dzień&nbsp;dobry,<br>zebranie &amp; wycieczka</p>"),
            "Dzień dobry, zebranie & wycieczka",
        ),
        (b64("Tekst z ucięty<a href"), "Tekst z ucięty"),
        (b64("wiersz 1\r\n\twiersz\x002"), "wiersz 1 wiersz 2"),
        (b64(b"\xff\xfe Ala"), "\ufffd\ufffd Ala"),  # not UTF-8: kept readable
        ("!!!", ""),
        ("A", ""),
        ("", ""),
        (None, ""),
        (12345, ""),
        ("Zm9v" + "*" * 3 + "YmFy", "foobar"),  # stray characters ignored
    ],
)
def test_odd_base64_previews(content: object, expected: str) -> None:
    assert decode_preview(content) == expected


# ---------------------------------------------------------------------------- answers


@pytest.mark.parametrize(
    ("status", "text", "error"),
    [
        (401, '{"code":"UNAUTHORIZED","message":"Brak autoryzacji."}', LibrusSessionExpiredError),
        (403, "{}", LibrusSessionExpiredError),
        (302, "", LibrusSessionExpiredError),
        (200, "<!DOCTYPE html><html><body>Zaloguj</body></html>", LibrusSessionExpiredError),
        (200, "Brak dostępu", LibrusSessionExpiredError),
        (200, '{"code":"UNAUTHORIZED"}', LibrusSessionExpiredError),
        (200, "not json", LibrusResponseError),
        (404, '{"code":"NOT_FOUND"}', LibrusResponseError),
        (400, '{"code":"VALIDATION_ERROR"}', LibrusResponseError),
        (503, "", LibrusMaintenanceError),
        (500, "", LibrusConnectionError),
        (429, "", LibrusConnectionError),
        (200, "[" * 100_000 + "]" * 100_000, LibrusResponseError),
    ],
)
def test_messages_answer_classification(status: int, text: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        classify_messages_answer("messages inbox/messages", status, text)


def test_messages_answer_passes_data_through() -> None:
    assert classify_messages_answer("x", 200, '{"data":{"inbox":1}}') == {"data": {"inbox": 1}}
    assert classify_messages_answer("x", 200, "[]") == []
