"""The sync engine: request plan and budget, change detection, outages, persistence."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

import pytest
from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import SOURCE_REAUTH, ConfigEntryState
from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import async_fire_time_changed

from custom_components.librus.const import CONF_QUIET_HOURS, CONF_SCAN_INTERVAL
from custom_components.librus.plan import (
    DAILY_POLL_REQUESTS,
    MESSAGES_BOOTSTRAP_REQUESTS,
    ROTATION,
    STEADY_POLL_REQUESTS,
    planned_keys,
    poll_interval,
)
from custom_components.librus.snapshot_build import agenda_kind
from librus_simulator import ANY_STEP, Fault, LibrusSimulator
from librus_simulator.school_routes import MODULE_OFF_KINDS, ModuleOff

from .helpers import LOGIN_HOPS, PARENT
from .school import LOGIN_REQUESTS, mock_entry, school_day, setup_entry
from .test_messages import BOOTSTRAP_HOPS

__all__ = ["school_day"]

EVERY_POLL = {
    "grades",
    "attendances",
    "timetables",
    "homeworks",
    "school_notices",
    "messages_unread",
}
# A new session: the login, the daily poll, the messages bootstrap.
FIRST_REFRESH = LOGIN_REQUESTS + DAILY_POLL_REQUESTS + MESSAGES_BOOTSTRAP_REQUESTS


async def poll(hass: HomeAssistant, freezer: FrozenDateTimeFactory, minutes: float = 30) -> None:
    freezer.tick(timedelta(minutes=minutes, seconds=1))
    async_fire_time_changed(hass)
    await hass.async_block_till_done(wait_background_tasks=True)


async def test_first_refresh_and_steady_poll_budget(
    hass: HomeAssistant,
    school_day: LibrusSimulator,
    freezer: FrozenDateTimeFactory,
) -> None:
    """With both sessions kept, each steady poll is exactly 7 requests."""
    entry = await setup_entry(hass)
    assert entry.state is ConfigEntryState.LOADED
    first = len(school_day.requests)
    assert first == FIRST_REFRESH == 9 + 24 + 3
    steps = school_day.steps()
    assert steps[: LOGIN_REQUESTS + 1] == [*LOGIN_HOPS, "me"]
    # The messages after the gateway: the bootstrap, the count, then the list.
    assert steps[-5:] == [*BOOTSTRAP_HOPS, "messages_unread", "messages_list"]
    school_day.clear_requests()

    rotated = []
    for _ in range(8):
        await poll(hass, freezer)
        steps = school_day.steps()
        assert len(steps) == STEADY_POLL_REQUESTS == 7, steps
        assert steps[0] == "grades"  # the probe of the Synergia session runs alone, first
        assert steps[-1] == "messages_unread"
        assert set(steps) >= EVERY_POLL
        extra = [step for step in steps if step not in EVERY_POLL]
        rotated.append(extra[0] if extra else "timetables")  # next week: a second Timetables
        school_day.clear_requests()
    # The first refresh was poll 0 (daily), so the rotation continues at its slot 1.
    assert rotated == ["homework_assignments", "lucky_numbers", "timetables", "lucky_numbers"] * 2
    assert len(ROTATION) == 4
    assert entry.runtime_data.client.request_count == first + 8 * 7


async def test_default_schedule_keeps_the_session(
    hass: HomeAssistant, school_day: LibrusSimulator, freezer: FrozenDateTimeFactory
) -> None:
    """30 min by day, 3 h at night; the session cookie outlives its 600 s Max-Age."""
    entry = await setup_entry(hass)
    coordinator = entry.runtime_data.coordinator
    assert coordinator.update_interval == timedelta(minutes=30)
    school_day.clear_requests()
    await poll(hass, freezer, 29)
    assert school_day.requests == []  # not yet
    await poll(hass, freezer, 1)
    steps = school_day.steps()
    assert "oauth_login" not in steps
    assert "refresh_token" not in steps
    assert len(steps) == STEADY_POLL_REQUESTS == 7
    assert all(request.status == 200 for request in school_day.requests)

    # Evening: a poll at 22:05 local sets the quiet interval.
    freezer.move_to("2026-11-26T21:05:00+00:00")
    await poll(hass, freezer, 0)
    assert coordinator.update_interval == timedelta(hours=3)
    school_day.clear_requests()
    await poll(hass, freezer, 60)
    assert school_day.requests == []


async def test_quiet_hours_off(
    hass: HomeAssistant, school_day: LibrusSimulator, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to("2026-11-26T22:00:00+00:00")  # 23:00 in Warsaw
    entry = await setup_entry(
        hass, mock_entry(options={CONF_SCAN_INTERVAL: 45, CONF_QUIET_HOURS: False})
    )
    assert entry.runtime_data.coordinator.update_interval == timedelta(minutes=45)


async def test_dead_session_mid_run_relogs_in_once(
    hass: HomeAssistant,
    school_day: LibrusSimulator,
    freezer: FrozenDateTimeFactory,
) -> None:
    """The whole Synergia session ended: the refresh is refused, then one password login
    (a new cookie jar, so the messages session is opened again: 3 more requests)."""
    entry = await setup_entry(hass)
    school_day.clear_requests()
    assert school_day.expire_sessions() == 1
    await poll(hass, freezer)
    steps = school_day.steps()
    assert steps.count("refresh_token") == 1
    assert steps.count("oauth_login") == 1
    assert steps.count("messages_bootstrap") == 1
    assert len(steps) == 1 + 1 + LOGIN_REQUESTS + STEADY_POLL_REQUESTS + MESSAGES_BOOTSTRAP_REQUESTS
    assert entry.runtime_data.coordinator.last_update_success
    assert hass.states.get("sensor.ola_nowak_lucky_number").state == "11"  # type: ignore[union-attr]


async def test_password_changed_starts_reauth(
    hass: HomeAssistant, school_day: LibrusSimulator, freezer: FrozenDateTimeFactory
) -> None:
    entry = await setup_entry(hass)
    school_day.add_account(replace(PARENT, password="changed-at-school"))
    school_day.expire_sessions()
    await poll(hass, freezer)
    flows = hass.config_entries.flow.async_progress()
    assert [flow["context"]["source"] for flow in flows] == [SOURCE_REAUTH]
    assert flows[0]["context"]["entry_id"] == entry.entry_id


async def test_maintenance_keeps_last_data_then_unavailable(
    hass: HomeAssistant,
    school_day: LibrusSimulator,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    await setup_entry(hass)
    school_day.inject(ANY_STEP, Fault("maintenance"))
    for _ in range(3):  # 1.5 h into the outage: still the last good data
        await poll(hass, freezer)
        assert hass.states.get("sensor.ola_nowak_lucky_number").state == "11"  # type: ignore[union-attr]
    assert caplog.text.count("Librus is unavailable") == 1
    await poll(hass, freezer)  # 2 h: the grace is over
    assert hass.states.get("sensor.ola_nowak_lucky_number").state == STATE_UNAVAILABLE  # type: ignore[union-attr]
    school_day.clear_faults()
    await poll(hass, freezer)
    assert hass.states.get("sensor.ola_nowak_lucky_number").state == "11"  # type: ignore[union-attr]
    assert "Librus is available again" in caplog.text


@pytest.mark.parametrize("how", MODULE_OFF_KINDS)
@pytest.mark.parametrize(
    "endpoint",
    [
        "Grades",
        "Attendances",
        "Timetables",
        "HomeWorks",
        "SchoolNotices",
        "LuckyNumbers",
        "HomeWorkAssignments",
        "Classes",
        "Schools",
        "SchoolFreeDays",
        "ClassFreeDays",
        "Subjects",
        "Users",
        "Grades/Categories",
        "Attendances/Types",
        "Classrooms",
    ],
)
async def test_each_module_switched_off_still_sets_up(
    hass: HomeAssistant, school_day: LibrusSimulator, endpoint: str, how: ModuleOff
) -> None:
    school_day.school.disable(endpoint, how)
    entry = await setup_entry(hass)
    assert entry.state is ConfigEntryState.LOADED
    assert entry.runtime_data.coordinator.data.missing


async def test_outage_on_first_refresh_is_not_ready(
    hass: HomeAssistant, school_day: LibrusSimulator
) -> None:
    school_day.inject("grades", Fault("maintenance"))
    entry = await setup_entry(hass)
    assert entry.state is ConfigEntryState.SETUP_RETRY
    assert entry.reason == "Librus is down for maintenance; Home Assistant will retry"


async def test_restart_shows_stored_data_without_requests(
    hass: HomeAssistant, school_day: LibrusSimulator, freezer: FrozenDateTimeFactory
) -> None:
    entry = await setup_entry(hass)
    assert await hass.config_entries.async_unload(entry.entry_id)
    school_day.clear_requests()

    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED
    assert school_day.requests == []
    assert hass.states.get("sensor.ola_nowak_lucky_number").state == "11"  # type: ignore[union-attr]
    assert hass.states.get("sensor.ola_nowak_next_test").state == "2026-11-30"  # type: ignore[union-attr]
    assert not entry.runtime_data.client.logged_in

    await poll(hass, freezer, 29)
    assert school_day.requests == []
    await poll(hass, freezer, 1)  # the first scheduled poll: a full (daily) one after a restart
    assert len(school_day.requests) == FIRST_REFRESH


async def test_stored_data_of_another_shape_is_ignored(
    hass: HomeAssistant, school_day: LibrusSimulator, hass_storage: dict[str, Any]
) -> None:
    entry = mock_entry()
    hass_storage[f"librus.{entry.entry_id}"] = {
        "version": 1,
        "minor_version": 1,
        "key": f"librus.{entry.entry_id}",
        "data": {"snapshot": {"student": {}}, "seen": {}},
    }
    await setup_entry(hass, entry)
    assert entry.state is ConfigEntryState.LOADED
    assert len(school_day.requests) == FIRST_REFRESH


async def test_unknown_ids_refresh_their_dictionary_once(
    hass: HomeAssistant,
    school_day: LibrusSimulator,
    freezer: FrozenDateTimeFactory,
) -> None:
    await setup_entry(hass)
    school_day.school.year(PARENT.login).add_grade("5", comment="Brawo!")
    school_day.clear_requests()
    await poll(hass, freezer)
    assert school_day.count("grade_comments") == 1
    assert len(school_day.requests) == STEADY_POLL_REQUESTS + 1
    school_day.clear_requests()
    await poll(hass, freezer)
    assert len(school_day.requests) == STEADY_POLL_REQUESTS


async def test_remove_entry_forgets_stored_data(
    hass: HomeAssistant, school_day: LibrusSimulator, hass_storage: dict[str, Any]
) -> None:
    entry = await setup_entry(hass)
    key = f"librus.{entry.entry_id}"
    await hass.async_block_till_done()
    assert key in hass_storage
    assert await hass.config_entries.async_remove(entry.entry_id)
    await hass.async_block_till_done()
    assert key not in hass_storage


def test_agenda_kinds_and_intervals() -> None:
    assert agenda_kind("Sprawdzian") == "test"
    assert agenda_kind("kartkówka") == "quiz"
    assert agenda_kind("wycieczka") == "trip"
    assert agenda_kind("Zebranie z rodzicami") == "meeting"
    assert agenda_kind(None) == "other"
    night = datetime.fromisoformat("2026-11-26T04:00:00+00:00")  # 05:00 in Warsaw (UTC+1)
    assert poll_interval(night, 30, True) == timedelta(minutes=30)  # 1 h left, at least 30 min
    assert planned_keys(daily=False, poll_number=3)[-1] == "timetable_next"


async def test_requests_per_school_day_at_default_settings(
    hass: HomeAssistant,
    school_day: LibrusSimulator,
    freezer: FrozenDateTimeFactory,
) -> None:
    """24 h from 06:00: 32 polls by day (06:30 … 22:00), then 01:00 (the daily one) and 04:00
    at night, and 06:00 again: 35 polls, 262 requests with kept sessions (226 before the
    unread count joined every poll: 34 × 7 + 24 instead of 34 × 6 + 22)."""
    freezer.move_to("2026-11-26T05:00:00+00:00")  # 06:00 in Warsaw
    entry = await setup_entry(hass)
    coordinator = entry.runtime_data.coordinator
    school_day.clear_requests()
    polls_before = coordinator.poll_number
    for _ in range(24 * 6):
        await poll(hass, freezer, 10)
    polls = coordinator.poll_number - polls_before
    daily = school_day.count("me")
    assert daily == 1  # the first poll after midnight
    assert polls == 32 + 3
    assert len(school_day.requests) == (polls - 1) * STEADY_POLL_REQUESTS + DAILY_POLL_REQUESTS
    assert len(school_day.requests) == 262
    # The session outlives its cookie's 600 s Max-Age: no password login, no refresh all day;
    # the messages session is kept too, and the unchanged inbox is listed once (daily).
    assert school_day.count("oauth_login") == 0
    assert school_day.count("refresh_token") == 0
    assert school_day.count("messages_bootstrap") == 0
    assert school_day.count("messages_unread") == polls
    assert school_day.count("messages_list") == 1
