"""Sensors and the student's device for the demo parent account on a frozen school day."""

from __future__ import annotations

from dataclasses import replace

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import STATE_UNAVAILABLE, STATE_UNKNOWN
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers import entity_registry as er

from custom_components.librus.const import DOMAIN
from librus_simulator import LibrusSimulator

from .helpers import PARENT
from .school import school_day, setup_entry

__all__ = ["school_day"]

EXPECTED_ENTITIES = {
    "binary_sensor.ola_nowak_lucky_number_is_mine",
    "binary_sensor.ola_nowak_school_day_today",
    "binary_sensor.ola_nowak_school_day_tomorrow",
    "calendar.ola_nowak_agenda",
    "calendar.ola_nowak_free_days",
    "calendar.ola_nowak_timetable",
    "event.ola_nowak_new_absence",
    "event.ola_nowak_new_agenda_entry",
    "event.ola_nowak_new_announcement",
    "event.ola_nowak_new_grade",
    "event.ola_nowak_new_message",
    "sensor.ola_nowak_attendance",
    "sensor.ola_nowak_homework_due_this_week",
    "sensor.ola_nowak_latest_grade",
    "sensor.ola_nowak_lucky_number",
    "sensor.ola_nowak_newest_announcement",
    "sensor.ola_nowak_next_lesson",
    "sensor.ola_nowak_next_test",
    "sensor.ola_nowak_semester_average",
    "sensor.ola_nowak_unexcused_absences",
    "sensor.ola_nowak_unread_messages",
    "todo.ola_nowak_homework",
}


async def test_entities_and_device(hass: HomeAssistant, school_day: LibrusSimulator) -> None:
    entry = await setup_entry(hass)
    entities = er.async_entries_for_config_entry(er.async_get(hass), entry.entry_id)
    enabled = {e.entity_id for e in entities if e.disabled_by is None}
    disabled = {e.entity_id for e in entities if e.disabled_by is not None}
    assert enabled == EXPECTED_ENTITIES
    # One average per subject with grades, disabled by default.
    assert "sensor.ola_nowak_average_matematyka" in disabled
    assert all(entity_id.startswith("sensor.ola_nowak_average_") for entity_id in disabled)
    assert len(disabled) == 13

    # The entry's devices (`DeviceRegistry.async_get_device` is deprecated on HA 2026.10+).
    devices = dr.async_entries_for_config_entry(dr.async_get(hass), entry.entry_id)
    assert [d.identifiers for d in devices] == [{(DOMAIN, PARENT.user_identifier)}]
    device = devices[0]
    assert device.name == "Ola Nowak"
    assert device.model == "6d, Szkoła Podstawowa nr 1 w Przykładowie"
    assert device.manufacturer == "Librus"
    assert device.entry_type is dr.DeviceEntryType.SERVICE
    assert {e.device_id for e in entities} == {device.id}


async def test_sensor_states(hass: HomeAssistant, school_day: LibrusSimulator) -> None:
    await setup_entry(hass)

    def state(name: str) -> str:
        found = hass.states.get(f"sensor.ola_nowak_{name}")
        assert found is not None, name
        return found.state

    lucky = hass.states.get("sensor.ola_nowak_lucky_number")
    assert lucky is not None
    assert lucky.state == "11"
    assert lucky.attributes["day"] == "2026-11-26"
    grade = hass.states.get("sensor.ola_nowak_latest_grade")
    assert grade is not None
    assert grade.state == "3-"
    assert grade.attributes["subject"] == "Historia"
    assert grade.attributes["category"] == "kartkówka"
    assert grade.attributes["weight"] == 2
    assert grade.attributes["teacher"] == "Tomasz Kamiński"
    assert float(state("semester_average")) == 4.28
    assert state("unexcused_absences") == "1"
    assert float(state("attendance")) == 96.4
    lesson = hass.states.get("sensor.ola_nowak_next_lesson")
    assert lesson is not None
    assert lesson.state == "Technika"
    assert lesson.attributes["room"] == "A2"
    assert lesson.attributes["start"] == "2026-11-26T10:30:00+01:00"
    assert lesson.attributes["status"] == "normal"
    assert lesson.attributes["cancelled"] is False
    assert state("next_test") == "2026-11-30"
    assert state("homework_due_this_week") == "3"
    assert state("newest_announcement") == "Zebrania z rodzicami"
    unread = hass.states.get("sensor.ola_nowak_unread_messages")
    assert unread is not None
    assert unread.state == "3"
    # Who, what, when of the newest unread message: nothing longer.
    assert {k: v for k, v in unread.attributes.items() if k in ("sender", "topic", "date")} == {
        "sender": "Marek Lewandowski",
        "topic": "Zadanie dodatkowe z fizyki",
        "date": "2026-11-26T18:21:12+01:00",
    }
    assert set(unread.attributes) == {"sender", "topic", "date", "state_class", "friendly_name"}


async def test_subject_average_when_enabled(
    hass: HomeAssistant, school_day: LibrusSimulator
) -> None:
    registry = er.async_get(hass)
    entry = await setup_entry(hass)
    registry.async_update_entity("sensor.ola_nowak_average_matematyka", disabled_by=None)
    await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    average = hass.states.get("sensor.ola_nowak_average_matematyka")
    assert average is not None
    assert 1.0 <= float(average.state) <= 6.0
    assert average.attributes["friendly_name"] == "Ola Nowak Average Matematyka"


async def test_module_switched_off_makes_its_sensor_unavailable(
    hass: HomeAssistant, school_day: LibrusSimulator
) -> None:
    school_day.school.disable("LuckyNumbers", "disabled")
    await setup_entry(hass)
    lucky = hass.states.get("sensor.ola_nowak_lucky_number")
    assert lucky is not None
    assert lucky.state == STATE_UNAVAILABLE
    mine = hass.states.get("binary_sensor.ola_nowak_lucky_number_is_mine")
    assert mine is not None
    assert mine.state == STATE_UNAVAILABLE
    assert hass.states.get("sensor.ola_nowak_latest_grade").state == "3-"  # type: ignore[union-attr]


async def test_evening_without_lessons_left(
    hass: HomeAssistant, school_day: LibrusSimulator, freezer: FrozenDateTimeFactory
) -> None:
    """Saturday evening: the next lesson is on Monday; school day today is off."""
    freezer.move_to("2026-11-28T19:00:00+00:00")
    await setup_entry(hass)
    lesson = hass.states.get("sensor.ola_nowak_next_lesson")
    assert lesson is not None
    assert lesson.attributes["start"].startswith("2026-11-30T07:45")
    today = hass.states.get("binary_sensor.ola_nowak_school_day_today")
    tomorrow = hass.states.get("binary_sensor.ola_nowak_school_day_tomorrow")
    assert today is not None
    assert tomorrow is not None
    assert today.state == "off"
    assert tomorrow.state == "off"
    assert hass.states.get("sensor.ola_nowak_next_test").state != STATE_UNKNOWN  # type: ignore[union-attr]


async def test_empty_register(hass: HomeAssistant, school_day: LibrusSimulator) -> None:
    """A register with nothing in it: every sensor is unknown, with no attributes."""
    entry = await setup_entry(hass)
    registry = er.async_get(hass)
    registry.async_update_entity("sensor.ola_nowak_average_matematyka", disabled_by=None)
    await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    coordinator = entry.runtime_data.coordinator
    snapshot = coordinator.data
    coordinator.async_set_updated_data(
        replace(
            snapshot,
            lucky_number=None,
            weeks=(),
            agenda=(),
            homework=(),
            grades=(),
            latest_grade=None,
            absences=(),
            attendance=None,
            notices=(),
            messages=replace(snapshot.messages, unread=None, items=()),
        )
    )
    await hass.async_block_till_done()
    for key in (
        "unread_messages",
        "lucky_number",
        "latest_grade",
        "semester_average",
        "unexcused_absences",
        "attendance",
        "next_lesson",
        "next_test",
        "newest_announcement",
        "average_matematyka",
    ):
        state = hass.states.get(f"sensor.ola_nowak_{key}")
        assert state is not None
        assert state.state == STATE_UNKNOWN, key
    assert hass.states.get("sensor.ola_nowak_homework_due_this_week").state == "0"  # type: ignore[union-attr]
    assert hass.states.get("binary_sensor.ola_nowak_school_day_today").state == STATE_UNKNOWN  # type: ignore[union-attr]
    # A subject without a counted grade this semester has no average.
    semester = snapshot.semester_grades()
    assert semester is not None
    coordinator.async_set_updated_data(
        replace(
            snapshot,
            grades=(
                replace(
                    semester,
                    subjects=tuple(replace(s, average=None) for s in semester.subjects),
                ),
            ),
        )
    )
    await hass.async_block_till_done()
    assert hass.states.get("sensor.ola_nowak_average_matematyka").state == STATE_UNKNOWN  # type: ignore[union-attr]


async def test_period_grades_are_not_the_latest_grade(
    hass: HomeAssistant, school_day: LibrusSimulator
) -> None:
    year = school_day.school.year(PARENT.login)
    for kind in ("semester_proposition", "semester", "final_proposition", "final"):
        year.add_grade("5", kind=kind)  # type: ignore[arg-type]
    entry = await setup_entry(hass)
    kinds = {g.kind for g in entry.runtime_data.coordinator.data.all_grades()}
    assert kinds == {"regular", "semester_proposition", "semester", "final_proposition", "final"}
    assert hass.states.get("sensor.ola_nowak_latest_grade").state == "3-"  # type: ignore[union-attr]


async def test_subject_average_appears_for_a_newly_graded_subject(
    hass: HomeAssistant, school_day: LibrusSimulator, entity_registry: er.EntityRegistry
) -> None:
    """Godzina wychowawcza has no grades; its first grade brings its (disabled) sensor."""
    entry = await setup_entry(hass)

    def subject_sensors() -> set[str]:
        return {
            e.unique_id
            for e in er.async_entries_for_config_entry(entity_registry, entry.entry_id)
            if "average_" in e.unique_id
        }

    before = subject_sensors()
    assert not any(uid.endswith("average_25677") for uid in before)
    school_day.school.year(PARENT.login).add_grade("5", subject="gw")
    await entry.runtime_data.coordinator.async_refresh()
    await hass.async_block_till_done()
    added = subject_sensors() - before
    assert len(added) == 1
    assert next(iter(added)).endswith("average_25677")
    (new,) = [
        e
        for e in er.async_entries_for_config_entry(entity_registry, entry.entry_id)
        if e.unique_id in added
    ]
    assert new.disabled_by is er.RegistryEntryDisabler.INTEGRATION
