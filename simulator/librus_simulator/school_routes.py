"""Gateway routes that serve each account's deterministic school year.

One `SchoolYear` per account login, built from the account's student and a controllable
"today" (`SchoolRoutes.today`; `None` follows the machine's clock). Tests reach it as
`sim.school`:

    sim.school.today = date(2026, 11, 27)
    sim.school.year("8000001").add_grade("5")
    sim.school.disable("LuckyNumbers", "disabled")  # {"Status": "Disabled"}
    sim.school.disable("LuckyNumbers", "not_active", status=400)  # the same body, HTTP 400
    sim.school.answer_with("Grades", "maintenance", status=200)  # a status body, any status
    sim.school.tamper("Grades", corrupt_one_item)  # the real answer, changed by a test

Librus sends its status bodies (maintenance, a module not active, disabled, an expired
token) with whatever HTTP status the endpoint happens to use (200, 400, 401, 403, 404, 503
have all been seen), so every body can be served with every status.

Changing `today` rebuilds the years (mutations made before are dropped).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from datetime import date
from typing import Final, Literal, get_args

from .accounts import Account
from .envelope import JsonObject, error_body
from .faults import MAINTENANCE_BODY
from .gateway import GatewayReply, GatewayRequest, GatewayResource
from .school_gateway import RESOURCE_PATTERNS, answer
from .school_generator import build_school_year
from .school_year import SchoolYear

type ModuleOff = Literal["forbidden", "disabled", "not_active", "scopes"]

MODULE_OFF_KINDS: Final[tuple[ModuleOff, ...]] = ("forbidden", "disabled", "not_active", "scopes")

type StatusBody = Literal["maintenance", "not_active", "disabled", "token_expired"]
"""Librus's status bodies, each recognised by its body whatever status it comes with."""

STATUS_BODIES: Final[tuple[StatusBody, ...]] = get_args(StatusBody.__value__)
# The HTTP statuses Librus has been seen sending status bodies with.
STATUS_BODY_STATUSES: Final[tuple[int, ...]] = (200, 400, 401, 403, 404, 503)
# The real codes of modules a school can switch off (others answer plain "NotActive").
_NOT_ACTIVE_CODES: Final[dict[str, str]] = {"LuckyNumbers": "LuckyNumberIsNotActive"}


def not_active_body(endpoint: str) -> JsonObject:
    code = _NOT_ACTIVE_CODES.get(endpoint, "NotActive")
    return error_body(code, "Moduł nieaktywny", endpoint)


def status_body(kind: StatusBody, endpoint: str) -> JsonObject:
    """The body of one of Librus's status answers for `endpoint`."""
    if kind == "maintenance":
        return dict(MAINTENANCE_BODY)
    if kind == "not_active":
        return not_active_body(endpoint)
    if kind == "disabled":
        return {"Status": "Disabled"}
    return error_body("TokenIsExpired", "Access Token expired", endpoint)


def module_off_reply(endpoint: str, how: ModuleOff, status: int | None = None) -> GatewayReply:
    """How Librus says a module is switched off for this account (`status` overrides its own)."""
    reply: GatewayReply
    if how == "forbidden":
        reply = 403, error_body("AccessDeny", "Brak dostępu", endpoint)
    elif how == "disabled":
        reply = 200, {"Status": "Disabled"}
    elif how == "not_active":
        reply = 200, not_active_body(endpoint)
    else:
        reply = 401, error_body("Insufficient scopes", "Insufficient scopes", endpoint)
    return (reply[0] if status is None else status), reply[1]


class SchoolRoutes:
    """The school-year endpoints of every account, with a settable clock and module switches."""

    def __init__(self, accounts: Callable[[], Iterable[Account]], today: date | None = None):
        self._accounts = accounts
        self._today = today
        self._years: dict[tuple[str, date], SchoolYear] = {}
        self._replies: dict[str, GatewayReply] = {}
        self._tampered: dict[str, Callable[[JsonObject], JsonObject]] = {}

    @property
    def today(self) -> date:
        """The simulated "today" (the machine's date unless set)."""
        return self._today or date.today()

    @today.setter
    def today(self, value: date | None) -> None:
        self._today = value
        self._years.clear()

    def set_today(self, value: date | None) -> None:
        self.today = value

    def year(self, login: str) -> SchoolYear:
        """The school year the account `login` sees today (built on first use)."""
        account = next((a for a in self._accounts() if a.login == login), None)
        if account is None:
            raise KeyError(login)
        return self._year_for(account)

    def _year_for(self, account: Account) -> SchoolYear:
        key = (account.login, self.today)
        year = self._years.get(key)
        if year is None:
            year = build_school_year(
                account.account_type,
                (account.student_first_name, account.student_last_name),
                self.today,
                school_id=account.school_id,
                class_id=account.class_id,
                student_user_id=account.student_user_id,
            )
            self._years[key] = year
        return year

    def disable(
        self, endpoint: str, how: ModuleOff = "forbidden", *, status: int | None = None
    ) -> None:
        """Switch a module off: `endpoint` (e.g. "LuckyNumbers") answers like Librus does.

        `status` sends the same body with another HTTP status (Librus is not consistent).
        """
        if how not in MODULE_OFF_KINDS:
            raise ValueError(f"unknown way to switch a module off: {how!r}")
        endpoint = endpoint.strip("/")
        self._replies[endpoint] = module_off_reply(endpoint, how, _checked(status))

    def answer_with(self, endpoint: str, body: StatusBody, status: int) -> None:
        """Make `endpoint` answer one of Librus's status bodies with HTTP `status`."""
        if body not in STATUS_BODIES:
            raise ValueError(f"unknown status body: {body!r}")
        endpoint = endpoint.strip("/")
        self._replies[endpoint] = (_checked(status) or 200, status_body(body, endpoint))

    def enable(self, endpoint: str | None = None) -> None:
        """Switch one module (or all) back on; also ends `answer_with`."""
        if endpoint is None:
            self._replies.clear()
        else:
            self._replies.pop(endpoint.strip("/"), None)

    def tamper(
        self, endpoint: str, change: Callable[[JsonObject], JsonObject] | None = None
    ) -> None:
        """Pass the real answers of exactly `endpoint` through `change` (None: stop).

        For the data Librus sometimes sends that the generated year never has: an item with
        an odd value, a typo in a date, a NaN weight. `change` gets a fresh copy each time.
        """
        if change is None:
            self._tampered.pop(endpoint.strip("/"), None)
        else:
            self._tampered[endpoint.strip("/")] = change

    def handle(self, request: GatewayRequest) -> GatewayReply:
        for endpoint, reply in self._replies.items():
            if request.path == endpoint or request.path.startswith(endpoint + "/"):
                return reply[0], dict(reply[1])
        status, body = answer(self._year_for(request.account), request.path, request.query)
        change = self._tampered.get(request.path)
        if change is not None and status == 200:
            body = change(copy.deepcopy(body))
        return status, body

    def resources(self) -> list[GatewayResource]:
        return [GatewayResource(step, pattern, self.handle) for step, pattern in RESOURCE_PATTERNS]


def _checked(status: int | None) -> int | None:
    if status is not None and not 200 <= status <= 599:
        raise ValueError(f"not an HTTP status for a gateway answer: {status!r}")
    return status
