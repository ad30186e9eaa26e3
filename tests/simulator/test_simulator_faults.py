"""Fault injection on every step, in-process and through the admin API."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import pytest
from simulator_helpers import (
    GRANT_URL,
    LOGIN_URL,
    ME_URL,
    PARENT,
    PERFORM_LOGIN_URL,
    PORTAL_URL,
    REFRESH_URL,
    TOKEN_INFO_URL,
    TWO_FA_URL,
    Control,
    follow_chain,
    full_login,
    get,
    get_json,
    jar_cookies,
    oauth_grant,
    oauth_init,
    oauth_login,
    portal_entry,
    user_info_url,
)
from yarl import URL

from librus_simulator import (
    ANY_STEP,
    FAULT_KINDS,
    MAINTENANCE_BODY,
    Fault,
    FaultKind,
    LibrusSimulator,
)
from librus_simulator.faults import OFFSITE_URL

WAIT = 10  # seconds; a bound for "this must happen", never a pause


@dataclass
class Result:
    status: int
    content_type: str
    text: str
    headers: dict[str, str]
    cookies: set[str]
    url: str


@dataclass
class Ctx:
    """What a step needs (the callback URL for grant_redirect)."""

    client: aiohttp.ClientSession
    sim: LibrusSimulator
    extra: dict[str, str] = field(default_factory=dict)


async def _capture(response: aiohttp.ClientResponse) -> Result:
    return Result(
        status=response.status,
        content_type=response.content_type,
        text=await response.text(),
        headers=dict(response.headers),
        cookies=set(response.cookies),
        url=str(response.url),
    )


@dataclass(frozen=True)
class StepCase:
    step: str
    prepare: Callable[[Ctx], Awaitable[None]]
    send: Callable[[Ctx], Awaitable[Result]]
    is_normal: Callable[[Result], bool]
    # Whether the step's side effect happened (None: the step has none).
    effect: Callable[[Ctx, Result], Awaitable[bool]] | None = None

    def normal(self, result: Result) -> bool:
        """Whether `result` is this step's normal answer (a body that isn't one is not)."""
        try:
            return self.is_normal(result)
        except (ValueError, KeyError, TypeError):
            return False


async def _nothing(ctx: Ctx) -> None:
    return None


async def _entered(ctx: Ctx) -> None:
    ctx.extra["authorize"] = (await portal_entry(ctx.client)).headers["Location"]


async def _init(ctx: Ctx) -> None:
    await oauth_init(ctx.client)


async def _init_and_login(ctx: Ctx) -> None:
    await oauth_init(ctx.client)
    await oauth_login(ctx.client)


async def _passed_2fa(ctx: Ctx) -> None:
    await _init_and_login(ctx)
    await get(ctx.client, TWO_FA_URL)


async def _performed(ctx: Ctx) -> None:
    await _passed_2fa(ctx)
    await get(ctx.client, PERFORM_LOGIN_URL)


async def _to_callback(ctx: Ctx) -> None:
    await _performed(ctx)
    ctx.extra["callback"] = (await oauth_grant(ctx.client, follow=False)).headers["Location"]


async def _logged_in(ctx: Ctx) -> None:
    await full_login(ctx.client)
    ctx.extra["token"] = jar_cookies(ctx.client)["oauth_token"]


def _get(url: str | Callable[[Ctx], str]) -> Callable[[Ctx], Awaitable[Result]]:
    async def send(ctx: Ctx) -> Result:
        target = url(ctx) if callable(url) else url
        async with ctx.client.get(target, allow_redirects=False) as response:
            return await _capture(response)

    return send


async def _post_login(ctx: Ctx) -> Result:
    form = {"action": "login", "login": PARENT.login, "pass": PARENT.password}
    async with ctx.client.post(LOGIN_URL, data=form, allow_redirects=False) as response:
        return await _capture(response)


def _json(result: Result) -> Any:
    return json.loads(result.text)


def _location(result: Result) -> str:
    return result.headers.get("Location", "")


async def _entry_effect(ctx: Ctx, result: Result) -> bool:
    return "oauth_state" in result.cookies


async def _init_effect(ctx: Ctx, result: Result) -> bool:
    return "AUTHSESSID" in result.cookies


async def _login_effect(ctx: Ctx, result: Result) -> bool:
    return _location(await _capture_get(ctx, TWO_FA_URL)) == PERFORM_LOGIN_URL


async def _2fa_effect(ctx: Ctx, result: Result) -> bool:
    return _location(await _capture_get(ctx, PERFORM_LOGIN_URL)) == GRANT_URL


async def _perform_login_effect(ctx: Ctx, result: Result) -> bool:
    return "code=" in _location(await _capture_get(ctx, GRANT_URL))


async def _grant_effect(ctx: Ctx, result: Result) -> bool:
    return "code=" in _location(result)


async def _callback_effect(ctx: Ctx, result: Result) -> bool:
    return ctx.sim.live_sessions == 1


async def _refresh_effect(ctx: Ctx, result: Result) -> bool:
    """A new token in the jar, and the gateway takes it."""
    token = jar_cookies(ctx.client).get("oauth_token")
    return token != ctx.extra["token"] and (await get_json(ctx.client, TOKEN_INFO_URL))[0] == 200


async def _capture_get(ctx: Ctx, url: str) -> Result:
    async with ctx.client.get(url, allow_redirects=False) as response:
        return await _capture(response)


STEP_CASES = [
    StepCase(
        "portal_entry",
        _nothing,
        _get(PORTAL_URL),
        lambda r: r.status == 302 and "state=" in _location(r) and "oauth_state" in r.cookies,
        _entry_effect,
    ),
    StepCase(
        "oauth_init",
        _entered,
        _get(lambda ctx: ctx.extra["authorize"]),
        lambda r: r.status == 200 and 'id="loginForm"' in r.text and "AUTHSESSID" in r.cookies,
        _init_effect,
    ),
    StepCase(
        "oauth_login",
        _init,
        _post_login,
        lambda r: r.status == 200 and _json(r)["status"] == "ok",
        _login_effect,
    ),
    StepCase(
        "oauth_2fa",
        _init_and_login,
        _get(TWO_FA_URL),
        lambda r: r.status == 302 and _location(r) == PERFORM_LOGIN_URL,
        _2fa_effect,
    ),
    StepCase(
        "perform_login",
        _passed_2fa,
        _get(PERFORM_LOGIN_URL),
        lambda r: r.status == 302 and _location(r) == GRANT_URL,
        _perform_login_effect,
    ),
    StepCase(
        "oauth_grant",
        _performed,
        _get(GRANT_URL),
        lambda r: r.status == 302 and "code=" in _location(r),
        _grant_effect,
    ),
    StepCase(
        "grant_redirect",
        _to_callback,
        _get(lambda ctx: ctx.extra["callback"]),
        lambda r: r.status == 302 and _location(r) == "/rodzic/index",
        _callback_effect,
    ),
    StepCase(
        "landing",
        _logged_in,
        _get("/rodzic/index"),
        lambda r: r.status == 200 and "Ola Nowak" in r.text,
    ),
    StepCase(
        "refresh_token",
        _logged_in,
        _get(REFRESH_URL),
        lambda r: r.status == 200 and "oauth_token" in r.cookies,
        _refresh_effect,
    ),
    StepCase(
        "token_info",
        _logged_in,
        _get(TOKEN_INFO_URL),
        lambda r: r.status == 200 and _json(r)["UserIdentifier"] == PARENT.user_identifier,
    ),
    StepCase(
        "user_info",
        _logged_in,
        _get(user_info_url(PARENT.user_identifier)),
        lambda r: r.status == 200 and _json(r)["Login"] == PARENT.login,
    ),
    StepCase(
        "me",
        _logged_in,
        _get(ME_URL),
        lambda r: r.status == 200 and _json(r)["Me"]["Account"]["Login"] == PARENT.login,
    ),
]
STEP_IDS = [case.step for case in STEP_CASES]


async def _prepared(case: StepCase, client: aiohttp.ClientSession, sim: LibrusSimulator) -> Ctx:
    ctx = Ctx(client, sim)
    await case.prepare(ctx)
    sim.clear_requests()
    return ctx


async def _assert_left_no_trace(case: StepCase, ctx: Ctx, control: Control) -> None:
    """After a replacing fault: no side effect, and once cleared the same request works."""
    result = await case.send(ctx)
    if case.effect is not None:
        assert not await case.effect(ctx, result)
    await control.clear()
    again = await case.send(ctx)
    assert case.normal(again), again
    if case.effect is not None:
        assert await case.effect(ctx, again)


# The normal run of every step: the baseline the fault tests compare with.


@pytest.mark.parametrize("case", STEP_CASES, ids=STEP_IDS)
async def test_each_step_case_is_normal_without_faults(
    case: StepCase, client: aiohttp.ClientSession, sim: LibrusSimulator
) -> None:
    ctx = await _prepared(case, client, sim)
    result = await case.send(ctx)
    assert case.normal(result), result
    assert sim.steps() == [case.step]
    if case.effect is not None:
        assert await case.effect(ctx, result)


# One test per fault kind, each over every step and both ways of injecting.


@pytest.mark.parametrize("case", STEP_CASES, ids=STEP_IDS)
async def test_delay_answers_normally_after_the_delay(
    case: StepCase, client: aiohttp.ClientSession, sim: LibrusSimulator, control: Control
) -> None:
    ctx = await _prepared(case, client, sim)
    await control.inject(case.step, "delay", seconds=0.2)
    loop = asyncio.get_running_loop()

    started = loop.time()
    result = await case.send(ctx)
    elapsed = loop.time() - started

    assert elapsed >= 0.19
    assert case.normal(result), result
    if case.effect is not None:
        assert await case.effect(ctx, result)


@pytest.mark.parametrize("case", STEP_CASES, ids=STEP_IDS)
async def test_hang_holds_the_request_until_released(
    case: StepCase, client: aiohttp.ClientSession, sim: LibrusSimulator, control: Control
) -> None:
    ctx = await _prepared(case, client, sim)
    await control.inject(case.step, "hang", times=1)

    pending = asyncio.create_task(case.send(ctx))
    async with asyncio.timeout(WAIT):
        await sim.wait_for_hanging(1)
    assert not pending.done()
    assert sim.hanging == 1
    assert sim.requests[-1].status is None

    assert await control.release() == 1
    async with asyncio.timeout(WAIT):
        result = await pending

    assert case.normal(result), result
    if case.effect is not None:
        assert await case.effect(ctx, result)
    assert sim.hanging == 0
    assert sim.requests[0].status == result.status


@pytest.mark.parametrize("case", STEP_CASES, ids=STEP_IDS)
async def test_close_drops_the_connection_without_an_answer(
    case: StepCase, client: aiohttp.ClientSession, sim: LibrusSimulator, control: Control
) -> None:
    ctx = await _prepared(case, client, sim)
    # No `times`: aiohttp retries a GET once on a dropped keep-alive connection.
    await control.inject(case.step, "close")

    with pytest.raises(aiohttp.ClientConnectionError):
        await case.send(ctx)

    assert sim.requests
    assert all(entry.step == case.step and entry.status is None for entry in sim.requests)
    await control.clear()
    result = await case.send(ctx)
    assert case.normal(result), result
    if case.effect is not None:
        assert await case.effect(ctx, result)


@pytest.mark.parametrize("case", STEP_CASES, ids=STEP_IDS)
async def test_status_answers_that_status_with_a_json_error(
    case: StepCase, client: aiohttp.ClientSession, sim: LibrusSimulator, control: Control
) -> None:
    ctx = await _prepared(case, client, sim)
    await control.inject(case.step, "status", status=502)

    result = await case.send(ctx)

    assert result.status == 502
    assert result.content_type == "application/json"
    assert _json(result)["Status"] == "Error"
    assert sim.requests[-1].status == 502
    await _assert_left_no_trace(case, ctx, control)


@pytest.mark.parametrize("case", STEP_CASES, ids=STEP_IDS)
async def test_maintenance_answers_503_with_the_maintenance_body(
    case: StepCase, client: aiohttp.ClientSession, sim: LibrusSimulator, control: Control
) -> None:
    ctx = await _prepared(case, client, sim)
    await control.inject(case.step, "maintenance")

    result = await case.send(ctx)

    assert result.status == 503
    assert _json(result) == MAINTENANCE_BODY
    assert _json(result)["Messages"][0]["description"].startswith(
        "Informujemy, że na noc z 17 na 18 marca"
    )
    await _assert_left_no_trace(case, ctx, control)


@pytest.mark.parametrize("case", STEP_CASES, ids=STEP_IDS)
async def test_malformed_json_is_a_200_json_that_does_not_parse(
    case: StepCase, client: aiohttp.ClientSession, sim: LibrusSimulator, control: Control
) -> None:
    ctx = await _prepared(case, client, sim)
    await control.inject(case.step, "malformed_json")

    result = await case.send(ctx)

    assert result.status == 200
    assert result.content_type == "application/json"
    with pytest.raises(json.JSONDecodeError):
        json.loads(result.text)
    await _assert_left_no_trace(case, ctx, control)


@pytest.mark.parametrize("case", STEP_CASES, ids=STEP_IDS)
async def test_html_is_a_200_page_instead_of_the_answer(
    case: StepCase, client: aiohttp.ClientSession, sim: LibrusSimulator, control: Control
) -> None:
    ctx = await _prepared(case, client, sim)
    await control.inject(case.step, "html")

    result = await case.send(ctx)

    assert result.status == 200
    assert result.content_type == "text/html"
    assert "formLogowanie" in result.text
    assert not case.normal(result)
    await _assert_left_no_trace(case, ctx, control)


@pytest.mark.parametrize("case", STEP_CASES, ids=STEP_IDS)
async def test_redirect_loop_redirects_to_the_very_same_url(
    case: StepCase, client: aiohttp.ClientSession, sim: LibrusSimulator, control: Control
) -> None:
    ctx = await _prepared(case, client, sim)
    await control.inject(case.step, "redirect_loop")

    result = await case.send(ctx)

    assert result.status == 302
    assert _location(result) == result.url
    assert URL(result.url).origin() == URL(sim.url).origin()
    await _assert_left_no_trace(case, ctx, control)


async def test_a_client_following_a_redirect_loop_gives_up(
    client: aiohttp.ClientSession, sim: LibrusSimulator
) -> None:
    sim.inject("oauth_2fa", Fault("redirect_loop"))
    await oauth_init(client)
    await oauth_login(client)

    with pytest.raises(aiohttp.TooManyRedirects):
        async with client.get(TWO_FA_URL, max_redirects=5):
            pass

    assert sim.count("oauth_2fa") == 5  # aiohttp gives up at the 5th 302
    assert sim.count("perform_login") == 0


@pytest.mark.parametrize("case", STEP_CASES, ids=STEP_IDS)
async def test_offsite_redirect_points_at_another_host(
    case: StepCase, client: aiohttp.ClientSession, sim: LibrusSimulator, control: Control
) -> None:
    ctx = await _prepared(case, client, sim)
    await control.inject(case.step, "offsite_redirect")

    result = await case.send(ctx)

    assert result.status == 302
    assert _location(result) == OFFSITE_URL == "https://offsite.invalid/steal"
    assert URL(_location(result)).host != URL(sim.url).host
    assert not result.cookies
    await _assert_left_no_trace(case, ctx, control)


@pytest.mark.parametrize("case", STEP_CASES, ids=STEP_IDS)
async def test_interstitial_is_a_required_actions_page(
    case: StepCase, client: aiohttp.ClientSession, sim: LibrusSimulator, control: Control
) -> None:
    ctx = await _prepared(case, client, sim)
    await control.inject(case.step, "interstitial")

    result = await case.send(ctx)

    assert result.status == 200
    assert result.content_type == "text/html"
    assert "Wymagane działania" in result.text
    assert 'name="action" value="requiredActions"' in result.text
    assert "Location" not in result.headers
    assert not case.normal(result)
    await _assert_left_no_trace(case, ctx, control)


async def test_interstitial_at_2fa_stops_a_client_following_go_to(
    client: aiohttp.ClientSession, sim: LibrusSimulator
) -> None:
    """The spring-2026 case: the password was accepted, then a page instead of a redirect."""
    sim.inject("oauth_2fa", Fault("interstitial", times=1))
    await oauth_init(client)
    login = await oauth_login(client)
    assert (await login.json())["status"] == "ok"

    hops = await follow_chain(client, (await login.json())["goTo"])

    assert [hop.status for hop in hops] == [200]
    assert hops[0].content_type == "text/html"
    assert "oauth_token" not in jar_cookies(client)
    assert sim.steps()[-1] == "oauth_2fa"


async def test_no_session_callback_sets_no_cookie(
    client: aiohttp.ClientSession, sim: LibrusSimulator, control: Control
) -> None:
    case = next(case for case in STEP_CASES if case.step == "grant_redirect")
    ctx = await _prepared(case, client, sim)
    await control.inject("grant_redirect", "no_session", times=1)

    result = await case.send(ctx)

    assert result.status == 200
    assert "Brak dostępu" in result.text
    assert not result.cookies
    assert "oauth_token" not in jar_cookies(client)
    assert sim.live_sessions == 0
    assert (await get_json(client, TOKEN_INFO_URL))[0] == 401
    again = await case.send(ctx)  # the fault used no code: the same callback now works
    assert case.normal(again), again


async def test_missing_user_identifier_drops_only_the_identifier(
    client: aiohttp.ClientSession, sim: LibrusSimulator, control: Control
) -> None:
    await full_login(client)
    await control.inject("token_info", "missing_user_identifier", times=1)

    status, body = await get_json(client, TOKEN_INFO_URL)

    assert status == 200
    assert "UserIdentifier" not in body
    assert body["UserType"] == 5
    assert body["Url"] == "https://api.librus.pl/2.0/Auth/TokenInfo"
    status, body = await get_json(client, TOKEN_INFO_URL)
    assert body["UserIdentifier"] == PARENT.user_identifier


async def test_missing_user_identifier_keeps_a_401_a_401(
    client: aiohttp.ClientSession, sim: LibrusSimulator
) -> None:
    sim.inject("token_info", Fault("missing_user_identifier"))
    assert (await get_json(client, TOKEN_INFO_URL))[0] == 401


ONE_STEP_KINDS = {"missing_user_identifier": "token_info", "no_session": "grant_redirect"}


@pytest.mark.parametrize(
    ("kind", "step"),
    [
        (kind, step)
        for kind, only in ONE_STEP_KINDS.items()
        for step in [*STEP_IDS, ANY_STEP]
        if step != only
    ],
)
async def test_one_step_kinds_are_refused_for_other_steps(
    sim: LibrusSimulator, kind: FaultKind, step: str
) -> None:
    only = ONE_STEP_KINDS[kind]
    with pytest.raises(ValueError, match=only):
        sim.inject(step, Fault(kind))
    async with aiohttp.ClientSession(base_url=sim.url) as admin:
        payload = {"step": step, "kind": kind}
        async with admin.post("/__simulator/faults", json=payload) as response:
            assert response.status == 400
            assert only in (await response.json())["error"]
    assert sim.faults == []


def test_every_fault_kind_is_covered_above() -> None:
    assert set(FAULT_KINDS) == {
        "delay",
        "hang",
        "close",
        "status",
        "maintenance",
        "malformed_json",
        "html",
        "missing_user_identifier",
        "redirect_loop",
        "offsite_redirect",
        "interstitial",
        "no_session",
    }
