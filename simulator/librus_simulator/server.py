"""LibrusSimulator: the aiohttp application, its lifecycle and its in-process controls."""

from __future__ import annotations

from collections.abc import Iterable
from types import TracebackType
from typing import Self

from aiohttp import web
from aiohttp.typedefs import Handler

from .accounts import DEMO_ACCOUNTS, Account, AccountBook
from .admin import AdminRoutes
from .auth_routes import AuthRoutes
from .constants import ADMIN_PREFIX, ANY_STEP, MESSAGES_PREFIX
from .faults import DROPPED_KEY, Fault, FaultBook, Pauses, drop_connection, serve_with_fault
from .gateway import ME_RESOURCE, Gateway, GatewayResource, GatewayRouter
from .messages import MessagesHost
from .recording import RecordedRequest, RequestLog
from .school_routes import SchoolRoutes
from .sessions import SessionStore


class LibrusSimulator:
    """A local Librus: the OAuth host, Synergia (web + gateway) and the messages host (under
    MESSAGES_PREFIX) on one port.

        async with LibrusSimulator() as sim:
            client_env = sim.env            # LIBRUS_OAUTH_URL / LIBRUS_SYNERGIA_URL
            sim.inject("oauth_grant", Fault("maintenance", times=1))

    `accounts=None` means DEMO_ACCOUNTS. `resources` are extra gateway data endpoints;
    more can be added later through `sim.gateway`. `school=True` serves every account's
    deterministic school year (see `sim.school`, a `SchoolRoutes`).
    """

    def __init__(
        self,
        accounts: Iterable[Account] | None = None,
        *,
        resources: Iterable[GatewayResource] = (),
        school: bool = True,
    ) -> None:
        self._accounts = AccountBook(DEMO_ACCOUNTS if accounts is None else accounts)
        self._sessions = SessionStore()
        self._faults = FaultBook()
        self._pauses = Pauses()
        self._log = RequestLog()
        self._latency = 0.0
        self._auth = AuthRoutes(self._accounts, self._sessions, self._bases)
        # Each account's school year (Grades, Timetables, ...); `sim.school` controls it.
        self.school = SchoolRoutes(lambda: tuple(self._accounts))
        school_resources = self.school.resources() if school else []
        self.gateway = GatewayRouter(
            [*self._auth.gateway_resources(), ME_RESOURCE, *resources, *school_resources]
        )
        self._gateway = Gateway(self.gateway, self._auth.authenticate)
        # The messages host under MESSAGES_PREFIX; `sim.messages` controls it.
        self.messages = MessagesHost(
            self._accounts,
            self._auth.authenticate,
            lambda request: self._bases(request)[1],
            lambda: self.school.today,
        )
        self._runner: web.AppRunner | None = None
        self._started = False
        self._url: str | None = None
        self.app = self._build_app()

    def _build_app(self) -> web.Application:
        @web.middleware
        async def record_and_misbehave(
            request: web.Request, handler: Handler
        ) -> web.StreamResponse:
            return await self._handle(request, handler)

        app = web.Application(middlewares=[record_and_misbehave])
        self._route_steps = {**self._auth.register(app), **self.messages.register(app)}
        self._gateway_routes = frozenset(self._gateway.register(app))
        AdminRoutes(self).register(app)
        app.on_shutdown.append(self._on_shutdown)
        return app

    # Lifecycle

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> None:
        """Listen on host:port (port 0: any free port); see `url`."""
        if self._started:
            raise RuntimeError("a LibrusSimulator can be started once")
        self._started = True
        runner = web.AppRunner(self.app, handle_signals=False, access_log=None)
        await runner.setup()
        try:
            await web.TCPSite(runner, host, port).start()
        except BaseException:
            await runner.cleanup()
            raise
        self._runner = runner
        bound_port = runner.addresses[0][1]
        if host in ("", "0.0.0.0", "::"):
            host = "127.0.0.1"  # a wildcard is not an address a client can use
        self._url = (
            f"http://[{host}]:{bound_port}" if ":" in host else f"http://{host}:{bound_port}"
        )

    async def close(self) -> None:
        """End hangs and delays, stop the server and its connections. Idempotent."""
        self._pauses.begin_close()
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()

    async def _on_shutdown(self, app: web.Application) -> None:
        # Also reached when someone else runs `app` (e.g. aiohttp's test server).
        self._pauses.begin_close()

    @property
    def url(self) -> str:
        """Base URL of both hosts, e.g. http://127.0.0.1:54321."""
        if self._url is None:
            raise RuntimeError("the simulator is not started")
        return self._url

    @property
    def env(self) -> dict[str, str]:
        """The environment that points the integration at this simulator."""
        return {
            "LIBRUS_OAUTH_URL": self.url,
            "LIBRUS_SYNERGIA_URL": self.url,
            "LIBRUS_MESSAGES_URL": f"{self.url}{MESSAGES_PREFIX}",
        }

    def _bases(self, request: web.Request) -> tuple[str, str]:
        """(OAuth, Synergia) base URLs for Locations that cross hosts: the ones in `env`, or
        the request's own origin when another server runs `app`."""
        if self._url is None:
            origin = str(request.url.origin())
            return origin, origin
        env = self.env
        return env["LIBRUS_OAUTH_URL"], env["LIBRUS_SYNERGIA_URL"]

    # Accounts and sessions

    @property
    def accounts(self) -> tuple[Account, ...]:
        return tuple(self._accounts)

    def add_account(self, account: Account) -> None:
        """Add an account (or replace the one with the same login) while running."""
        self._accounts.add(account)

    def expire_sessions(self, login: str | None = None) -> int:
        """End whole Synergia sessions (all, or one login's) and return how many ended: the
        gateway answers 401 and `/refreshToken` is refused until the next password login."""
        return self._sessions.expire(login)

    def expire_tokens(self, login: str | None = None) -> int:
        """Invalidate only the current `oauth_token`s (all, or one login's) and return how
        many: the gateway answers 401 to them, and `/refreshToken` revives the session."""
        return self._sessions.expire_tokens(login)

    def reset_captcha(self, login: str | None = None) -> int:
        """Forget wrong passwords (all, or one login's), so Step 2 stops demanding the
        captcha; return how many logins demanded it."""
        return self._sessions.reset_wrong_passwords(login)

    def captcha_required(self, login: str) -> bool:
        """Whether Step 2 answers the captcha message for `login` (after 3 wrong passwords)."""
        return self._sessions.captcha_required(login)

    @property
    def live_sessions(self) -> int:
        return self._sessions.live_sessions

    # Messages (Wiadomości); more controls on `sim.messages`

    def deliver_message(
        self,
        login: str | None = None,
        *,
        sender: str = "Anna Kowalczyk",
        topic: str = "Nowa wiadomość",
        content: str = "",
        has_attachment: bool = False,
    ) -> str:
        """A new unread message for `login` (default: the first account), on top of its
        inbox; return its id."""
        return self.messages.deliver(
            login, sender=sender, topic=topic, content=content, has_attachment=has_attachment
        )

    def message_is_read(self, message_id: str, login: str | None = None) -> bool:
        return self.messages.is_read(message_id, login)

    @property
    def messages_detail_fetches(self) -> list[str]:
        """Ids of every message fetched in detail (the request that marks it read)."""
        return self.messages.detail_fetches

    def expire_messages_sessions(self, login: str | None = None) -> int:
        """End only the messages sessions (all, or one login's); return how many."""
        return self.messages.expire_sessions(login)

    def set_messages_module(self, login: str, enabled: bool) -> None:
        """Switch the messages module on or off for one account."""
        if enabled:
            self.messages.enable(login)
        else:
            self.messages.disable(login)

    # Faults and timing

    @property
    def known_steps(self) -> frozenset[str]:
        """Step names that can be faulted (plus ANY_STEP, "*")."""
        return self._auth.steps | self.gateway.steps | self.messages.steps

    def inject(self, step: str, fault: Fault) -> None:
        """Make `step` (or every step: "*") misbehave; see Fault. Faults for one step queue."""
        if step != ANY_STEP and step not in self.known_steps:
            raise ValueError(f"unknown step {step!r}; known: {sorted(self.known_steps)}")
        self._faults.inject(step, fault)

    def clear_faults(self) -> None:
        self._faults.clear()

    @property
    def faults(self) -> list[tuple[str, Fault, int | None]]:
        """(step, fault, remaining uses or None) for every armed fault."""
        return self._faults.active()

    def set_latency(self, seconds: float) -> None:
        """Extra delay before every (non-admin) request; 0 turns it off."""
        if not seconds >= 0:
            raise ValueError(f"latency must be >= 0: {seconds!r}")
        self._latency = float(seconds)

    @property
    def latency(self) -> float:
        return self._latency

    def release_hangs(self) -> int:
        """Let every hung request answer normally; return how many were hung."""
        return self._pauses.release()

    @property
    def hanging(self) -> int:
        """How many requests a `hang` fault holds right now."""
        return self._pauses.hanging

    async def wait_for_hanging(self, count: int = 1) -> None:
        """Wait until at least `count` requests are hung (use with a test timeout)."""
        await self._pauses.wait_until(lambda: self._pauses.hanging >= count)

    @property
    def sleeping(self) -> int:
        """How many requests are waiting out a `delay` fault or the latency right now."""
        return self._pauses.sleeping

    async def wait_for_sleeping(self, count: int = 1) -> None:
        """Wait until at least `count` requests are in a delay or latency wait."""
        await self._pauses.wait_until(lambda: self._pauses.sleeping >= count)

    # Request log

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every non-admin request so far, in arrival order (a copy)."""
        return self._log.snapshot()

    def clear_requests(self) -> None:
        self._log.clear()

    def steps(self) -> list[str]:
        """Step names of the recorded requests, in order (requests with no step left out)."""
        return [entry.step for entry in self._log.snapshot() if entry.step is not None]

    def count(self, step: str) -> int:
        return sum(1 for entry in self._log.snapshot() if entry.step == step)

    # Request handling

    def _step_for(self, request: web.Request) -> str | None:
        route = request.match_info.route
        if route in self._gateway_routes:
            return self._gateway.step_for(request)
        step = self._route_steps.get(route)
        return step(request) if callable(step) else step

    async def _handle(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.path == ADMIN_PREFIX or request.path.startswith(ADMIN_PREFIX + "/"):
            return await handler(request)
        step = self._step_for(request)
        entry = await self._log.open(request, step)
        try:
            response = await self._serve(request, step, handler)
        except web.HTTPException as exc:  # aiohttp's own 404/405 for unknown routes
            entry.status = exc.status
            raise
        entry.status = None if request.get(DROPPED_KEY) else response.status
        return response

    async def _serve(
        self, request: web.Request, step: str | None, handler: Handler
    ) -> web.StreamResponse:
        if self._latency and not await self._pauses.sleep(self._latency):
            return drop_connection(request)
        targets = (ANY_STEP,) if step is None else (step, ANY_STEP)
        fault = self._faults.take(*targets)
        if fault is None:
            return await handler(request)
        return await serve_with_fault(fault, request, handler, self._pauses)
