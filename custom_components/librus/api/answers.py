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
  cannot use, a web page instead of JSON …). A status body Librus is known to send
  (maintenance, a module not active or disabled, an expired token) is recognised by its
  body whatever HTTP status it came with (200, 400, 401, 403, 404 and 503 have all been
  seen); only then does the status code decide.
- **Messages answers** (:func:`classify_messages_answer`): the messages host
  (``wiadomosci.librus.pl/api``) has its own session: 401/403, a redirect or a web page
  there mean *that* session ended (:class:`LibrusSessionExpiredError`), never the account's.
- **JSON** (:func:`load_json`): nested no deeper than :data:`MAX_JSON_DEPTH`; deeper
  (or not JSON at all) is a :class:`LibrusResponseError`, never a ``RecursionError``.

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
# Librus's answers nest four or five levels; anything this deep is a fault, not data.
MAX_JSON_DEPTH = 64


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


def _raise_for_known_status(status: str, endpoint: str) -> None:
    """Raise for the status bodies whose meaning does not depend on the HTTP status."""
    message = f"{endpoint}: Librus answered {status}"
    if status == "Maintenance":
        raise LibrusMaintenanceError(message)
    if status in _SESSION_CODES:
        raise LibrusSessionExpiredError(message)
    if status in _UNAVAILABLE_CODES or status.endswith("NotActive"):  # *IsNotActive too
        raise LibrusModuleUnavailableError(message)


def raise_for_status(payload: object, endpoint: str) -> None:
    """Raise the matching error when ``payload`` is a status body (not data)."""
    status = status_of(payload)
    if status is None or status in _OK_STATUSES:
        return
    _raise_for_known_status(status, endpoint)
    raise LibrusResponseError(f"{endpoint}: Librus answered {status}")


def _depth(value: object) -> int:
    """How deeply ``value`` nests lists and objects (iteratively: no recursion limit)."""
    deepest = 0
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, level)
        if deepest > MAX_JSON_DEPTH:
            break
        stack.extend((child, level + 1) for child in children)
    return deepest


def load_json(text: str, where: str) -> object:
    """Parse JSON nested at most :data:`MAX_JSON_DEPTH` deep.

    Raises ``ValueError`` when ``text`` is not JSON, ``LibrusResponseError`` when it nests
    deeper than any Librus answer (the parser would otherwise hit the recursion limit).
    """
    try:
        value = json.loads(text)
    except RecursionError:
        raise LibrusResponseError(f"{where}: the answer nests too deeply") from None
    if _depth(value) > MAX_JSON_DEPTH:
        raise LibrusResponseError(f"{where}: the answer nests too deeply")
    return value


def classify_gateway_answer(endpoint: str, status: int, text: str) -> dict[str, Any]:
    """Turn a gateway answer into a JSON object or the error it stands for."""
    try:
        body: object = load_json(text, endpoint)
    except ValueError:
        body = None
    # A status body means the same whatever status it came with (Librus is not consistent).
    if (known := status_of(body)) is not None:
        _raise_for_known_status(known, endpoint)
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
    if body is None:
        if NO_ACCESS_MARKER in text:  # a module this account cannot use: never log in for it
            raise LibrusModuleUnavailableError(f"{endpoint}: 'Brak dostępu' page")
        if "<html" in text.lower():  # the login page instead of JSON
            raise LibrusSessionExpiredError(f"{endpoint}: got a web page instead of JSON")
        raise LibrusResponseError(f"{endpoint}: the answer is not JSON")
    if not isinstance(body, dict):
        raise LibrusResponseError(f"{endpoint}: the answer is not a JSON object")
    # Status bodies ({"Status": "Disabled"}, NotActive codes, maintenance, an expired token)
    # mean the same here as to the parsers: one mapping serves both.
    raise_for_status(body, endpoint)
    return body


def classify_messages_answer(where: str, status: int, text: str) -> Any:
    """Turn an answer of the messages API into JSON (an object or a bare array) or an error.

    401/403 (``{"code": "UNAUTHORIZED", …}``), a redirect (to a login) or a web page instead
    of JSON mean the messages session ended: the client opens a new one from the Synergia
    session, once.
    """
    raise_for_server_trouble(where, status)
    if status in (401, 403) or 300 <= status < 400:
        raise LibrusSessionExpiredError(f"{where}: the messages session is no longer valid")
    if status != 200:
        raise LibrusResponseError(f"{where}: unexpected HTTP {status}")
    try:
        body = load_json(text, where)
    except ValueError:
        if "<html" in text.lower() or NO_ACCESS_MARKER in text:
            raise LibrusSessionExpiredError(f"{where}: a web page instead of JSON") from None
        raise LibrusResponseError(f"{where}: the answer is not JSON") from None
    if isinstance(body, Mapping) and body.get("code") == "UNAUTHORIZED":
        raise LibrusSessionExpiredError(f"{where}: the messages session is no longer valid")
    return body
