"""Accounts the simulator accepts: plain data, with the two documented demo accounts."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Final, Literal

from .constants import GROUP_PARENT, GROUP_STUDENT

type AccountType = Literal["parent", "student"]

_USER_IDENTIFIER_RE: Final = re.compile(r"LID-AUTH-USER-(\d+)-[0-9A-F]{20}")

DEFAULT_SCHOOL_ID: Final = 8315
DEFAULT_CLASS_ID: Final = 69300


def make_user_identifier(school_id: int, seed: str) -> str:
    """Return a stable `LID-AUTH-USER-<school>-<20 hex>` id derived from `seed`."""
    digest = hashlib.sha256(f"{school_id}:{seed}".encode()).hexdigest()[:20].upper()
    return f"LID-AUTH-USER-{school_id}-{digest}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Account:
    """One Librus login and the student it sees.

    For a parent login the account (`account_*`) is the parent and the student is their
    child; for a student login both describe the same person.
    """

    login: str
    password: str
    account_type: AccountType
    user_identifier: str
    account_first_name: str
    account_last_name: str
    student_first_name: str
    student_last_name: str
    # Me.Account.Id and Auth/UserInfo AccountNumericIdentifier.
    account_id: int
    # Auth/UserInfo UserNumericIdentifier: the login owner's own user record.
    user_numeric_id: int
    # Me.Account.UserId: the student's user record (Users/{id}), also on a parent login.
    student_user_id: int
    # Auth/UserInfo IdentifierOfStudentAssignedWithUser: the student's LID.
    student_identifier: str
    school_id: int = DEFAULT_SCHOOL_ID
    class_id: int = DEFAULT_CLASS_ID
    email: str = ""
    # An expired account: Step 2 refuses the right password with Librus's
    # "Minął termin ważności konta" message.
    expired: bool = False

    def __post_init__(self) -> None:
        if self.account_type not in ("parent", "student"):
            raise ValueError(f"account_type must be 'parent' or 'student': {self.account_type!r}")
        for field in ("user_identifier", "student_identifier"):
            value = getattr(self, field)
            match = _USER_IDENTIFIER_RE.fullmatch(value)
            if match is None or int(match.group(1)) != self.school_id:
                raise ValueError(
                    f"{field} must look like LID-AUTH-USER-{self.school_id}-<20 hex>: {value!r}"
                )
        if not self.login or not self.password:
            raise ValueError("login and password must not be empty")

    @property
    def group_id(self) -> int:
        """Librus group: 5 for a parent, 8 for a student (Me GroupId, TokenInfo UserType)."""
        return GROUP_PARENT if self.account_type == "parent" else GROUP_STUDENT

    @property
    def is_parent(self) -> bool:
        return self.account_type == "parent"


DEMO_PASSWORD: Final = "librus-demo"

_OLA_IDENTIFIER: Final = make_user_identifier(DEFAULT_SCHOOL_ID, "student:Ola Nowak")
_JAN_IDENTIFIER: Final = make_user_identifier(DEFAULT_SCHOOL_ID, "student:Jan Wiśniewski")

DEMO_ACCOUNTS: Final[tuple[Account, ...]] = (
    Account(
        login="8000001",
        password=DEMO_PASSWORD,
        account_type="parent",
        user_identifier=make_user_identifier(DEFAULT_SCHOOL_ID, "parent:Anna Nowak"),
        account_first_name="Anna",
        account_last_name="Nowak",
        student_first_name="Ola",
        student_last_name="Nowak",
        account_id=3000001,
        user_numeric_id=1600101,
        student_user_id=1600001,
        student_identifier=_OLA_IDENTIFIER,
        email="rodzic@example.com",
    ),
    Account(
        login="8000002u",
        password=DEMO_PASSWORD,
        account_type="student",
        user_identifier=_JAN_IDENTIFIER,
        account_first_name="Jan",
        account_last_name="Wiśniewski",
        student_first_name="Jan",
        student_last_name="Wiśniewski",
        account_id=3000002,
        user_numeric_id=1600002,
        student_user_id=1600002,
        student_identifier=_JAN_IDENTIFIER,
        email="uczen@example.com",
    ),
)


class AccountBook:
    """The accounts a running simulator knows, by login and by user identifier."""

    def __init__(self, accounts: Iterable[Account]) -> None:
        self._by_login: dict[str, Account] = {}
        for account in accounts:
            self.add(account)

    def add(self, account: Account) -> None:
        """Add or replace (same login) an account."""
        for other in self._by_login.values():
            if other.login != account.login and other.user_identifier == account.user_identifier:
                raise ValueError(f"user_identifier already used by {other.login!r}")
        self._by_login[account.login] = account

    def get(self, login: str) -> Account | None:
        return self._by_login.get(login)

    def by_user_identifier(self, user_identifier: str) -> Account | None:
        for account in self._by_login.values():
            if account.user_identifier == user_identifier:
                return account
        return None

    def check_password(self, login: str, password: str) -> Account | None:
        """Return the account when the credentials are right, else None."""
        account = self._by_login.get(login)
        if account is None or account.password != password:
            return None
        return account

    def __iter__(self) -> Iterator[Account]:
        return iter(tuple(self._by_login.values()))

    def __len__(self) -> int:
        return len(self._by_login)
