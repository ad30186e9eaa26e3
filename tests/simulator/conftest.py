"""Fixtures for the simulator tests (only this directory uses them).

Every test that starts a real server takes `socket_enabled`: the Home Assistant test harness
blocks sockets otherwise, and then allows only 127.0.0.1.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from simulator_helpers import Control, new_client

from librus_simulator import LibrusSimulator


@pytest.fixture
async def sim(socket_enabled: None) -> AsyncIterator[LibrusSimulator]:
    async with LibrusSimulator() as simulator:
        yield simulator


@pytest.fixture
async def client(sim: LibrusSimulator) -> AsyncIterator[aiohttp.ClientSession]:
    async with new_client(sim.url) as session:
        yield session


# The same controls as method calls and as admin HTTP requests (see Control).
VIAS = ["direct", "admin"]


@pytest.fixture(params=VIAS)
async def control(
    request: pytest.FixtureRequest, sim: LibrusSimulator
) -> Any:  # AsyncIterator[Control]
    async with aiohttp.ClientSession(base_url=sim.url) as admin:
        yield Control(sim, admin, request.param)
