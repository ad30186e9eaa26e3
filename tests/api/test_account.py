"""``Me``, ``UserProfile``, ``Users`` and ``Users/{id}`` (``api/account.py``)."""

from __future__ import annotations

from typing import Any

from custom_components.librus.api import account as acc

from .payloads import envelope, ref


def me_payload(account: dict[str, Any], **me: Any) -> dict[str, Any]:
    return envelope("Me", {"Account": account, "Refresh": 900, **me}, "Me")


def test_me_student_login() -> None:
    me = acc.parse_me(
        me_payload(
            {"Id": 2, "UserId": 3, "FirstName": "Ola", "LastName": "Nowak", "GroupId": 8,
             "Login": "1234567u"},
            User={"FirstName": "Ola", "LastName": "Nowak"},
            Class=ref("Classes", 69300),
        )
    )  # fmt: skip
    assert not me.is_parent
    assert me.login == "1234567u"
    assert me.student_name == "Ola Nowak"
    assert me.email is None
    assert not me.is_premium


def test_me_guardian_group_six_is_a_parent_and_missing_parts_are_tolerated() -> None:
    me = acc.parse_me(me_payload({"Id": "3000001", "GroupId": 6, "Login": "8000001"}))
    assert me.is_parent
    assert me.account_id == 3000001  # numeric string accepted
    assert me.account_user_id is None
    assert me.class_id is None
    assert me.student_name == ""
    assert me.account_first_name == ""


def test_me_student_name_is_stripped() -> None:
    me = acc.parse_me(
        me_payload({"Id": 1, "GroupId": 5}, User={"FirstName": " Ola ", "LastName": None})
    )
    assert me.student_name == "Ola"
    assert me.student_last_name == ""


def test_users_null_first_name_and_a_malformed_item_is_skipped() -> None:
    users = acc.parse_users(
        envelope(
            "Users",
            [
                {"Id": 1, "AccountId": "LID-AUTH-USER-1-X", "FirstName": None,
                 "LastName": "sekretariat", "IsEmployee": True, "GroupId": 7},
                {"Id": "2", "FirstName": "Jan", "LastName": "Kowalski", "IsPedagogue": True},
                {"FirstName": "No", "LastName": "Id"},
                "not an object",
                {"Id": 4, "IsSchoolAdministrator": True},
            ],
            "Users",
            pagination={"limit": 5, "page": 1, "total": 5},
        )
    )  # fmt: skip
    assert [user.id for user in users] == ["1", "2", "4"]
    assert users.skipped == 2
    assert users[1].is_pedagogue
    assert not users[0].is_pedagogue  # optional flags are absent when false


def test_student_user_has_the_class_register_number() -> None:
    student = acc.parse_student_user(
        envelope(
            "User",
            {
                "Id": 1600001, "AccountId": "LID-AUTH-USER-8315-Y", "FirstName": "Ola",
                "LastName": "Nowak", "Class": {**ref("Classes", 69300), "UUID": "abc"},
                "Unit": ref("Units", 2529), "ClassRegisterNumber": 25, "IsEmployee": False,
                "GroupId": 8,
            },
            "Users/1600001",
        )
    )  # fmt: skip
    assert student.class_register_number == 25
    assert student.class_id == "69300"
    assert student.display_name == "Ola Nowak"
