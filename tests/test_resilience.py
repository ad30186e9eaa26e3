"""Resilience (issue 12): one bad item, one broken module or one failed night poll never hides
the rest; no duplicate notifications; status bodies recognised by their body.

Every test drives public interfaces: Home Assistant's states and events, the websocket API,
the Librus client against the simulator, and the simulator's request log.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date, time
from typing import Any

import pytest
from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.components.diagnostics import (
    get_diagnostics_for_config_entry,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.librus.api import (
    Credentials,
    LibrusClient,
    LibrusMaintenanceError,
    LibrusModuleUnavailableError,
    LibrusResponseError,
    LibrusSessionExpiredError,
    LibrusUrls,
)
from custom_components.librus.api.answers import classify_gateway_answer
from custom_components.librus.diagnostics import async_get_config_entry_diagnostics
from librus_simulator import ANY_STEP, Fault, LibrusSimulator, responses
from librus_simulator.school_routes import STATUS_BODIES, STATUS_BODY_STATUSES, StatusBody

from .helpers import PARENT
from .school import school_day, setup_entry
from .test_coordinator import poll
from .test_event import record_events

__all__ = ["school_day"]

type Json = dict[str, Any]

LUCKY = "sensor.ola_nowak_lucky_number"


@asynccontextmanager
async def client_for(sim: LibrusSimulator) -> AsyncIterator[LibrusClient]:
    client = LibrusClient(
        Credentials(PARENT.login, PARENT.password), urls=LibrusUrls(sim.url, sim.url)
    )
    async with client:
        yield client


def state(hass: HomeAssistant, entity_id: str) -> str:
    found = hass.states.get(entity_id)
    assert found is not None, entity_id
    return found.state


# ------------------------------------------------------------------------------------------
# 7. Status bodies by body, at any status code

_ERROR_OF_BODY: dict[StatusBody, type[Exception]] = {
    "maintenance": LibrusMaintenanceError,
    "not_active": LibrusModuleUnavailableError,
    "disabled": LibrusModuleUnavailableError,
    "token_expired": LibrusSessionExpiredError,
}


@pytest.mark.parametrize("status", STATUS_BODY_STATUSES)
@pytest.mark.parametrize("body", STATUS_BODIES)
async def test_status_bodies_are_recognised_at_any_status(
    simulator: LibrusSimulator, body: StatusBody, status: int
) -> None:
    simulator.school.answer_with("LuckyNumbers", body, status)
    async with client_for(simulator) as client:
        await client.login()
        simulator.clear_requests()
        with pytest.raises(_ERROR_OF_BODY[body]):
            await client.get_json("LuckyNumbers")
    steps = simulator.steps()
    if body == "token_expired":  # a dead session: refreshed once, then given up
        assert steps == ["lucky_numbers", "refresh_token", "lucky_numbers"]
    else:  # never a refresh or a password login for a module or a maintenance
        assert steps == ["lucky_numbers"]


async def test_school_without_lucky_numbers_finishes_setup(
    hass: HomeAssistant, school_day: LibrusSimulator
) -> None:
    """LuckyNumberIsNotActive with HTTP 400: the entry loads, only the lucky number is absent."""
    school_day.school.disable("LuckyNumbers", "not_active", status=400)
    entry = await setup_entry(hass)
    assert entry.state is ConfigEntryState.LOADED
    assert state(hass, LUCKY) == STATE_UNAVAILABLE
    assert state(hass, "sensor.ola_nowak_latest_grade") != STATE_UNAVAILABLE


# ------------------------------------------------------------------------------------------
# 6. Transport: JSON nesting cap


@pytest.mark.parametrize("depth", [65, 100_000])
def test_absurdly_deep_json_is_a_response_error(depth: int) -> None:
    text = '{"Grades": ' + "[" * depth + "]" * depth + "}"
    with pytest.raises(LibrusResponseError, match="nests too deeply"):
        classify_gateway_answer("Grades", 200, text)


def test_librus_depth_json_passes() -> None:
    text = '{"Grades": ' + "[" * 40 + "]" * 40 + "}"
    assert classify_gateway_answer("Grades", 200, text)["Grades"]


# ------------------------------------------------------------------------------------------
# 1. Per-module isolation


async def test_one_failing_module_never_hides_the_rest(
    hass: HomeAssistant,
    school_day: LibrusSimulator,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Attendances answers garbage for 3 polls (1.5 h): a new grade still arrives, the
    attendance keeps its last data, one log line when it starts and one when it ends."""
    entry = await setup_entry(hass)
    attendance = state(hass, "sensor.ola_nowak_attendance")
    fired = record_events(hass)
    caplog.set_level(logging.INFO, logger="custom_components.librus")
    school_day.inject("attendances", Fault("malformed_json"))
    school_day.school.year(PARENT.login).add_grade("6", subject="mat")
    for _ in range(3):
        await poll(hass, freezer)
        assert state(hass, "sensor.ola_nowak_attendance") == attendance
    assert state(hass, "sensor.ola_nowak_latest_grade") == "6"
    assert [attrs["grade"] for _, attrs in fired] == ["6"]
    # (Home Assistant's access tokens expire within the 1.5 h the clock moved: the platform.)
    diagnostics = await async_get_config_entry_diagnostics(hass, entry)
    assert list(diagnostics["sync"]["failing_modules"]) == ["attendance"]
    assert diagnostics["sync"]["failing_modules"]["attendance"]["failed_polls"] == 3
    assert caplog.text.count("Librus module attendance is failing") == 1
    assert "Librus is unavailable" not in caplog.text
    school_day.clear_faults()
    await poll(hass, freezer)
    assert caplog.text.count("Librus module attendance works again") == 1
    diagnostics = await async_get_config_entry_diagnostics(hass, entry)
    assert diagnostics["sync"]["failing_modules"] == {}


async def test_a_module_failing_for_long_goes_unavailable_alone(
    hass: HomeAssistant, school_day: LibrusSimulator, freezer: FrozenDateTimeFactory
) -> None:
    await setup_entry(hass)
    school_day.inject("attendances", Fault("status", status=500))
    for _ in range(4):  # 2 h: past the grace, for this module only
        await poll(hass, freezer)
    assert state(hass, "sensor.ola_nowak_attendance") == STATE_UNAVAILABLE
    assert state(hass, "sensor.ola_nowak_latest_grade") != STATE_UNAVAILABLE
    school_day.clear_faults()
    await poll(hass, freezer)
    assert state(hass, "sensor.ola_nowak_attendance") != STATE_UNAVAILABLE


async def test_every_module_failing_is_an_outage(
    hass: HomeAssistant,
    school_day: LibrusSimulator,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    await setup_entry(hass)
    for step in ("grades", "attendances", "timetables", "homeworks", "school_notices"):
        school_day.inject(step, Fault("status", status=500))
    for step in ("lucky_numbers", "homework_assignments"):
        school_day.inject(step, Fault("status", status=500))
    await poll(hass, freezer)
    assert caplog.text.count("Librus is unavailable") == 1
    assert "is failing" not in caplog.text


async def test_an_unexpected_exception_takes_the_grace_path(
    hass: HomeAssistant,
    school_day: LibrusSimulator,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Not a Librus error (a bug, an odd value): the last data stays, one log line, no
    traceback per poll; unavailable only after the grace."""
    entry = await setup_entry(hass)
    coordinator = entry.runtime_data.coordinator

    def broken(*_args: object, **_kwargs: object) -> None:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr("custom_components.librus.coordinator.build_snapshot", broken)
    caplog.clear()
    for _ in range(3):
        await poll(hass, freezer)
        assert state(hass, LUCKY) == "11"
    assert caplog.text.count("ZeroDivisionError") == 1
    assert "Traceback" not in caplog.text
    await poll(hass, freezer)
    assert state(hass, LUCKY) == STATE_UNAVAILABLE
    assert not coordinator.last_update_success


# ------------------------------------------------------------------------------------------
# 2. Grace that matches the schedule


async def test_one_failed_night_poll_flips_nothing(
    hass: HomeAssistant, school_day: LibrusSimulator, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to("2026-11-26T20:30:00+00:00")  # 21:30 in Warsaw
    entry = await setup_entry(hass)
    await poll(hass, freezer)  # 22:00: the quiet interval (3 h) starts
    assert entry.runtime_data.coordinator.update_interval.total_seconds() == 3 * 3600
    school_day.inject(ANY_STEP, Fault("maintenance"))
    await poll(hass, freezer, 180)  # 01:00: the one failed poll of the night
    assert state(hass, LUCKY) == "11"
    assert state(hass, "sensor.ola_nowak_latest_grade") != STATE_UNAVAILABLE
    await poll(hass, freezer, 180)  # 04:00: two in a row, still not three
    assert state(hass, LUCKY) == "11"
    school_day.clear_faults()
    await poll(hass, freezer, 120)
    assert state(hass, LUCKY) == "11"


async def test_many_fast_failures_wait_for_the_minimum_time(
    hass: HomeAssistant, school_day: LibrusSimulator, freezer: FrozenDateTimeFactory
) -> None:
    """At a 5-minute interval three failed polls take 15 min: not yet unavailable."""
    from .school import mock_entry

    await setup_entry(hass, mock_entry(options={"scan_interval": 5}))
    school_day.inject(ANY_STEP, Fault("maintenance"))
    for _ in range(6):
        await poll(hass, freezer, 5)
    assert state(hass, LUCKY) == "11"


# ------------------------------------------------------------------------------------------
# 3. Items, not polls, fail


def _with_items(key: str, *extra: Json) -> Any:
    def change(body: Json) -> Json:
        body[key] = [*body[key], *extra]
        return body

    return change


async def test_malformed_items_are_skipped_and_counted(
    hass: HomeAssistant,
    school_day: LibrusSimulator,
    hass_client: ClientSessionGenerator,
) -> None:
    grade = {"Id": 9001, "Grade": "5", "Date": "2026-11-25", "Semester": 1}
    school_day.school.tamper(
        "Grades",
        _with_items(
            "Grades",
            {**grade, "Id": 9002, "Date": "0000-01-01"},  # no such day
            {**grade, "Id": 9003, "Date": "9999-12-31"},  # a day no school year has
            {**grade, "Id": 9004, "Semester": 10**30},  # an absurd integer
            {**grade, "Id": 9005, "Date": None},
            "not an object",
        ),
    )
    entry = await setup_entry(hass)
    assert entry.state is ConfigEntryState.LOADED
    diagnostics = await get_diagnostics_for_config_entry(hass, hass_client, entry)
    assert diagnostics["sync"]["skipped_items"] == {"grades": 5}


async def test_text_and_numbers_are_clean_everywhere(
    hass: HomeAssistant,
    school_day: LibrusSimulator,
    hass_ws_client: Any,
    hass_storage: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A lone surrogate and control characters in a text, a NaN weight: states, the Store
    and the websocket get clean text and finite numbers."""
    monkeypatch.setattr(responses, "_dumps", json.dumps)  # escapes the lone surrogate
    year = school_day.school.year(PARENT.login)
    grade_id = year.add_grade("5", subject="mat", comment="Brawo\ud800!\x07\x1b")

    def nan_weight(body: Json) -> Json:
        for category in body["Categories"]:
            category["Weight"] = float("nan")
        return body

    school_day.school.tamper("Grades/Categories", nan_weight)
    entry = await setup_entry(hass)
    assert entry.state is ConfigEntryState.LOADED
    stored = json.dumps(hass_storage[f"librus.{entry.entry_id}"])
    assert "Brawo\\ufffd!" in stored
    assert "NaN" not in stored
    client = await hass_ws_client(hass)
    await client.send_json({"id": 1, "type": "librus/card_data", "entry_id": entry.entry_id})
    reply = await client.receive_json()
    assert reply["success"], reply
    grades = [
        g
        for semester in reply["result"]["grades"]["semesters"]
        for subject in semester["subjects"]
        for g in subject["grades"]
    ]
    mine = next(g for g in grades if g["id"] == grade_id)
    assert mine["comment"] == "Brawo\ufffd!"
    assert all(g["weight"] is None for g in grades)
    assert state(hass, "sensor.ola_nowak_latest_grade") == "5"


async def test_end_before_start_never_stops_a_new_grade(
    hass: HomeAssistant, school_day: LibrusSimulator, freezer: FrozenDateTimeFactory
) -> None:
    """A teacher's typo (an agenda entry ending before it starts, a lesson too) is clamped
    at the builder: the calendars keep working and the new grade reaches its sensor."""
    await setup_entry(hass)
    fired = record_events(hass)
    year = school_day.school.year(PARENT.login)
    trip = year.append_agenda(
        "Wycieczka", date(2026, 11, 27), 7982, time_from=time(12, 0), time_to=time(9, 0)
    )
    year.add_grade("6", subject="mat")
    await poll(hass, freezer)
    assert state(hass, "sensor.ola_nowak_latest_grade") == "6"
    assert [attrs["grade"] for _, attrs in fired if "grade" in attrs] == ["6"]
    assert state(hass, "calendar.ola_nowak_agenda") != STATE_UNAVAILABLE
    events = await hass.services.async_call(
        "calendar",
        "get_events",
        {"entity_id": "calendar.ola_nowak_agenda", "duration": {"days": 7}},
        blocking=True,
        return_response=True,
    )
    assert events is not None
    found = [
        e
        for e in events["calendar.ola_nowak_agenda"]["events"]  # type: ignore[index,union-attr]
        if e["summary"].endswith("Wycieczka") or e.get("description") == "Wycieczka"
    ]
    assert found == [{**found[0], "start": "2026-11-27", "end": "2026-11-28"}]  # all day
    del trip


async def test_a_raising_entity_never_stops_the_others(
    hass: HomeAssistant,
    school_day: LibrusSimulator,
    freezer: FrozenDateTimeFactory,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    await setup_entry(hass)
    fired = record_events(hass)
    from custom_components.librus import binary_sensor

    def broken(self: object) -> None:
        raise RuntimeError("this entity cannot write its state")

    # Binary sensors are added first, so today they stop every entity added after them.
    monkeypatch.setattr(binary_sensor.LibrusBinarySensor, "is_on", property(broken))
    school_day.school.year(PARENT.login).add_grade("6", subject="mat")
    await poll(hass, freezer)
    assert state(hass, "sensor.ola_nowak_latest_grade") == "6"
    assert [attrs["grade"] for _, attrs in fired] == ["6"]
    await poll(hass, freezer)
    broken_entities = hass.states.async_entity_ids("binary_sensor")
    assert broken_entities
    # One log line per broken entity, not one per poll.
    assert caplog.text.count("this entity cannot write its state") == len(broken_entities)


# ------------------------------------------------------------------------------------------
# 4. Seen-sets only grow


async def test_an_item_that_disappears_and_comes_back_is_announced_once(
    hass: HomeAssistant, school_day: LibrusSimulator, freezer: FrozenDateTimeFactory
) -> None:
    await setup_entry(hass)
    fired = record_events(hass)
    grade_id = school_day.school.year(PARENT.login).add_grade("6", subject="mat")
    await poll(hass, freezer)
    assert [attrs["id"] for _, attrs in fired] == [grade_id]

    def without_it(body: Json) -> Json:  # one poll it is skipped (e.g. a bad date)
        body["Grades"] = [g for g in body["Grades"] if str(g["Id"]) != grade_id]
        return body

    school_day.school.tamper("Grades", without_it)
    await poll(hass, freezer)
    school_day.school.tamper("Grades")
    await poll(hass, freezer)
    assert [attrs["id"] for _, attrs in fired] == [grade_id]  # never twice


async def test_seen_sets_are_pruned_by_age_and_persisted(
    hass: HomeAssistant,
    school_day: LibrusSimulator,
    freezer: FrozenDateTimeFactory,
    hass_storage: dict[str, Any],
) -> None:
    entry = await setup_entry(hass)
    await poll(hass, freezer)
    await hass.async_block_till_done()
    seen = hass_storage[f"librus.{entry.entry_id}"]["data"]["seen"]
    assert seen["grades"]  # ids with the day of each item
    assert all(isinstance(day, str) for day in seen["grades"].values())
    seen["grades"]["old-1"] = "2025-06-20"  # last school year
    seen["grades"]["kept-1"] = "2026-09-01"
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    await poll(hass, freezer)
    await hass.async_block_till_done()
    seen = hass_storage[f"librus.{entry.entry_id}"]["data"]["seen"]
    assert "old-1" not in seen["grades"]
    assert "kept-1" in seen["grades"]


async def test_a_stored_seen_set_of_the_old_shape_is_read(
    hass: HomeAssistant,
    school_day: LibrusSimulator,
    freezer: FrozenDateTimeFactory,
    hass_storage: dict[str, Any],
) -> None:
    """Stores written before the seen-sets kept days (plain id lists) still load: no item is
    announced again after the upgrade."""
    entry = await setup_entry(hass)
    key = f"librus.{entry.entry_id}"
    stored = hass_storage[key]["data"]
    stored["seen"] = {kind: sorted(ids) for kind, ids in stored["seen"].items()}
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    fired = record_events(hass)
    await poll(hass, freezer)
    assert fired == []


# ------------------------------------------------------------------------------------------
# 5. Card subscriptions survive reloads


async def test_a_reload_ends_subscriptions_so_cards_resubscribe(
    hass: HomeAssistant,
    school_day: LibrusSimulator,
    freezer: FrozenDateTimeFactory,
    hass_ws_client: Any,
) -> None:
    """Unloading the entry ends its subscriptions with an `ended` event (the cards' cue to
    subscribe again); the new subscription follows the new coordinator."""
    entry = await setup_entry(hass)
    client = await hass_ws_client(hass)
    await client.send_json_auto_id({"type": "librus/subscribe", "entry_id": entry.entry_id})
    assert (await client.receive_json())["success"]
    first = await client.receive_json()
    assert first["event"]["student"]["name"] == "Ola Nowak"

    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    ended = await asyncio.wait_for(client.receive_json(), 5)
    assert ended == {"id": first["id"], "type": "event", "event": {"ended": True}}
    # The server forgot the subscription: unsubscribing it is "not found".
    await client.send_json_auto_id({"type": "unsubscribe_events", "subscription": first["id"]})
    assert (await client.receive_json())["error"]["code"] == "not_found"

    await client.send_json_auto_id({"type": "librus/subscribe", "entry_id": entry.entry_id})
    assert (await client.receive_json())["success"]
    again = await client.receive_json()
    assert again["type"] == "event"
    grade_id = school_day.school.year(PARENT.login).add_grade("6", subject="mat")
    await poll(hass, freezer)
    pushed = await client.receive_json()
    assert pushed["id"] == again["id"]
    ids = {
        g["id"]
        for semester in pushed["event"]["grades"]["semesters"]
        for subject in semester["subjects"]
        for g in subject["grades"]
    }
    assert grade_id in ids


async def test_many_subscribers_share_one_serialisation(
    hass: HomeAssistant,
    school_day: LibrusSimulator,
    freezer: FrozenDateTimeFactory,
    hass_ws_client: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from custom_components.librus import websocket_api

    built: list[str] = []
    real = websocket_api.card_data

    def counting(entry_id: str, snapshot: Any) -> Json:
        built.append(entry_id)
        return real(entry_id, snapshot)

    monkeypatch.setattr(websocket_api, "card_data", counting)
    entry = await setup_entry(hass)
    clients = [await hass_ws_client(hass) for _ in range(3)]
    for client in clients:
        for _ in range(10):
            await client.send_json_auto_id({"type": "librus/subscribe", "entry_id": entry.entry_id})
            assert (await client.receive_json())["success"]
            assert (await client.receive_json())["type"] == "event"
    assert len(built) == 1  # one serialisation for the 30 subscribers of this snapshot
    await poll(hass, freezer)
    events = [await client.receive_json() for client in clients for _ in range(10)]
    assert {e["type"] for e in events} == {"event"}
    assert len({json.dumps(e["event"], sort_keys=True) for e in events}) == 1
    assert len(built) == 2  # and one more per refresh


async def test_a_module_failing_at_setup_is_unavailable_then_silent(
    hass: HomeAssistant, school_day: LibrusSimulator, freezer: FrozenDateTimeFactory
) -> None:
    """Attendances fails at the very first refresh: the entry loads without it (its entities
    unavailable, not empty), and when it answers its absences are recorded, not announced."""
    school_day.inject("attendances", Fault("status", status=500, times=1))
    entry = await setup_entry(hass)
    assert entry.state is ConfigEntryState.LOADED
    assert state(hass, "sensor.ola_nowak_attendance") == STATE_UNAVAILABLE
    assert state(hass, "sensor.ola_nowak_latest_grade") != STATE_UNAVAILABLE
    fired = record_events(hass)
    await poll(hass, freezer)
    assert state(hass, "sensor.ola_nowak_attendance") != STATE_UNAVAILABLE
    assert fired == []
