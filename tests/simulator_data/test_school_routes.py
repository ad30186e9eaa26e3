"""The simulator serves each account's school year, with a clock and module switches."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date

import aiohttp
import pytest

from custom_components.librus.api import (
    Credentials,
    LibrusClient,
    LibrusModuleUnavailableError,
    LibrusUrls,
)
from custom_components.librus.api.account import parse_student_user
from custom_components.librus.api.grades import parse_grades
from custom_components.librus.api.lucky_number import parse_lucky_number
from custom_components.librus.api.timetable import parse_timetable
from librus_simulator import DEMO_ACCOUNTS, LibrusSimulator
from librus_simulator.school_routes import (
    MODULE_OFF_KINDS,
    STATUS_BODIES,
    STATUS_BODY_STATUSES,
    SchoolRoutes,
    StatusBody,
)

PARENT = DEMO_ACCOUNTS[0]


@pytest.fixture
async def sim(socket_enabled: None) -> AsyncIterator[LibrusSimulator]:
    async with LibrusSimulator() as simulator:
        simulator.school.today = date(2026, 11, 26)
        yield simulator


async def client_for(sim: LibrusSimulator) -> LibrusClient:
    return LibrusClient(
        Credentials(PARENT.login, PARENT.password), urls=LibrusUrls(sim.url, sim.url)
    )


async def test_school_year_endpoints(sim: LibrusSimulator) -> None:
    async with await client_for(sim) as client:
        lucky = parse_lucky_number(await client.get_json("LuckyNumbers"))
        assert lucky is not None
        assert lucky.day == date(2026, 11, 26)
        student = parse_student_user(await client.get_json(f"Users/{PARENT.student_user_id}"))
        assert student.first_name == PARENT.student_first_name
        week = parse_timetable(await client.get_json("Timetables", {"weekStart": "2026-11-23"}))
        assert week.days[0] == date(2026, 11, 23)
        new_id = sim.school.year(PARENT.login).add_grade("5")
        grades = parse_grades(await client.get_json("Grades"))
        assert new_id in {grade.id for grade in grades}
    assert sim.count("timetables") == 1


@pytest.mark.parametrize("how", MODULE_OFF_KINDS)
async def test_module_switched_off(sim: LibrusSimulator, how: str) -> None:
    sim.school.disable("LuckyNumbers", how)  # type: ignore[arg-type]
    async with await client_for(sim) as client:
        with pytest.raises(LibrusModuleUnavailableError):
            await client.get_json("LuckyNumbers")
        sim.school.enable("LuckyNumbers")
        assert await client.get_json("LuckyNumbers")
        sim.school.disable("Grades", how)  # type: ignore[arg-type]
        sim.school.enable()
        assert await client.get_json("Grades")


async def test_without_school(socket_enabled: None) -> None:
    async with (
        LibrusSimulator(school=False) as sim,
        aiohttp.ClientSession() as session,
        session.get(f"{sim.url}/gateway/api/2.0/Grades") as response,
    ):
        assert response.status == 401  # no session; the route is not there either
    assert "grades" not in sim.known_steps


def test_clock_and_errors() -> None:
    routes = SchoolRoutes(lambda: DEMO_ACCOUNTS)
    assert routes.today == date.today()
    routes.set_today(date(2026, 9, 1))
    year = routes.year(PARENT.login)
    assert year.today == date(2026, 9, 1)
    assert routes.year(PARENT.login) is year
    routes.today = date(2026, 9, 2)
    assert routes.year(PARENT.login) is not year
    with pytest.raises(KeyError):
        routes.year("nobody")
    with pytest.raises(ValueError, match="unknown way"):
        routes.disable("Grades", "sometimes")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown status body"):
        routes.answer_with("Grades", "sleepy", 200)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="not an HTTP status"):
        routes.answer_with("Grades", "maintenance", 99)


_STATUS_MARKS = {
    "maintenance": ("Maintenance", None),
    "not_active": ("Error", "LuckyNumberIsNotActive"),
    "disabled": ("Disabled", None),
    "token_expired": ("Error", "TokenIsExpired"),
}


@pytest.mark.parametrize("status", STATUS_BODY_STATUSES)
@pytest.mark.parametrize("body", STATUS_BODIES)
async def test_each_status_body_with_each_status(
    sim: LibrusSimulator, body: StatusBody, status: int
) -> None:
    """The simulator serves every status body with every status Librus uses them with."""
    sim.school.answer_with("LuckyNumbers", body, status)
    async with await client_for(sim) as client:
        await client.login()
        cookies = client._session.cookie_jar  # type: ignore[union-attr]
        async with (
            aiohttp.ClientSession(cookie_jar=cookies) as session,
            session.get(f"{sim.url}/gateway/api/2.0/LuckyNumbers") as response,
        ):
            assert response.status == status
            payload = await response.json()
    assert (payload["Status"], payload.get("Code")) == _STATUS_MARKS[body]
    sim.school.enable("LuckyNumbers")


async def test_module_off_with_another_status(sim: LibrusSimulator) -> None:
    """`disable(..., status=)` keeps the body and changes the status (a school without lucky
    numbers answers LuckyNumberIsNotActive with HTTP 400)."""
    sim.school.disable("LuckyNumbers", "not_active", status=400)
    async with await client_for(sim) as client:
        with pytest.raises(LibrusModuleUnavailableError, match="LuckyNumberIsNotActive"):
            await client.get_json("LuckyNumbers")
    assert [r.status for r in sim.requests if r.step == "lucky_numbers"] == [400]


async def test_tamper_changes_the_real_answer(sim: LibrusSimulator) -> None:
    def odd(body: dict[str, object]) -> dict[str, object]:
        lucky = body["LuckyNumber"]
        assert isinstance(lucky, dict)
        lucky["LuckyNumber"] = 99
        return body

    sim.school.tamper("LuckyNumbers", odd)
    async with await client_for(sim) as client:
        assert (await client.get_json("LuckyNumbers"))["LuckyNumber"]["LuckyNumber"] == 99
        sim.school.tamper("LuckyNumbers")
        assert (await client.get_json("LuckyNumbers"))["LuckyNumber"]["LuckyNumber"] != 99


async def test_admin_adds_a_grade(sim: LibrusSimulator) -> None:
    """The e2e scenarios (another process) add a grade through the admin API."""
    admin = f"{sim.url}/__simulator/grades"
    async with aiohttp.ClientSession() as session:
        async with session.post(admin, json={"login": PARENT.login, "grade": "6"}) as response:
            assert response.status == 200
            grade_id = (await response.json())["id"]
        for bad in ({"login": "nobody"}, {"login": PARENT.login, "grade": 6}):
            async with session.post(admin, json=bad) as response:
                assert response.status == 400
    async with await client_for(sim) as client:
        grades = parse_grades(await client.get_json("Grades"))
    assert next(g for g in grades if g.id == grade_id).grade == "6"
