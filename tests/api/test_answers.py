"""Status bodies (``api/answers.py``): what ``{"Status": …}`` answers mean, for every parser."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from custom_components.librus.api import account as acc
from custom_components.librus.api import answers as ans
from custom_components.librus.api import attendance as att
from custom_components.librus.api import behaviour as beh
from custom_components.librus.api import grades as gr
from custom_components.librus.api import lucky_number as lucky
from custom_components.librus.api import school as sch
from custom_components.librus.api import timetable as ttb
from custom_components.librus.api.errors import (
    LibrusMaintenanceError,
    LibrusModuleUnavailableError,
    LibrusResponseError,
    LibrusSessionExpiredError,
)

from .payloads import API, envelope

DISABLED = {"Status": "Disabled", "Resources": {}, "Url": f"{API}Grades/Averages"}
LUCKY_NOT_ACTIVE = {
    "Status": "Error",
    "Code": "LuckyNumberIsNotActive",
    "Message": "Lucky number is not active.",
    "Resources": {"..": {"Url": f"{API}/Root"}},
    "Url": f"{API}/LuckyNumbers",
}
NOTES_NOT_ACTIVE = {"Status": "Error", "Code": "NotesIsNotActive", "Message": "Notes off"}
ACCESS_DENY = {
    "Status": "Error",
    "Code": "AccessDeny",
    "Message": "Student timetable is not public",
}
MAINTENANCE = {
    "Status": "Maintenance",
    "Messages": [{"description": "Przerwa techniczna 23:00-03:00", "color": "2F9307"}],
}
TOKEN_EXPIRED = {"Status": "Error", "Code": "TokenIsExpired", "Message": "Access token expired"}


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        (DISABLED, "Disabled"),
        (LUCKY_NOT_ACTIVE, "LuckyNumberIsNotActive"),
        (NOTES_NOT_ACTIVE, "NotesIsNotActive"),
        (ACCESS_DENY, "AccessDeny"),
        (MAINTENANCE, "Maintenance"),
        ({"Status": "Error", "Message": "Insufficient scopes"}, "Insufficient scopes"),
        ({"Status": "Error"}, "Error"),
        (envelope("Grades", [], "Grades"), None),
        ({"status": "OK", "data": []}, None),  # Justifications' lowercase envelope
        ([], None),
        ("<html>", None),
    ],
)
def test_status_of(payload: object, expected: str | None) -> None:
    assert ans.status_of(payload) == expected


@pytest.mark.parametrize(
    ("payload", "error"),
    [
        (DISABLED, LibrusModuleUnavailableError),
        (LUCKY_NOT_ACTIVE, LibrusModuleUnavailableError),
        (NOTES_NOT_ACTIVE, LibrusModuleUnavailableError),
        ({"Status": "Error", "Code": "NotActive"}, LibrusModuleUnavailableError),
        (ACCESS_DENY, LibrusModuleUnavailableError),
        ({"Status": "Error", "Code": "Insufficient scopes"}, LibrusModuleUnavailableError),
        (MAINTENANCE, LibrusMaintenanceError),
        (TOKEN_EXPIRED, LibrusSessionExpiredError),
        ({"Status": "Error", "Code": "InvalidRequest"}, LibrusResponseError),
    ],
)
def test_raise_for_status_maps_onto_the_taxonomy(payload: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        ans.raise_for_status(payload, "Endpoint")


def test_raise_for_status_passes_data_bodies() -> None:
    ans.raise_for_status(envelope("Grades", [], "Grades"), "Grades")
    ans.raise_for_status({"Status": "OK"}, "Justifications")


@pytest.mark.parametrize(
    ("parser", "payload", "error"),
    [
        (gr.parse_grades, DISABLED, LibrusModuleUnavailableError),
        (lucky.parse_lucky_number, LUCKY_NOT_ACTIVE, LibrusModuleUnavailableError),
        (beh.parse_notes, NOTES_NOT_ACTIVE, LibrusModuleUnavailableError),
        (ttb.parse_timetable, ACCESS_DENY, LibrusModuleUnavailableError),
        (acc.parse_me, MAINTENANCE, LibrusMaintenanceError),
        (att.parse_attendances, TOKEN_EXPIRED, LibrusSessionExpiredError),
    ],
)
def test_parsers_raise_on_status_bodies(
    parser: Callable[[Any], object], payload: object, error: type[Exception]
) -> None:
    with pytest.raises(error):
        parser(payload)


@pytest.mark.parametrize(
    ("parser", "payload"),
    [
        (gr.parse_grades, []),  # not an object at all
        (gr.parse_grades, "<html>login</html>"),
        (gr.parse_grades, envelope("Subjects", [], "Subjects")),  # resource key missing
        (gr.parse_grades, envelope("Grades", {"Id": 1}, "Grades")),  # object where a list belongs
        (sch.parse_subjects, envelope("Subjects", None, "Subjects")),
        (sch.parse_class, envelope("Class", [], "Classes")),
        (sch.parse_class, envelope("Class", {"Id": 1, "Number": 6, "Symbol": "d"}, "Classes")),
        (sch.parse_school, envelope("School", {"Name": "no id"}, "Schools")),
        (ttb.parse_timetable, envelope("Timetable", [], "Timetables")),
        (acc.parse_me, envelope("Me", {"User": {"FirstName": "Ola"}}, "Me")),
        (acc.parse_me, envelope("Me", {"Account": {"Login": "1"}}, "Me")),
        (acc.parse_me, envelope("Me", {"Account": {"Id": "abc"}}, "Me")),
        (lucky.parse_lucky_number, envelope("LuckyNumber", {"LuckyNumber": 3}, "LuckyNumbers")),
    ],
)
def test_wrong_shape_bodies_raise_response_error(
    parser: Callable[[Any], object], payload: object
) -> None:
    with pytest.raises(LibrusResponseError):
        parser(payload)
