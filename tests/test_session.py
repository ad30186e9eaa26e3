"""Keeping the Librus session at runtime, through Home Assistant: refresh before password,
rate-limited password logins, no re-authentication for an accepted password, one login
for a new entry."""

from __future__ import annotations

from datetime import timedelta

import pytest
from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import SOURCE_USER, ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import async_fire_time_changed
from pytest_homeassistant_custom_component.components.diagnostics import (
    get_diagnostics_for_config_entry,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.librus.const import CONF_SCAN_INTERVAL, DOMAIN
from custom_components.librus.plan import STEADY_POLL_REQUESTS
from librus_simulator import Fault, LibrusSimulator

from .helpers import LOGIN_HOPS, PARENT, credentials, submit
from .school import LOGIN_REQUESTS, mock_entry, school_day, setup_entry

__all__ = ["school_day"]

LUCKY = "sensor.ola_nowak_lucky_number"


async def poll(hass: HomeAssistant, freezer: FrozenDateTimeFactory, minutes: float = 30) -> None:
    freezer.tick(timedelta(minutes=minutes, seconds=1))
    async_fire_time_changed(hass)
    await hass.async_block_till_done(wait_background_tasks=True)


def lucky_state(hass: HomeAssistant) -> str:
    state = hass.states.get(LUCKY)
    assert state is not None
    return state.state


async def test_expired_token_is_refreshed_without_the_password(
    hass: HomeAssistant, school_day: LibrusSimulator, freezer: FrozenDateTimeFactory
) -> None:
    entry = await setup_entry(hass)
    school_day.expire_tokens()
    school_day.clear_requests()
    await poll(hass, freezer)
    steps = school_day.steps()
    assert steps.count("refresh_token") == 1
    assert "oauth_login" not in steps
    assert len(steps) == STEADY_POLL_REQUESTS + 2  # the first read, the refresh, its repeat
    assert entry.runtime_data.coordinator.last_update_success
    assert lucky_state(hass) == "11"


async def test_refused_refresh_means_one_password_login(
    hass: HomeAssistant,
    school_day: LibrusSimulator,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    await setup_entry(hass)
    school_day.expire_sessions()
    school_day.clear_requests()
    await poll(hass, freezer)
    assert school_day.count("refresh_token") == 1
    assert school_day.count("oauth_login") == 1
    assert "Signed in to Librus with the password (2 password sign-ins in the last 24 h)" in (
        caplog.text
    )


async def test_accepted_password_without_session_is_no_reauth(
    hass: HomeAssistant, school_day: LibrusSimulator, freezer: FrozenDateTimeFactory
) -> None:
    """Librus accepts the password but opens no session: never a "wrong password" prompt,
    the last good data stays, and the next poll within ten minutes makes no login at all."""
    entry = await setup_entry(hass, mock_entry(options={CONF_SCAN_INTERVAL: 5}))
    school_day.expire_sessions()
    school_day.inject("grant_redirect", Fault("no_session"))
    school_day.clear_requests()
    await poll(hass, freezer, 5)
    assert school_day.count("oauth_login") == 1
    assert hass.config_entries.flow.async_progress() == []  # no re-authentication
    assert entry.state is ConfigEntryState.LOADED
    assert lucky_state(hass) == "11"

    school_day.clear_requests()
    await poll(hass, freezer, 5)  # within the pause: no session, no password login
    assert school_day.requests == []
    assert hass.config_entries.flow.async_progress() == []
    assert lucky_state(hass) == "11"

    school_day.clear_faults()
    await poll(hass, freezer, 5)  # the pause is over: one login, fresh data
    assert school_day.count("oauth_login") == 1
    assert entry.runtime_data.coordinator.last_update_success


async def test_adding_an_account_costs_one_login(
    hass: HomeAssistant, school_day: LibrusSimulator
) -> None:
    """The validated session is handed to the new entry: one password login, not two."""
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    result = await submit(hass, result["flow_id"], credentials(PARENT))
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()
    entry = result["result"]
    assert entry.state is ConfigEntryState.LOADED
    assert school_day.count("oauth_login") == 1
    assert school_day.steps()[: len(LOGIN_HOPS)] == LOGIN_HOPS
    assert lucky_state(hass) == "11"


async def test_a_handed_over_session_is_only_for_its_own_entry(
    hass: HomeAssistant, school_day: LibrusSimulator
) -> None:
    """A validation whose entry is not created (a duplicate) leaves nothing that logs in."""
    entry = await setup_entry(hass)
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    result = await submit(hass, result["flow_id"], credentials(PARENT))
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"
    assert entry.state is ConfigEntryState.LOADED


async def test_diagnostics_count_sign_ins(
    hass: HomeAssistant,
    school_day: LibrusSimulator,  # before hass_client: its token is made on the frozen clock
    hass_client: ClientSessionGenerator,
) -> None:
    entry = await setup_entry(hass)
    assert await async_setup_component(hass, "homeassistant", {})
    school_day.expire_tokens()
    # A refresh on demand (the token of the HTTP client would not survive a 30 min jump).
    await hass.services.async_call(
        "homeassistant", "update_entity", {"entity_id": LUCKY}, blocking=True
    )
    diagnostics = await get_diagnostics_for_config_entry(hass, hass_client, entry)
    assert diagnostics["sign_ins_last_24h"] == {
        "password_login": 1,
        "password_login_failed": 0,
        "refresh": 1,
        "refresh_failed": 0,
    }
    assert diagnostics["password_login_paused_seconds"] == 0
    assert diagnostics["requests"]["total_since_setup"] > LOGIN_REQUESTS
