"""Shared fixtures: Home Assistant's harness, the local Librus simulator, short timeouts."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from homeassistant.const import __version__ as HA_VERSION
from pytest_homeassistant_custom_component.syrupy import HomeAssistantSnapshotExtension
from syrupy.assertion import SnapshotAssertion
from syrupy.location import PyTestLocation

from custom_components.librus import const
from custom_components.librus.api import Timeouts
from librus_simulator import LibrusSimulator

# Generous enough for a loaded 2-core CI machine, short enough that a hang costs little.
TEST_TIMEOUTS = Timeouts(request=3.0, login_total=8.0)
# For tests that make a step hang on purpose.
HANG_TIMEOUTS = Timeouts(request=0.4, login_total=5.0)


class VersionedSnapshotExtension(HomeAssistantSnapshotExtension):
    """Home Assistant's serializer, with one snapshot directory per Home Assistant version.

    The serialised registry and state shapes differ between HA versions (aliases,
    compat_name, attribute keys), so tests/snapshots/ha-<version>/ holds each version's files,
    made with `--snapshot-update` under that version; for the latest job:
        bash scripts/latest/exec.sh test python -m pytest tests/test_platform_snapshots.py \
          --snapshot-update
    """

    @classmethod
    def dirname(cls, *, test_location: PyTestLocation) -> str:
        return str(Path(super().dirname(test_location=test_location)) / f"ha-{HA_VERSION}")


@pytest.fixture
def snapshot(request: pytest.FixtureRequest) -> SnapshotAssertion:
    """Home Assistant's snapshot extension, whatever the plugin load order.

    Both syrupy and pytest-homeassistant-custom-component define `snapshot`; which one a test
    gets depends on the order the plugins load in, so this one makes the assertion itself (as
    syrupy's fixture does, with our extension: no other extension then looks for, and reports
    as unused, the other versions' files).
    In the latest job (LIBRUS_LATEST_JOB=1) a Home Assistant version without its snapshot
    files skips the snapshot tests, and only those; in the pinned job a missing file fails.
    """
    option = request.config.option
    location = PyTestLocation(request.node)
    path = Path(VersionedSnapshotExtension.dirname(test_location=location)) / (
        f"{location.basename}.{VersionedSnapshotExtension.file_extension}"
    )
    latest_job = os.environ.get("LIBRUS_LATEST_JOB") == "1"
    if latest_job and not path.exists() and not option.update_snapshots:
        pytest.skip(
            f"no snapshots for Home Assistant {HA_VERSION} (tests/snapshots/{path.parent.name}/)"
        )
    extra: dict[str, Any] = {}
    if hasattr(option, "update_new_snapshots_only"):  # syrupy 6+
        extra["update_new_snapshots_only"] = option.update_new_snapshots_only
    return SnapshotAssertion(
        update_snapshots=option.update_snapshots,
        extension_class=VersionedSnapshotExtension,
        test_location=location,
        session=request.session.config._syrupy,  # type: ignore[attr-defined]
        **extra,
    )


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
    """A simulator on 127.0.0.1 with the demo accounts; the integration points at it.

    After every test that uses it: the integration never asked for a message in detail, the
    one request that marks a message read in Librus (there is no way to mark it unread).
    """
    sim = LibrusSimulator()
    await sim.start(host="127.0.0.1", port=0)
    for name, value in sim.env.items():
        monkeypatch.setenv(name, value)
    try:
        yield sim
        assert sim.messages_detail_fetches == []
        assert "messages_detail" not in sim.steps()
        assert not any("/api/inbox/messages/" in entry.path for entry in sim.requests)
    finally:
        await sim.close()
