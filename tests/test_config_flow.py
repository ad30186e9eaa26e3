"""The config flow, driven through Home Assistant's flow API against the local simulator."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from unittest.mock import AsyncMock, patch

import pytest
from homeassistant.config_entries import (
    SOURCE_REAUTH,
    SOURCE_RECONFIGURE,
    SOURCE_USER,
    ConfigEntry,
    ConfigFlowResult,
)
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType

from custom_components.librus import const
from custom_components.librus.const import CONF_PASSWORD, CONF_USERNAME, DOMAIN
from librus_simulator import Fault, LibrusSimulator

from .conftest import HANG_TIMEOUTS
from .helpers import (
    PARENT,
    REFERENCE_STEPS,
    STUDENT,
    credentials,
    login_steps,
    presented_cookie_values,
    submit,
)


@pytest.fixture(autouse=True)
async def mock_setup_entry(hass: HomeAssistant) -> AsyncIterator[AsyncMock]:
    """Keep entry setup (its own login) out of the requests a flow test looks at."""
    with (
        patch("custom_components.librus.async_setup_entry", return_value=True) as mock,
        patch("custom_components.librus.async_unload_entry", return_value=True),
    ):
        yield mock
        for entry in hass.config_entries.async_entries(DOMAIN):
            await hass.config_entries.async_unload(entry.entry_id)


async def start_flow(hass: HomeAssistant) -> str:
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "user"
    assert result["errors"] == {}
    return result["flow_id"]


async def test_happy_path_creates_entry(hass: HomeAssistant, simulator: LibrusSimulator) -> None:
    flow_id = await start_flow(hass)
    result = await hass.config_entries.flow.async_configure(flow_id, credentials(PARENT))
    assert result["type"] is FlowResultType.SHOW_PROGRESS
    assert result["step_id"] == "validate"
    await hass.async_block_till_done()
    result = await hass.config_entries.flow.async_configure(flow_id)

    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == "Ola Nowak"
    assert result["data"] == {CONF_USERNAME: PARENT.login, CONF_PASSWORD: PARENT.password}
    assert result["result"].unique_id == PARENT.user_identifier
    # The five reference steps, in order, with the grant's redirects; then only the
    # student's name (Me), which is read after the credentials were found valid.
    assert simulator.steps() == [
        "oauth_init",
        "oauth_login",
        "oauth_grant",
        "grant_redirect",
        "landing",
        "token_info",
        "user_info",
        "me",
    ]
    user_info = simulator.requests[6]
    assert user_info.path.endswith(f"/Auth/UserInfo/{PARENT.user_identifier}")
    login = simulator.requests[1]
    assert login.method == "POST"
    assert set(login.form_keys) == {"action", "login", "pass"}


async def test_username_is_trimmed_and_title_falls_back(
    hass: HomeAssistant, simulator: LibrusSimulator
) -> None:
    """A student login works too; if Me fails, the entry is still created (title = login)."""
    simulator.inject("me", Fault("status", status=500))
    flow_id = await start_flow(hass)
    result = await submit(
        hass, flow_id, {CONF_USERNAME: f"  {STUDENT.login} ", CONF_PASSWORD: STUDENT.password}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["data"][CONF_USERNAME] == STUDENT.login
    assert result["title"] == f"Librus {STUDENT.login}"
    assert simulator.count("me") == 1  # no retry, no re-login


async def test_empty_fields_are_field_errors(
    hass: HomeAssistant, simulator: LibrusSimulator
) -> None:
    flow_id = await start_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        flow_id, {CONF_USERNAME: "   ", CONF_PASSWORD: ""}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {CONF_USERNAME: "empty", CONF_PASSWORD: "empty"}
    assert simulator.requests == []  # nothing was sent
    result = await submit(hass, flow_id, credentials(PARENT))
    assert result["type"] is FlowResultType.CREATE_ENTRY


async def test_wrong_password_then_success_uses_fresh_cookies(
    hass: HomeAssistant, simulator: LibrusSimulator
) -> None:
    flow_id = await start_flow(hass)
    result = await submit(hass, flow_id, credentials(PARENT, "wrong-password"))
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {"base": "invalid_auth"}
    assert login_steps(simulator.requests) == ["oauth_init", "oauth_login"]
    assert hass.config_entries.async_entries(DOMAIN) == []
    first_attempt = simulator.requests
    simulator.clear_requests()

    result = await submit(hass, flow_id, credentials(PARENT))
    assert result["type"] is FlowResultType.CREATE_ENTRY
    second_attempt = simulator.requests
    assert second_attempt[0].step == "oauth_init"
    assert second_attempt[0].cookies == {}
    assert presented_cookie_values(first_attempt)  # the first attempt did use cookies
    assert not presented_cookie_values(first_attempt) & presented_cookie_values(second_attempt)


# Each case: the step that misbehaves, how, the error the user sees, and the last reference
# step Librus saw (no request may follow the failing one).
FAULT_MATRIX: list[tuple[str, Fault, str, str]] = [
    *[
        (step, fault, key, step)
        for step in REFERENCE_STEPS
        for fault, key in (
            (Fault("hang"), "timeout"),
            (Fault("close"), "cannot_connect"),
            (Fault("status", status=500), "cannot_connect"),
            (Fault("status", status=429), "cannot_connect"),
            (Fault("maintenance"), "cannot_connect"),
        )
    ],
    # Steps 1 and 3 are web pages: the contract checks only their status. A broken login
    # page leaves no login-form session, which Step 2 then reports (unknown error).
    ("oauth_init", Fault("malformed_json"), "unknown", "oauth_login"),
    ("oauth_init", Fault("html"), "unknown", "oauth_login"),
    ("oauth_init", Fault("status", status=404), "unknown", "oauth_init"),
    ("oauth_login", Fault("malformed_json"), "unknown", "oauth_login"),
    ("oauth_login", Fault("html"), "unknown", "oauth_login"),
    ("oauth_login", Fault("status", status=403), "unknown", "oauth_login"),
    # A grant that does not hand over to Synergia is a glitch, not a refused login.
    ("oauth_grant", Fault("html"), "unknown", "oauth_grant"),
    ("oauth_grant", Fault("malformed_json"), "unknown", "oauth_grant"),
    ("token_info", Fault("malformed_json"), "unknown", "token_info"),
    ("token_info", Fault("html"), "unknown", "token_info"),
    ("token_info", Fault("missing_user_identifier"), "unknown", "token_info"),
    ("token_info", Fault("status", status=401), "invalid_auth", "token_info"),
    ("token_info", Fault("status", status=403), "invalid_auth", "token_info"),
    ("user_info", Fault("malformed_json"), "unknown", "user_info"),
    ("user_info", Fault("html"), "unknown", "user_info"),
    ("user_info", Fault("status", status=401), "invalid_auth", "user_info"),
    ("user_info", Fault("status", status=403), "invalid_auth", "user_info"),
    ("user_info", Fault("status", status=404), "unknown", "user_info"),
]


@pytest.mark.parametrize(
    ("step", "fault", "error", "last_step"),
    FAULT_MATRIX,
    ids=[f"{step}-{fault.kind}-{fault.status}" for step, fault, _, _ in FAULT_MATRIX],
)
async def test_fault_matrix(
    hass: HomeAssistant,
    simulator: LibrusSimulator,
    monkeypatch: pytest.MonkeyPatch,
    step: str,
    fault: Fault,
    error: str,
    last_step: str,
) -> None:
    monkeypatch.setattr(const, "LOGIN_TIMEOUTS", HANG_TIMEOUTS)
    simulator.inject(step, fault)
    flow_id = await start_flow(hass)

    result = await submit(hass, flow_id, credentials(PARENT))

    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "user"
    assert result["errors"] == {"base": error}
    assert hass.config_entries.async_entries(DOMAIN) == []
    steps = login_steps(simulator.requests)
    assert steps == REFERENCE_STEPS[: REFERENCE_STEPS.index(last_step) + 1]
    assert "me" not in simulator.steps()

    # Librus recovers: the next attempt succeeds with none of the earlier cookies.
    failed_attempt = simulator.requests
    simulator.clear_faults()
    simulator.release_hangs()
    simulator.clear_requests()
    result = await submit(hass, flow_id, credentials(PARENT))
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["result"].unique_id == PARENT.user_identifier
    retry = simulator.requests
    assert retry[0].step == "oauth_init"
    assert retry[0].cookies == {}
    assert not presented_cookie_values(failed_attempt) & presented_cookie_values(retry)


async def test_login_rejected_by_librus(hass: HomeAssistant, simulator: LibrusSimulator) -> None:
    flow_id = await start_flow(hass)
    result = await submit(hass, flow_id, credentials(STUDENT, "nope"))
    assert result["errors"] == {"base": "invalid_auth"}
    # The form keeps the typed login (never the password).
    schema_keys = {str(key): key for key in result["data_schema"].schema}
    assert schema_keys[CONF_USERNAME].description == {"suggested_value": STUDENT.login}


async def test_connection_refused(
    hass: HomeAssistant, socket_enabled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing listens at the configured address: cannot_connect, nothing stored."""
    sim = LibrusSimulator()
    await sim.start(host="127.0.0.1", port=0)
    url = sim.url
    await sim.close()  # the port is now closed
    monkeypatch.setenv("LIBRUS_OAUTH_URL", url)
    monkeypatch.setenv("LIBRUS_SYNERGIA_URL", url)
    flow_id = await start_flow(hass)
    result = await submit(hass, flow_id, credentials(PARENT))
    assert result["errors"] == {"base": "cannot_connect"}
    assert hass.config_entries.async_entries(DOMAIN) == []


async def add_entry(hass: HomeAssistant, simulator: LibrusSimulator) -> str:
    flow_id = await start_flow(hass)
    result = await submit(hass, flow_id, credentials(PARENT))
    assert result["type"] is FlowResultType.CREATE_ENTRY
    simulator.clear_requests()
    return result["result"].entry_id


async def start_entry_flow(
    hass: HomeAssistant, entry: ConfigEntry, source: str
) -> ConfigFlowResult:
    """Start a reauth or reconfigure flow as Home Assistant does (reauth gets the data)."""
    return await hass.config_entries.flow.async_init(
        DOMAIN,
        context={"source": source, "entry_id": entry.entry_id},
        data=dict(entry.data) if source == SOURCE_REAUTH else None,
    )


async def test_duplicate_account_aborts(hass: HomeAssistant, simulator: LibrusSimulator) -> None:
    await add_entry(hass, simulator)
    flow_id = await start_flow(hass)
    result = await submit(hass, flow_id, credentials(PARENT))
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"
    assert len(hass.config_entries.async_entries(DOMAIN)) == 1


async def test_two_students_are_two_entries(
    hass: HomeAssistant, simulator: LibrusSimulator
) -> None:
    await add_entry(hass, simulator)
    flow_id = await start_flow(hass)
    result = await submit(hass, flow_id, credentials(STUDENT))
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert {e.unique_id for e in hass.config_entries.async_entries(DOMAIN)} == {
        PARENT.user_identifier,
        STUDENT.user_identifier,
    }


async def test_reconfigure_same_account(hass: HomeAssistant, simulator: LibrusSimulator) -> None:
    entry_id = await add_entry(hass, simulator)
    entry = hass.config_entries.async_get_entry(entry_id)
    assert entry is not None
    result = await start_entry_flow(hass, entry, SOURCE_RECONFIGURE)
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "reconfigure"
    assert result["description_placeholders"] == {"name": "Ola Nowak"}

    # A failing validation keeps the stored credentials and returns to the form.
    result = await submit(hass, result["flow_id"], credentials(PARENT, "typo"))
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "reconfigure"
    assert result["errors"] == {"base": "invalid_auth"}
    assert entry.data[CONF_PASSWORD] == PARENT.password

    result = await submit(
        hass, result["flow_id"], {CONF_USERNAME: f" {PARENT.login}", CONF_PASSWORD: PARENT.password}
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    assert entry.data == {CONF_USERNAME: PARENT.login, CONF_PASSWORD: PARENT.password}
    assert login_steps(simulator.requests)[-5:] == REFERENCE_STEPS


@pytest.mark.parametrize(
    ("fault", "error"),
    [
        (Fault("hang"), "timeout"),
        (Fault("maintenance"), "cannot_connect"),
        (Fault("html"), "unknown"),
    ],
)
async def test_reconfigure_errors(
    hass: HomeAssistant,
    simulator: LibrusSimulator,
    monkeypatch: pytest.MonkeyPatch,
    fault: Fault,
    error: str,
) -> None:
    entry_id = await add_entry(hass, simulator)
    entry = hass.config_entries.async_get_entry(entry_id)
    assert entry is not None
    monkeypatch.setattr(const, "LOGIN_TIMEOUTS", HANG_TIMEOUTS)
    simulator.inject("token_info", fault)
    result = await start_entry_flow(hass, entry, SOURCE_RECONFIGURE)
    result = await submit(hass, result["flow_id"], credentials(PARENT))
    assert result["errors"] == {"base": error}
    simulator.clear_faults()
    simulator.release_hangs()
    result = await submit(hass, result["flow_id"], credentials(PARENT))
    assert result["reason"] == "reconfigure_successful"


async def test_reconfigure_to_other_account_aborts(
    hass: HomeAssistant, simulator: LibrusSimulator
) -> None:
    entry_id = await add_entry(hass, simulator)
    entry = hass.config_entries.async_get_entry(entry_id)
    assert entry is not None
    result = await start_entry_flow(hass, entry, SOURCE_RECONFIGURE)
    result = await submit(hass, result["flow_id"], credentials(STUDENT))
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "wrong_account"
    assert entry.data[CONF_USERNAME] == PARENT.login


async def test_reauth_success(hass: HomeAssistant, simulator: LibrusSimulator) -> None:
    entry_id = await add_entry(hass, simulator)
    entry = hass.config_entries.async_get_entry(entry_id)
    assert entry is not None
    hass.config_entries.async_update_entry(
        entry, data={**entry.data, CONF_PASSWORD: "old-password"}
    )
    result = await start_entry_flow(hass, entry, SOURCE_REAUTH)
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "reauth_confirm"
    assert result["description_placeholders"] == {"username": PARENT.login, "name": "Ola Nowak"}
    assert list(result["data_schema"].schema) == [CONF_PASSWORD]

    result = await submit(hass, result["flow_id"], {CONF_PASSWORD: "still-wrong"})
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "reauth_confirm"
    assert result["errors"] == {"base": "invalid_auth"}
    assert entry.data[CONF_PASSWORD] == "old-password"

    result = await submit(hass, result["flow_id"], {CONF_PASSWORD: PARENT.password})
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reauth_successful"
    assert entry.data == {CONF_USERNAME: PARENT.login, CONF_PASSWORD: PARENT.password}


async def test_reauth_empty_password(hass: HomeAssistant, simulator: LibrusSimulator) -> None:
    entry_id = await add_entry(hass, simulator)
    entry = hass.config_entries.async_get_entry(entry_id)
    assert entry is not None
    result = await start_entry_flow(hass, entry, SOURCE_REAUTH)
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {CONF_PASSWORD: ""})
    assert result["errors"] == {CONF_PASSWORD: "empty"}
    assert simulator.requests == []


async def test_reauth_with_other_account_aborts(
    hass: HomeAssistant, simulator: LibrusSimulator
) -> None:
    """The stored login now belongs to another Librus account: refuse, keep the entry."""
    entry_id = await add_entry(hass, simulator)
    entry = hass.config_entries.async_get_entry(entry_id)
    assert entry is not None
    hass.config_entries.async_update_entry(
        entry, data={CONF_USERNAME: STUDENT.login, CONF_PASSWORD: "x"}
    )
    result = await start_entry_flow(hass, entry, SOURCE_REAUTH)
    result = await submit(hass, result["flow_id"], {CONF_PASSWORD: STUDENT.password})
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "wrong_account"
    assert entry.data[CONF_PASSWORD] == "x"


async def test_bare_401_on_login_is_not_a_password_verdict(
    hass: HomeAssistant, simulator: LibrusSimulator
) -> None:
    simulator.inject("oauth_login", Fault("status", status=401))
    flow_id = await start_flow(hass)
    result = await submit(hass, flow_id, credentials(PARENT))
    # A bare 401 without Librus's error body is not a verdict on the password.
    assert result["errors"] == {"base": "unknown"}


async def test_unexpected_error_is_unknown_and_logged_without_secrets(
    hass: HomeAssistant,
    simulator: LibrusSimulator,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A bug below the flow (not a Librus error) still ends in a clear form error."""

    async def broken_login(self: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("custom_components.librus.api.client.LibrusClient.login", broken_login)
    flow_id = await start_flow(hass)
    result = await submit(hass, flow_id, credentials(PARENT, "Very-Secret-1"))
    assert result["errors"] == {"base": "unknown"}
    assert "Unexpected error while validating" in caplog.text
    assert "Very-Secret-1" not in caplog.text


async def test_progress_screen_stays_up_long_enough(
    hass: HomeAssistant, simulator: LibrusSimulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even when Librus answers at once, "Validating…" is shown for the minimum time.

    (Home Assistant's frontend misses the end of a progress step that ends before it
    subscribed to it.) A lower bound: the sleep guarantees it whatever the machine's load.
    """
    monkeypatch.setattr(const, "PROGRESS_MIN_SECONDS", 0.3)
    flow_id = await start_flow(hass)
    loop = asyncio.get_running_loop()
    started = loop.time()
    result = await hass.config_entries.flow.async_configure(flow_id, credentials(PARENT))
    assert result["type"] is FlowResultType.SHOW_PROGRESS
    await hass.async_block_till_done()
    assert loop.time() - started >= 0.3
    result = await hass.config_entries.flow.async_configure(flow_id)
    assert result["type"] is FlowResultType.CREATE_ENTRY


async def test_password_never_logged_at_debug(
    hass: HomeAssistant, simulator: LibrusSimulator, caplog: pytest.LogCaptureFixture
) -> None:
    """A whole flow (a wrong password, a Librus glitch, then success) logged at DEBUG."""
    caplog.set_level(logging.DEBUG)
    secret = "Zażółć-Gęślą-Jaźń-7"
    flow_id = await start_flow(hass)
    result = await submit(hass, flow_id, credentials(PARENT, secret))
    assert result["errors"] == {"base": "invalid_auth"}
    simulator.inject("token_info", Fault("html", times=1))
    result = await submit(hass, flow_id, credentials(PARENT))
    assert result["errors"] == {"base": "unknown"}
    result = await submit(hass, flow_id, credentials(PARENT))
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert "Login step oauth_login passed" in caplog.text  # DEBUG really was captured
    for text in (secret, PARENT.password, f"{PARENT.login}:{PARENT.password}"):
        assert text not in caplog.text
