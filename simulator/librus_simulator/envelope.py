"""The gateway's JSON envelope: `{key: value, "Resources": {...}, "Url": ...}` and error bodies.

Plain functions with no aiohttp, shared by the routes (gateway.py, auth_routes.py) and the
school-year rendering (school_gateway.py, school_shapes.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .constants import API_BASE_URL

type JsonObject = dict[str, Any]


def api_url(path: str) -> str:
    """`https://api.librus.pl/2.0/<path>`: where gateway `Url` fields point."""
    return f"{API_BASE_URL}/{path}" if path else API_BASE_URL


def envelope(
    key: str,
    value: object,
    path: str,
    *,
    resources: Mapping[str, str] | None = None,
    parent: str = "Root",
    extra: Mapping[str, Any] | None = None,
) -> JsonObject:
    """The usual `{key: value, [extra], "Resources": {...}, "Url": ...}` answer.

    `resources` maps a `Resources` key (backslash-separated, e.g. "Me\\\\PeriodicGradeAverages")
    to its path; the `..` link to `parent` comes last, as in the real responses. `extra` keys
    (e.g. `pagination`) stand between the value and `Resources`.
    """
    links: JsonObject = {
        name: {"Url": api_url(target)} for name, target in (resources or {}).items()
    }
    links[".."] = {"Url": api_url(parent)}
    body: JsonObject = {key: value}
    body.update(extra or {})
    body["Resources"] = links
    body["Url"] = api_url(path)
    return body


def error_body(code: str, message: str, path: str) -> JsonObject:
    """`{"Status": "Error", "Code": …, "Message": …}` with the envelope's links."""
    return {
        "Status": "Error",
        "Code": code,
        "Message": message,
        "Resources": {"..": {"Url": api_url("Root")}},
        "Url": api_url(path),
    }
