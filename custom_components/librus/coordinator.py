"""The sync engine: polling by the plan, outage grace, persistence and change detection.

What is fetched when is `plan.py`; what the answers become is `snapshot_build.py`; the
snapshot itself (and its JSON form for the `Store`) is `snapshot.py`.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Final

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant
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
        self.seen: dict[str, set[str]] | None = None
        self.poll_number = 0
        self.last_plan: list[str] = []
        self.last_success: datetime | None = None
        self._fetched = Fetched()
        self._daily_done: date | None = None
        self._missing: set[str] = set()
        self._tried_unknown: dict[str, set[str]] = {}
        self._listed_at: int | None = None  # the unread count the inbox list was fetched at
        self._outage_since: datetime | None = None
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
            seen = {
                kind: set(stored["seen"][kind]) for kind in SEEN_KINDS if kind in stored["seen"]
            }
        except (KeyError, TypeError, ValueError) as err:
            _LOGGER.debug("Ignoring stored Librus data of another shape: %s", err)
            return False
        self.seen = seen
        self.data = snapshot
        self.last_success = snapshot.fetched_at
        return True

    async def _async_save(self, snapshot: LibrusSnapshot) -> None:
        assert self.seen is not None
        await self.store.async_save(
            {
                "snapshot": to_json(snapshot),
                "seen": {kind: sorted(ids) for kind, ids in self.seen.items()},
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
        except LibrusError as err:
            return self._outage(err, now)
        if self._outage_since is not None:
            _LOGGER.info("Librus is available again")
            self._outage_since = None
        self.last_success = now
        self._detect_changes(snapshot)
        await self._async_save(snapshot)
        return snapshot

    def _outage(self, err: LibrusError, now: datetime) -> LibrusSnapshot:
        key = not_ready_key(err)
        previous = self.data
        if self._outage_since is None:
            self._outage_since = now
            if previous is not None:
                _LOGGER.info("Librus is unavailable (%s); showing the last data", err)
        last_good = self.last_success or now
        if previous is not None and now - last_good < GRACE_PERIOD:
            return previous
        raise UpdateFailed(translation_domain=DOMAIN, translation_key=key) from err

    async def _poll(self, now: datetime) -> LibrusSnapshot:
        today = dt_util.as_local(now).date()
        daily = self._daily_done != today or self._fetched.me is None
        if daily:
            self._fetched.me = await self.client.get_me()
        keys = planned_keys(daily=daily, poll_number=self.poll_number)
        self.poll_number += 1
        self.last_plan = ["me", *keys] if daily else [*keys]
        gateway = [key for key in keys if PLAN_BY_KEY[key].host == "gateway"]
        await self._fetch_all(gateway, today, probe=not daily)
        unknown = unknown_dictionaries(self._fetched, self._tried_unknown, self._missing)
        if unknown:
            await self._fetch_all(unknown, today)
            self.last_plan += unknown
        if "messages_unread" in keys:
            await self._sync_messages(today, daily=daily)
        if daily:
            self._daily_done = today
        return build_snapshot(self._fetched, today=today, now=now, missing=self._missing)

    async def _fetch_all(self, keys: list[PlanKey], today: date, *, probe: bool = False) -> None:
        if probe and keys:
            # One request alone first: a dead session then costs one 401, not one per reader.
            await self._fetch(PLAN_BY_KEY[keys[0]], today)
            keys = keys[1:]
        results = await asyncio.gather(
            *(self._fetch(PLAN_BY_KEY[key], today) for key in keys), return_exceptions=True
        )
        for result in results:
            if isinstance(result, BaseException):
                raise result

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
                if fetch.key not in self._missing:
                    _LOGGER.debug("Librus module %s is not available: %s", fetch.key, err)
                self._missing.add(fetch.key)
                if fetch.week is None:  # a week already fetched stays on show
                    setattr(self._fetched, fetch.key, getattr(Fetched(), fetch.key))
                return
        self._missing.discard(fetch.key)
        if fetch.week is not None:
            monday = today - timedelta(days=today.weekday())
            self._fetched.timetables[fetch.week_start(monday)] = parsed
        else:
            setattr(self._fetched, fetch.key, parsed)

    async def _sync_messages(self, today: date, *, daily: bool) -> None:
        """The unread count, then the inbox list when it is due (after the gateway reads).

        A messages read that fails (the messages session could not be reopened, a strange
        answer) keeps the last messages on show and leaves the rest of the poll alone; only
        a rejected password (met while bringing Synergia back) goes further.
        """
        try:
            await self._fetch(PLAN_BY_KEY["messages_unread"], today)
            if "messages_unread" in self._missing:
                self._listed_at = None  # when the module is back, list again
                return
            if inbox_list_due(self._fetched, self._listed_at, self._missing, daily=daily):
                self.last_plan.append("messages")
                await self._fetch(PLAN_BY_KEY["messages"], today)
                unread = self._fetched.messages_unread
                if "messages" not in self._missing and unread is not None:
                    self._listed_at = unread.inbox
        except LibrusAuthError:
            raise
        except LibrusError as err:
            _LOGGER.debug("Librus messages not read in this poll: %s", err)

    # ---------------------------------------------------------------- change detection

    def _detect_changes(self, snapshot: LibrusSnapshot) -> None:
        current: dict[str, dict[str, Any]] = {
            "grades": {g.id: g for g in snapshot.all_grades()},
            "notices": {n.id: n for n in snapshot.notices},
            "agenda": {a.id: a for a in snapshot.agenda},
            "absences": {a.id: a for a in snapshot.absences},
            "messages": {m.id: m for m in snapshot.messages.items},
        }

        def known(kind: str) -> bool:
            if kind == "messages" and not snapshot.messages.available:
                return False
            return _SEEN_SOURCES[kind] not in snapshot.missing

        if self.seen is None:  # the very first sync only seeds the seen-set
            self.seen = {kind: set(items) for kind, items in current.items() if known(kind)}
            return
        new: dict[str, tuple[Any, ...]] = {}
        for kind, items in current.items():
            if not known(kind):
                new[kind] = ()
                continue
            if kind not in self.seen:  # known for the first time: recorded, not announced
                self.seen[kind] = set(items)
                new[kind] = ()
                continue
            seen = self.seen[kind]
            new[kind] = tuple(item for key, item in items.items() if key not in seen)
            self.seen[kind] = set(items)
        self.changes = LibrusChanges(
            grades=new["grades"],
            notices=new["notices"],
            agenda=new["agenda"],
            absences=new["absences"],
            messages=new["messages"],
        )


def not_ready_key(err: LibrusError) -> str:
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
