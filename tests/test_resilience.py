"""Resilience (issue 12): one bad item, one broken module or one failed night poll never hides
the rest; no duplicate notifications; status bodies recognised by their body.

Every test drives public interfaces: Home Assistant's states and events, the websocket API,
the Librus client against the simulator, and the simulator's request log.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.core import HomeAssistant

from custom_components.librus.api import (
    Credentials,
    LibrusClient,
    LibrusMaintenanceError,
    LibrusModuleUnavailableError,
    LibrusResponseError,
    LibrusSessionExpiredError,
    LibrusUrls,
)
from custom_components.librus.api.answers import classify_gateway_answer
from librus_simulator import LibrusSimulator
from librus_simulator.school_routes import STATUS_BODIES, STATUS_BODY_STATUSES, StatusBody

from .helpers import PARENT
from .school import setup_entry

__all__ = ["school_day"]

from .school import school_day

LUCKY = "sensor.ola_nowak_lucky_number"


@asynccontextmanager
async def client_for(sim: LibrusSimulator) -> AsyncIterator[LibrusClient]:
    client = LibrusClient(
        Credentials(PARENT.login, PARENT.password), urls=LibrusUrls(sim.url, sim.url)
    )
    async with client:
        yield client


def state(hass: HomeAssistant, entity_id: str) -> str:
    found = hass.states.get(entity_id)
    assert found is not None, entity_id
    return found.state


# ------------------------------------------------------------------------------------------
# 7. Status bodies by body, at any status code

_ERROR_OF_BODY: dict[StatusBody, type[Exception]] = {
    "maintenance": LibrusMaintenanceError,
    "not_active": LibrusModuleUnavailableError,
    "disabled": LibrusModuleUnavailableError,
    "token_expired": LibrusSessionExpiredError,
}


@pytest.mark.parametrize("status", STATUS_BODY_STATUSES)
@pytest.mark.parametrize("body", STATUS_BODIES)
async def test_status_bodies_are_recognised_at_any_status(
    simulator: LibrusSimulator, body: StatusBody, status: int
) -> None:
    simulator.school.answer_with("LuckyNumbers", body, status)
    async with client_for(simulator) as client:
        await client.login()
        simulator.clear_requests()
        with pytest.raises(_ERROR_OF_BODY[body]):
            await client.get_json("LuckyNumbers")
    steps = simulator.steps()
    if body == "token_expired":  # a dead session: refreshed once, then given up
        assert steps == ["lucky_numbers", "refresh_token", "lucky_numbers"]
    else:  # never a refresh or a password login for a module or a maintenance
        assert steps == ["lucky_numbers"]


async def test_school_without_lucky_numbers_finishes_setup(
    hass: HomeAssistant, school_day: LibrusSimulator
) -> None:
    """LuckyNumberIsNotActive with HTTP 400: the entry loads, only the lucky number is absent."""
    school_day.school.disable("LuckyNumbers", "not_active", status=400)
    entry = await setup_entry(hass)
    assert entry.state is ConfigEntryState.LOADED
    assert state(hass, LUCKY) == STATE_UNAVAILABLE
    assert state(hass, "sensor.ola_nowak_latest_grade") != STATE_UNAVAILABLE


# ------------------------------------------------------------------------------------------
# 6. Transport: JSON nesting cap


@pytest.mark.parametrize("depth", [65, 100_000])
def test_absurdly_deep_json_is_a_response_error(depth: int) -> None:
    text = '{"Grades": ' + "[" * depth + "]" * depth + "}"
    with pytest.raises(LibrusResponseError, match="nests too deeply"):
        classify_gateway_answer("Grades", 200, text)


def test_librus_depth_json_passes() -> None:
    text = '{"Grades": ' + "[" * 40 + "]" * 40 + "}"
    assert classify_gateway_answer("Grades", 200, text)["Grades"]
