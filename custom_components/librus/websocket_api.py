"""Websocket commands the dashboard cards use; they read the last synced snapshot only.

The message shapes are the contract in ``frontend/src/types.ts`` (``CardData`` and friends);
``card_data`` is the one place that turns a snapshot into that shape.

- ``librus/students``: one item per loaded entry (= per student).
- ``librus/card_data``: the card data of one entry.
- ``librus/subscribe``: the card data now and again after every refresh. When the entry
  unloads (a reload after an options change, reauth or reconfigure), each subscription gets
  one last event, ``{"ended": true}``, and is forgotten: the cards then subscribe again and
  reach the entry's new coordinator. The card data of a snapshot is serialised once and the
  same bytes go to every subscriber.

Message previews travel only here (to the messages card): never in an entity's state,
attributes or events, so they never reach the recorder.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any, Final

import voluptuous as vol
from homeassistant.components.websocket_api import async_register_command
from homeassistant.components.websocket_api.connection import ActiveConnection
from homeassistant.components.websocket_api.decorators import websocket_command
from homeassistant.components.websocket_api.messages import event_message
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers.json import json_bytes
from homeassistant.util.hass_dict import HassKey

from .api import LibrusUrls
from .const import DOMAIN
from .coordinator import LibrusConfigEntry
from .snapshot import (
    AgendaItem,
    GradeItem,
    Homework,
    LibrusSnapshot,
    Message,
    Messages,
    ScheduledLesson,
    ScheduleWeek,
    SemesterGrades,
    SubjectGrades,
)


@callback
def async_register_websocket_commands(hass: HomeAssistant) -> None:
    async_register_command(hass, ws_students)
    async_register_command(hass, ws_card_data)
    async_register_command(hass, ws_subscribe)


def _loaded_entries(hass: HomeAssistant) -> list[LibrusConfigEntry]:
    return [
        entry
        for entry in hass.config_entries.async_entries(DOMAIN)
        if entry.state is ConfigEntryState.LOADED
    ]


def _requested_entry(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> LibrusConfigEntry | None:
    """The loaded Librus entry a command names; answers `not_found` when there is none."""
    entry: LibrusConfigEntry | None = hass.config_entries.async_get_entry(msg["entry_id"])
    if entry is None or entry.domain != DOMAIN or entry.state is not ConfigEntryState.LOADED:
        connection.send_error(msg["id"], "not_found", "No loaded Librus entry with this id")
        return None
    return entry


@websocket_command({vol.Required("type"): "librus/students"})
@callback
def ws_students(hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]) -> None:
    students = []
    for entry in _loaded_entries(hass):
        snapshot: LibrusSnapshot | None = entry.runtime_data.coordinator.data
        students.append(
            {
                "entry_id": entry.entry_id,
                "name": snapshot.student.name if snapshot else entry.title,
                "class_name": snapshot.student.class_name if snapshot else None,
            }
        )
    connection.send_result(msg["id"], students)


@websocket_command({vol.Required("type"): "librus/card_data", vol.Required("entry_id"): str})
@callback
def ws_card_data(hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]) -> None:
    if (entry := _requested_entry(hass, connection, msg)) is None:
        return
    snapshot: LibrusSnapshot | None = entry.runtime_data.coordinator.data
    if snapshot is None:
        connection.send_error(msg["id"], "not_ready", "Librus data is not synced yet")
        return
    connection.send_result(msg["id"], card_data(entry.entry_id, snapshot))


ENDED: Final = {"ended": True}
"""The last event of a subscription whose entry unloaded: subscribe again."""


class _Feed:
    """One loaded entry's subscribers; ends them all when the entry unloads."""

    def __init__(self, entry: LibrusConfigEntry, feeds: dict[str, _Feed]) -> None:
        self._entry = entry
        self._feeds = feeds
        self._subscribers: dict[tuple[ActiveConnection, int], None] = {}
        self._unlisten: CALLBACK_TYPE | None = None
        self._serialised: tuple[object, bytes] | None = None  # (snapshot, its card data)
        entry.async_on_unload(self._end)

    def _payload(self) -> bytes | None:
        """The card data of the current snapshot as JSON: built once per snapshot."""
        snapshot = self._entry.runtime_data.coordinator.data
        if snapshot is None:
            return None
        if self._serialised is None or self._serialised[0] is not snapshot:
            self._serialised = (snapshot, json_bytes(card_data(self._entry.entry_id, snapshot)))
        return self._serialised[1]

    @staticmethod
    def _send(connection: ActiveConnection, msg_id: int, payload: bytes) -> None:
        connection.send_message(b'{"id":%d,"type":"event","event":%b}' % (msg_id, payload))

    @callback
    def _push(self) -> None:
        payload = self._payload()
        if payload is None:
            return
        for connection, msg_id in list(self._subscribers):
            self._send(connection, msg_id, payload)

    @callback
    def add(self, connection: ActiveConnection, msg_id: int) -> Callable[[], None]:
        key = (connection, msg_id)
        self._subscribers[key] = None
        if self._unlisten is None:
            self._unlisten = self._entry.runtime_data.coordinator.async_add_listener(self._push)
        if (payload := self._payload()) is not None:
            self._send(connection, msg_id, payload)

        @callback
        def remove() -> None:
            self._subscribers.pop(key, None)
            if not self._subscribers and self._unlisten is not None:
                self._unlisten()
                self._unlisten = None

        return remove

    @callback
    def _end(self) -> None:
        """The entry unloads: tell every subscriber, then forget them (and this feed)."""
        self._feeds.pop(self._entry.entry_id, None)
        for connection, msg_id in list(self._subscribers):
            connection.send_message(event_message(msg_id, ENDED))
            if (unsubscribe := connection.subscriptions.pop(msg_id, None)) is not None:
                unsubscribe()
        self._subscribers.clear()
        if self._unlisten is not None:
            self._unlisten()
            self._unlisten = None
        self._serialised = None


_FEEDS: HassKey[dict[str, _Feed]] = HassKey(f"{DOMAIN}_card_feeds")


@websocket_command({vol.Required("type"): "librus/subscribe", vol.Required("entry_id"): str})
@callback
def ws_subscribe(hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]) -> None:
    if (entry := _requested_entry(hass, connection, msg)) is None:
        return
    feeds = hass.data.setdefault(_FEEDS, {})
    feed = feeds.get(entry.entry_id)
    if feed is None:
        feed = feeds[entry.entry_id] = _Feed(entry, feeds)
    connection.send_result(msg["id"])
    connection.subscriptions[msg["id"]] = feed.add(connection, msg["id"])


# ------------------------------------------------------------------------------------------
# Snapshot -> CardData (frontend/src/types.ts)


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _clock(value: time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


def _stamp(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def inbox_url() -> str:
    """Where the messages card's link leads: Synergia's ``/wiadomosci3``, which signs the
    browser's Synergia session in to Wiadomości (Librus documents no address of a message).
    The same Synergia address the entries' clients were created with (the environment)."""
    return LibrusUrls.from_environment().messages_entry_url


def card_data(entry_id: str, snapshot: LibrusSnapshot) -> dict[str, Any]:
    """The whole card payload for one student."""
    student = snapshot.student
    lucky = snapshot.lucky_number
    return {
        "entry_id": entry_id,
        "student": {
            "name": student.name,
            "class_name": student.class_name,
            "school_name": student.school_name,
            "register_number": student.register_number,
        },
        "updated_at": _stamp(snapshot.fetched_at),
        "today": snapshot.today.isoformat(),
        "current_semester": snapshot.semester,
        "lucky_number": None
        if lucky is None
        else {
            "number": lucky.number,
            "day": lucky.day.isoformat(),
            "is_mine": student.register_number is not None
            and lucky.number == student.register_number,
        },
        "weeks": [_week(week) for week in snapshot.weeks],
        "agenda": [_agenda(item) for item in snapshot.agenda],
        "homework": [
            _homework(item)
            for item in snapshot.homework
            # The cards list what is still to do; an assignment without a due date has no
            # place in that list (the to-do entity shows it).
            if item.due is not None and item.due >= snapshot.today
        ],
        "grades": {"semesters": [_semester(s) for s in sorted_semesters(snapshot)]},
        "messages": _messages(snapshot.messages, inbox_url()),
    }


def sorted_semesters(snapshot: LibrusSnapshot) -> list[SemesterGrades]:
    """Both semesters, the second one even before it has grades."""
    present = {s.semester: s for s in snapshot.grades}
    return [
        present.get(number, SemesterGrades(semester=number, subjects=(), average=None))
        for number in (1, 2)
    ]


def _week(week: ScheduleWeek) -> dict[str, Any]:
    days = [
        day
        for day in week.days
        # Weekends only when something happens on them.
        if day.day.weekday() < 5 or day.lessons
    ]
    return {
        "week_start": week.start.isoformat(),
        "days": [
            {
                "date": day.day.isoformat(),
                "free_day": day.free_day,
                "lessons": [_lesson(lesson) for lesson in day.lessons],
            }
            for day in days
        ],
    }


def _lesson(lesson: ScheduledLesson) -> dict[str, Any]:
    changed = lesson.status in ("substitution", "moved") and any(
        (lesson.original_subject, lesson.original_teacher, lesson.original_room)
    )
    return {
        "number": lesson.number,
        "start": _clock(lesson.start) or "",
        "end": _clock(lesson.end) or "",
        "subject": lesson.subject or "",
        "teacher": lesson.teacher,
        "room": lesson.room,
        "group": lesson.group,
        "status": lesson.status,
        "note": lesson.note,
        "original": {
            "subject": lesson.original_subject,
            "teacher": lesson.original_teacher,
            "room": lesson.original_room,
        }
        if changed
        else None,
    }


def _agenda(item: AgendaItem) -> dict[str, Any]:
    return {
        "id": item.id,
        "date": item.day.isoformat(),
        "start": _clock(item.start),
        "end": _clock(item.end),
        "kind": item.kind,
        "category": item.category or "",
        "subject": item.subject,
        "content": item.content,
    }


def _homework(item: Homework) -> dict[str, Any]:
    return {
        "id": item.id,
        "subject": None,  # Librus's homework assignments carry no subject
        "topic": item.topic,
        "text": item.text,
        "assigned": _day(item.assigned),
        "due": item.due.isoformat() if item.due else "",
        "teacher": item.teacher,
    }


def _semester(semester: SemesterGrades) -> dict[str, Any]:
    return {
        "semester": semester.semester,
        "average": semester.average,
        "subjects": [_subject(subject) for subject in semester.subjects],
    }


def _subject(subject: SubjectGrades) -> dict[str, Any]:
    return {
        "subject_id": subject.subject_id,
        "subject": subject.subject,
        "average": subject.average,
        "semester_grade": subject.semester_grade,
        "proposed_grade": subject.proposed_grade,
        # Semester and final grades (and their proposals) are the two fields above.
        "grades": [_grade(g) for g in subject.grades if g.kind == "regular"],
    }


def _grade(grade: GradeItem) -> dict[str, Any]:
    return {
        "id": grade.id,
        "value": grade.value,
        "numeric": grade.numeric,
        "weight": grade.weight,
        "counts": grade.counts,
        "category": grade.category or "",
        "date": grade.day.isoformat(),
        "added": _stamp(grade.added) or grade.day.isoformat(),
        "teacher": grade.teacher,
        "comment": grade.comment,
        "is_new": grade.is_new,
    }


def _messages(messages: Messages, inbox: str) -> dict[str, Any]:
    """Newest first, at most ``snapshot_build.MESSAGES_SHOWN``; none while unavailable."""
    return {
        "available": messages.available,
        "unread": messages.unread or 0,
        "inbox_url": inbox,
        "items": [_message(message) for message in messages.items] if messages.available else [],
    }


def _message(message: Message) -> dict[str, Any]:
    return {
        "id": message.id,
        "sender": message.sender,
        "topic": message.topic,
        "sent": _stamp(message.sent),
        "preview": message.preview,
        "unread": message.unread,
        "has_attachments": message.has_attachments,
    }
