"""Fault injection: what a step should do instead of (or before) answering normally.

The kinds (FaultKind):

- `delay`: wait `seconds`, then answer normally (side effects included).
- `hang`: never answer until `release_hangs()` (then normally) or close (dropped).
- `close`: drop the TCP connection without any answer.
- `status`: answer `status` (400-599) with a JSON error body.
- `maintenance`: 503 with Librus's `{"Status":"Maintenance",…}` body.
- `malformed_json`: 200 `application/json` whose body does not parse.
- `html`: 200 Synergia login page (text/html) instead of the answer.
- `missing_user_identifier`: `token_info` only; the normal answer without `UserIdentifier`.
- `redirect_loop`: 302 whose Location is the very URL requested.
- `offsite_redirect`: 302 to an absolute URL on another host (`OFFSITE_URL`), which a client
  must never follow with its Librus cookies.
- `interstitial`: 200 HTML "required actions" page (Librus showed one at /2FA in spring
  2026), a page a user must handle in a browser.
- `no_session`: `grant_redirect` only; the callback answers 200 "Brak dostępu" and sets no
  cookie (the password was right, yet no session).

All but `delay`, a released `hang` and `missing_user_identifier` replace the step, so the step
has no side effects.
"""

from __future__ import annotations

import asyncio
import json
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import Final, Literal, assert_never, get_args

from aiohttp import web
from aiohttp.typedefs import Handler

from .constants import GRANT_REDIRECT, TOKEN_INFO
from .responses import JsonObject, html_response, json_response, no_access_response

type FaultKind = Literal[
    "delay",
    "hang",
    "close",
    "status",
    "maintenance",
    "malformed_json",
    "html",
    "missing_user_identifier",
    "redirect_loop",
    "offsite_redirect",
    "interstitial",
    "no_session",
]
FAULT_KINDS: Final[tuple[FaultKind, ...]] = get_args(FaultKind.__value__)

# The real 2017 maintenance fixture (shymmq/szwsck Maintenance.json).
MAINTENANCE_BODY: Final[JsonObject] = {
    "Status": "Maintenance",
    "Messages": [
        {
            "description": (
                "Informujemy, że na noc z 17 na 18 marca na godziny 23:00-03:00 zaplanowana "
                "została przerwa techniczna, …"
            ),
            "color": "2F9307",
        }
    ],
}

# Cut mid-token, so every JSON parser rejects it.
MALFORMED_JSON_BODY: Final = (
    '{"Status": "Ok", "Resources": {"..": {"Url": "https://api.librus.pl/2.'
)

# What Synergia shows a client that is not logged in: the login form, as HTML, with 200.
_HTML_FAULT_BODY: Final = (
    '<h1>Librus Synergia</h1>\n<form id="formLogowanie" method="post" action="/loguj">'
    '<input id="Login" name="login"><input type="password" name="passwd"></form>'
)

# Where `offsite_redirect` sends a client: another host, never a Librus one.
OFFSITE_URL: Final = "https://offsite.invalid/steal"

# Faults that make sense for one step only.
_ONLY_FOR: Final[dict[FaultKind, str]] = {
    "missing_user_identifier": TOKEN_INFO,
    "no_session": GRANT_REDIRECT,
}

# Set on a request whose connection the simulator dropped (its log entry gets no status).
DROPPED_KEY: Final = "librus_simulator.dropped"


@dataclass(frozen=True, slots=True)
class Fault:
    """One misbehaviour of one step.

    `seconds` is used by `delay`; `status` by `status`; `times` limits the fault to the next
    N matching requests (None: until cleared).
    """

    kind: FaultKind
    seconds: float = 0.0
    status: int = 500
    times: int | None = None

    def __post_init__(self) -> None:
        if self.kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {self.kind!r}; expected one of {FAULT_KINDS}")
        if not self.seconds >= 0:  # also rejects NaN
            raise ValueError(f"seconds must be >= 0: {self.seconds!r}")
        if not 400 <= self.status <= 599:
            raise ValueError(f"status must be an error status 400-599: {self.status!r}")
        if self.times is not None and self.times < 1:
            raise ValueError(f"times must be None or >= 1: {self.times!r}")


@dataclass(slots=True)
class _Armed:
    fault: Fault
    remaining: int | None


class FaultBook:
    """Injected faults per step. Faults for one step apply in injection order: the first one
    serves requests until its `times` run out, then the next one takes over."""

    def __init__(self) -> None:
        self._armed: dict[str, deque[_Armed]] = {}

    def inject(self, step: str, fault: Fault) -> None:
        only = _ONLY_FOR.get(fault.kind)
        if only is not None and step != only:
            raise ValueError(f"{fault.kind} applies to {only} only, not {step!r}")
        self._armed.setdefault(step, deque()).append(_Armed(fault, fault.times))

    def clear(self) -> None:
        self._armed.clear()

    def take(self, *steps: str) -> Fault | None:
        """Consume one use of the first fault armed for the first of `steps` that has one."""
        for step in steps:
            queue = self._armed.get(step)
            if not queue:
                continue
            armed = queue[0]
            if armed.remaining is not None:
                armed.remaining -= 1
                if armed.remaining == 0:
                    queue.popleft()
            if not queue:
                del self._armed[step]
            return armed.fault
        return None

    def active(self) -> list[tuple[str, Fault, int | None]]:
        """(step, fault, remaining uses) for every armed fault, in order."""
        return [
            (step, armed.fault, armed.remaining)
            for step, queue in self._armed.items()
            for armed in queue
        ]


class Pauses:
    """Every wait the simulator does on purpose (latency, delay, hang), so that `release()`
    and `close()` can end them and no task outlives the server. It also counts the requests
    it holds, so tests can wait for "the request is now hung" without sleeping."""

    def __init__(self) -> None:
        self._closing = False
        self._stop = asyncio.Event()  # set once, on close
        self._wake = asyncio.Event()  # set on release or close; replaced after a release
        self._hanging = 0
        self._sleeping = 0
        self._waiters: list[tuple[Callable[[], bool], asyncio.Future[None]]] = []

    @property
    def closing(self) -> bool:
        return self._closing

    @property
    def hanging(self) -> int:
        """Requests currently held by a `hang` fault."""
        return self._hanging

    @property
    def sleeping(self) -> int:
        """Requests currently waiting out a `delay` fault or the latency."""
        return self._sleeping

    async def sleep(self, seconds: float) -> bool:
        """Wait `seconds`; False if the simulator started closing meanwhile."""
        if seconds > 0 and not self._closing:
            self._sleeping += 1
            self._notify()
            try:
                async with asyncio.timeout(seconds):
                    await self._stop.wait()
            except TimeoutError:
                return True
            finally:
                self._sleeping -= 1
        return not self._closing

    async def hang(self) -> bool:
        """Wait for `release()` (True) or close (False)."""
        if self._closing:
            return False
        wake = self._wake
        self._hanging += 1
        self._notify()
        try:
            await wake.wait()
        finally:
            self._hanging -= 1
        return not self._closing

    def release(self) -> int:
        """Let every hung request go on; return how many there were."""
        released = self._hanging
        self._wake.set()
        self._wake = asyncio.Event()
        return released

    def begin_close(self) -> None:
        self._closing = True
        self._stop.set()
        self._wake.set()
        for _, future in self._waiters:
            if not future.done():
                future.set_exception(RuntimeError("the simulator closed"))

    async def wait_until(self, condition: Callable[[], bool]) -> None:
        """Return once `condition()` holds, re-checked whenever a request starts waiting."""
        if condition():
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        entry = (condition, future)
        self._waiters.append(entry)
        try:
            await future
        finally:
            self._waiters.remove(entry)

    def _notify(self) -> None:
        for condition, future in self._waiters:
            if not future.done() and condition():
                future.set_result(None)


def drop_connection(request: web.Request) -> web.StreamResponse:
    """Close the TCP connection without answering.

    aiohttp then fails to write the returned response to the closed transport and drops it
    quietly, so the client sees the connection end with no response at all.
    """
    request[DROPPED_KEY] = True
    transport = request.transport
    if transport is not None:
        transport.close()
    return web.Response(status=204)


def error_status_body(status: int) -> JsonObject:
    return {"Status": "Error", "Code": "SimulatedFault", "Message": f"Simulated HTTP {status}"}


async def serve_with_fault(
    fault: Fault, request: web.Request, handler: Handler, pauses: Pauses
) -> web.StreamResponse:
    """Answer `request` as `fault` says. Only `delay`, a released `hang` and
    `missing_user_identifier` run the real handler (and so its side effects)."""
    match fault.kind:
        case "delay":
            if not await pauses.sleep(fault.seconds):
                return drop_connection(request)
            return await handler(request)
        case "hang":
            if not await pauses.hang():
                return drop_connection(request)
            return await handler(request)
        case "close":
            return drop_connection(request)
        case "status":
            return json_response(error_status_body(fault.status), status=fault.status)
        case "maintenance":
            return json_response(MAINTENANCE_BODY, status=503)
        case "malformed_json":
            return web.Response(
                text=MALFORMED_JSON_BODY, content_type="application/json", charset="utf-8"
            )
        case "html":
            return html_response("Librus Synergia", _HTML_FAULT_BODY)
        case "missing_user_identifier":
            return _without_user_identifier(await handler(request))
        case "redirect_loop":
            return web.Response(status=302, headers={"Location": str(request.url)})
        case "offsite_redirect":
            return web.Response(status=302, headers={"Location": OFFSITE_URL})
        case "interstitial":
            return html_response("LIBRUS — wymagane działania", _interstitial(request))
        case "no_session":
            return no_access_response()
        case _:
            assert_never(fault.kind)


def _interstitial(request: web.Request) -> str:
    # The form posts back to the page, as the real one did (action=requiredActions&skip=true).
    action = escape(request.path_qs, quote=True)
    return (
        "<h1>Wymagane działania</h1>\n"
        "<p>Zanim przejdziesz dalej, wykonaj wymagane działania na swoim koncie.</p>\n"
        f'<form id="requiredActionsForm" method="post" action="{action}">'
        '<input type="hidden" name="action" value="requiredActions">'
        '<button type="submit" name="skip" value="true">Pomiń</button></form>'
    )


def _without_user_identifier(response: web.StreamResponse) -> web.StreamResponse:
    # Only a successful TokenInfo has an identifier to lose; a 401 stays a 401.
    if (
        not isinstance(response, web.Response)
        or response.status != 200
        or not isinstance(response.body, bytes)
    ):
        return response
    body = json.loads(response.body)
    if isinstance(body, dict):
        body.pop("UserIdentifier", None)
    return json_response(body)


def parse_fault_kind(value: object) -> FaultKind:
    """Narrow an untrusted value (e.g. from admin JSON) to a FaultKind, or raise ValueError."""
    for kind in FAULT_KINDS:
        if value == kind:
            return kind
    raise ValueError(f"unknown fault kind {value!r}; expected one of {FAULT_KINDS}")
