"""Calendars over Home Assistant's REST API, including the October DST change in Warsaw."""

from __future__ import annotations

from datetime import date
from typing import Any
from unittest.mock import MagicMock

import pytest
from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.librus.calendar import lesson_event, timetable_events
from custom_components.librus.snapshot import (
    LibrusSnapshot,
    ScheduleDay,
    ScheduledLesson,
    ScheduleWeek,
)
from librus_simulator import LibrusSimulator

from .school import TZ_NAME, school_day, setup_entry

__all__ = ["school_day"]


async def fetch(
    hass_client: ClientSessionGenerator, entity_id: str, start: str, end: str
) -> list[dict[str, Any]]:
    client = await hass_client()
    response = await client.get(f"/api/calendars/{entity_id}", params={"start": start, "end": end})
    assert response.status == 200
    return await response.json()


async def test_timetable_week(
    hass: HomeAssistant, school_day: LibrusSimulator, hass_client: ClientSessionGenerator
) -> None:
    await setup_entry(hass)
    events = await fetch(
        hass_client,
        "calendar.ola_nowak_timetable",
        "2026-11-23T00:00:00+01:00",
        "2026-11-30T00:00:00+01:00",
    )
    days = {event["start"]["dateTime"][:10] for event in events}
    assert days == {"2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27"}
    first = min(events, key=lambda e: e["start"]["dateTime"])
    assert first["start"]["dateTime"] == "2026-11-23T07:45:00+01:00"
    assert first["location"]
    assert first["description"]  # the teacher
    # Substitutions and cancellations are marked in the summary.
    marked = [e for e in events if e["summary"].endswith(")")]
    state = hass.states.get("calendar.ola_nowak_timetable")
    assert state is not None
    assert state.state == "on"  # a lesson is on now (10:05)
    assert state.attributes["message"] == "Historia"
    all_events = await fetch(
        hass_client,
        "calendar.ola_nowak_timetable",
        "2026-11-16T00:00:00+01:00",
        "2026-12-07T00:00:00+01:00",
    )
    marked = [e for e in all_events if e["summary"].endswith(")")]
    assert any("(substitution)" in e["summary"] for e in marked)
    assert any("(cancelled)" in e["summary"] for e in marked)


@pytest.fixture
async def dst_friday(
    hass: HomeAssistant, simulator: LibrusSimulator, freezer: FrozenDateTimeFactory
) -> LibrusSimulator:
    """Friday before the change, 10:00 CEST (set before Home Assistant issues a token)."""
    await hass.config.async_set_time_zone(TZ_NAME)
    freezer.move_to("2026-10-23T08:00:00+00:00")
    simulator.school.today = date(2026, 10, 23)
    return simulator


async def test_timetable_across_dst_change(
    hass: HomeAssistant, dst_friday: LibrusSimulator, hass_client: ClientSessionGenerator
) -> None:
    """Last week of CEST and first of CET: the same bell hour, a different UTC offset."""
    await setup_entry(hass)
    events = await fetch(
        hass_client,
        "calendar.ola_nowak_timetable",
        "2026-10-23T00:00:00+02:00",
        "2026-10-27T00:00:00+01:00",
    )
    starts = sorted(e["start"]["dateTime"] for e in events)
    assert starts[0] == "2026-10-23T07:45:00+02:00"
    assert "2026-10-26T07:45:00+01:00" in starts
    assert not any(s.startswith("2026-10-25") for s in starts)  # Sunday, the change


async def test_agenda_and_free_days(
    hass: HomeAssistant, school_day: LibrusSimulator, hass_client: ClientSessionGenerator
) -> None:
    await setup_entry(hass)
    hass.config.language = "pl"  # after setup, so entity ids stay English
    agenda = await fetch(
        hass_client,
        "calendar.ola_nowak_agenda",
        "2026-11-26T00:00:00+01:00",
        "2026-12-20T00:00:00+01:00",
    )
    summaries = [e["summary"] for e in agenda]
    assert "Sprawdzian: Matematyka" in summaries
    assert any(s.startswith("kartkówka") for s in summaries)
    assert any(s.startswith("wycieczka") for s in summaries)

    free = await fetch(
        hass_client,
        "calendar.ola_nowak_free_days",
        "2026-12-20T00:00:00+01:00",
        "2027-01-10T00:00:00+01:00",
    )
    assert free
    assert all("date" in e["start"] for e in free)  # all-day
    timetable = await fetch(
        hass_client,
        "calendar.ola_nowak_timetable",
        "2026-11-16T00:00:00+01:00",
        "2026-12-07T00:00:00+01:00",
    )
    assert any("(zastępstwo)" in e["summary"] for e in timetable)


def test_lesson_without_bell_times_is_left_out() -> None:
    lesson = ScheduledLesson(
        day=date(2026, 11, 26),
        number=0,
        start=None,
        end=None,
        subject="Zajęcia",
        teacher=None,
        room=None,
        group=None,
        status="normal",
        note=None,
        original_subject=None,
        original_teacher=None,
        original_room=None,
    )
    assert lesson_event(lesson, {}) is None
    week = ScheduleWeek(
        start=date(2026, 11, 23),
        days=(ScheduleDay(day=date(2026, 11, 26), lessons=(lesson,), free_day=None),),
    )
    snapshot = MagicMock(spec=LibrusSnapshot)
    snapshot.lessons.return_value = iter(
        [day_lesson for day in week.days for day_lesson in day.lessons]
    )
    assert list(timetable_events(snapshot, {})) == []
