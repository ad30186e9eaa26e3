"""Messages from school in Home Assistant: the sensor, the event, the card's data, the budget.

Every test here (and in the modules that import `never_marks_a_message_read`) ends by
checking the simulator's log: no message was ever requested in detail, the one request that
marks a message read in Librus.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from librus_simulator import LibrusSimulator

BOOTSTRAP_HOPS = ["messages_bootstrap", "messages_logon", "messages_landing"]


@pytest.fixture(autouse=True)
def never_marks_a_message_read(request: pytest.FixtureRequest) -> Iterator[None]:
    """After the test: the simulator saw no detail request (nothing was marked read)."""
    yield
    for name in ("simulator", "school_day"):
        sim = request.node.funcargs.get(name)
        if isinstance(sim, LibrusSimulator):
            assert sim.messages_detail_fetches == []
            assert "messages_detail" not in sim.steps()
            assert not any("/api/inbox/messages/" in entry.path for entry in sim.requests)
