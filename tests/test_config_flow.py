"""The config flow, driven through Home Assistant's flow API against the local simulator."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from dataclasses import replace
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
from custom_components.librus.api.auth import MAX_REDIRECT_HOPS
from custom_components.librus.const import CONF_PASSWORD, CONF_USERNAME, DOMAIN
from librus_simulator import Fault, LibrusSimulator

from .conftest import HANG_TIMEOUTS
from .helpers import (
    LOGIN_HOPS,
    PARENT,
    STUDENT,
    credentials,
    login_hops,
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
    # The login as Librus serves it today, hop by hop, and nothing else before Step 5's end;
    # then only the student's name (Me), read after the credentials were found valid.
    assert simulator.steps() == [*LOGIN_HOPS, "me"]
    user_info = simulator.requests[LOGIN_HOPS.index("user_info")]
    assert user_info.path.endswith(f"/Auth/UserInfo/{PARENT.user_identifier}")
    login = simulator.requests[LOGIN_HOPS.index("oauth_login")]
    assert login.method == "POST"
    assert set(login.form_keys) == {"action", "login", "pass"}
    # Only the POST carries a form: no hop after it re-sends the password.
    assert [r.step for r in simulator.requests if r.form_keys] == ["oauth_login"]


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
    assert login_hops(simulator.requests) == LOGIN_HOPS[:3]
    assert hass.config_entries.async_entries(DOMAIN) == []
    first_attempt = simulator.requests
    simulator.clear_requests()

    result = await submit(hass, flow_id, credentials(PARENT))
    assert result["type"] is FlowResultType.CREATE_ENTRY
    second_attempt = simulator.requests
    assert second_attempt[0].step == "portal_entry"
    assert second_attempt[0].cookies == {}
    assert presented_cookie_values(first_attempt)  # the first attempt did use cookies
    assert not presented_cookie_values(first_attempt) & presented_cookie_values(second_attempt)


# The outcome of each fault on each hop of the login: the form error the user sees and the
# last hop Librus saw (no request may follow it). Steps 1 and 2 happen before Librus has
# accepted the password; from the 2FA hop on, Librus has accepted it, so a failure there is
# never "invalid_auth": a page instead of a redirect, a chain that never ends or a refused
# session is "session_not_opened" (sign in once in a browser).
ACCEPTED = LOGIN_HOPS.index("oauth_2fa")
STEP_OF_HOP = dict(zip(LOGIN_HOPS, [1, 1, 2, 3, 3, 3, 3, 4, 5], strict=True))
NETWORK_FAULTS: list[tuple[Fault, str]] = [
    (Fault("hang"), "timeout"),
    (Fault("close"), "cannot_connect"),
    (Fault("status", status=500), "cannot_connect"),
    (Fault("status", status=429), "cannot_connect"),
    (Fault("maintenance"), "cannot_connect"),
]


def _page_outcome(hop: str) -> tuple[str, str]:
    if hop == "oauth_init":
        # The authorization page is a page; without its login session Step 2 fails.
        return "unknown", "oauth_login"
    return ("session_not_opened" if LOGIN_HOPS.index(hop) >= ACCEPTED else "unknown"), hop


def _loop_outcome(hop: str) -> tuple[str, str]:
    if hop == "oauth_login":
        # The POST's redirect is followed once with a GET of the same URL (never the form
        # again), which is the authorization page's route: a page, not a login answer.
        return "unknown", "oauth_login"
    return ("session_not_opened" if LOGIN_HOPS.index(hop) >= ACCEPTED else "unknown"), hop


def _offsite_outcome(hop: str) -> tuple[str, str]:
    # Steps 1-3 refuse to leave Librus; Steps 4-5 never follow a gateway redirect at all.
    return ("session_not_opened" if hop in ("token_info", "user_info") else "unknown"), hop


FAULT_MATRIX: list[tuple[str, Fault, str, str]] = [
    *[(hop, fault, key, hop) for hop in LOGIN_HOPS for fault, key in NETWORK_FAULTS],
    *[(hop, Fault("html"), *_page_outcome(hop)) for hop in LOGIN_HOPS],
    *[(hop, Fault("redirect_loop"), *_loop_outcome(hop)) for hop in LOGIN_HOPS],
    *[(hop, Fault("offsite_redirect"), *_offsite_outcome(hop)) for hop in LOGIN_HOPS],
    ("oauth_2fa", Fault("interstitial"), "session_not_opened", "oauth_2fa"),
    ("grant_redirect", Fault("no_session"), "session_not_opened", "grant_redirect"),
    ("portal_entry", Fault("status", status=404), "unknown", "portal_entry"),
    ("oauth_init", Fault("status", status=404), "unknown", "oauth_init"),
    ("oauth_login", Fault("malformed_json"), "unknown", "oauth_login"),
    ("oauth_login", Fault("status", status=403), "unknown", "oauth_login"),
    ("token_info", Fault("malformed_json"), "unknown", "token_info"),
    ("token_info", Fault("missing_user_identifier"), "unknown", "token_info"),
    ("token_info", Fault("status", status=401), "session_not_opened", "token_info"),
    ("token_info", Fault("status", status=403), "session_not_opened", "token_info"),
    ("user_info", Fault("malformed_json"), "unknown", "user_info"),
    ("user_info", Fault("status", status=401), "session_not_opened", "user_info"),
    ("user_info", Fault("status", status=403), "session_not_opened", "user_info"),
    ("user_info", Fault("status", status=404), "unknown", "user_info"),
]


@pytest.mark.parametrize(
    ("hop", "fault", "error", "last_hop"),
    FAULT_MATRIX,
    ids=[f"{hop}-{fault.kind}-{fault.status}" for hop, fault, _, _ in FAULT_MATRIX],
)
async def test_fault_matrix(
    hass: HomeAssistant,
    simulator: LibrusSimulator,
    monkeypatch: pytest.MonkeyPatch,
    hop: str,
    fault: Fault,
    error: str,
    last_hop: str,
) -> None:
    monkeypatch.setattr(const, "LOGIN_TIMEOUTS", HANG_TIMEOUTS)
    simulator.inject(hop, fault)
    flow_id = await start_flow(hass)

    result = await submit(hass, flow_id, credentials(PARENT))

    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "user"
    assert result["errors"] == {"base": error}
    assert hass.config_entries.async_entries(DOMAIN) == []
    hops = login_hops(simulator.requests)
    # Hop by hop, in order, up to the failing one and no further; nothing is repeated
    # except a redirect loop, which is followed at most MAX_REDIRECT_HOPS times.
    distinct = list(dict.fromkeys(hops))
    assert distinct == LOGIN_HOPS[: LOGIN_HOPS.index(last_hop) + 1]
    if (hop, fault.kind) == ("oauth_login", "redirect_loop"):
        assert hops == [*LOGIN_HOPS[:3], "oauth_init"]
    elif fault.kind == "redirect_loop" and hop not in ("token_info", "user_info"):
        # A step makes at most 1 + MAX_REDIRECT_HOPS requests, then gives up.
        same_step = [h for h in hops if STEP_OF_HOP[h] == STEP_OF_HOP[hop]]
        assert len(same_step) == 1 + MAX_REDIRECT_HOPS
        assert all(hops.count(other) == 1 for other in distinct if other != hop)
    else:
        assert hops == distinct
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
    assert retry[0].step == "portal_entry"
    assert retry[0].cookies == {}
    assert not presented_cookie_values(failed_attempt) & presented_cookie_values(retry)


@pytest.mark.parametrize(
    ("password", "error"),
    [("wrong", "invalid_auth"), (None, "account_expired")],
)
async def test_rejections_have_their_own_messages(
    hass: HomeAssistant, simulator: LibrusSimulator, password: str | None, error: str
) -> None:
    if error == "account_expired":
        simulator.add_account(replace(PARENT, expired=True))
    flow_id = await start_flow(hass)
    result = await submit(hass, flow_id, credentials(PARENT, password))
    assert result["errors"] == {"base": error}
    assert login_hops(simulator.requests) == LOGIN_HOPS[:3]  # nothing after the POST


async def test_captcha_after_repeated_wrong_passwords(
    hass: HomeAssistant, simulator: LibrusSimulator
) -> None:
    """Librus demands a captcha after three wrong passwords, even for the right one."""
    flow_id = await start_flow(hass)
    for _ in range(3):
        result = await submit(hass, flow_id, credentials(PARENT, "wrong"))
        assert result["errors"] == {"base": "invalid_auth"}
    result = await submit(hass, flow_id, credentials(PARENT))
    assert result["errors"] == {"base": "captcha_required"}
    assert hass.config_entries.async_entries(DOMAIN) == []
    simulator.reset_captcha(PARENT.login)  # the parent signed in once in a browser
    result = await submit(hass, flow_id, credentials(PARENT))
    assert result["type"] is FlowResultType.CREATE_ENTRY


async def test_email_as_login_gets_a_hint(hass: HomeAssistant, simulator: LibrusSimulator) -> None:
    flow_id = await start_flow(hass)
    result = await submit(
        hass, flow_id, {CONF_USERNAME: "rodzic@example.com", CONF_PASSWORD: PARENT.password}
    )
    assert result["errors"] == {"base": "invalid_auth_email"}


async def test_password_is_sent_untouched(hass: HomeAssistant, simulator: LibrusSimulator) -> None:
    """Spaces and Polish letters reach Librus as typed (Librus checks the exact password)."""
    password = " Zażółć gęślą jaźń 7 "
    simulator.add_account(replace(PARENT, password=password))
    flow_id = await start_flow(hass)
    result = await submit(hass, flow_id, credentials(PARENT, password))
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["data"][CONF_PASSWORD] == password
    result = await submit(hass, await start_flow(hass), credentials(PARENT, password.strip()))
    assert result["errors"] == {"base": "invalid_auth"}


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
    assert login_hops(simulator.requests)[-len(LOGIN_HOPS) :] == LOGIN_HOPS


@pytest.mark.parametrize(
    ("fault", "error"),
    [
        (Fault("hang"), "timeout"),
        (Fault("maintenance"), "cannot_connect"),
        (Fault("html"), "session_not_opened"),
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
    simulator.inject("token_info", Fault("malformed_json", times=1))
    result = await submit(hass, flow_id, credentials(PARENT))
    assert result["errors"] == {"base": "unknown"}
    result = await submit(hass, flow_id, credentials(PARENT))
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert "Login step oauth_login passed" in caplog.text  # DEBUG really was captured
    for text in (secret, PARENT.password, f"{PARENT.login}:{PARENT.password}"):
        assert text not in caplog.text
