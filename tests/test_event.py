"""Event entities: new items are announced once; the first sync and restarts stay silent."""

from __future__ import annotations

from datetime import date

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import EVENT_STATE_CHANGED
from homeassistant.core import Event, HomeAssistant, callback

from librus_simulator import LibrusSimulator

from .helpers import PARENT
from .school import school_day, setup_entry
from .test_coordinator import poll

__all__ = ["school_day"]

EVENT_ENTITIES = (
    "event.ola_nowak_new_grade",
    "event.ola_nowak_new_announcement",
    "event.ola_nowak_new_agenda_entry",
    "event.ola_nowak_new_absence",
    "event.ola_nowak_new_message",
)


def record_events(hass: HomeAssistant) -> list[tuple[str, dict[str, object]]]:
    fired: list[tuple[str, dict[str, object]]] = []

    @callback
    def listener(event: Event) -> None:
        new = event.data["new_state"]
        if new is not None and new.entity_id in EVENT_ENTITIES and new.attributes.get("event_type"):
            fired.append((new.entity_id, dict(new.attributes)))

    hass.bus.async_listen(EVENT_STATE_CHANGED, listener)
    return fired


async def test_new_items_raise_exactly_one_event_each(
    hass: HomeAssistant,
    school_day: LibrusSimulator,
    freezer: FrozenDateTimeFactory,
) -> None:
    fired = record_events(hass)
    await setup_entry(hass)
    for entity_id in EVENT_ENTITIES:
        assert hass.states.get(entity_id).state == "unknown"  # type: ignore[union-attr]
    assert fired == []  # the first sync only seeds the seen-set

    await poll(hass, freezer)
    assert fired == []

    year = school_day.school.year(PARENT.login)
    year.add_grade("6", subject="mat")
    year.add_notice("Dzień sportu", "W piątek dzień sportu.")
    year.add_agenda_entry("Kartkówka z geografii", day=date(2026, 12, 2))
    year.add_absence(lesson_no=2)
    await poll(hass, freezer)

    by_entity = dict(fired)
    assert len(fired) == 4
    grade = by_entity["event.ola_nowak_new_grade"]
    assert grade["event_type"] == "new_grade"
    assert grade["grade"] == "6"
    assert grade["subject"] == "Matematyka"
    assert by_entity["event.ola_nowak_new_announcement"]["title"] == "Dzień sportu"
    assert by_entity["event.ola_nowak_new_agenda_entry"]["date"] == "2026-12-02"
    assert by_entity["event.ola_nowak_new_absence"]["lesson_number"] == 2
    latest = hass.states.get("sensor.ola_nowak_latest_grade")
    assert latest is not None
    assert latest.state == "6"

    fired.clear()
    await poll(hass, freezer)
    assert fired == []  # announced once


async def test_restart_does_not_announce_again(
    hass: HomeAssistant,
    school_day: LibrusSimulator,
    freezer: FrozenDateTimeFactory,
) -> None:
    entry = await setup_entry(hass)
    school_day.school.year(PARENT.login).add_grade("2", subject="jp")
    await poll(hass, freezer)
    assert await hass.config_entries.async_unload(entry.entry_id)

    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()  # event entities restore their last state
    fired = record_events(hass)
    await poll(hass, freezer)
    assert fired == []


async def test_module_lost_mid_run_announces_nothing(
    hass: HomeAssistant,
    school_day: LibrusSimulator,
    freezer: FrozenDateTimeFactory,
) -> None:
    await setup_entry(hass)
    fired = record_events(hass)
    school_day.school.disable("Grades", "forbidden")
    await poll(hass, freezer)  # one failed poll flips nothing (the grace)
    assert hass.states.get("event.ola_nowak_new_grade").state != "unavailable"  # type: ignore[union-attr]
    for _ in range(3):  # 2 h and 4 polls: the module counts as gone
        await poll(hass, freezer)
    assert hass.states.get("event.ola_nowak_new_grade").state == "unavailable"  # type: ignore[union-attr]
    school_day.school.enable("Grades")
    await poll(hass, freezer)
    assert fired == []  # the grades came back; none of them is new
