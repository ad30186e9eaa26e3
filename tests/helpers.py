"""Helpers for driving the Librus config flow through Home Assistant's public flow API."""

from __future__ import annotations

from typing import Any

from homeassistant.config_entries import ConfigFlowResult
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType

from custom_components.librus.const import CONF_PASSWORD, CONF_USERNAME
from librus_simulator import DEMO_ACCOUNTS, Account, RecordedRequest

PARENT: Account = next(a for a in DEMO_ACCOUNTS if a.account_type == "parent")
STUDENT: Account = next(a for a in DEMO_ACCOUNTS if a.account_type == "student")
REFERENCE_STEPS = ["oauth_init", "oauth_login", "oauth_grant", "token_info", "user_info"]
# Every request of the login as Librus serves it since 2026-03-28, in wire order: Step 1 is
# the portal entry and the authorization page, Step 3 the chain from 2FA to the callback.
LOGIN_HOPS = [
    "portal_entry",
    "oauth_init",
    "oauth_login",
    "oauth_2fa",
    "perform_login",
    "oauth_grant",
    "grant_redirect",
    "token_info",
    "user_info",
]


def credentials(account: Account, password: str | None = None) -> dict[str, str]:
    return {CONF_USERNAME: account.login, CONF_PASSWORD: password or account.password}


async def submit(hass: HomeAssistant, flow_id: str, user_input: dict[str, Any]) -> ConfigFlowResult:
    """Submit a form; when validation starts, wait for it and return what follows."""
    result = await hass.config_entries.flow.async_configure(flow_id, user_input)
    if result["type"] is FlowResultType.SHOW_PROGRESS:
        assert result["progress_action"] == "validate"
        await hass.async_block_till_done()
        result = await hass.config_entries.flow.async_configure(flow_id)
    return result


def presented_cookie_values(requests: list[RecordedRequest]) -> set[str]:
    return {value for request in requests for value in request.cookies.values()}


def login_steps(requests: list[RecordedRequest]) -> list[str]:
    """The reference steps (not redirects or other requests) in the order they came."""
    return [r.step for r in requests if r.step in REFERENCE_STEPS]


def login_hops(requests: list[RecordedRequest]) -> list[str]:
    """Every login request (redirect hops included) in the order they came."""
    return [r.step for r in requests if r.step in LOGIN_HOPS]
