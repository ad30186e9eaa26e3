"""The JSON gateway (`/gateway/api/2.0/...`): session check, routing and data resources.

This is the one extension point for data endpoints. A resource is a path pattern, a step
name (used by fault injection and the request log) and a handler
`(GatewayRequest) -> (status, json)`; the handler may also be a coroutine function. The
gateway checks the session before any handler runs, so handlers only see live accounts:

    def grades(request: GatewayRequest) -> GatewayReply:
        return 200, envelope("Grades", school.grades_for(request.account), "Grades")

    sim.gateway.add(GatewayResource("grades", "Grades", grades))

`Me` is registered this way (see `ME_RESOURCE`), and so are `Auth/TokenInfo` and
`Auth/UserInfo/{id}` (in `auth_routes`).
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Final

from aiohttp import web

from .accounts import Account
from .constants import GATEWAY_PREFIX, ME
from .envelope import api_url, envelope, error_body
from .responses import JsonObject, json_response

type GatewayReply = tuple[int, JsonObject]
type GatewayHandler = Callable[[GatewayRequest], GatewayReply | Awaitable[GatewayReply]]
type Authenticator = Callable[[web.Request], Account | None]

# The exact body of a gateway 401 (the bearer API's expired-token error).
SESSION_EXPIRED_BODY: Final[JsonObject] = {
    "Status": "Error",
    "Code": "TokenIsExpired",
    "Message": "Access Token expired",
}


@dataclass(frozen=True, slots=True)
class GatewayRequest:
    """What a resource handler gets: a live account and the request's path and query."""

    account: Account
    # Path below /gateway/api/2.0/, without leading or trailing slash, e.g. "Grades/Categories/5".
    path: str
    # Values of the `{name}` placeholders of the resource's pattern.
    params: Mapping[str, str]
    query: Mapping[str, str]
    method: str = "GET"


@dataclass(frozen=True, slots=True)
class GatewayResource:
    """One routable gateway endpoint.

    `pattern` is a path below /gateway/api/2.0/ whose segments are literal or `{name}` (one
    whole segment), e.g. "Me", "Grades/Categories/{id}", "Lessons/{ids}". Several resources
    may share a step name (e.g. "Lessons" and "Lessons/{ids}" as "lessons").
    """

    step: str
    pattern: str
    handler: GatewayHandler
    methods: frozenset[str] = frozenset({"GET"})

    def __post_init__(self) -> None:
        if not self.step or self.pattern != self.pattern.strip("/"):
            raise ValueError(f"bad gateway resource {self.step!r} {self.pattern!r}")

    def match(self, path: str) -> dict[str, str] | None:
        """The placeholder values if `path` (normalised, see GatewayRequest) matches."""
        wanted = self.pattern.split("/")
        given = path.split("/")
        if len(wanted) != len(given):
            return None
        params: dict[str, str] = {}
        for pattern_part, part in zip(wanted, given, strict=True):
            if pattern_part.startswith("{") and pattern_part.endswith("}"):
                if not part:
                    return None
                params[pattern_part[1:-1]] = part
            elif pattern_part != part:
                return None
        return params


class GatewayRouter:
    """Resources in registration order; the first match wins."""

    def __init__(self, resources: Iterable[GatewayResource] = ()) -> None:
        self._resources: list[GatewayResource] = []
        for resource in resources:
            self.add(resource)

    def add(self, resource: GatewayResource) -> None:
        self._resources.append(resource)

    def route(
        self, step: str, pattern: str, *, methods: Iterable[str] = ("GET",)
    ) -> Callable[[GatewayHandler], GatewayHandler]:
        """Decorator form of `add`."""

        def register(handler: GatewayHandler) -> GatewayHandler:
            self.add(GatewayResource(step, pattern, handler, frozenset(methods)))
            return handler

        return register

    def resolve(self, path: str) -> tuple[GatewayResource, dict[str, str]] | None:
        for resource in self._resources:
            params = resource.match(path)
            if params is not None:
                return resource, params
        return None

    @property
    def steps(self) -> frozenset[str]:
        return frozenset(resource.step for resource in self._resources)

    @property
    def resources(self) -> tuple[GatewayResource, ...]:
        return tuple(self._resources)


def normalise_path(tail: str) -> str:
    return tail.strip("/")


class Gateway:
    """The aiohttp side of the gateway: one catch-all route in front of a GatewayRouter."""

    def __init__(self, router: GatewayRouter, authenticate: Authenticator) -> None:
        self.router = router
        self._authenticate = authenticate

    def register(self, app: web.Application) -> list[web.AbstractRoute]:
        """Add the catch-all routes; return them so the caller can map them to steps."""
        return [
            app.router.add_route("*", GATEWAY_PREFIX, self.handle),
            app.router.add_route("*", GATEWAY_PREFIX + "/{tail:.*}", self.handle),
        ]

    def step_for(self, request: web.Request) -> str | None:
        resolved = self.router.resolve(normalise_path(request.match_info.get("tail", "")))
        return None if resolved is None else resolved[0].step

    async def handle(self, request: web.Request) -> web.StreamResponse:
        account = self._authenticate(request)
        if account is None:
            return json_response(SESSION_EXPIRED_BODY, status=401)
        path = normalise_path(request.match_info.get("tail", ""))
        resolved = self.router.resolve(path)
        if resolved is None:
            return json_response(error_body("NotFound", "Nieprawidłowy węzeł.", path), status=404)
        resource, params = resolved
        if request.method not in resource.methods:
            return json_response(
                error_body("InvalidRequest", "Method not allowed", path), status=405
            )
        reply = resource.handler(
            GatewayRequest(
                account=account,
                path=path,
                params=params,
                query=dict(request.query),
                method=request.method,
            )
        )
        if inspect.isawaitable(reply):
            reply = await reply
        status, body = reply
        return json_response(body, status=status)


def me_body(account: Account) -> JsonObject:
    """`Me` in the real shape (reference/responses/Me.json), filled from `account`."""
    return envelope(
        "Me",
        {
            "Account": {
                "Id": account.account_id,
                "UserId": account.student_user_id,
                "FirstName": account.account_first_name,
                "LastName": account.account_last_name,
                "Email": account.email,
                "GroupId": account.group_id,
                "IsActive": False,  # false on working real accounts too
                "Login": account.login,
                # Premium fields as in the reference capture, so the key set matches it.
                "IsPremium": True,
                "IsPremiumDemo": False,
                "ExpiredPremiumDate": 1773684132,
                "PremiumAddons": ["MDPlus"],
            },
            "Refresh": 900,
            "User": {
                "FirstName": account.student_first_name,
                "LastName": account.student_last_name,
            },
            "Class": {"Id": account.class_id, "Url": api_url(f"Classes/{account.class_id}")},
        },
        "Me",
        resources={
            "Me\\PeriodicGradeAverages": "Me/PeriodicGradeAverages",
            "Me\\BehaviourDescriptiveGrades": "Me/BehaviourDescriptiveGrades",
        },
    )


def _me(request: GatewayRequest) -> GatewayReply:
    return 200, me_body(request.account)


ME_RESOURCE: Final = GatewayResource(ME, "Me", _me)
