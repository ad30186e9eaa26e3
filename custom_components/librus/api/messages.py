"""Messages (Wiadomości, ``https://wiadomosci.librus.pl/api``): the unread count and the inbox list.

Only the two reads that never change anything are modelled (``librus-api.md`` §4.1):

- ``GET /api/inbox/unreadMessagesCount`` → ``{"data": {"inbox": 2, "notes": 0, …}}``; the
  counters may come as numbers, numeric strings or ``null``.
- ``GET /api/inbox/messages?page=1&limit=N`` → ``{"data": [item, …], "total": N}``, newest
  first (a secondary mailbox answers a bare JSON array). Listing does not mark anything read.

The detail (``/api/inbox/messages/{id}``) **marks the message read** in Librus for good; the
client refuses to request it (``client.MESSAGES_READS``).

A list item's ``content`` is a preview: base64 of the message's UTF-8 text cut to a fixed
number of *bytes*, so it may end inside a Polish letter. :func:`decode_preview` decodes it
leniently (missing padding, URL-safe alphabet, stray characters, an incomplete last letter,
HTML tags and entities) into plain text with collapsed whitespace; an undecodable preview is
``""``. ``sendDate`` is Polish local time without a zone (an aware datetime here, as in
``fields.py``); ``readDate: null`` means unread. One malformed item is skipped (``Items``).
What an answer of the messages host means is ``answers.classify_messages_answer``.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import html
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .errors import LibrusResponseError
from .fields import (
    ITEM_ERRORS,
    Items,
    as_int,
    flag,
    full_name,
    item_id,
    parse_datetime,
    parse_list,
    str_or_empty,
)

UNREAD_ENDPOINT = "inbox/unreadMessagesCount"
INBOX_ENDPOINT = "inbox/messages"


@dataclass(frozen=True, slots=True, kw_only=True)
class UnreadCount:
    """``inbox/unreadMessagesCount``: unread messages in the inbox (other mailboxes ignored)."""

    inbox: int


@dataclass(frozen=True, slots=True, kw_only=True)
class InboxMessage:
    """One item of the inbox list (never the message itself)."""

    id: str
    """``messageId``, a string of digits today (an int in some clients' captures)."""
    sender: str
    """``senderName``, else first and last name; a group sender has it all in the first."""
    topic: str
    preview: str
    """The start of the text as Librus cuts it, decoded to plain text (may be ``""``)."""
    sent: datetime | None
    """``sendDate`` as an aware datetime in Europe/Warsaw; None when absent or unreadable."""
    unread: bool
    """``readDate`` is null or absent."""
    has_attachments: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class InboxPage:
    """One page of the inbox list, newest first as Librus sends it."""

    messages: Items[InboxMessage]
    total: int | None
    """How many messages the inbox has in all (``total``; None when not sent)."""


# ------------------------------------------------------------------------------------------
# The preview

_TAG = re.compile(r"<[^>]*>")
_CUT_TAG = re.compile(r"<[^>]*$")  # a tag the byte cut left open at the end
_NOT_BASE64 = re.compile(r"[^A-Za-z0-9+/]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def decode_preview(content: object) -> str:
    """The plain text of a list item's base64 ``content``; ``""`` when it cannot be read.

    Tolerates the URL-safe alphabet, missing padding, whitespace and stray characters; an
    incomplete UTF-8 sequence at the end (the preview is cut by bytes) is dropped, invalid
    bytes elsewhere become U+FFFD. Tags are dropped, entities decoded, whitespace collapsed.
    """
    if not isinstance(content, str) or not content.strip():
        return ""
    text = content.strip().replace("-", "+").replace("_", "/")
    text = _NOT_BASE64.sub("", text.split("=", 1)[0])
    if len(text) % 4 == 1:  # one dangling character cannot carry a byte
        text = text[:-1]
    try:
        raw = base64.b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        return ""
    # final=False: an incomplete sequence at the very end is held back, i.e. dropped.
    decoded = codecs.getincrementaldecoder("utf-8")(errors="replace").decode(raw, final=False)
    decoded = _CUT_TAG.sub("", _TAG.sub(" ", decoded))
    decoded = _CONTROL.sub(" ", html.unescape(decoded))
    return " ".join(decoded.split())


# ------------------------------------------------------------------------------------------
# Parsers


def _data(payload: object, endpoint: str) -> Any:
    if isinstance(payload, list):  # a mailbox that answers a bare array
        return payload
    if not isinstance(payload, Mapping) or "data" not in payload:
        raise LibrusResponseError(f"{endpoint}: no 'data' in the body")
    return payload["data"]


def parse_unread_count(payload: object) -> UnreadCount:
    """Parse ``inbox/unreadMessagesCount`` (``null`` counts as 0)."""
    data = _data(payload, UNREAD_ENDPOINT)
    if not isinstance(data, Mapping):
        raise LibrusResponseError(f"{UNREAD_ENDPOINT}: 'data' is not an object")
    try:
        inbox = as_int(data.get("inbox"))
    except ValueError:
        raise LibrusResponseError(f"{UNREAD_ENDPOINT}: 'inbox' is not a number") from None
    return UnreadCount(inbox=max(inbox or 0, 0))


def _sent(item: Mapping[str, Any]) -> datetime | None:
    value = item.get("sendDate")
    if value is None or value == "":
        return None
    try:
        return parse_datetime(value)
    except ITEM_ERRORS:
        return None


def _has_attachments(item: Mapping[str, Any]) -> bool:
    try:
        return flag(item, "isAnyFileAttached")
    except ITEM_ERRORS:
        return False


def _message(item: Mapping[str, Any]) -> InboxMessage:
    sender = str_or_empty(item, "senderName").strip() or full_name(
        str_or_empty(item, "senderFirstName"), str_or_empty(item, "senderLastName")
    )
    read_date = item.get("readDate")
    return InboxMessage(
        id=item_id(item, "messageId"),
        sender=" ".join(sender.split()),
        topic=" ".join(str_or_empty(item, "topic").split()),
        preview=decode_preview(item.get("content")),
        sent=_sent(item),
        unread=read_date is None or read_date == "",
        has_attachments=_has_attachments(item),
    )


def parse_inbox(payload: object) -> InboxPage:
    """Parse ``inbox/messages`` (one page); items without a ``messageId`` are skipped."""
    data = _data(payload, INBOX_ENDPOINT)
    total: int | None = None
    if isinstance(payload, Mapping):
        try:
            total = as_int(payload.get("total"))
        except ValueError:
            total = None
    return InboxPage(messages=parse_list(data, INBOX_ENDPOINT, "data", _message), total=total)
