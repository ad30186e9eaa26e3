"""The login, as one declarative table: the five steps as Librus serves them since 2026-03-28.

The step names and their order are the Auth folder of the reference Postman collection
(``shared/reference/postman/librus_api.json``): OAuth Init → OAuth Login → OAuth Grant →
Get Token Info → Activate API Access. What changed on 2026-03-28
(``shared/reference/login-2026.md``) is where Step 1 starts and how Step 3 reaches the grant:

1. OAuth Init starts at Synergia's ``/loguj/portalRodzina``, which issues Synergia's OAuth
   ``state`` and redirects to the collection's Step 1 URL plus that ``state``.
2. OAuth Login posts the credentials, as in the collection.
3. OAuth Grant follows the ``goTo`` of Step 2 and every ``Location`` after it
   (2FA → PerformLogin → Grant → Synergia's callback) until Synergia sets ``oauth_token``.
4. and 5. read ``Auth/TokenInfo`` and ``Auth/UserInfo/{id}``, as in the collection.

Redirects are always followed by hand, hop by hop (``LibrusClient``): only to the configured
Librus hosts, never re-sending a form. ``tests/api/test_auth_conformance.py`` compares this
table with the collection and the documented 2026 changes.

Placeholders in paths, queries and form values (``{login}``, ``{password}``,
``{user_identifier}``, ``{now}``) are filled at run time; the table never holds a credential.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from .answers import raise_for_server_trouble
from .errors import (
    LibrusAuthError,
    LibrusResponseError,
    LibrusSessionNotOpenedError,
)

# Librus's own login page answers these Polish messages; they are the only reliable
# way to tell a wrong password from a captcha demand or an expired account.
WRONG_CREDENTIALS_MARKER = "Nieprawidłowy"
CAPTCHA_MARKER = "Nie jestem robotem"
ACCOUNT_EXPIRED_MARKER = "Minął termin ważności konta"
# The login form's own session (from Step 1) was missing or stale: not the user's fault.
LOGIN_SESSION_LOST_MARKER = "Sesja logowania wygasła"

# Synergia's session cookie: the login succeeded when Synergia's callback set it.
SESSION_COOKIE = "oauth_token"
# Redirects a login step may follow at most (every maintained client caps at about 10).
MAX_REDIRECT_HOPS = 10

BaseUrl = Literal["oauth_url", "synergia_url", "api_url"]


@dataclass(frozen=True, slots=True, kw_only=True)
class StepResponse:
    """What a step's success predicate may look at: the last answer of the step."""

    step: str
    status: int
    content_type: str
    text: str
    url: str = ""  # where the step ended (after the redirects it followed)
    redirects: tuple[int, ...] = ()  # statuses of the hops it followed
    session_opened: bool = False  # Synergia's session cookie is set after this step
    too_many_redirects: bool = False  # the step gave up after MAX_REDIRECT_HOPS

    def json_object(self) -> dict[str, Any] | None:
        """The body as a JSON object, or None when it is not one."""
        try:
            value = json.loads(self.text)
        except ValueError:
            return None
        return value if isinstance(value, dict) else None

    @property
    def is_web_page(self) -> bool:
        return "html" in self.content_type or "<html" in self.text[:2048].lower()


@dataclass(frozen=True, slots=True, kw_only=True)
class Landing:
    """Where Step 1's redirect must lead: the collection's Step 1 URL plus ``required``."""

    base: BaseUrl
    path: str
    query: Mapping[str, str]
    required: tuple[str, ...]  # query keys that must be present and non-empty


@dataclass(frozen=True, slots=True, kw_only=True)
class AuthStep:
    """One step of the login; a step may span several requests (its redirects)."""

    name: str  # stable id, shared with the simulator's request log
    postman_name: str  # the request's name in the Postman Auth folder
    method: Literal["GET", "POST"]
    base: BaseUrl  # where the first request goes (Postman's {{oauth_url}} or {{api_url}})
    path: str  # relative to the base; may hold {user_identifier}
    query: Mapping[str, str] = field(default_factory=dict)
    form: Mapping[str, str] = field(default_factory=dict)  # may hold {login}, {password}
    headers: Mapping[str, str] = field(default_factory=dict)
    # Start from a URL an earlier step found (e.g. Step 2's goTo) instead of base + path.
    start_from: str | None = None
    follow_redirects: bool
    # Stop following as soon as Synergia's session cookie is set (do not enter the web UI).
    stop_when_session_opened: bool = False
    # Where following must have led (Step 1: the authorization page with Librus's state).
    landing: Landing | None = None
    # The hops the 2026 flow passes through (documentation and conformance; not enforced).
    via: tuple[str, ...] = ()
    # Raises a LibrusError when the response means failure; returns what later steps need.
    check: Callable[[StepResponse], Mapping[str, str]]


def _check_authorization_page(response: StepResponse) -> Mapping[str, str]:
    """Step 1: landed on the authorization page (200). Where it landed is checked by the runner."""
    raise_for_server_trouble(response.step, response.status)
    if response.too_many_redirects:
        raise LibrusResponseError(f"{response.step}: too many redirects")
    if response.status != 200:
        raise LibrusResponseError(f"{response.step}: unexpected HTTP {response.status}")
    return {}


def _login_rejection_reason(message: str) -> str:
    if CAPTCHA_MARKER in message:
        return "captcha_required"
    if ACCOUNT_EXPIRED_MARKER in message:
        return "account_expired"
    return "invalid_credentials"


def _check_login(response: StepResponse) -> Mapping[str, str]:
    """Step 2: ``{"status": "ok", "goTo": …}``; a rejection is ``{"status": "error", …}``."""
    raise_for_server_trouble(response.step, response.status)
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
    if response.too_many_redirects:
        raise LibrusResponseError(f"{response.step}: too many redirects")
    if response.status != 200:
        raise LibrusResponseError(f"{response.step}: unexpected HTTP {response.status}")
    # Stricter than "no error marker": anything but the documented success body is a
    # Librus glitch, and reporting it as such beats a misleading "wrong password" later.
    if body is None or body.get("status") != "ok":
        raise LibrusResponseError(f"{response.step}: unexpected login response body")
    go_to = body.get("goTo")
    return {"go_to": go_to} if isinstance(go_to, str) and go_to.strip() else {}


def _check_grant(response: StepResponse) -> Mapping[str, str]:
    """Step 3: Synergia's callback set its session cookie.

    Step 2 has accepted the password by now, so a chain that ends anywhere else (a page
    asking for something in a browser, "Brak dostępu", a redirect loop) is never reported
    as a wrong password: Librus accepted it but did not open a session.
    """
    raise_for_server_trouble(response.step, response.status)
    if response.session_opened:
        return {}
    if response.too_many_redirects:
        raise LibrusSessionNotOpenedError(f"{response.step}: the redirect chain did not end")
    raise LibrusSessionNotOpenedError(
        f"{response.step}: the chain ended (HTTP {response.status}"
        f"{', a web page' if response.is_web_page else ''}) without a Synergia session"
    )


def _refuse_session(response: StepResponse) -> None:
    """Right after the grant, a refused or redirected gateway read means no session."""
    if response.status in (401, 403) or 300 <= response.status < 400:
        raise LibrusSessionNotOpenedError(
            f"{response.step}: Librus did not accept the new session (HTTP {response.status})"
        )
    if response.status == 200 and response.is_web_page:
        raise LibrusSessionNotOpenedError(f"{response.step}: a web page instead of the API")


def _check_token_info(response: StepResponse) -> Mapping[str, str]:
    """Step 4a: 200 with a non-empty string ``UserIdentifier``."""
    raise_for_server_trouble(response.step, response.status)
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
    raise_for_server_trouble(response.step, response.status)
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


CLIENT_ID = "46"

REFERENCE_LOGIN_STEPS: tuple[AuthStep, ...] = (
    AuthStep(
        name="oauth_init",
        postman_name="Step 1 - OAuth Init",
        method="GET",
        base="synergia_url",
        path="loguj/portalRodzina",
        query={"v": "{now}"},  # the cache-buster every maintained client sends
        headers={"Referer": "https://portal.librus.pl/"},
        follow_redirects=True,
        landing=Landing(
            base="oauth_url",
            path="OAuth/Authorization",
            query={"client_id": CLIENT_ID, "response_type": "code", "scope": "mydata"},
            required=("state",),
        ),
        check=_check_authorization_page,
    ),
    AuthStep(
        name="oauth_login",
        postman_name="Step 2 - OAuth Login",
        method="POST",
        base="oauth_url",
        path="OAuth/Authorization",
        query={"client_id": CLIENT_ID},
        form={"action": "login", "login": "{login}", "pass": "{password}"},
        # As in the collection; followed by hand with a GET, so a form is never re-sent.
        follow_redirects=True,
        check=_check_login,
    ),
    AuthStep(
        name="oauth_grant",
        postman_name="Step 3 - OAuth Grant",
        method="GET",
        base="oauth_url",
        # Where the chain starts when Step 2's answer carries no goTo (older answers).
        path="OAuth/Authorization/2FA",
        query={"client_id": CLIENT_ID},
        start_from="go_to",
        follow_redirects=True,
        stop_when_session_opened=True,
        via=(
            "OAuth/Authorization/2FA",
            "OAuth/Authorization/PerformLogin",
            "OAuth/Authorization/Grant",
            "loguj/portalRodzina",
        ),
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

# Synergia re-issues its session cookie from the session cookies, without the password.
REFRESH_PATH = "refreshToken"
