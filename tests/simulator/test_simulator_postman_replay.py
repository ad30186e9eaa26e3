"""The Postman collection's Auth folder, replayed literally, no longer opens a session.

The collection (captured in February 2026) starts at the authorization URL, posts the
credentials and goes straight to `/Grant`. Since 2026-03-28 Librus accepts the password in
that sequence (`{"status":"ok"}`) but Synergia never issues `oauth_token`, and TokenInfo
answers 401. An integration that followed the collection literally would therefore have told
the parent "wrong password" although the password was right (reference/login-2026.md, "What
the answers mean"). The simulator must reproduce exactly that.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from simulator_helpers import PARENT, jar_cookies

from librus_simulator import SESSION_EXPIRED_BODY, LibrusSimulator

COLLECTION = Path(__file__).resolve().parents[3] / "shared/reference/postman/librus_api.json"

pytestmark = pytest.mark.skipif(
    not COLLECTION.exists(), reason=f"reference collection not found at {COLLECTION}"
)

# The collection's own answer check for Step 2 (its test script): a body with "error" or
# "Nieprawidłowy" means "check login/password".
_STEP_2_FAILURE = re.compile(r"error|Nieprawidłowy")


def _auth_steps() -> list[dict[str, Any]]:
    collection = json.loads(COLLECTION.read_text(encoding="utf-8"))
    (folder,) = [item for item in collection["item"] if item["name"] == "Auth"]
    steps: list[dict[str, Any]] = folder["item"]
    return steps


def _fill(text: str, variables: dict[str, str]) -> str:
    return re.sub(r"\{\{(\w+)\}\}", lambda match: variables[match.group(1)], text)


async def _send(
    client: aiohttp.ClientSession, step: dict[str, Any], variables: dict[str, str]
) -> tuple[aiohttp.ClientResponse, str]:
    """One collection request as Postman sends it (redirects as the step says; Postman
    follows them by default)."""
    request = step["request"]
    headers = {
        header["key"]: _fill(header["value"], variables) for header in request.get("header", [])
    }
    form = {
        field["key"]: _fill(field["value"], variables)
        for field in request.get("body", {}).get("urlencoded", [])
    }
    follow = step.get("protocolProfileBehavior", {}).get("followRedirects", True)
    async with client.request(
        request["method"],
        _fill(request["url"]["raw"], variables),
        headers=headers,
        data=form or None,
        allow_redirects=follow,
    ) as response:
        return response, await response.text()


def test_the_collection_is_the_literal_pre_2026_sequence() -> None:
    steps = _auth_steps()
    assert [(step["request"]["method"], step["request"]["url"]["raw"]) for step in steps[:4]] == [
        ("GET", "{{oauth_url}}/OAuth/Authorization?client_id=46&response_type=code&scope=mydata"),
        ("POST", "{{oauth_url}}/OAuth/Authorization?client_id=46"),
        ("GET", "{{oauth_url}}/OAuth/Authorization/Grant?client_id=46"),
        ("GET", "{{api_url}}/Auth/TokenInfo"),
    ]


async def test_replaying_the_collection_literally_ends_without_a_session(
    client: aiohttp.ClientSession, sim: LibrusSimulator
) -> None:
    variables = {
        "oauth_url": sim.url,
        "base_url": sim.url,
        "api_url": f"{sim.url}/gateway/api/2.0",
        "login": PARENT.login,
        "password": PARENT.password,
    }
    init, login, grant, token_info = _auth_steps()[:4]

    response, _ = await _send(client, init, variables)
    assert response.status == 200  # the login page, with no Synergia state

    response, body = await _send(client, login, variables)
    assert response.status == 200
    assert json.loads(body) == {"status": "ok", "goTo": "/OAuth/Authorization/2FA?client_id=46"}
    assert not _STEP_2_FAILURE.search(body)  # by the collection's check, the password is right

    response, body = await _send(client, grant, variables)
    assert [hop.status for hop in response.history] == [302]
    assert response.history[0].headers["Location"] == (
        f"{sim.url}/loguj/portalRodzina?error=invalid_request"
    )
    assert response.status == 200
    assert "Brak dostępu" in body
    assert "oauth_token" not in jar_cookies(client)

    response, body = await _send(client, token_info, variables)
    assert response.status == 401
    assert json.loads(body) == SESSION_EXPIRED_BODY
    assert sim.live_sessions == 0
    assert sim.steps() == [
        "oauth_init",
        "oauth_login",
        "oauth_grant",
        "grant_redirect",
        "token_info",
    ]
