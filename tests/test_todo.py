"""The homework to-do list (read-only)."""

from __future__ import annotations

from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from librus_simulator import LibrusSimulator

from .school import school_day, setup_entry

__all__ = ["school_day"]


async def test_homework_items(
    hass: HomeAssistant, school_day: LibrusSimulator, hass_ws_client: WebSocketGenerator
) -> None:
    await setup_entry(hass)
    state = hass.states.get("todo.ola_nowak_homework")
    assert state is not None
    assert state.attributes["supported_features"] == 0  # read-only

    client = await hass_ws_client(hass)
    await client.send_json_auto_id(
        {"type": "todo/item/list", "entity_id": "todo.ola_nowak_homework"}
    )
    response = await client.receive_json()
    assert response["success"]
    items = response["result"]["items"]
    assert len(items) == 20
    open_items = [item for item in items if item["status"] == "needs_action"]
    assert len(open_items) == int(state.state)
    assert all(item["due"] >= "2026-11-26" for item in open_items)
    assert all(item["due"] < "2026-11-26" for item in items if item["status"] == "completed")
    first = open_items[0]
    assert first["summary"]
    assert first["uid"]


async def test_homework_via_service(hass: HomeAssistant, school_day: LibrusSimulator) -> None:
    await setup_entry(hass)
    result = await hass.services.async_call(
        "todo",
        "get_items",
        {"entity_id": "todo.ola_nowak_homework", "status": "needs_action"},
        blocking=True,
        return_response=True,
    )
    items = result["todo.ola_nowak_homework"]["items"]  # type: ignore[index]
    assert items
    assert all("due" in item for item in items)
