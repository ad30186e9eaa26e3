"""What an answer from Librus means: every rule that reads a status and a body, in one place.

- **Server trouble** (:func:`raise_for_server_trouble`): 503 is maintenance, 429 rate
  limiting, any other 5xx a server error. Every login step and every gateway read asks this
  first.
- **Status bodies** (:func:`status_of`, :func:`raise_for_status`): ``{"Status": "Disabled"}``
  and ``{"Status": "Error", "Code": …}`` come back with HTTP 200 on some endpoints. They map
  onto the error taxonomy: ``Disabled``/``*NotActive``/``AccessDeny`` →
  :class:`LibrusModuleUnavailableError`, ``Maintenance`` → :class:`LibrusMaintenanceError`,
  ``TokenIsExpired`` → :class:`LibrusSessionExpiredError`, anything else →
  :class:`LibrusResponseError`. The resource parsers call it before they read a body.
- **Gateway answers** (:func:`classify_gateway_answer`): a gateway read's status and text
  become a JSON object or the error they stand for (an ended session, a module this account
  cannot use, a web page instead of JSON …).

The login's own success rules (which page a step must reach, the form's Polish messages) stay
beside the step table in ``auth.py``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from .errors import (
    LibrusConnectionError,
    LibrusMaintenanceError,
    LibrusModuleUnavailableError,
    LibrusResponseError,
    LibrusSessionExpiredError,
)

# "Brak dostępu" ("no access"): a Synergia page for a module this account cannot use.
NO_ACCESS_MARKER = "Brak dostępu"


def raise_for_server_trouble(where: str, status: int) -> None:
    """Map the statuses that mean "Librus is not available" (every step and every read)."""
    if status == 503:
        raise LibrusMaintenanceError(f"{where}: Librus is in maintenance (HTTP 503)")
    if status == 429:
        raise LibrusConnectionError(f"{where}: Librus is rate limiting (HTTP 429)")
    if status >= 500:
        raise LibrusConnectionError(f"{where}: Librus server error (HTTP {status})")


_UNAVAILABLE_CODES = frozenset(
    {
        "Disabled",
        "AccessDeny",
        "Insufficient scopes",
        "Request is denied",
        "NotFound",
        "Resource not found",
    }
)
_SESSION_CODES = frozenset({"TokenIsExpired"})
_OK_STATUSES = frozenset({"OK", "Ok", "ok", "Success"})


def status_of(payload: object) -> str | None:
    """Name the status of a body that carries one, else ``None``.

    ``{"Status": "Disabled"}`` → ``"Disabled"``; ``{"Status": "Maintenance", …}`` →
    ``"Maintenance"``; ``{"Status": "Error", "Code": "LuckyNumberIsNotActive", …}`` →
    ``"LuckyNumberIsNotActive"`` (an error without a ``Code`` gives its ``Message``, or
    ``"Error"``). Ordinary data bodies have no ``Status`` key and give ``None``.
    """
    if not isinstance(payload, Mapping):
        return None
    status = payload.get("Status")
    if not isinstance(status, str) or not status:
        return None
    if status != "Error":
        return status
    for key in ("Code", "Message"):
        detail = payload.get(key)
        if isinstance(detail, str) and detail:
            return detail
    return "Error"


def raise_for_status(payload: object, endpoint: str) -> None:
    """Raise the matching error when ``payload`` is a status body (not data)."""
    status = status_of(payload)
    if status is None or status in _OK_STATUSES:
        return
    message = f"{endpoint}: Librus answered {status}"
    if status == "Maintenance":
        raise LibrusMaintenanceError(message)
    if status in _SESSION_CODES:
        raise LibrusSessionExpiredError(message)
    if status in _UNAVAILABLE_CODES or status.endswith("NotActive"):  # *IsNotActive too
        raise LibrusModuleUnavailableError(message)
    raise LibrusResponseError(message)


def classify_gateway_answer(endpoint: str, status: int, text: str) -> dict[str, Any]:
    """Turn a gateway answer into a JSON object or the error it stands for."""
    raise_for_server_trouble(endpoint, status)
    if status == 401:
        if "Insufficient scopes" in text:
            raise LibrusModuleUnavailableError(f"{endpoint}: not available to this account")
        raise LibrusSessionExpiredError(f"{endpoint}: the session is no longer valid")
    if 300 <= status < 400:  # a redirect to the login page
        raise LibrusSessionExpiredError(f"{endpoint}: redirected to the login page")
    if status in (403, 404):
        raise LibrusModuleUnavailableError(f"{endpoint}: not available (HTTP {status})")
    if status != 200:
        raise LibrusResponseError(f"{endpoint}: unexpected HTTP {status}")
    try:
        body = json.loads(text)
    except ValueError:
        if NO_ACCESS_MARKER in text:  # a module this account cannot use: never log in for it
            raise LibrusModuleUnavailableError(f"{endpoint}: 'Brak dostępu' page") from None
        if "<html" in text.lower():  # the login page instead of JSON
            raise LibrusSessionExpiredError(f"{endpoint}: got a web page instead of JSON") from None
        raise LibrusResponseError(f"{endpoint}: the answer is not JSON") from None
    if not isinstance(body, dict):
        raise LibrusResponseError(f"{endpoint}: the answer is not a JSON object")
    # Status bodies ({"Status": "Disabled"}, NotActive codes, maintenance, an expired token)
    # mean the same here as to the parsers: one mapping serves both.
    raise_for_status(body, endpoint)
    return body
