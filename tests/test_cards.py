"""The cards' bundle is served from the integration and loaded by the frontend."""

from __future__ import annotations

import hashlib
from pathlib import Path

from homeassistant.components.frontend import DATA_EXTRA_MODULE_URL
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.librus.cards import CARDS_URL
from custom_components.librus.const import DOMAIN

BUNDLE = Path(__file__).resolve().parents[1] / "custom_components/librus/frontend/librus-cards.js"


async def test_bundle_is_served_and_registered(
    hass: HomeAssistant, hass_client: ClientSessionGenerator
) -> None:
    assert await async_setup_component(hass, "frontend", {})
    assert await async_setup_component(hass, DOMAIN, {})
    await hass.async_block_till_done()

    version = hashlib.sha256(BUNDLE.read_bytes()).hexdigest()[:12]
    module_url = f"{CARDS_URL}?v={version}"
    assert module_url in hass.data[DATA_EXTRA_MODULE_URL].urls

    client = await hass_client()
    response = await client.get(module_url)
    assert response.status == 200
    body = await response.read()
    assert body == BUNDLE.read_bytes()
    for element in ("librus-today-card", "librus-timetable-card", "librus-grades-card"):
        assert element.encode() in body


async def test_integration_loads_without_the_frontend(
    hass: HomeAssistant, hass_client: ClientSessionGenerator
) -> None:
    """`frontend` is only an after-dependency: headless setups still get the bundle URL."""
    assert await async_setup_component(hass, DOMAIN, {})
    await hass.async_block_till_done()
    assert "frontend" not in hass.config.components
    client = await hass_client()
    assert (await client.get(CARDS_URL)).status == 200
