"""Setting up and unloading an entry: the same reference login as the config flow."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from homeassistant.config_entries import SOURCE_REAUTH, ConfigEntryState
from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.librus import const
from custom_components.librus.const import DOMAIN
from librus_simulator import Fault, LibrusSimulator

from .conftest import HANG_TIMEOUTS
from .helpers import PARENT, REFERENCE_STEPS, credentials, login_steps

EXCEPTION_MESSAGES = json.loads(
    (Path(__file__).parents[1] / "custom_components/librus/translations/en.json").read_text(
        encoding="utf-8"
    )
)["exceptions"]


def mock_entry(password: str | None = None) -> MockConfigEntry:
    return MockConfigEntry(
        domain=DOMAIN,
        title="Ola Nowak",
        unique_id=PARENT.user_identifier,
        data=credentials(PARENT, password),
    )


async def test_setup_and_unload(hass: HomeAssistant, simulator: LibrusSimulator) -> None:
    entry = mock_entry()
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()

    assert entry.state is ConfigEntryState.LOADED
    assert login_steps(simulator.requests) == REFERENCE_STEPS
    client = entry.runtime_data.client
    assert client.logged_in
    assert entry.runtime_data.identity.user_identifier == PARENT.user_identifier

    assert await hass.config_entries.async_unload(entry.entry_id)
    assert entry.state is ConfigEntryState.NOT_LOADED
    assert not client.logged_in


async def test_wrong_password_starts_reauth(
    hass: HomeAssistant, simulator: LibrusSimulator
) -> None:
    entry = mock_entry(password="changed-at-school")
    entry.add_to_hass(hass)
    assert not await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()

    assert entry.state is ConfigEntryState.SETUP_ERROR
    flows = hass.config_entries.flow.async_progress()
    assert len(flows) == 1
    assert flows[0]["context"]["source"] == SOURCE_REAUTH
    assert flows[0]["context"]["entry_id"] == entry.entry_id
    assert flows[0]["step_id"] == "reauth_confirm"


@pytest.mark.parametrize(
    ("fault", "reason"),
    [
        (Fault("maintenance"), "maintenance"),
        (Fault("status", status=502), "cannot_connect"),
        (Fault("hang"), "timeout"),
        (Fault("malformed_json"), "unexpected_response"),
    ],
)
async def test_librus_unavailable_means_not_ready(
    hass: HomeAssistant,
    simulator: LibrusSimulator,
    monkeypatch: pytest.MonkeyPatch,
    fault: Fault,
    reason: str,
) -> None:
    monkeypatch.setattr(const, "LOGIN_TIMEOUTS", HANG_TIMEOUTS)
    simulator.inject("token_info", fault)
    entry = mock_entry()
    entry.add_to_hass(hass)
    assert not await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()

    assert entry.state is ConfigEntryState.SETUP_RETRY
    assert entry.reason is not None
    # The translated message (Home Assistant drops its final full stop).
    assert entry.reason == EXCEPTION_MESSAGES[reason]["message"].rstrip(".")
    assert hass.config_entries.flow.async_progress() == []  # no reauth for an outage
    simulator.release_hangs()


async def test_no_deprecated_usage_reported(
    hass: HomeAssistant, simulator: LibrusSimulator, caplog: pytest.LogCaptureFixture
) -> None:
    """Home Assistant reports a custom integration's deprecated calls in the log ("Detected
    that custom integration …"); a whole lifecycle (setup, poll, reload, unload) has none."""
    entry = mock_entry()
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    await entry.runtime_data.coordinator.async_refresh()
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    assert await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.NOT_LOADED
    reported = [
        r.getMessage()
        for r in caplog.records
        if "Detected that custom integration" in r.getMessage()
    ]
    assert reported == []
