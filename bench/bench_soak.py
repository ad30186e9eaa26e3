"""Fault-injection soak: hundreds of polls of a real coordinator with random single faults.

    .venv/bin/python bench/bench_soak.py [--polls 400] [--seed 12] [--max-seconds 600]

Why a real Home Assistant harness (pytest-homeassistant-custom-component, run by this
script on itself) rather than the client and ``snapshot_build`` alone: the figures that
matter are decided by the coordinator and the entities: the grace before anything goes
unavailable, per-module isolation, the seen-sets behind the new-item events, the session
kept between polls. Only the harness shows them through states and events, as a user sees
them. The clock is frozen and moved poll by poll (freezegun), so a simulated fortnight takes
a minute or two; the simulator runs on 127.0.0.1 and its "today" follows the clock.

The run starts on Monday 19 October 2026, 06:00 in Warsaw, and moves from one scheduled poll
to the next (30 min by day, 3 h at night), crossing weekends and the end of summer time
(25 October, 03:00 → 02:00), with a random clock jump (a suspended machine, 2-9 h) now and
then. Before roughly one poll in three, one fault is armed for one request of a gateway read:
HTTP 500, maintenance 503, a 403/404, malformed JSON, a login page instead of JSON, a dropped
connection, a timeout, a status body with an odd HTTP status, or one malformed item; now and
then Librus ends the whole session instead (one password login is then expected).

Printed: polls, faults (armed / hit), flaps to unavailable (must be 0: no single failed poll
flips an entity), duplicate events (must be 0), password logins vs expected, refreshes,
requests per clean poll, and memory growth (tracemalloc, after a warm-up). Exits non-zero
when a must-be-zero figure is not zero or the logins differ from the expectation.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import logging
import os
import random
import sys
import tracemalloc
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]

if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polls", type=int, default=400)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--max-seconds", type=float, default=600.0)
    args = parser.parse_args()
    os.environ["SOAK_POLLS"] = str(min(max(args.polls, 10), 2000))
    os.environ["SOAK_SEED"] = str(args.seed)
    os.environ["SOAK_MAX_SECONDS"] = str(args.max_seconds)
    os.chdir(ROOT)
    import pytest

    class _Outcome:
        """The soak's verdict is its own run (the call phase); the harness's teardown checks
        (threads, timers after a fortnight of frozen clock) are reported, not counted."""

        def __init__(self) -> None:
            self.call = "not run"
            self.teardown: list[str] = []

        def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
            if report.when == "call":
                self.call = report.outcome
            elif report.when == "teardown" and report.failed:
                self.teardown.append(str(report.longrepr).strip().splitlines()[-1][:200])

    outcome = _Outcome()
    pytest.main(
        [
            str(Path(__file__).resolve()),
            "-q",
            "-s",
            "-p",
            "no:cacheprovider",
            "-p",
            "tests.conftest",
            "-o",
            f"timeout={int(args.max_seconds) + 120}",
            "-o",
            "log_level=ERROR",
            "-W",
            "ignore::DeprecationWarning",
        ],
        plugins=[outcome],
    )
    for note in outcome.teardown:
        print(f"(harness teardown, not the integration: {note})")
    print(f"soak verdict: {outcome.call}")
    sys.exit(0 if outcome.call == "passed" else 1)

import pytest  # noqa: E402
from freezegun.api import FrozenDateTimeFactory  # noqa: E402
from homeassistant.const import EVENT_STATE_CHANGED, STATE_UNAVAILABLE  # noqa: E402
from homeassistant.core import Event, EventStateChangedData, HomeAssistant, callback  # noqa: E402
from homeassistant.helpers import storage  # noqa: E402
from pytest_homeassistant_custom_component.common import (  # noqa: E402
    MockConfigEntry,
    async_fire_time_changed,
)

from custom_components.librus import const  # noqa: E402
from custom_components.librus.api import Timeouts  # noqa: E402
from custom_components.librus.const import DOMAIN  # noqa: E402
from librus_simulator import DEMO_ACCOUNTS, Fault, LibrusSimulator  # noqa: E402

WARSAW = ZoneInfo("Europe/Warsaw")
START = datetime(2026, 10, 19, 6, 0, tzinfo=WARSAW)  # a Monday; summer time ends on the 25th
PARENT = next(a for a in DEMO_ACCOUNTS if a.account_type == "parent")
# Gateway reads a poll makes (every poll, rotating, daily) and the faults they may meet.
STEPS = (
    "grades",
    "attendances",
    "timetables",
    "homeworks",
    "school_notices",
    "lucky_numbers",
    "homework_assignments",
)
FAULTS: tuple[tuple[str, Fault], ...] = (
    ("http 500", Fault("status", status=500, times=1)),
    ("maintenance 503", Fault("maintenance", times=1)),
    ("http 403", Fault("status", status=403, times=1)),
    ("http 404", Fault("status", status=404, times=1)),
    ("malformed json", Fault("malformed_json", times=1)),
    ("login page", Fault("html", times=1)),
    ("dropped connection", Fault("close", times=1)),
    ("timeout", Fault("delay", seconds=0.6, times=1)),
)
STATUS_BODY_FAULTS = ("not_active", "disabled", "maintenance")
ENDPOINT_OF_STEP = {
    "grades": "Grades",
    "attendances": "Attendances",
    "homeworks": "HomeWorks",
    "school_notices": "SchoolNotices",
    "lucky_numbers": "LuckyNumbers",
    "homework_assignments": "HomeWorkAssignments",
}
ITEM_KEYS = {"Grades": "Grades", "Attendances": "Attendances", "HomeWorks": "HomeWorks"}


def _corrupt_one_item(key: str) -> Any:
    def change(body: dict[str, Any]) -> dict[str, Any]:
        items = body.get(key)
        if isinstance(items, list) and items:
            items[len(items) // 2] = {**items[len(items) // 2], "Date": "2026-13-45"}
        return body

    return change


# Home Assistant's shared HTTP connector leaves its keep-alive cleanup timer behind once the
# frozen clock has moved a fortnight; it is the harness's, not the integration's.
@pytest.mark.parametrize("expected_lingering_timers", [True])
async def test_soak(
    hass: HomeAssistant,
    simulator: LibrusSimulator,
    freezer: FrozenDateTimeFactory,
    monkeypatch: Any,
) -> None:
    polls = int(os.environ.get("SOAK_POLLS", "400"))
    rng = random.Random(int(os.environ.get("SOAK_SEED", "12")))
    # (freezegun moves time.monotonic with the frozen clock; os.times() is the real one.)
    deadline = os.times().elapsed + float(os.environ.get("SOAK_MAX_SECONDS", "600"))
    monkeypatch.setattr(const, "LOGIN_TIMEOUTS", Timeouts(request=0.4, login_total=5.0))
    # The frozen clock makes every loop step look hours long to asyncio's debug mode.
    logging.getLogger("asyncio").setLevel(logging.ERROR)
    # One line per module that starts or stops failing is right for a user, noise here.
    logging.getLogger("custom_components.librus").setLevel(logging.WARNING)
    await hass.config.async_set_time_zone("Europe/Warsaw")
    freezer.move_to(START)
    simulator.school.today = START.date()

    flaps: list[str] = []
    fired: list[tuple[str, str]] = []

    @callback
    def on_state(event: Event[EventStateChangedData]) -> None:
        new, old = event.data["new_state"], event.data["old_state"]
        if new is None or not new.entity_id.split(".")[1].startswith("ola_nowak"):
            return
        if new.state == STATE_UNAVAILABLE and old is not None and old.state != STATE_UNAVAILABLE:
            flaps.append(f"{dt_local()} {new.entity_id}")
        announced = new.domain == "event" and new.attributes.get("event_type")
        if announced and new.state != old_state(old):
            fired.append((new.entity_id, str(new.attributes.get("id"))))

    def old_state(old: Any) -> str | None:
        return None if old is None else old.state

    def dt_local() -> str:
        return datetime.now(WARSAW).strftime("%a %d %b %H:%M")

    stop_listening = hass.bus.async_listen(EVENT_STATE_CHANGED, on_state)
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="Ola Nowak",
        unique_id=PARENT.user_identifier,
        data={"username": PARENT.login, "password": PARENT.password},
        entry_id="01JLIBRUSSOAK00000000000001",
    )
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    coordinator = entry.runtime_data.coordinator
    finished = asyncio.Event()
    coordinator.async_add_listener(finished.set)  # every refresh, good or failed, ends here

    async def run_poll(slow: bool) -> None:
        """Fire the scheduled poll and wait for it. The harness's loop clock is the frozen
        one, so a request that must time out needs the clock moved while it waits."""
        finished.clear()
        async_fire_time_changed(hass)
        if slow:
            give_up = os.times().elapsed + 60
            while not finished.is_set() and os.times().elapsed < give_up:
                real_wait = os.times().elapsed + 0.05
                while not finished.is_set() and os.times().elapsed < real_wait:  # noqa: ASYNC110
                    await asyncio.sleep(0)  # (the loop clock is frozen: no Event.wait timeout)
                if not finished.is_set():
                    freezer.tick(timedelta(milliseconds=100))
                    async_fire_time_changed(hass)
            freezer.tick(timedelta(seconds=1))  # the simulator's delayed answer, too
            async_fire_time_changed(hass)
        await hass.async_block_till_done(wait_background_tasks=True)

    logins = simulator.count("oauth_login")
    refreshes = 0

    faults: Counter[str] = Counter()
    hits = 0
    expiries = 0
    clean_requests: list[int] = []
    jumps = 0
    warm_memory = 0
    warm_snapshot: tracemalloc.Snapshot | None = None
    done = 0
    started = os.times().elapsed
    tracemalloc.start()
    for number in range(polls):
        if os.times().elapsed > deadline:
            break
        interval = coordinator.update_interval or timedelta(minutes=30)
        step = interval + timedelta(seconds=1)
        if rng.random() < 0.03:  # the machine slept: the next poll comes late
            step += timedelta(hours=rng.choice((2, 5, 9)))
            jumps += 1
        freezer.tick(step)
        local_day = datetime.now(WARSAW).date()
        if simulator.school.today != local_day:
            simulator.school.today = local_day  # the simulator's year follows the clock
        simulator.clear_requests()
        kind = None
        roll = rng.random()
        if roll < 0.03:
            kind = "session ended"
            expiries += simulator.expire_sessions() > 0
        elif roll < 0.25:
            kind, fault = rng.choice(FAULTS)
            simulator.inject(rng.choice(STEPS), fault)
        elif roll < 0.30:
            body = rng.choice(STATUS_BODY_FAULTS)
            status = rng.choice((200, 400, 401, 403, 404, 503))
            kind = f"status body {body} {status}"
            endpoint = ENDPOINT_OF_STEP[rng.choice(tuple(ENDPOINT_OF_STEP))]
            simulator.school.answer_with(endpoint, body, status)  # type: ignore[arg-type]
        elif roll < 0.35:
            endpoint = rng.choice(tuple(ITEM_KEYS))
            kind = "malformed item"
            simulator.school.tamper(endpoint, _corrupt_one_item(ITEM_KEYS[endpoint]))
        if rng.random() < 0.1:
            simulator.school.year(PARENT.login).add_grade(rng.choice(("1", "3+", "5", "6")))
        await run_poll(slow=kind == "timeout")
        # The harness's mock storage records every write (the whole snapshot): forget them,
        # or the memory figure would measure the mock.
        write = storage.Store._async_write_data
        if hasattr(write, "reset_mock"):
            write.reset_mock()
        armed = len(simulator.faults)
        if kind is not None:
            faults["status body" if kind.startswith("status body") else kind] += 1
            if kind in dict(FAULTS) and armed == 0:
                hits += 1
        simulator.clear_faults()
        simulator.school.enable()
        for endpoint in ITEM_KEYS:
            simulator.school.tamper(endpoint)
        steps = simulator.steps()
        if os.environ.get("SOAK_TRACE"):
            print(
                f"{number:4} {dt_local()} {kind or '-':<28} ok={coordinator.last_update_success}"
                f" failing={sorted(coordinator.failing)} n={len(steps)}"
            )
        logins += steps.count("oauth_login")
        refreshes += steps.count("refresh_token")
        if kind is None and "me" not in steps and "oauth_login" not in steps:
            clean_requests.append(len(steps))
        done += 1
        if number == 40:
            gc.collect()
            warm_memory = tracemalloc.get_traced_memory()[0]
            warm_snapshot = tracemalloc.take_snapshot() if os.environ.get("SOAK_MEMTOP") else None
    gc.collect()
    end_memory = tracemalloc.get_traced_memory()[0]
    if os.environ.get("SOAK_MEMTOP") and warm_snapshot is not None:
        grown = tracemalloc.take_snapshot().compare_to(warm_snapshot, "filename")
        for stat in grown[:12]:
            print("  mem", stat)
    tracemalloc.stop()
    elapsed = os.times().elapsed - started
    stop_listening()  # unloading makes every entity unavailable: not a flap
    assert await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)

    duplicates = len(fired) - len(set(fired))
    # Librus is asked for the password at setup, and once after each session it ended.
    expected_logins = 1 + expiries
    simulated = datetime.now(WARSAW) - START
    print()
    print(
        f"soak: {done} polls over {simulated.days} d {simulated.seconds // 3600} h simulated "
        f"(to {dt_local()}), {jumps} clock jumps, {elapsed:.0f} s wall"
    )
    print(f"  faults: {sum(faults.values())} armed ({hits} one-request faults hit a request)")
    for name, count in sorted(faults.items()):
        print(f"    {name:<22} {count}")
    print(f"  flaps to unavailable: {len(flaps)} (must be 0)")
    for flap in flaps[:10]:
        print(f"    {flap}")
    print(f"  events: {len(fired)}, duplicates: {duplicates} (must be 0)")
    print(f"  password logins: {logins} (expected {expected_logins}); refreshes: {refreshes}")
    if clean_requests:
        mean = sum(clean_requests) / len(clean_requests)
        print(
            f"  requests per clean steady poll: {mean:.2f} "
            f"(min {min(clean_requests)}, max {max(clean_requests)}, {len(clean_requests)} polls)"
        )
    print(
        f"  memory: {warm_memory / 1024:.0f} KiB after 40 polls, {end_memory / 1024:.0f} KiB "
        f"at the end ({(end_memory - warm_memory) / 1024:+.0f} KiB)"
    )
    assert not flaps, flaps
    assert duplicates == 0
    assert logins == expected_logins
