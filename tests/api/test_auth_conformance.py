"""The client's login table must be the Auth folder of the reference Postman collection."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from custom_components.librus.api.auth import REFERENCE_LOGIN_STEPS

COLLECTION = Path(__file__).resolve().parents[3] / "shared/reference/postman/librus_api.json"

pytestmark = pytest.mark.skipif(
    not COLLECTION.exists(), reason=f"reference collection not found at {COLLECTION}"
)


def postman_to_table_placeholders(text: str) -> str:
    """Postman writes {{login}}; the table writes {login}."""
    return re.sub(r"\{\{(\w+)\}\}", r"{\1}", text)


def auth_folder() -> list[dict[str, Any]]:
    collection = json.loads(COLLECTION.read_text(encoding="utf-8"))
    (folder,) = [item for item in collection["item"] if item["name"] == "Auth"]
    return folder["item"]


def test_same_steps_in_the_same_order() -> None:
    assert [step.postman_name for step in REFERENCE_LOGIN_STEPS] == [
        request["name"] for request in auth_folder()
    ]


def url_parts(postman: dict[str, Any]) -> tuple[str, str, dict[str, str]]:
    """A Postman request's base variable, path and query, in the table's notation."""
    url = postman["request"]["url"]
    (host,) = url["host"]
    return (
        host.strip("{}"),
        postman_to_table_placeholders("/".join(url["path"])),
        {q["key"]: q["value"] for q in url.get("query", [])},
    )


# Steps 2, 4a and 4b are served today exactly as the collection has them.
UNCHANGED = ("Step 2 - OAuth Login", "Step 4a - Get Token Info", "Step 4b - Activate API Access")


@pytest.mark.parametrize("name", UNCHANGED)
def test_unchanged_steps_match_postman_exactly(name: str) -> None:
    step = next(s for s in REFERENCE_LOGIN_STEPS if s.postman_name == name)
    postman = next(r for r in auth_folder() if r["name"] == name)
    request = postman["request"]
    base, path, query = url_parts(postman)
    assert step.method == request["method"]
    assert (step.base, step.path, dict(step.query)) == (base, path, query)
    assert step.start_from is None
    assert step.landing is None
    body = request.get("body", {}).get("urlencoded", [])
    assert dict(step.form) == {f["key"]: postman_to_table_placeholders(f["value"]) for f in body}
    # Where the collection states a redirect policy, the table follows it.
    stated = postman.get("protocolProfileBehavior", {}).get("followRedirects")
    if stated is not None:
        assert step.follow_redirects is stated


def test_step_1_is_the_collection_url_plus_librus_state() -> None:
    """Since 2026-03-28 Step 1 starts at Synergia's portal entry, which leads to the
    collection's Step 1 URL with Synergia's ``state`` added (login-2026.md)."""
    step = REFERENCE_LOGIN_STEPS[0]
    postman = auth_folder()[0]
    assert step.method == postman["request"]["method"] == "GET"
    assert (step.base, step.path) == ("synergia_url", "loguj/portalRodzina")
    assert step.follow_redirects is postman["protocolProfileBehavior"]["followRedirects"]
    assert step.landing is not None
    assert (step.landing.base, step.landing.path, dict(step.landing.query)) == url_parts(postman)
    assert step.landing.required == ("state",)


def test_step_3_follows_go_to_to_the_collection_grant() -> None:
    """Step 3 follows Step 2's goTo through 2FA and PerformLogin to the collection's Grant
    path and on to Synergia's callback (the wire test in test_client.py sees it happen)."""
    step = REFERENCE_LOGIN_STEPS[2]
    postman = auth_folder()[2]
    base, grant_path, query = url_parts(postman)
    assert step.method == postman["request"]["method"] == "GET"
    assert step.start_from == "go_to"
    assert step.follow_redirects is postman["protocolProfileBehavior"]["followRedirects"]
    assert step.stop_when_session_opened
    assert (step.base, dict(step.query)) == (base, query)
    assert grant_path in step.via
    assert step.via.index("OAuth/Authorization/2FA") < step.via.index(grant_path)


def test_table_holds_no_credentials() -> None:
    for step in REFERENCE_LOGIN_STEPS:
        for value in step.form.values():
            assert value in ("login",) or value.startswith("{"), value
