"""LibrusClient through its public methods, against the simulator on 127.0.0.1."""

from __future__ import annotations

import asyncio
import json
import logging
from datetime import timedelta

import pytest
from freezegun.api import FrozenDateTimeFactory
from yarl import URL

from custom_components.librus.api import (
    Credentials,
    LibrusAuthError,
    LibrusClient,
    LibrusConnectionError,
    LibrusLoginPausedError,
    LibrusMaintenanceError,
    LibrusModuleUnavailableError,
    LibrusResponseError,
    LibrusSessionExpiredError,
    LibrusSessionNotOpenedError,
    LibrusTimeoutError,
    LibrusUrls,
    Timeouts,
)
from custom_components.librus.api.answers import classify_gateway_answer
from custom_components.librus.api.auth import REFERENCE_LOGIN_STEPS, StepResponse
from custom_components.librus.api.connection import new_cookie_jar
from librus_simulator import Fault, LibrusSimulator
from librus_simulator.school_routes import ModuleOff
from tests.helpers import LOGIN_HOPS, PARENT, REFERENCE_STEPS, login_steps

FAST = Timeouts(request=3.0, login_total=8.0)


def client_for(sim: LibrusSimulator, password: str | None = None, **kwargs: object) -> LibrusClient:
    return LibrusClient(
        Credentials(PARENT.login, password or PARENT.password),
        urls=LibrusUrls(oauth_url=sim.url, synergia_url=sim.url),
        timeouts=kwargs.pop("timeouts", FAST),  # type: ignore[arg-type]
    )


async def test_login_and_read_me(simulator: LibrusSimulator) -> None:
    async with client_for(simulator) as client:
        identity = await client.login()
        assert identity.user_identifier == PARENT.user_identifier
        assert identity.login == PARENT.login
        me = await client.get_me()
        assert me.student_name == "Ola Nowak"
        # The five steps (nine requests, hop by hop) + Me.
        assert client.request_count == len(LOGIN_HOPS) + 1
    assert not client.logged_in
    assert login_steps(simulator.requests) == REFERENCE_STEPS
    assert simulator.steps() == [*LOGIN_HOPS, "me"]


async def test_step_3_reaches_the_collection_grant_path(simulator: LibrusSimulator) -> None:
    async with client_for(simulator) as client:
        await client.login()
    paths = [r.path for r in simulator.requests]
    step_3 = paths[LOGIN_HOPS.index("oauth_2fa") : LOGIN_HOPS.index("token_info")]
    assert step_3 == [
        "/OAuth/Authorization/2FA",
        "/OAuth/Authorization/PerformLogin",
        "/OAuth/Authorization/Grant",
        "/loguj/portalRodzina",
    ]
    # Step 1 reached the collection's Step 1 URL with Librus's state added.
    authorization = simulator.requests[LOGIN_HOPS.index("oauth_init")]
    assert authorization.path == "/OAuth/Authorization"
    assert {"client_id", "response_type", "scope", "state"} <= set(authorization.query)


async def test_urls_come_from_the_environment_when_the_client_is_created(
    simulator: LibrusSimulator,
) -> None:
    client = LibrusClient(Credentials(PARENT.login, PARENT.password), timeouts=FAST)
    assert client.urls.oauth_url == simulator.url
    assert client.urls.api_url == f"{simulator.url}/gateway/api/2.0"
    async with client:
        await client.login()


def test_default_urls_are_the_real_hosts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LIBRUS_OAUTH_URL", raising=False)
    monkeypatch.delenv("LIBRUS_SYNERGIA_URL", raising=False)
    urls = LibrusUrls.from_environment()
    assert urls.oauth_url == "https://api.librus.pl"
    assert urls.api_url == "https://synergia.librus.pl/gateway/api/2.0"


async def test_failed_login_leaves_no_session(simulator: LibrusSimulator) -> None:
    client = client_for(simulator, password="wrong")
    with pytest.raises(LibrusAuthError) as caught:
        await client.login()
    assert caught.value.reason == "invalid_credentials"
    assert not client.logged_in
    assert client.identity is None


async def test_total_budget_turns_a_slow_librus_into_a_timeout(
    simulator: LibrusSimulator,
) -> None:
    """Every step answers within the request timeout, but the whole login takes too long."""
    simulator.set_latency(0.15)
    client = client_for(simulator, timeouts=Timeouts(request=1.0, login_total=0.5))
    with pytest.raises(LibrusTimeoutError, match=r"did not finish within 0\.5 s"):
        await client.login()
    assert not client.logged_in
    assert len(login_steps(simulator.requests)) < len(REFERENCE_STEPS)


async def test_expired_token_is_refreshed_without_the_password(
    simulator: LibrusSimulator,
) -> None:
    async with client_for(simulator) as client:
        await client.login()
        simulator.expire_tokens()
        simulator.clear_requests()
        assert (await client.get_me()).student_name == "Ola Nowak"
        assert simulator.steps() == ["me", "refresh_token", "me"]
        assert client.login_guard.last_day()["refresh"] == 1


async def test_ended_session_means_one_password_login(simulator: LibrusSimulator) -> None:
    async with client_for(simulator) as client:
        await client.login()
        simulator.expire_sessions()
        simulator.clear_requests()
        me = await client.get_me()
        assert me.student_name == "Ola Nowak"
        assert simulator.steps() == ["me", "refresh_token", *LOGIN_HOPS, "me"]
        assert client.login_guard.last_day() == {
            "password_login": 2,  # the first one and this one
            "password_login_failed": 0,
            "refresh": 0,
            "refresh_failed": 1,
        }


@pytest.mark.parametrize("ended", ["expire_tokens", "expire_sessions"])
async def test_concurrent_readers_share_one_recovery(
    simulator: LibrusSimulator, ended: str
) -> None:
    async with client_for(simulator) as client:
        await client.login()
        getattr(simulator, ended)()
        simulator.clear_requests()
        await asyncio.gather(*(client.get_me() for _ in range(3)))
        assert simulator.count("refresh_token") == 1
        assert simulator.count("oauth_login") == (1 if ended == "expire_sessions" else 0)


async def test_session_that_stays_dead_is_reported(simulator: LibrusSimulator) -> None:
    async with client_for(simulator) as client:
        await client.login()
        simulator.inject("me", Fault("status", status=401))
        with pytest.raises(LibrusSessionExpiredError):
            await client.get_me()
        # The original, a refresh, one repeat; then give up (no password login, no loop).
        assert simulator.steps()[-3:] == ["me", "refresh_token", "me"]
        assert simulator.count("oauth_login") == 1


async def test_login_page_instead_of_json_is_a_dead_session(simulator: LibrusSimulator) -> None:
    async with client_for(simulator) as client:
        await client.login()
        simulator.inject("me", Fault("html", times=1))
        assert (await client.get_me()).student_name == "Ola Nowak"
        assert simulator.count("refresh_token") == 1


async def test_failed_automatic_login_pauses_password_logins(simulator: LibrusSimulator) -> None:
    """After a failed password login, none for ten minutes: polls keep the last data."""
    async with client_for(simulator) as client:
        await client.login()
        simulator.expire_sessions()
        simulator.inject("grant_redirect", Fault("no_session"))
        with pytest.raises(LibrusSessionNotOpenedError):
            await client.get_me()
        assert simulator.count("oauth_login") == 2
        simulator.clear_requests()
        with pytest.raises(LibrusLoginPausedError):
            await client.get_me()
        assert simulator.requests == []  # no session to try, no password login
        assert client.login_guard.paused_for() > 590


async def test_no_password_login_after_server_trouble_in_the_same_poll(
    simulator: LibrusSimulator,
) -> None:
    async with client_for(simulator) as client:
        await client.login()
        simulator.inject("me", Fault("status", status=503, times=1))
        with pytest.raises(LibrusMaintenanceError):
            await client.get_me()
        simulator.expire_sessions()
        simulator.clear_requests()
        with pytest.raises(LibrusSessionExpiredError):
            await client.get_me()
        assert simulator.count("oauth_login") == 0
        client.start_poll()  # the next poll may log in again
        assert (await client.get_me()).student_name == "Ola Nowak"
        assert simulator.count("oauth_login") == 1


@pytest.mark.parametrize("how", ["forbidden", "scopes", "disabled", "not_active"])
async def test_module_unavailable_never_logs_in(simulator: LibrusSimulator, how: ModuleOff) -> None:
    """403, "Insufficient scopes" (in a 401) and status bodies: no refresh, no login, no loop."""
    simulator.school.disable("LuckyNumbers", how)
    async with client_for(simulator) as client:
        await client.login()
        simulator.clear_requests()
        for _ in range(2):
            with pytest.raises(LibrusModuleUnavailableError):
                await client.get_json("LuckyNumbers")
        assert simulator.steps() == ["lucky_numbers", "lucky_numbers"]


@pytest.mark.parametrize(
    ("fault", "error"),
    [
        (Fault("status", status=403), LibrusModuleUnavailableError),
        (Fault("status", status=404), LibrusModuleUnavailableError),
        (Fault("maintenance"), LibrusMaintenanceError),
        (Fault("status", status=500), LibrusConnectionError),
        (Fault("status", status=418), LibrusResponseError),
        (Fault("malformed_json"), LibrusResponseError),
        (Fault("close"), LibrusConnectionError),
    ],
)
async def test_gateway_errors(
    simulator: LibrusSimulator, fault: Fault, error: type[Exception]
) -> None:
    async with client_for(simulator) as client:
        await client.login()
        simulator.inject("me", fault)
        with pytest.raises(error):
            await client.get_me()


async def test_gateway_timeout(simulator: LibrusSimulator) -> None:
    async with client_for(simulator, timeouts=Timeouts(request=0.3, login_total=5)) as client:
        await client.login()
        simulator.inject("me", Fault("hang"))
        with pytest.raises(LibrusTimeoutError):
            await client.get_me()
        simulator.release_hangs()


@pytest.mark.parametrize(
    ("status", "text", "error"),
    [
        (200, '{"Status":"Disabled"}', LibrusModuleUnavailableError),
        (200, '{"Status":"Error","Code":"LuckyNumberIsNotActive"}', LibrusModuleUnavailableError),
        (401, '{"Status":"Error","Code":"Insufficient scopes"}', LibrusModuleUnavailableError),
        (200, '{"Status":"Maintenance"}', LibrusMaintenanceError),
        (503, "", LibrusMaintenanceError),
        (200, '{"Status":"Error","Code":"TokenIsExpired"}', LibrusSessionExpiredError),
        (302, "", LibrusSessionExpiredError),
        (200, "<html><h2>Brak dostępu</h2></html>", LibrusModuleUnavailableError),
        (200, "<html><form id='formLogowanie'></form></html>", LibrusSessionExpiredError),
        (200, "[1, 2]", LibrusResponseError),
        (200, "plain text", LibrusResponseError),
    ],
)
def test_gateway_answer_classification(status: int, text: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        classify_gateway_answer("Endpoint", status, text)


def test_gateway_answer_passes_data_through() -> None:
    assert classify_gateway_answer("LuckyNumbers", 200, '{"LuckyNumber": {"LuckyNumber": 7}}') == {
        "LuckyNumber": {"LuckyNumber": 7}
    }


LOGIN_STEP = REFERENCE_LOGIN_STEPS[1]


@pytest.mark.parametrize(
    ("message", "reason"),
    [
        ("Nieprawidłowy login i/lub hasło.", "invalid_credentials"),
        ('Proszę zaznaczyć pole "Nie jestem robotem".', "captcha_required"),
        (
            "Minął termin ważności konta - skontaktuj się z Administratorem Szkoły.",
            "account_expired",
        ),
        ("Coś nowego", "invalid_credentials"),
    ],
)
def test_login_rejections_are_told_apart(message: str, reason: str) -> None:
    body = json.dumps({"status": "error", "errors": [{"message": message}]})
    response = StepResponse(step="oauth_login", status=403, content_type="", text=body)
    with pytest.raises(LibrusAuthError) as caught:
        LOGIN_STEP.check(response)
    assert caught.value.reason == reason


def test_login_rejection_as_a_web_page() -> None:
    response = StepResponse(
        step="oauth_login", status=200, content_type="text/html", text="<p>Nieprawidłowy login</p>"
    )
    with pytest.raises(LibrusAuthError):
        LOGIN_STEP.check(response)


async def test_secrets_never_reach_logs_reprs_or_errors(
    simulator: LibrusSimulator, caplog: pytest.LogCaptureFixture
) -> None:
    secret = "S3cret-Pa55-łódź"
    caplog.set_level(logging.DEBUG)
    errors: list[str] = []
    client = client_for(simulator, password=secret)
    assert secret not in repr(client)
    for fault in (None, Fault("html"), Fault("close"), Fault("status", status=500)):
        simulator.clear_faults()
        if fault is not None:
            simulator.inject("oauth_login", fault)
        try:
            await client.login()
        except Exception as err:
            errors.append(f"{err!r} {err} {err.__cause__!r}")
    await client.close()
    assert len(errors) == 4
    recorded = repr([r.to_json() for r in simulator.requests])
    for text in (caplog.text, *errors, recorded):
        assert secret not in text
        assert f"{PARENT.login}:{secret}" not in text
        assert "S3cret" not in text


async def test_session_cookie_outlives_its_max_age(freezer: FrozenDateTimeFactory) -> None:
    """Librus's oauth_token says Max-Age=600; the session behind it lives about a day."""
    jar = new_cookie_jar()
    url = URL("http://127.0.0.1:8080/")
    jar.update_cookies_from_headers(
        ["oauth_token=abc; Max-Age=600; Path=/", "TemporaryCookie=x; Max-Age=600; Path=/"], url
    )
    freezer.tick(timedelta(minutes=30))
    presented = jar.filter_cookies(url)
    assert presented["oauth_token"].value == "abc"
    assert "TemporaryCookie" not in presented
