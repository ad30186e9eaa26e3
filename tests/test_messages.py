"""Messages from school in Home Assistant: the sensor, the event, the card's data, the budget.

Every test that uses the simulator (tests/conftest.py's `simulator` fixture) ends by checking
its log: no message was ever requested in detail, the one request that marks a message read
in Librus.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import EVENT_STATE_CHANGED, STATE_UNAVAILABLE, STATE_UNKNOWN
from homeassistant.core import Event, HomeAssistant, State, callback
from pytest_homeassistant_custom_component.common import async_fire_time_changed

from custom_components.librus.plan import MESSAGES_BOOTSTRAP_REQUESTS, STEADY_POLL_REQUESTS
from librus_simulator import Fault, LibrusSimulator

from .helpers import PARENT
from .school import school_day, setup_entry

__all__ = ["school_day"]

BOOTSTRAP_HOPS = ["messages_bootstrap", "messages_logon", "messages_landing"]


# ------------------------------------------------------------------------------------------
# Home Assistant


NEW_MESSAGE = "event.ola_nowak_new_message"
UNREAD = "sensor.ola_nowak_unread_messages"
TEXT = "Szanowni Państwo, jutro wyjście do teatru. Proszę o zgodę w dzienniczku. Zażółć gęślą jaźń."


async def poll(hass: HomeAssistant, freezer: FrozenDateTimeFactory, minutes: float = 30) -> None:
    freezer.tick(timedelta(minutes=minutes, seconds=1))
    async_fire_time_changed(hass)
    await hass.async_block_till_done(wait_background_tasks=True)


def record_messages(hass: HomeAssistant) -> list[dict[str, Any]]:
    fired: list[dict[str, Any]] = []

    @callback
    def listener(event: Event) -> None:
        new = event.data["new_state"]
        if new is not None and new.entity_id == NEW_MESSAGE and new.attributes.get("event_type"):
            fired.append(dict(new.attributes))

    hass.bus.async_listen(EVENT_STATE_CHANGED, listener)
    return fired


def state(hass: HomeAssistant, entity_id: str) -> State:
    found = hass.states.get(entity_id)
    assert found is not None, entity_id
    return found


def no_text_in_any_state(hass: HomeAssistant, *texts: str) -> None:
    """Nothing the recorder could keep (states and attributes) carries a message's text."""
    dumped = json.dumps([s.as_dict() for s in hass.states.async_all()], default=str)
    for text in texts:
        assert text not in dumped


async def test_first_sync_bootstraps_lists_and_announces_nothing(
    hass: HomeAssistant, school_day: LibrusSimulator
) -> None:
    fired = record_messages(hass)
    entry = await setup_entry(hass)
    steps = school_day.steps()
    messages = [step for step in steps if step.startswith("messages_")]
    assert messages == [*BOOTSTRAP_HOPS, "messages_unread", "messages_list"]
    assert steps.index("messages_bootstrap") > steps.index("me")  # after the gateway
    assert fired == []
    assert state(hass, NEW_MESSAGE).state == STATE_UNKNOWN
    assert state(hass, UNREAD).state == "3"
    assert entry.runtime_data.coordinator.seen is not None
    assert len(entry.runtime_data.coordinator.seen["messages"]) == 8
    no_text_in_any_state(hass, "Szanowni", "Dzień dobry")


async def test_a_new_message_fires_one_event_without_its_text(
    hass: HomeAssistant, school_day: LibrusSimulator, freezer: FrozenDateTimeFactory
) -> None:
    await setup_entry(hass)
    fired = record_messages(hass)
    school_day.clear_requests()
    message_id = school_day.deliver_message(
        sender="Anna Kowalczyk", topic="Wyjście do teatru", content=TEXT, has_attachment=True
    )
    await poll(hass, freezer)
    # The count went up, so the list followed it: 7 + 1 requests.
    assert len(school_day.steps()) == STEADY_POLL_REQUESTS + 1
    assert school_day.steps()[-2:] == ["messages_unread", "messages_list"]
    assert len(fired) == 1
    event = fired[0]
    assert {key: event[key] for key in EVENT_DATA} == {
        "event_type": "new_message",
        "id": message_id,
        "sender": "Anna Kowalczyk",
        "topic": "Wyjście do teatru",
        "date": event["date"],
        "has_attachments": True,
    }
    sent = datetime.fromisoformat(event["date"])
    assert sent.utcoffset() == timedelta(hours=1)  # Warsaw in November
    assert set(event) - set(EVENT_DATA) <= {"event_types", "friendly_name"}
    unread = state(hass, UNREAD)
    assert unread.state == "4"
    assert unread.attributes["sender"] == "Anna Kowalczyk"
    assert unread.attributes["topic"] == "Wyjście do teatru"
    assert unread.attributes["date"] == event["date"]
    no_text_in_any_state(hass, "Szanowni", "teatru.", "dzienniczku")
    assert not school_day.message_is_read(message_id)

    fired.clear()
    school_day.clear_requests()
    await poll(hass, freezer)
    assert fired == []  # announced once
    assert len(school_day.steps()) == STEADY_POLL_REQUESTS  # no list: the count is the same


EVENT_DATA = ("event_type", "id", "sender", "topic", "date", "has_attachments")


async def test_several_new_messages_fire_oldest_first(
    hass: HomeAssistant, school_day: LibrusSimulator, freezer: FrozenDateTimeFactory
) -> None:
    await setup_entry(hass)
    fired = record_messages(hass)
    first = school_day.deliver_message(sender="Sekretariat", topic="Pierwsza")
    second = school_day.deliver_message(sender="Ewa Mazur", topic="Druga")
    await poll(hass, freezer)
    assert [(e["id"], e["sender"], e["has_attachments"]) for e in fired] == [
        (first, "Sekretariat", False),
        (second, "Ewa Mazur", False),
    ]


async def test_no_event_after_a_restart_and_one_for_a_message_that_came_meanwhile(
    hass: HomeAssistant, school_day: LibrusSimulator, freezer: FrozenDateTimeFactory
) -> None:
    entry = await setup_entry(hass)
    school_day.deliver_message(topic="Przed restartem")
    await poll(hass, freezer)  # announced now
    assert await hass.config_entries.async_unload(entry.entry_id)

    # Home Assistant is off; a teacher writes.
    meanwhile = school_day.deliver_message(sender="Tomasz Zieliński", topic="W czasie przerwy")
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    fired = record_messages(hass)
    school_day.clear_requests()
    await poll(hass, freezer)  # the first poll after the start: a daily one, with the list
    assert school_day.count("messages_list") == 1
    assert [(e["id"], e["topic"]) for e in fired] == [(meanwhile, "W czasie przerwy")]
    fired.clear()
    await poll(hass, freezer)
    assert fired == []


async def test_restart_announces_nothing(
    hass: HomeAssistant, school_day: LibrusSimulator, freezer: FrozenDateTimeFactory
) -> None:
    entry = await setup_entry(hass)
    school_day.deliver_message(topic="Przed restartem")
    await poll(hass, freezer)
    assert await hass.config_entries.async_unload(entry.entry_id)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    fired = record_messages(hass)
    assert state(hass, UNREAD).state == "4"  # restored without a request
    await poll(hass, freezer)
    await poll(hass, freezer)
    assert fired == []


async def test_an_expired_messages_session_costs_one_bootstrap_and_no_login(
    hass: HomeAssistant, school_day: LibrusSimulator, freezer: FrozenDateTimeFactory
) -> None:
    await setup_entry(hass)
    assert school_day.expire_messages_sessions() == 1
    school_day.clear_requests()
    await poll(hass, freezer)
    steps = school_day.steps()
    assert [step for step in steps if step.startswith("messages_")] == [
        "messages_unread",
        *BOOTSTRAP_HOPS,
        "messages_unread",
    ]
    assert len(steps) == STEADY_POLL_REQUESTS + 1 + MESSAGES_BOOTSTRAP_REQUESTS
    assert "oauth_login" not in steps
    assert "refresh_token" not in steps
    assert state(hass, UNREAD).state == "3"


async def test_a_messages_host_that_keeps_refusing_leaves_the_rest_alone(
    hass: HomeAssistant, school_day: LibrusSimulator, freezer: FrozenDateTimeFactory
) -> None:
    entry = await setup_entry(hass)
    school_day.inject("messages_unread", Fault("status", status=401))
    school_day.school.year(PARENT.login).add_grade("6", subject="mat")
    school_day.clear_requests()
    await poll(hass, freezer)
    steps = school_day.steps()
    assert steps.count("messages_bootstrap") == 1  # one new bootstrap, then wait for the next poll
    assert steps.count("messages_unread") == 2
    assert "oauth_login" not in steps
    assert entry.runtime_data.coordinator.last_update_success
    assert state(hass, "sensor.ola_nowak_latest_grade").state == "6"
    assert state(hass, UNREAD).state == "3"  # the last known count stays
    for _ in range(5):  # refused for hours: past the grace only the messages entities go
        await poll(hass, freezer)
    assert state(hass, UNREAD).state == STATE_UNAVAILABLE
    assert state(hass, NEW_MESSAGE).state == STATE_UNAVAILABLE
    assert state(hass, "sensor.ola_nowak_latest_grade").state == "6"
    assert "oauth_login" not in school_day.steps()
    school_day.clear_faults()
    school_day.clear_requests()
    await poll(hass, freezer)
    assert [step for step in school_day.steps() if step.startswith("messages_")] == [
        *BOOTSTRAP_HOPS,
        "messages_unread",
    ]


async def test_module_off_makes_only_the_messages_entities_unavailable(
    hass: HomeAssistant, school_day: LibrusSimulator, freezer: FrozenDateTimeFactory
) -> None:
    school_day.set_messages_module(PARENT.login, enabled=False)
    fired = record_messages(hass)
    entry = await setup_entry(hass)
    assert entry.state is ConfigEntryState.LOADED
    assert state(hass, UNREAD).state == STATE_UNAVAILABLE
    assert state(hass, NEW_MESSAGE).state == STATE_UNAVAILABLE
    assert state(hass, "sensor.ola_nowak_lucky_number").state == "11"
    assert state(hass, "sensor.ola_nowak_latest_grade").state == "3-"
    assert school_day.count("messages_bootstrap") == 1
    assert school_day.count("messages_unread") == 0
    school_day.clear_requests()
    await poll(hass, freezer)  # one request a poll asks whether the module is back
    assert [s for s in school_day.steps() if s.startswith("messages_")] == ["messages_bootstrap"]
    assert len(school_day.steps()) == STEADY_POLL_REQUESTS

    # Switched on: the messages already there are recorded, not announced.
    school_day.set_messages_module(PARENT.login, enabled=True)
    await poll(hass, freezer)
    assert state(hass, UNREAD).state == "3"
    assert state(hass, NEW_MESSAGE).state == STATE_UNKNOWN
    assert fired == []
    new = school_day.deliver_message(topic="Po włączeniu")
    await poll(hass, freezer)
    assert [e["id"] for e in fired] == [new]


async def test_module_switched_off_mid_run(
    hass: HomeAssistant, school_day: LibrusSimulator, freezer: FrozenDateTimeFactory
) -> None:
    """Off for good (past any grace for a module that stops answering): the two messages
    entities go unavailable, the rest stays; back on, nothing that was there is announced."""
    await setup_entry(hass)
    fired = record_messages(hass)
    school_day.set_messages_module(PARENT.login, enabled=False)
    for _ in range(6):  # three hours of polls
        await poll(hass, freezer)
        assert state(hass, "sensor.ola_nowak_lucky_number").state == "11"
    assert state(hass, UNREAD).state == STATE_UNAVAILABLE
    assert state(hass, NEW_MESSAGE).state == STATE_UNAVAILABLE
    school_day.set_messages_module(PARENT.login, enabled=True)
    await poll(hass, freezer)
    assert state(hass, UNREAD).state == "3"
    assert state(hass, NEW_MESSAGE).state != STATE_UNAVAILABLE
    assert fired == []  # nothing new came while it was off
