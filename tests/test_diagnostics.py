"""Diagnostics: request counts and data shape; no password, login or student names."""

from __future__ import annotations

import json

from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.components.diagnostics import (
    get_diagnostics_for_config_entry,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from librus_simulator import LibrusSimulator

from .helpers import PARENT
from .school import LOGIN_REQUESTS, school_day, setup_entry

__all__ = ["school_day"]


async def test_diagnostics_are_redacted(
    hass: HomeAssistant, school_day: LibrusSimulator, hass_client: ClientSessionGenerator
) -> None:
    entry = await setup_entry(hass)
    diagnostics = await get_diagnostics_for_config_entry(hass, hass_client, entry)
    text = json.dumps(diagnostics, ensure_ascii=False)
    assert PARENT.password not in text
    assert PARENT.login not in text
    assert "Anna" not in text
    assert "Kamiński" not in text
    assert diagnostics["entry"]["title"] == "Ola Nowak"
    assert diagnostics["entry"]["data"] == {"username": "**REDACTED**", "password": "**REDACTED**"}
    assert diagnostics["requests"]["total_since_setup"] == LOGIN_REQUESTS + 24 + 3
    assert diagnostics["requests"]["polls"] == 1
    assert diagnostics["sync"]["missing_modules"] == []
    assert diagnostics["snapshot"]["grades"] > 0
    assert diagnostics["seen"]["grades"] == diagnostics["snapshot"]["grades"]
    # Messages: counts only, never who wrote, about what, or the text.
    for message in school_day.messages.states(PARENT.login):
        if message.visible:
            assert message.sender not in text
            assert message.topic not in text
    for word in ("Lewandowski", "Kowalczyk", "Wycieczka", "Szanowni", "fizyki"):
        assert word not in text
    assert diagnostics["snapshot"]["messages"] == {
        "available": True,
        "unread": 3,
        "listed": 8,
        "listed_unread": 3,
        "listed_with_attachments": 2,
    }
    assert diagnostics["requests"]["messages_sessions_opened"] == 1
    assert diagnostics["seen"]["messages"] == 8
