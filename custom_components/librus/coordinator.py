"""The sync engine: polling by the plan, outage grace, persistence and change detection.

What is fetched when is `plan.py`; what the answers become is `snapshot_build.py`; the
snapshot itself (and its JSON form for the `Store`) is `snapshot.py`.

Resilience (what fails, and what the user then sees):

- **Modules fail alone.** Each planned gateway read succeeds or fails on its own; a failing
  module keeps its last good data (one log line when it starts failing, one when it works
  again; diagnostics list it) and the poll builds the snapshot from everything else.
- **Outages** are only: a rejected password (reauth), a session that stays dead after the
  refresh / re-login, Librus in maintenance, every read of the poll failing, or a module
  failing that has no last good data while an older snapshot is on show (a fresh start keeps
  the stored snapshot whole rather than show it without that module). Anything unexpected
  (a bug, an odd value) takes the same path with one log line, not a traceback per poll.
- **Grace.** Nothing goes unavailable before :data:`GRACE_FAILED_POLLS` failed polls in a row
  *and* :data:`GRACE_PERIOD` since the last good data: a single failed poll never flips an
  entity, by day (30 min) or at night (3 h). The same rule holds per module (a module
  Librus switches off mid-run included); after it, only that module's entities go.
- **Entities fail alone.** An entity whose state cannot be written is logged once and the
  coordinator goes on notifying the others (:meth:`async_update_listeners`).
- **Seen-sets only grow**: an item announced once is never announced again, even when it
  drops out of an answer for a while; ids are kept with their day and pruned after
  :data:`SEEN_KEEP` (older items are never announced at all).
"""

from __future__ import annotations

import asyncio
import logging
import traceback
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Final

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import ConfigEntryAuthFailed
from homeassistant.helpers.storage import Store
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator, UpdateFailed
from homeassistant.util import dt as dt_util

from .api import (
    LibrusAuthError,
    LibrusClient,
    LibrusConnectionError,
    LibrusError,
    LibrusLoginPausedError,
    LibrusMaintenanceError,
    LibrusModuleUnavailableError,
    LibrusSessionExpiredError,
    LibrusSessionNotOpenedError,
    LibrusTimeoutError,
    LoginResult,
)
from .const import (
    CONF_QUIET_HOURS,
    CONF_SCAN_INTERVAL,
    DEFAULT_QUIET_HOURS,
    DEFAULT_SCAN_INTERVAL,
    DOMAIN,
    GRACE_FAILED_POLLS,
    GRACE_PERIOD,
    MAX_CONCURRENT_REQUESTS,
    STORAGE_VERSION,
)
from .plan import (
    PLAN_BY_KEY,
    PlanKey,
    PlannedFetch,
    inbox_list_due,
    planned_keys,
    poll_interval,
    unknown_dictionaries,
)
from .snapshot import LibrusChanges, LibrusSnapshot, from_json, to_json
from .snapshot_build import Fetched, build_snapshot

_LOGGER = logging.getLogger(__name__)

# Errors that are about the whole account or all of Librus, never one module: the poll is an
# outage. (A rejected password becomes reauth.)
_POLL_ERRORS: Final = (
    LibrusAuthError,
    LibrusSessionExpiredError,
    LibrusSessionNotOpenedError,
    LibrusMaintenanceError,
)
SEEN_KEEP: Final = timedelta(days=400)
"""Seen ids are kept this long after their item's day (a school year and a summer)."""

SEEN_KINDS: Final = ("grades", "notices", "agenda", "absences", "messages")
# The plan key whose absence leaves each kind of change unknown (nothing is announced).
_SEEN_SOURCES: Final = {
    "grades": "grades",
    "notices": "notices",
    "agenda": "agenda",
    "absences": "attendance",
    "messages": "messages_unread",
}


@dataclass(slots=True)
class ModuleFailure:
    """A module whose reads fail while the rest of the poll works."""

    since: datetime
    """The last poll the module was fine in (or the first failure, without one)."""
    failed_polls: int
    error: str
    gone: bool = False
    """Librus says the module is switched off (past the grace it then counts as absent)."""

    def as_dict(self) -> dict[str, Any]:
        return {
            "since": self.since.isoformat(),
            "failed_polls": self.failed_polls,
            "error": self.error,
        }


def past_grace(since: datetime, failed_polls: int, now: datetime) -> bool:
    """The one grace rule: enough failed polls in a row *and* enough time since good data."""
    return failed_polls >= GRACE_FAILED_POLLS and now - since >= GRACE_PERIOD


def describe(err: BaseException) -> str:
    """One line about an error: a Librus error's message, else its type, text and place."""
    if isinstance(err, LibrusError):
        return str(err)
    frames = traceback.extract_tb(err.__traceback__)
    where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    return f"{type(err).__name__}: {err}{where}"


@dataclass(slots=True)
class LibrusRuntimeData:
    """What a loaded entry keeps: its Librus client and its coordinator."""

    client: LibrusClient
    coordinator: LibrusCoordinator

    @property
    def identity(self) -> LoginResult | None:
        """What the login learnt (None until the client has logged in)."""
        return self.client.identity


type LibrusConfigEntry = ConfigEntry[LibrusRuntimeData]


class LibrusCoordinator(DataUpdateCoordinator[LibrusSnapshot]):
    """Polls Librus by the plan above; keeps last-good data through short outages."""

    config_entry: LibrusConfigEntry

    def __init__(
        self,
        hass: HomeAssistant,
        entry: LibrusConfigEntry,
        client: LibrusClient,
    ) -> None:
        self.client = client
        self.scan_minutes = float(entry.options.get(CONF_SCAN_INTERVAL, DEFAULT_SCAN_INTERVAL))
        self.quiet_hours = bool(entry.options.get(CONF_QUIET_HOURS, DEFAULT_QUIET_HOURS))
        super().__init__(
            hass,
            _LOGGER,
            config_entry=entry,
            name=f"{DOMAIN} {entry.title}",
            update_interval=poll_interval(dt_util.utcnow(), self.scan_minutes, self.quiet_hours),
            always_update=True,
        )
        self.store: Store[dict[str, Any]] = Store(
            hass, STORAGE_VERSION, f"{DOMAIN}.{entry.entry_id}"
        )
        self.changes = LibrusChanges()
        self.seen: dict[str, dict[str, date]] = {}
        """Per kind of item: every id announced (or seeded), with its item's day."""
        self.poll_number = 0
        self.last_plan: list[str] = []
        self.last_success: datetime | None = None
        self._fetched = Fetched()
        self._daily_done: date | None = None
        self._missing: set[str] = set()
        self._tried_unknown: dict[str, set[str]] = {}
        self._listed_at: int | None = None  # the unread count the inbox list was fetched at
        self._outage_since: datetime | None = None
        self._failed_polls = 0
        self.failing: dict[str, ModuleFailure] = {}
        """Modules whose reads fail while the rest works (diagnostics show them)."""
        self.skipped_items: dict[str, int] = {}
        """Per module: the items of its last answer that could not be understood."""
        self._have: set[str] = set()  # modules answered (data or "absent") since the start
        self._failing_listeners: set[str] = set()
        self._semaphore = asyncio.Semaphore(MAX_CONCURRENT_REQUESTS)

    # ---------------------------------------------------------------- persistence

    async def async_load_stored(self) -> bool:
        """Restore the last snapshot and seen-set; True when a snapshot was restored."""
        stored = await self.store.async_load()
        if not stored:
            return False
        try:
            snapshot = from_json(LibrusSnapshot, stored["snapshot"])
            # A kind not stored yet (e.g. messages, before the module answered) is recorded
            # silently when it first becomes known.
            today = dt_util.now().date()
            seen = {
                kind: _stored_seen(stored["seen"][kind], today)
                for kind in SEEN_KINDS
                if kind in stored["seen"]
            }
        except (KeyError, TypeError, ValueError, AttributeError) as err:
            _LOGGER.debug("Ignoring stored Librus data of another shape: %s", err)
            return False
        self.seen = seen
        self.data = snapshot
        self.last_success = snapshot.fetched_at
        return True

    async def _async_save(self, snapshot: LibrusSnapshot) -> None:
        await self.store.async_save(
            {
                "snapshot": to_json(snapshot),
                "seen": {
                    kind: {key: day.isoformat() for key, day in sorted(ids.items())}
                    for kind, ids in self.seen.items()
                },
            }
        )

    # ---------------------------------------------------------------- polling

    async def _async_update_data(self) -> LibrusSnapshot:
        self.changes = LibrusChanges()
        now = dt_util.utcnow()
        self.update_interval = poll_interval(now, self.scan_minutes, self.quiet_hours)
        self.client.start_poll()
        try:
            snapshot = await self._poll(now)
        except LibrusAuthError as err:
            # Only Librus's login form rejecting the stored password asks for it again; an
            # accepted password without a session (LibrusSessionNotOpenedError) is an outage.
            raise ConfigEntryAuthFailed(
                translation_domain=DOMAIN, translation_key="invalid_auth"
            ) from err
        except Exception as err:  # anything else takes the same grace path
            return self._outage(err, now)
        if self._outage_since is not None:
            _LOGGER.info("Librus is available again")
            self._outage_since = None
        self._failed_polls = 0
        self.last_success = now
        self._detect_changes(snapshot)
        await self._async_save(snapshot)
        return snapshot

    def _outage(self, err: Exception, now: datetime) -> LibrusSnapshot:
        key = not_ready_key(err)
        previous = self.data
        self._failed_polls += 1
        if self._outage_since is None:
            self._outage_since = now
            if previous is not None:
                _LOGGER.info("Librus is unavailable (%s); showing the last data", describe(err))
        if previous is not None and not past_grace(
            self.last_success or now, self._failed_polls, now
        ):
            return previous
        raise UpdateFailed(translation_domain=DOMAIN, translation_key=key) from err

    @callback
    def async_update_listeners(self) -> None:
        """Notify every listener, even when one of them raises (logged once per listener).

        Home Assistant's loop stops at the first listener that raises: one entity whose
        state cannot be written would keep every entity after it (a new grade, its event)
        from updating.
        """
        for update_callback, _ in list(self._listeners.values()):
            owner = getattr(update_callback, "__self__", update_callback)
            name = str(getattr(owner, "entity_id", None) or owner)
            try:
                update_callback()
            except Exception as err:  # one listener must not stop the others
                if name not in self._failing_listeners:
                    self._failing_listeners.add(name)
                    _LOGGER.warning("Librus could not update %s: %s", name, describe(err))
            else:
                self._failing_listeners.discard(name)

    async def _poll(self, now: datetime) -> LibrusSnapshot:
        today = dt_util.as_local(now).date()
        daily = self._daily_done != today or self._fetched.me is None
        errors: dict[str, Exception] = {}
        if daily:
            try:
                self._fetched.me = await self.client.get_me()
                self._have.add("me")
            except _POLL_ERRORS:
                raise
            except Exception as err:
                if self._fetched.me is None:
                    raise  # without Me nothing can be read
                errors["me"] = err  # yesterday's Me still names the student
        keys = planned_keys(daily=daily, poll_number=self.poll_number)
        self.poll_number += 1
        self.last_plan = ["me", *keys] if daily else [*keys]
        gateway = [key for key in keys if PLAN_BY_KEY[key].host == "gateway"]
        errors |= await self._fetch_all(gateway, today, probe=not daily)
        unknown = unknown_dictionaries(self._fetched, self._tried_unknown, self._missing)
        if unknown:
            errors |= await self._fetch_all(unknown, today)
            self.last_plan += unknown
        attempted = {*gateway, *unknown, *(("me",) if daily else ())}
        self._judge(errors, attempted, now)
        if "messages_unread" in keys:
            await self._sync_messages(today, now, daily=daily)
        if daily and "me" not in errors:
            self._daily_done = today
        return build_snapshot(
            self._fetched, today=today, now=now, missing=self._missing | self._stale(now)
        )

    def _stale(self, now: datetime) -> set[str]:
        """Modules failing past the grace (or with nothing to show yet): entities unavailable."""
        stale = set()
        for key, failure in list(self.failing.items()):
            if key not in self._have:  # never answered since the start: nothing to show
                stale.add(key)
                continue
            if not past_grace(failure.since, failure.failed_polls, now):
                continue
            if failure.gone:  # switched off for good: absent from now on
                _LOGGER.info("Librus module %s is switched off", key)
                del self.failing[key]
                self._missing.add(key)
                self._forget(key)
            else:
                stale.add(key)
        return stale

    def _judge(self, errors: dict[str, Exception], attempted: set[str], now: datetime) -> None:
        """Decide what the failed reads of a poll mean: failing modules, or an outage."""
        first = next(iter(errors.values()), None)
        if first is not None and len(errors) >= len(attempted):
            raise first  # every read failed: Librus is down for this account
        for key, err in errors.items():
            if key not in self._have and self.data is not None:
                # A fresh start: this module has no last good data; keep the stored snapshot.
                raise err
        self._track_failures(errors, attempted, now)

    def _track_failures(
        self, errors: dict[str, Exception], attempted: set[str], now: datetime
    ) -> None:
        """Modules that failed start (or go on) failing; attempted ones that worked stop."""
        for key in [key for key in self.failing if key in attempted and key not in errors]:
            _LOGGER.info("Librus module %s works again", key)
            del self.failing[key]
        for key, err in errors.items():
            failure = self.failing.get(key)
            if failure is None:
                _LOGGER.info(
                    "Librus module %s is failing (%s); keeping its last data", key, describe(err)
                )
                failure = self.failing[key] = ModuleFailure(
                    since=self.last_success or now, failed_polls=0, error=""
                )
            failure.failed_polls += 1
            failure.error = describe(err)
            failure.gone = isinstance(err, LibrusModuleUnavailableError)
            self._tried_unknown.pop(key, None)  # a failed dictionary is asked for again

    async def _fetch_all(
        self, keys: list[PlanKey], today: date, *, probe: bool = False
    ) -> dict[str, Exception]:
        """Fetch each key on its own; return the failed ones (account-wide errors raise)."""
        errors: dict[str, Exception] = {}

        async def fetch(key: PlanKey) -> None:
            try:
                await self._fetch(PLAN_BY_KEY[key], today)
            except _POLL_ERRORS:
                raise
            except Exception as err:  # one module, not the poll
                errors[key] = err

        if probe and keys:
            # One request alone first: a dead session then costs one 401, not one per reader.
            await fetch(keys[0])
            keys = keys[1:]
        results = await asyncio.gather(*(fetch(key) for key in keys), return_exceptions=True)
        for result in results:
            if isinstance(result, BaseException):
                raise result
        return errors

    def _forget(self, key: str) -> None:
        """A module Librus reports as absent: its data goes (a fetched week stays on show)."""
        fetch = PLAN_BY_KEY.get(key)
        if fetch is not None and fetch.week is None:
            setattr(self._fetched, key, getattr(Fetched(), key))

    async def _fetch(self, fetch: PlannedFetch, today: date) -> None:
        me = self._fetched.me
        assert me is not None
        endpoint = fetch.endpoint.format(user_id=me.account_user_id)
        async with self._semaphore:
            try:
                if fetch.host == "messages":
                    payload = await self.client.get_messages_json(endpoint, fetch.params(today))
                else:
                    payload = await self.client.get_json(endpoint, fetch.params(today))
                parsed = fetch.parse(payload)
            except LibrusModuleUnavailableError as err:
                if fetch.key in self._have and fetch.key not in self._missing:
                    raise  # it answered a moment ago: failing (grace) before it counts as gone
                if fetch.key not in self._missing:
                    _LOGGER.debug("Librus module %s is not available: %s", fetch.key, err)
                self._missing.add(fetch.key)
                self._have.add(fetch.key)
                self._forget(fetch.key)
                return
        self._have.add(fetch.key)
        self._missing.discard(fetch.key)
        skipped = getattr(parsed, "skipped", 0)
        if isinstance(skipped, int) and skipped > 0:
            self.skipped_items[fetch.key] = skipped
        else:
            self.skipped_items.pop(fetch.key, None)
        if fetch.week is not None:
            monday = today - timedelta(days=today.weekday())
            self._fetched.timetables[fetch.week_start(monday)] = parsed
        else:
            setattr(self._fetched, fetch.key, parsed)

    async def _sync_messages(self, today: date, now: datetime, *, daily: bool) -> None:
        """The unread count, then the inbox list when it is due (after the gateway reads).

        The messages host fails on its own (its session could not be reopened, a strange
        answer, the module switched off): like a failing module, the last messages stay on
        show through the grace, and the rest of the poll goes on. Only a rejected password
        (met while bringing Synergia back for the bootstrap) goes further.
        """
        errors: dict[str, Exception] = {}
        attempted: set[str] = set()
        for key in ("messages_unread", "messages"):
            if key == "messages":
                if "messages_unread" in self._missing:
                    self._listed_at = None  # when the module is back, list again
                    break
                if not inbox_list_due(self._fetched, self._listed_at, self._missing, daily=daily):
                    break
                self.last_plan.append(key)
            attempted.add(key)
            try:
                await self._fetch(PLAN_BY_KEY[key], today)
            except LibrusAuthError:
                raise
            except Exception as err:  # the messages host, not the poll
                errors[key] = err
                break
        unread = self._fetched.messages_unread
        listed = "messages" in attempted and not errors and "messages" not in self._missing
        if listed and unread is not None:
            self._listed_at = unread.inbox
        self._track_failures(errors, attempted, now)

    # ---------------------------------------------------------------- change detection

    def _detect_changes(self, snapshot: LibrusSnapshot) -> None:
        today = snapshot.today
        current: dict[str, dict[str, tuple[Any, date]]] = {
            "grades": {g.id: (g, g.day) for g in snapshot.all_grades()},
            "notices": {
                n.id: (n, n.start or (n.created.date() if n.created else today))
                for n in snapshot.notices
            },
            "agenda": {a.id: (a, a.day) for a in snapshot.agenda},
            "absences": {a.id: (a, a.day) for a in snapshot.absences},
            "messages": {
                m.id: (m, m.sent.date() if m.sent else today) for m in snapshot.messages.items
            },
        }

        def known(kind: str) -> bool:
            if kind == "messages" and not snapshot.messages.available:
                return False
            source = _SEEN_SOURCES[kind]
            return source not in snapshot.missing and source not in self.failing

        cutoff = today - SEEN_KEEP
        new: dict[str, tuple[Any, ...]] = {}
        for kind, items in current.items():
            fresh = {key: day for key, (_item, day) in items.items()}
            if not known(kind):
                new[kind] = ()
            elif kind not in self.seen:  # known for the first time: recorded, not announced
                self.seen[kind] = fresh
                new[kind] = ()
            else:
                seen = self.seen[kind]
                new[kind] = tuple(
                    item for key, (item, day) in items.items() if key not in seen and day >= cutoff
                )
                seen.update(fresh)  # only grows: what comes back is never new again
        for ids in self.seen.values():
            for key in [key for key, day in ids.items() if day < cutoff]:
                del ids[key]
        self.changes = LibrusChanges(
            grades=new["grades"],
            notices=new["notices"],
            agenda=new["agenda"],
            absences=new["absences"],
            messages=new["messages"],
        )


def _stored_seen(raw: object, today: date) -> dict[str, date]:
    """A stored seen-set: ``{id: "YYYY-MM-DD"}``, or a plain id list (before days were kept)."""
    if isinstance(raw, dict):
        seen = {}
        for key, day in raw.items():
            try:
                seen[str(key)] = date.fromisoformat(day)
            except (TypeError, ValueError):
                seen[str(key)] = today
        return seen
    if isinstance(raw, list):
        return {str(key): today for key in raw}
    raise TypeError("a seen-set is neither a mapping nor a list")


def not_ready_key(err: Exception) -> str:
    """The translated reason shown while Librus is unavailable."""
    if isinstance(err, LibrusSessionNotOpenedError):
        return "session_not_opened"
    if isinstance(err, LibrusLoginPausedError):
        return "login_paused"
    if isinstance(err, LibrusMaintenanceError):
        return "maintenance"
    if isinstance(err, LibrusTimeoutError):
        return "timeout"
    if isinstance(err, LibrusConnectionError):
        return "cannot_connect"
    return "unexpected_response"
