"""The client's messages reads on the wire: the bootstrap hop by hop, the list, expiry, no
detail request ever (against the simulator's messages host)."""

from __future__ import annotations

import asyncio
from datetime import date

import pytest
from yarl import URL

from custom_components.librus.api import (
    Credentials,
    LibrusClient,
    LibrusModuleUnavailableError,
    LibrusResponseError,
    LibrusSessionExpiredError,
    LibrusUrls,
    Timeouts,
)
from librus_simulator import Fault, LibrusSimulator
from tests.helpers import LOGIN_HOPS, PARENT
from tests.test_messages import BOOTSTRAP_HOPS

FAST = Timeouts(request=3.0, login_total=8.0)


def client_for(sim: LibrusSimulator) -> LibrusClient:
    return LibrusClient(
        Credentials(PARENT.login, PARENT.password),
        urls=LibrusUrls(
            oauth_url=sim.url, synergia_url=sim.url, messages_url=f"{sim.url}/wiadomosci-host"
        ),
        timeouts=FAST,
    )


@pytest.fixture
def sim(simulator: LibrusSimulator) -> LibrusSimulator:
    simulator.school.today = date(2026, 11, 26)
    return simulator


def test_the_messages_host_is_a_third_base(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LIBRUS_MESSAGES_URL", raising=False)
    urls = LibrusUrls.from_environment()
    assert urls.messages_url == "https://wiadomosci.librus.pl"
    assert urls.messages_api_url == "https://wiadomosci.librus.pl/api"
    assert urls.messages_entry_url == "https://synergia.librus.pl/wiadomosci3"
    monkeypatch.setenv("LIBRUS_MESSAGES_URL", "http://127.0.0.1:9/wiadomosci-host")
    assert LibrusUrls.from_environment().messages_url == "http://127.0.0.1:9/wiadomosci-host"
    # A redirect to the messages host is followed (https), anything else still refused.
    here = URL("https://synergia.librus.pl/wiadomosci3")
    logon = "http://wiadomosci.librus.pl/pobierz_20/MultiDomainLogon/token/x"
    assert str(urls.resolve_redirect(here, logon)) == logon.replace("http:", "https:")
    with pytest.raises(LibrusResponseError, match="outside Librus"):
        urls.resolve_redirect(here, "https://wiadomosci.librus.pl.evil.example/")
    assert urls.on_messages_host(URL("https://wiadomosci.librus.pl/nowy"))
    assert not urls.on_messages_host(URL("https://synergia.librus.pl/nowy"))
    prefixed = LibrusUrls(synergia_url="http://h:1", messages_url="http://h:1/wiadomosci-host")
    assert prefixed.on_messages_host(URL("http://h:1/wiadomosci-host/nowy"))
    assert not prefixed.on_messages_host(URL("http://h:1/wiadomosci3"))
    assert not prefixed.on_messages_host(URL("http://h:1/wiadomosci-hostile"))


async def test_bootstrap_then_count_and_list_on_the_wire(sim: LibrusSimulator) -> None:
    async with client_for(sim) as client:
        await client.login()
        sim.clear_requests()
        unread = await client.get_unread_messages()
        assert sim.steps() == [*BOOTSTRAP_HOPS, "messages_unread"]
        assert unread.inbox == sim.messages.unread_count(PARENT.login) == 3
        page = await client.get_inbox(limit=20)
        assert sim.steps()[-1] == "messages_list"
        assert len(sim.steps()) == 5  # the messages session is kept: no second bootstrap
        assert client.messages_bootstraps == 1
    assert sim.requests[-1].query == {"page": "1", "limit": "20"}
    assert page.total == 8
    assert [m.id for m in page.messages][:2] == ["4900108", "4900107"]
    trip = page.messages[1]
    assert trip.sender == "Anna Kowalczyk"
    assert trip.topic == "Wycieczka do Krakowa"
    assert trip.has_attachments
    assert trip.unread
    assert trip.preview.startswith("Szanowni Państwo, zapraszamy")
    assert "\ufffd" not in trip.preview  # cut inside "Ł" by Librus: the half letter dropped
    # The logon hop carried the token and the login, the landing the messages cookie only.
    logon, landing = sim.requests[1], sim.requests[2]
    assert "/MultiDomainLogon/token/" in logon.path
    assert logon.path.endswith("/target/L25vd3k/from/c3luZXJnaWE")
    assert "wiadomosci_session" in landing.cookies
    assert not sim.message_is_read("4900107")


async def test_reading_a_message_itself_is_refused_before_any_request(
    sim: LibrusSimulator,
) -> None:
    async with client_for(sim) as client:
        await client.login()
        sim.clear_requests()
        for path in ("inbox/messages/4900107", "inbox/messages/4900107/", "outbox/messages"):
            with pytest.raises(ValueError, match="may mark read"):
                await client.get_messages_json(path)
    assert sim.requests == []


async def test_an_expired_messages_session_costs_one_bootstrap(sim: LibrusSimulator) -> None:
    async with client_for(sim) as client:
        await client.login()
        await client.get_unread_messages()
        assert sim.expire_messages_sessions() == 1
        sim.clear_requests()
        await client.get_unread_messages()
        assert sim.steps() == ["messages_unread", *BOOTSTRAP_HOPS, "messages_unread"]
        assert [r.status for r in sim.requests] == [401, 302, 302, 200, 200]
        assert client.messages_bootstraps == 2
    assert client.login_guard.last_day() == {
        "password_login": 1,  # the explicit login() above only
        "password_login_failed": 0,
        "refresh": 0,
        "refresh_failed": 0,
    }


@pytest.mark.parametrize(
    "fault",
    [Fault("status", status=401), Fault("status", status=403), Fault("html")],
)
async def test_a_messages_session_refused_again_gives_up_until_the_next_poll(
    sim: LibrusSimulator, fault: Fault
) -> None:
    async with client_for(sim) as client:
        await client.login()
        await client.get_unread_messages()
        sim.inject("messages_unread", fault)
        sim.clear_requests()
        with pytest.raises(LibrusSessionExpiredError):
            await client.get_unread_messages()
        # One new bootstrap and one repeat, then nothing more; no Synergia login for it.
        assert sim.steps() == ["messages_unread", *BOOTSTRAP_HOPS, "messages_unread"]
        sim.clear_faults()
        sim.clear_requests()
        await client.get_unread_messages()  # the next poll: a fresh bootstrap works
        assert sim.steps() == [*BOOTSTRAP_HOPS, "messages_unread"]


async def test_module_off_is_unavailable_and_never_logs_in(sim: LibrusSimulator) -> None:
    sim.set_messages_module(PARENT.login, enabled=False)
    async with client_for(sim) as client:
        await client.login()
        sim.clear_requests()
        with pytest.raises(LibrusModuleUnavailableError):
            await client.get_unread_messages()
        assert sim.steps() == ["messages_bootstrap"]
        assert (await client.get_me()).student_name == "Ola Nowak"  # the rest still works
        # Switched off while a messages session is open: the API refuses, /wiadomosci3 says so.
        sim.set_messages_module(PARENT.login, enabled=True)
        await client.get_unread_messages()
        sim.set_messages_module(PARENT.login, enabled=False)
        sim.clear_requests()
        with pytest.raises(LibrusModuleUnavailableError):
            await client.get_inbox()
        assert sim.steps() == ["messages_list", "messages_bootstrap"]
        assert client.login_guard.last_day()["password_login"] == 1  # the explicit one


async def test_a_dead_synergia_session_is_brought_back_as_for_gateway_reads(
    sim: LibrusSimulator,
) -> None:
    """The simulator's /wiadomosci3 without a live Synergia session says "Brak dostępu"; the
    live one sends a login page instead: the client refreshes Synergia and tries once more."""
    async with client_for(sim) as client:
        await client.login()
        sim.inject("messages_bootstrap", Fault("html", times=1))
        sim.clear_requests()
        assert (await client.get_unread_messages()).inbox == 3
        assert sim.steps() == [
            "messages_bootstrap",
            "refresh_token",
            *BOOTSTRAP_HOPS,
            "messages_unread",
        ]
        assert client.login_guard.last_day()["refresh"] == 1


async def test_not_logged_in_opens_the_synergia_session_first(sim: LibrusSimulator) -> None:
    async with client_for(sim) as client:
        assert (await client.get_unread_messages()).inbox == 3
    assert sim.steps() == [*LOGIN_HOPS, *BOOTSTRAP_HOPS, "messages_unread"]


@pytest.mark.parametrize(
    ("step", "fault", "error"),
    [
        ("messages_bootstrap", Fault("offsite_redirect"), LibrusResponseError),
        ("messages_logon", Fault("redirect_loop"), LibrusResponseError),
        ("messages_logon", Fault("status", status=418), LibrusResponseError),
        ("messages_bootstrap", Fault("interstitial"), LibrusSessionExpiredError),
        # Synergia sends the request elsewhere than the messages host (its login): once more
        # after a refresh, then it is reported.
        ("messages_bootstrap", Fault("redirect_loop"), LibrusSessionExpiredError),
    ],
)
async def test_a_strange_bootstrap_is_an_error(
    sim: LibrusSimulator, step: str, fault: Fault, error: type[Exception]
) -> None:
    async with client_for(sim) as client:
        await client.login()
        sim.inject(step, fault)
        sim.clear_requests()
        with pytest.raises(error):
            await client.get_unread_messages()
    assert not any(r.path.endswith("/steal") for r in sim.requests)
    assert sim.count("messages_unread") == 0


async def test_concurrent_reads_share_one_bootstrap(sim: LibrusSimulator) -> None:
    async with client_for(sim) as client:
        await client.login()
        sim.clear_requests()
        count, page = await asyncio.gather(client.get_unread_messages(), client.get_inbox())
    assert sim.count("messages_bootstrap") == 1
    assert count.inbox == 3
    assert len(page.messages) == 8
