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


@pytest.mark.parametrize("index", range(len(REFERENCE_LOGIN_STEPS)))
def test_step_matches_postman_request(index: int) -> None:
    step = REFERENCE_LOGIN_STEPS[index]
    postman = auth_folder()[index]
    request = postman["request"]
    url = request["url"]

    assert step.method == request["method"]
    assert url["host"] == [f"{{{{{step.base}}}}}"]
    assert step.path == postman_to_table_placeholders("/".join(url["path"]))
    assert dict(step.query) == {q["key"]: q["value"] for q in url.get("query", [])}
    body = request.get("body", {}).get("urlencoded", [])
    assert dict(step.form) == {f["key"]: postman_to_table_placeholders(f["value"]) for f in body}
    # Where the collection states a redirect policy, the table follows it.
    stated = postman.get("protocolProfileBehavior", {}).get("followRedirects")
    if stated is not None:
        assert step.follow_redirects is stated


def test_table_holds_no_credentials() -> None:
    for step in REFERENCE_LOGIN_STEPS:
        for value in step.form.values():
            assert value in ("login",) or value.startswith("{"), value
