"""Shared fixtures: Home Assistant's harness, the local Librus simulator, short timeouts."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from custom_components.librus import const
from custom_components.librus.api import Timeouts
from librus_simulator import LibrusSimulator

# Generous enough for a loaded 2-core CI machine, short enough that a hang costs little.
TEST_TIMEOUTS = Timeouts(request=3.0, login_total=8.0)
# For tests that make a step hang on purpose.
HANG_TIMEOUTS = Timeouts(request=0.4, login_total=5.0)


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(enable_custom_integrations: None) -> None:
    """Let Home Assistant load custom_components/librus in every test."""


@pytest.fixture(autouse=True)
def short_login_timeouts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(const, "LOGIN_TIMEOUTS", TEST_TIMEOUTS)
    monkeypatch.setattr(const, "PROGRESS_MIN_SECONDS", 0.0)


@pytest.fixture
async def simulator(
    socket_enabled: None, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[LibrusSimulator]:
    """A simulator on 127.0.0.1 with the demo accounts; the integration points at it."""
    sim = LibrusSimulator()
    await sim.start(host="127.0.0.1", port=0)
    for name, value in sim.env.items():
        monkeypatch.setenv(name, value)
    try:
        yield sim
    finally:
        await sim.close()
