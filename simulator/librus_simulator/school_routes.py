"""Gateway routes that serve each account's deterministic school year.

One `SchoolYear` per account login, built from the account's student and a controllable
"today" (`SchoolRoutes.today`; `None` follows the machine's clock). Tests reach it as
`sim.school`:

    sim.school.today = date(2026, 11, 27)
    sim.school.year("8000001").add_grade("5")
    sim.school.disable("LuckyNumbers", "disabled")  # {"Status": "Disabled"}

Changing `today` rebuilds the years (mutations made before are dropped).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Final, Literal

from .accounts import Account
from .envelope import error_body
from .gateway import GatewayReply, GatewayRequest, GatewayResource
from .school_gateway import RESOURCE_PATTERNS, answer
from .school_generator import build_school_year
from .school_year import SchoolYear

type ModuleOff = Literal["forbidden", "disabled", "not_active", "scopes"]

MODULE_OFF_KINDS: Final[tuple[ModuleOff, ...]] = ("forbidden", "disabled", "not_active", "scopes")


def module_off_reply(endpoint: str, how: ModuleOff) -> GatewayReply:
    """How Librus says a module is switched off for this account."""
    if how == "forbidden":
        return 403, error_body("AccessDeny", "Brak dostępu", endpoint)
    if how == "disabled":
        return 200, {"Status": "Disabled"}
    if how == "not_active":
        return 200, {"Status": "Error", "Code": "NotActive", "Message": "Moduł nieaktywny"}
    return 401, {"Status": "Error", "Code": "Insufficient scopes", "Message": "Insufficient scopes"}


class SchoolRoutes:
    """The school-year endpoints of every account, with a settable clock and module switches."""

    def __init__(self, accounts: Callable[[], Iterable[Account]], today: date | None = None):
        self._accounts = accounts
        self._today = today
        self._years: dict[tuple[str, date], SchoolYear] = {}
        self._disabled: dict[str, ModuleOff] = {}

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

    def disable(self, endpoint: str, how: ModuleOff = "forbidden") -> None:
        """Switch a module off: `endpoint` (e.g. "LuckyNumbers") answers like Librus does."""
        if how not in MODULE_OFF_KINDS:
            raise ValueError(f"unknown way to switch a module off: {how!r}")
        self._disabled[endpoint.strip("/")] = how

    def enable(self, endpoint: str | None = None) -> None:
        """Switch one module (or all) back on."""
        if endpoint is None:
            self._disabled.clear()
        else:
            self._disabled.pop(endpoint.strip("/"), None)

    def handle(self, request: GatewayRequest) -> GatewayReply:
        for endpoint, how in self._disabled.items():
            if request.path == endpoint or request.path.startswith(endpoint + "/"):
                return module_off_reply(endpoint, how)
        return answer(self._year_for(request.account), request.path, request.query)

    def resources(self) -> list[GatewayResource]:
        return [GatewayResource(step, pattern, self.handle) for step, pattern in RESOURCE_PATTERNS]
