"""HTTP control of a running simulator, under /__simulator/ (never faulted or recorded).

For the CLI, the demo and anything that drives the simulator from another process; tests in
the same process call the LibrusSimulator methods directly.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Protocol

from aiohttp import web

from .accounts import Account
from .constants import ADMIN_PREFIX
from .faults import Fault, parse_fault_kind
from .messages import MessagesHost
from .recording import RecordedRequest
from .responses import JsonObject, json_response
from .school_routes import SchoolRoutes


class SimulatorControls(Protocol):
    """What the admin API drives (`LibrusSimulator` is one); no import of the server."""

    @property
    def accounts(self) -> tuple[Account, ...]: ...
    @property
    def messages(self) -> MessagesHost: ...
    @property
    def school(self) -> SchoolRoutes: ...
    @property
    def faults(self) -> list[tuple[str, Fault, int | None]]: ...
    @property
    def requests(self) -> list[RecordedRequest]: ...
    @property
    def latency(self) -> float: ...
    @property
    def hanging(self) -> int: ...
    @property
    def sleeping(self) -> int: ...
    @property
    def live_sessions(self) -> int: ...

    def inject(self, step: str, fault: Fault) -> None: ...
    def clear_faults(self) -> None: ...
    def set_latency(self, seconds: float) -> None: ...
    def clear_requests(self) -> None: ...
    def release_hangs(self) -> int: ...
    def expire_sessions(self, login: str | None = None) -> int: ...
    def expire_tokens(self, login: str | None = None) -> int: ...
    def reset_captcha(self, login: str | None = None) -> int: ...
    def set_messages_module(self, login: str, enabled: bool) -> None: ...


type _Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class _BadRequest(ValueError):
    pass


async def _json_object(request: web.Request, *, optional: bool = False) -> JsonObject:
    if optional and not await request.read():
        return {}
    try:
        body = await request.json()
    except (ValueError, UnicodeDecodeError) as err:
        raise _BadRequest(f"body is not JSON: {err}") from err
    if not isinstance(body, dict):
        raise _BadRequest("body must be a JSON object")
    return body


def _number(body: JsonObject, key: str, default: float) -> float:
    value: object = body.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _BadRequest(f"{key} must be a number")
    return float(value)


def _optional_int(body: JsonObject, key: str, default: int | None) -> int | None:
    value: object = body.get(key, default)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise _BadRequest(f"{key} must be an integer")
    return value


async def _optional_login(request: web.Request) -> str | None:
    """The optional `{"login": …}` body of the session and captcha controls."""
    body = await _json_object(request, optional=True)
    login = body.get("login")
    if login is not None and not isinstance(login, str):
        raise _BadRequest("login must be a string")
    return login


def _answer_bad_requests(handler: _Handler) -> _Handler:
    """Turn validation errors (ours and the models') into 400 JSON answers."""

    async def wrapped(request: web.Request) -> web.StreamResponse:
        try:
            return await handler(request)
        except ValueError as err:
            return json_response({"error": str(err)}, status=400)

    return wrapped


class AdminRoutes:
    def __init__(self, sim: SimulatorControls) -> None:
        self._sim = sim

    def register(self, app: web.Application) -> None:
        for method, path, handler in (
            ("GET", "health", self.health),
            ("GET", "faults", self.list_faults),
            ("POST", "faults", self.add_fault),
            ("DELETE", "faults", self.clear_faults),
            ("POST", "latency", self.set_latency),
            ("GET", "requests", self.list_requests),
            ("DELETE", "requests", self.clear_requests),
            ("POST", "release", self.release),
            ("POST", "expire-sessions", self.expire_sessions),
            ("POST", "expire-tokens", self.expire_tokens),
            ("POST", "reset-captcha", self.reset_captcha),
            ("GET", "accounts", self.accounts),
            # The messages host (see messages.py)
            ("POST", "messages", self.deliver_message),
            ("GET", "messages", self.list_messages),
            ("GET", "messages/detail-fetches", self.detail_fetches),
            ("GET", "messages/{id}", self.message_state),
            ("POST", "expire-messages-sessions", self.expire_messages_sessions),
            ("POST", "messages-module", self.messages_module),
            # The school year (see school_routes.py)
            ("POST", "grades", self.add_grade),
        ):
            app.router.add_route(method, f"{ADMIN_PREFIX}/{path}", _answer_bad_requests(handler))

    async def health(self, request: web.Request) -> web.StreamResponse:
        sim = self._sim
        return json_response(
            {
                "status": "ok",
                "hanging": sim.hanging,
                "sleeping": sim.sleeping,
                "live_sessions": sim.live_sessions,
                "latency": sim.latency,
            }
        )

    async def list_faults(self, request: web.Request) -> web.StreamResponse:
        return json_response(
            {
                "faults": [
                    {
                        "step": step,
                        "kind": fault.kind,
                        "seconds": fault.seconds,
                        "status": fault.status,
                        "times": fault.times,
                        "remaining": remaining,
                    }
                    for step, fault, remaining in self._sim.faults
                ]
            }
        )

    async def add_fault(self, request: web.Request) -> web.StreamResponse:
        body = await _json_object(request)
        step = body.get("step")
        if not isinstance(step, str):
            raise _BadRequest("step must be a string")
        fault = Fault(
            kind=parse_fault_kind(body.get("kind")),
            seconds=_number(body, "seconds", 0.0),
            status=_optional_int(body, "status", 500) or 500,
            times=_optional_int(body, "times", None),
        )
        self._sim.inject(step, fault)
        return json_response({"ok": True}, status=201)

    async def clear_faults(self, request: web.Request) -> web.StreamResponse:
        self._sim.clear_faults()
        return json_response({"ok": True})

    async def set_latency(self, request: web.Request) -> web.StreamResponse:
        body = await _json_object(request)
        self._sim.set_latency(_number(body, "seconds", 0.0))
        return json_response({"ok": True, "latency": self._sim.latency})

    async def list_requests(self, request: web.Request) -> web.StreamResponse:
        return json_response({"requests": [entry.to_json() for entry in self._sim.requests]})

    async def clear_requests(self, request: web.Request) -> web.StreamResponse:
        self._sim.clear_requests()
        return json_response({"ok": True})

    async def release(self, request: web.Request) -> web.StreamResponse:
        return json_response({"released": self._sim.release_hangs()})

    async def expire_sessions(self, request: web.Request) -> web.StreamResponse:
        """End whole sessions: no refresh, a password login is needed."""
        login = await _optional_login(request)
        return json_response({"expired": self._sim.expire_sessions(login)})

    async def expire_tokens(self, request: web.Request) -> web.StreamResponse:
        """Invalidate only the oauth_tokens: `/refreshToken` still works."""
        login = await _optional_login(request)
        return json_response({"expired": self._sim.expire_tokens(login)})

    async def reset_captcha(self, request: web.Request) -> web.StreamResponse:
        login = await _optional_login(request)
        return json_response({"reset": self._sim.reset_captcha(login)})

    async def accounts(self, request: web.Request) -> web.StreamResponse:
        # Logins and student names only: this endpoint must never leak passwords.
        return json_response(
            {
                "accounts": [
                    {
                        "login": account.login,
                        "student_first_name": account.student_first_name,
                        "student_last_name": account.student_last_name,
                    }
                    for account in self._sim.accounts
                ]
            }
        )

    # The messages host

    async def deliver_message(self, request: web.Request) -> web.StreamResponse:
        """`{"login"?, "sender"?, "topic"?, "content"?, "has_attachment"?}` → 201 `{"id"}`."""
        body = await _json_object(request, optional=True)
        fields: dict[str, str] = {}
        for key in ("login", "sender", "topic", "content"):
            value = body.get(key)
            if value is not None and not isinstance(value, str):
                raise _BadRequest(f"{key} must be a string")
            if value is not None:
                fields[key] = value
        has_attachment = body.get("has_attachment", False)
        if not isinstance(has_attachment, bool):
            raise _BadRequest("has_attachment must be a boolean")
        login = fields.pop("login", None)
        try:
            message_id = self._sim.messages.deliver(login, **fields, has_attachment=has_attachment)
        except KeyError as err:
            raise _BadRequest(f"unknown login {login!r}") from err
        return json_response(
            {"id": message_id, "login": login or self._sim.messages.first_login()}, status=201
        )

    async def list_messages(self, request: web.Request) -> web.StreamResponse:
        """Every message (`?login=` for one account's), newest first, with its read state."""
        login = request.query.get("login")
        try:
            states = self._sim.messages.states(login)
        except KeyError as err:
            raise _BadRequest(f"unknown login {login!r}") from err
        return json_response({"messages": [state.to_json() for state in states]})

    async def detail_fetches(self, request: web.Request) -> web.StreamResponse:
        return json_response({"detail_fetches": self._sim.messages.detail_fetches})

    async def message_state(self, request: web.Request) -> web.StreamResponse:
        try:
            state = self._sim.messages.state(request.match_info["id"], request.query.get("login"))
        except KeyError:
            return json_response({"error": "no such message"}, status=404)
        return json_response(state.to_json())

    async def expire_messages_sessions(self, request: web.Request) -> web.StreamResponse:
        """End only the messages sessions; Synergia's stay."""
        login = await _optional_login(request)
        return json_response({"expired": self._sim.messages.expire_sessions(login)})

    async def messages_module(self, request: web.Request) -> web.StreamResponse:
        """`{"login", "enabled": bool}`: switch the messages module for one account."""
        body = await _json_object(request)
        login, enabled = body.get("login"), body.get("enabled")
        if not isinstance(login, str):
            raise _BadRequest("login must be a string")
        if not isinstance(enabled, bool):
            raise _BadRequest("enabled must be a boolean")
        try:
            self._sim.set_messages_module(login, enabled)
        except KeyError as err:
            raise _BadRequest(f"unknown login {login!r}") from err
        return json_response({"login": login, "enabled": enabled})

    async def add_grade(self, request: web.Request) -> web.StreamResponse:
        """`{"login", "grade"?, "subject"?}`: a new grade today (default "5" in "mat")."""
        body = await _json_object(request)
        login, grade, subject = (
            body.get("login"),
            body.get("grade", "5"),
            body.get("subject", "mat"),
        )
        if not isinstance(login, str) or not isinstance(grade, str) or not isinstance(subject, str):
            raise _BadRequest("login, grade and subject must be strings")
        try:
            year = self._sim.school.year(login)
        except KeyError as err:
            raise _BadRequest(f"unknown login {login!r}") from err
        return json_response({"id": year.add_grade(grade, subject=subject)})
