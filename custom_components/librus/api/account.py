"""The login's account and the student: ``Me``, ``UserProfile``, ``Users``, ``Users/{id}``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .errors import LibrusResponseError
from .fields import (
    Items,
    MalformedError,
    as_int,
    flag,
    full_name,
    item_id,
    opt_int,
    opt_str,
    parse_items,
    parse_object,
    ref_id,
    resource_object,
    str_or_empty,
)

PARENT_GROUP_IDS = frozenset({5, 6})
"""``Me.Account.GroupId`` values of a parent (or guardian) login; 8 is a student."""


@dataclass(slots=True, frozen=True, kw_only=True)
class Me:
    """``Me``: the login owner (``Account``; the parent on a parent login) and the student.

    Account numbers stay ``int`` (see the module docstring).
    """

    account_id: int
    account_user_id: int | None
    """``Account.UserId``: the *student's* ``Users`` record (``Users/{id}``)."""
    login: str
    account_first_name: str
    account_last_name: str
    email: str | None
    group_id: int | None
    is_parent: bool
    is_premium: bool
    student_first_name: str
    student_last_name: str
    class_id: int | None

    @property
    def student_name(self) -> str:
        """The student's "First Last"."""
        return full_name(self.student_first_name, self.student_last_name)


def _me_int(value: object, what: str) -> int | None:
    try:
        return as_int(value)
    except ValueError:
        raise LibrusResponseError(f"Me: {what} is not a number") from None


def parse_me(payload: Mapping[str, Any]) -> Me:
    """Parse ``Me``. Requires ``Me.Account.Id``; everything else may be missing."""
    me = resource_object(payload, "Me", "Me")
    account = me.get("Account")
    if not isinstance(account, Mapping):
        raise LibrusResponseError("Me: no Account object")
    account_id = _me_int(account.get("Id"), "Account.Id")
    if account_id is None:
        raise LibrusResponseError("Me: Account.Id missing")
    user = me.get("User")
    user = user if isinstance(user, Mapping) else {}
    school_class = me.get("Class")
    class_id = (
        _me_int(school_class.get("Id"), "Class.Id") if isinstance(school_class, Mapping) else None
    )
    group_id = _me_int(account.get("GroupId"), "Account.GroupId")
    try:
        return Me(
            account_id=account_id,
            account_user_id=_me_int(account.get("UserId"), "Account.UserId"),
            login=str_or_empty(account, "Login"),
            account_first_name=str_or_empty(account, "FirstName"),
            account_last_name=str_or_empty(account, "LastName"),
            email=opt_str(account, "Email") or None,
            group_id=group_id,
            is_parent=group_id in PARENT_GROUP_IDS,
            is_premium=flag(account, "IsPremium"),
            student_first_name=str_or_empty(user, "FirstName"),
            student_last_name=str_or_empty(user, "LastName"),
            class_id=class_id,
        )
    except MalformedError as err:
        raise LibrusResponseError(f"Me: {err}") from None


@dataclass(slots=True, frozen=True, kw_only=True)
class UserProfile:
    """``UserProfile``: account type and where the school is."""

    class_number: int | None
    account_type: str | None
    """``"parent"`` or ``"student"``."""
    town: str | None
    state: str | None
    unit_type: str | None
    """E.g. ``"Szkoła podstawowa"``."""


def parse_user_profile(payload: Mapping[str, Any]) -> UserProfile:
    """Parse ``UserProfile``."""

    def parse(item: Mapping[str, Any]) -> UserProfile:
        return UserProfile(
            class_number=opt_int(item, "ClassNumber"),
            account_type=opt_str(item, "AccountType"),
            town=opt_str(item, "Town"),
            state=opt_str(item, "State"),
            unit_type=opt_str(item, "UnitType"),
        )

    return parse_object(payload, "UserProfile", "UserProfile", parse)


@dataclass(slots=True, frozen=True, kw_only=True)
class User:
    """``Users``: school staff (teachers, secretariat, administrators)."""

    id: str
    account_id: str | None
    """``LID-AUTH-USER-…`` string."""
    first_name: str | None
    """May be ``null`` for role accounts ("sekretariat")."""
    last_name: str
    is_employee: bool
    group_id: int | None
    is_pedagogue: bool
    is_school_administrator: bool


def _user(item: Mapping[str, Any]) -> User:
    return User(
        id=item_id(item),
        account_id=opt_str(item, "AccountId"),
        first_name=opt_str(item, "FirstName"),
        last_name=str_or_empty(item, "LastName"),
        is_employee=flag(item, "IsEmployee"),
        group_id=opt_int(item, "GroupId"),
        is_pedagogue=flag(item, "IsPedagogue"),
        is_school_administrator=flag(item, "IsSchoolAdministrator"),
    )


def parse_users(payload: Mapping[str, Any]) -> Items[User]:
    """Parse ``Users`` (the whole staff; the ``pagination`` block is ignored)."""
    return parse_items(payload, "Users", "Users", _user)


@dataclass(slots=True, frozen=True, kw_only=True)
class StudentUser:
    """``Users/{Me.Account.UserId}``: the student's own record."""

    id: str
    account_id: str | None
    first_name: str | None
    last_name: str
    class_id: str | None
    unit_id: str | None
    class_register_number: int | None
    """The student's number in the class register ("numer w dzienniku")."""
    group_id: int | None

    @property
    def display_name(self) -> str:
        """ "First Last"."""
        return full_name(self.first_name, self.last_name)


def parse_student_user(payload: Mapping[str, Any]) -> StudentUser:
    """Parse ``Users/{id}`` (singular ``User`` key)."""

    def parse(item: Mapping[str, Any]) -> StudentUser:
        return StudentUser(
            id=item_id(item),
            account_id=opt_str(item, "AccountId"),
            first_name=opt_str(item, "FirstName"),
            last_name=str_or_empty(item, "LastName"),
            class_id=ref_id(item, "Class"),
            unit_id=ref_id(item, "Unit"),
            class_register_number=opt_int(item, "ClassRegisterNumber"),
            group_id=opt_int(item, "GroupId"),
        )

    return parse_object(payload, "User", "Users/{id}", parse)
