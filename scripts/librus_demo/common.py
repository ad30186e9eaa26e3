"""What every part shares: the repository's paths, the log, `DemoError` and a small REST client."""

from __future__ import annotations

import json
import sys
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent.parent
TEMPLATE = REPO / "demo" / "configuration.yaml"
DEMO_CONFIG_DIR = REPO / "demo" / "config"
INTEGRATION_DIR = REPO / "custom_components" / "librus"
VENV_BIN = Path(sys.executable).parent
HOST = "127.0.0.1"
DEMO_HA_PORT = 8123
# The real Librus takes a few hundred milliseconds per request; so does the demo's simulator,
# which makes the config flow's progress screen visible as it is with the real service.
DEMO_LIBRUS_LATENCY = 0.3

type Json = dict[str, Any]


def log(message: str) -> None:
    print(f"[demo] {message}", file=sys.stderr, flush=True)


class DemoError(RuntimeError):
    """Something a person can act on; printed without a traceback."""


@dataclass
class Response:
    status: int
    body: Any


def request(
    method: str,
    url: str,
    *,
    token: str | None = None,
    json_body: Any = None,
    form: dict[str, str] | None = None,
    timeout: float = 30.0,
) -> Response:
    headers: dict[str, str] = {}
    data: bytes | None = None
    if token:
        headers["Authorization"] = f"Bearer {token}"
    if json_body is not None:
        headers["Content-Type"] = "application/json"
        data = json.dumps(json_body).encode()
    elif form is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        data = urllib.parse.urlencode(form).encode()
    req = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            status, raw = resp.status, resp.read()
    except urllib.error.HTTPError as err:
        status, raw = err.code, err.read()
    try:
        body: Any = json.loads(raw) if raw else None
    except ValueError:
        body = raw.decode(errors="replace")
    return Response(status, body)


def expect(resp: Response, what: str, *statuses: int) -> Any:
    if resp.status not in (statuses or (200,)):
        raise DemoError(f"{what} failed: HTTP {resp.status} {resp.body!r}")
    return resp.body
