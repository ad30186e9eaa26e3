"""The reference login sequence, as one declarative table.

The five steps are exactly the Auth folder of the reference Postman collection
(``shared/reference/postman/librus_api.json``): OAuth Init → OAuth Login → OAuth Grant →
Get Token Info → Activate API Access. When Librus changes its login, this table changes;
``tests/api/test_auth_conformance.py`` compares it with the collection.

Placeholders in paths and form values (``{login}``, ``{password}``, ``{user_identifier}``)
are filled at run time; the table itself never holds a credential.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from .errors import (
    LibrusAuthError,
    LibrusConnectionError,
    LibrusMaintenanceError,
    LibrusResponseError,
)

# Librus's own login page answers these Polish messages; they are the only reliable
# way to tell a wrong password from a captcha demand or an expired account.
WRONG_CREDENTIALS_MARKER = "Nieprawidłowy"
CAPTCHA_MARKER = "Nie jestem robotem"
ACCOUNT_EXPIRED_MARKER = "Minął termin ważności konta"
# The login form's own session (from Step 1) was missing or stale: not the user's fault.
LOGIN_SESSION_LOST_MARKER = "Sesja logowania wygasła"

BaseUrl = Literal["oauth_url", "api_url"]


@dataclass(frozen=True, slots=True, kw_only=True)
class StepResponse:
    """What a step's success predicate may look at (after redirects, if followed)."""

    step: str
    status: int
    content_type: str
    text: str
    redirects: tuple[int, ...] = ()

    def json_object(self) -> dict[str, Any] | None:
        """The body as a JSON object, or None when it is not one."""
        try:
            value = json.loads(self.text)
        except ValueError:
            return None
        return value if isinstance(value, dict) else None


@dataclass(frozen=True, slots=True, kw_only=True)
class AuthStep:
    """One request of the reference login sequence."""

    name: str  # stable id, shared with the simulator's request log
    postman_name: str  # the request's name in the Postman Auth folder
    method: Literal["GET", "POST"]
    base: BaseUrl  # Postman's {{oauth_url}} or {{api_url}}
    path: str  # relative to the base; may hold {user_identifier}
    query: Mapping[str, str] = field(default_factory=dict)
    form: Mapping[str, str] = field(default_factory=dict)  # may hold {login}, {password}
    follow_redirects: bool
    # Raises a LibrusError when the response means failure; returns what later steps need.
    check: Callable[[StepResponse], Mapping[str, str]]


def raise_for_server_trouble(response: StepResponse) -> None:
    """Map the statuses that mean "Librus is not available" (shared by every step)."""
    if response.status == 503:
        raise LibrusMaintenanceError(f"{response.step}: Librus is in maintenance (HTTP 503)")
    if response.status == 429:
        raise LibrusConnectionError(f"{response.step}: Librus is rate limiting (HTTP 429)")
    if response.status >= 500:
        raise LibrusConnectionError(
            f"{response.step}: Librus server error (HTTP {response.status})"
        )


def _check_page_step(response: StepResponse) -> Mapping[str, str]:
    """Step 1: an HTML page (200) or a redirect (302) is success."""
    raise_for_server_trouble(response)
    if response.status not in (200, 302):
        raise LibrusResponseError(f"{response.step}: unexpected HTTP {response.status}")
    return {}


def _check_grant(response: StepResponse) -> Mapping[str, str]:
    """Step 3: 200/302 after the redirect chain, as Step 1.

    A grant hands over to Synergia by redirecting; a plain page with no redirect at all is
    a glitch, not a login, so it is reported as one (instead of as a refused session).
    """
    _check_page_step(response)
    if not response.redirects and response.status == 200:
        raise LibrusResponseError(f"{response.step}: the grant did not redirect to Synergia")
    return {}


def _login_rejection_reason(message: str) -> str:
    if CAPTCHA_MARKER in message:
        return "captcha_required"
    if ACCOUNT_EXPIRED_MARKER in message:
        return "account_expired"
    return "invalid_credentials"


def _check_login(response: StepResponse) -> Mapping[str, str]:
    """Step 2: ``{"status": "ok", ...}``; a rejection is ``{"status": "error", ...}``."""
    raise_for_server_trouble(response)
    body = response.json_object()
    if body is not None and body.get("status") == "error":
        errors = body.get("errors")
        first = errors[0] if isinstance(errors, list) and errors else {}
        message = first.get("message", "") if isinstance(first, dict) else ""
        if LOGIN_SESSION_LOST_MARKER in str(message):
            raise LibrusResponseError(f"{response.step}: Librus lost the login form's session")
        raise LibrusAuthError(
            f"{response.step}: Librus rejected the login: {message or 'no reason given'}",
            reason=_login_rejection_reason(str(message)),
        )
    if body is None and WRONG_CREDENTIALS_MARKER in response.text:
        raise LibrusAuthError(
            f"{response.step}: Librus rejected the login", reason="invalid_credentials"
        )
    if response.status not in (200, 302):
        raise LibrusResponseError(f"{response.step}: unexpected HTTP {response.status}")
    # Stricter than "no error marker": anything but the documented success body is a
    # Librus glitch, and reporting it as such beats a misleading "wrong password" later.
    if body is None or body.get("status") != "ok":
        raise LibrusResponseError(f"{response.step}: unexpected login response body")
    return {}


def _refuse_session(response: StepResponse) -> None:
    """The gateway refusing the session right after a grant means the login did not take."""
    if response.status in (401, 403) or 300 <= response.status < 400:
        raise LibrusAuthError(
            f"{response.step}: Librus refused the new session (HTTP {response.status})",
            reason="session_refused",
        )


def _check_token_info(response: StepResponse) -> Mapping[str, str]:
    """Step 4a: 200 with a non-empty string ``UserIdentifier``."""
    raise_for_server_trouble(response)
    _refuse_session(response)
    if response.status != 200:
        raise LibrusResponseError(f"{response.step}: unexpected HTTP {response.status}")
    body = response.json_object()
    if body is None:
        raise LibrusResponseError(f"{response.step}: the answer is not a JSON object")
    identifier = body.get("UserIdentifier")
    if not isinstance(identifier, str) or not identifier.strip():
        raise LibrusResponseError(f"{response.step}: the answer has no UserIdentifier")
    found = {"user_identifier": identifier.strip()}
    if (user_type := body.get("UserType")) is not None:
        found["user_type"] = str(user_type)
    return found


def _check_user_info(response: StepResponse) -> Mapping[str, str]:
    """Step 4b: 200 (with a JSON object, so a login page in disguise is not success)."""
    raise_for_server_trouble(response)
    _refuse_session(response)
    if response.status != 200:
        raise LibrusResponseError(f"{response.step}: unexpected HTTP {response.status}")
    body = response.json_object()
    if body is None:
        raise LibrusResponseError(f"{response.step}: the answer is not a JSON object")
    info = body.get("UserInfo", body)  # some clients saw the fields wrapped in "UserInfo"
    found: dict[str, str] = {}
    if isinstance(info, dict):
        for key, name in (
            ("Login", "login"),
            ("IdentifierOfStudentAssignedWithUser", "student_identifier"),
            ("AccountNumericIdentifier", "account_number"),
        ):
            if info.get(key) not in (None, ""):
                found[name] = str(info[key])
    return found


REFERENCE_LOGIN_STEPS: tuple[AuthStep, ...] = (
    AuthStep(
        name="oauth_init",
        postman_name="Step 1 - OAuth Init",
        method="GET",
        base="oauth_url",
        path="OAuth/Authorization",
        query={"client_id": "46", "response_type": "code", "scope": "mydata"},
        follow_redirects=True,
        check=_check_page_step,
    ),
    AuthStep(
        name="oauth_login",
        postman_name="Step 2 - OAuth Login",
        method="POST",
        base="oauth_url",
        path="OAuth/Authorization",
        query={"client_id": "46"},
        form={"action": "login", "login": "{login}", "pass": "{password}"},
        follow_redirects=True,
        check=_check_login,
    ),
    AuthStep(
        name="oauth_grant",
        postman_name="Step 3 - OAuth Grant",
        method="GET",
        base="oauth_url",
        path="OAuth/Authorization/Grant",
        query={"client_id": "46"},
        follow_redirects=True,
        check=_check_grant,
    ),
    AuthStep(
        name="token_info",
        postman_name="Step 4a - Get Token Info",
        method="GET",
        base="api_url",
        path="Auth/TokenInfo",
        # A redirect from the gateway leads to a login page: treat it as the answer.
        follow_redirects=False,
        check=_check_token_info,
    ),
    AuthStep(
        name="user_info",
        postman_name="Step 4b - Activate API Access",
        method="GET",
        base="api_url",
        path="Auth/UserInfo/{user_identifier}",
        follow_redirects=False,
        check=_check_user_info,
    ),
)
