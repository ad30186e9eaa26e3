"""The Librus config entry (the config flow over REST), the simulator's demo accounts."""

from __future__ import annotations

import sys
import time

from librus_demo.common import REPO, DemoError, Json, expect, request


def set_simulator_latency(simulator_url: str, seconds: float) -> None:
    """Make every simulated Librus request take `seconds`, like the real one does."""
    expect(
        request("POST", f"{simulator_url}/__simulator/latency", json_body={"seconds": seconds}),
        "setting the simulator latency",
    )


def librus_entries(base_url: str, token: str) -> list[Json]:
    entries: list[Json] = expect(
        request("GET", f"{base_url}/api/config/config_entries/entry?domain=librus", token=token),
        "GET config entries",
    )
    return [entry for entry in entries if entry.get("domain") == "librus"]


def add_librus_entry(
    base_url: str, token: str, username: str, password: str, timeout: float = 90.0
) -> Json:
    """Add a Librus entry through the config-flow REST API unless one exists; return it.

    POST the flow, POST the user form, then follow `progress` with GETs until the flow
    leaves it (HA advances a finished progress step itself, so the flow may already be
    gone: then the entry list tells the outcome).
    """
    if existing := librus_entries(base_url, token):
        return existing[0]
    flows = f"{base_url}/api/config/config_entries/flow"
    result = expect(
        request("POST", flows, token=token, json_body={"handler": "librus"}),
        "starting the Librus config flow",
    )
    flow_id = result["flow_id"]
    if result.get("type") != "form":
        raise DemoError(f"the Librus config flow did not show its form: {result}")
    result = expect(
        request(
            "POST",
            f"{flows}/{flow_id}",
            token=token,
            json_body={"username": username, "password": password},
            timeout=timeout,
        ),
        "submitting the Librus form",
    )
    deadline = time.monotonic() + timeout
    while result.get("type") == "progress":
        if time.monotonic() > deadline:
            raise DemoError(f"the Librus config flow stayed in progress for {timeout:.0f} s")
        time.sleep(0.5)
        resp = request("GET", f"{flows}/{flow_id}", token=token, timeout=timeout)
        if resp.status == 404:  # finished on its own after the progress task
            break
        result = expect(resp, "following the Librus config flow")
    if entries := librus_entries(base_url, token):
        return entries[0]
    raise DemoError(f"the Librus config flow did not create an entry: {result}")


def demo_accounts() -> list[tuple[str, str, str]]:
    """(login, password, description) of the simulator's demo accounts."""
    sys.path.insert(0, str(REPO / "simulator"))
    try:
        from librus_simulator.accounts import DEMO_ACCOUNTS
    finally:
        sys.path.pop(0)
    return [
        (
            account.login,
            account.password,
            ("parent of " if account.account_type == "parent" else "student ")
            + f"{account.student_first_name} {account.student_last_name}",
        )
        for account in DEMO_ACCOUNTS
    ]
