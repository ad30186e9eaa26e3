"""The login as Librus serves it since 2026-03-28 (reference/login-2026.md), the Synergia
session it opens, and the token refresh. Hop names are the request log's and the faults'.

portal_entry    GET  {synergia}/loguj/portalRodzina[?v=…]  → 302 {oauth}/OAuth/Authorization
                     ?client_id=46&response_type=code&scope=mydata&state=<state>; sets oauth_state
oauth_init      GET  {oauth}/OAuth/Authorization?client_id=46&response_type=code&scope=mydata
                     [&state=…] → 200 login page; opens a NEW pending authorization bound to the
                     state (none for a state-less GET), replacing the one in progress
oauth_login     POST {oauth}/OAuth/Authorization?client_id=46   action=login&login=…&pass=…
                     → 200 {"status":"ok","goTo":"/OAuth/Authorization/2FA?client_id=46"}
oauth_2fa       GET  {oauth}/OAuth/Authorization/2FA?client_id=46 → 302 …/PerformLogin?…
perform_login   GET  {oauth}/OAuth/Authorization/PerformLogin?client_id=46 → 302 …/Grant?…
oauth_grant     GET  {oauth}/OAuth/Authorization/Grant?client_id=46
                     → 302 {synergia}/loguj/portalRodzina?code=…&state=<the bound state>
grant_redirect  GET  {synergia}/loguj/portalRodzina?code=…&state=… (the query tells it from
                     portal_entry) → session cookies, 302 to landing; else 200 "Brak dostępu"
landing         GET  /rodzic/index | /uczen/index
refresh_token   GET  {synergia}/refreshToken → 200 and a new oauth_token for the live session
token_info      GET  /gateway/api/2.0/Auth/TokenInfo          (a gateway resource)
user_info       GET  /gateway/api/2.0/Auth/UserInfo/{id}      (a gateway resource)

A hop out of order (2FA, PerformLogin or Grant before the credentials POST and the hops before
it) is answered with a 302 to {synergia}/loguj/portalRodzina?error=invalid_request. The
Postman collection's literal sequence (init without state → POST → Grant) therefore ends
without a session although the POST said "ok".
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping
from html import escape
from typing import Final
from urllib.parse import urlencode

from aiohttp import web

from .accounts import Account, AccountBook
from .constants import (
    AUTHSESSID,
    CLIENT_ID,
    DEVICE_COOKIE,
    DEVICE_COOKIE_MAX_AGE,
    GRANT_REDIRECT,
    LANDING,
    OAUTH_2FA,
    OAUTH_2FA_PATH,
    OAUTH_AUTHORIZATION_PATH,
    OAUTH_COOKIE_PATH,
    OAUTH_GRANT,
    OAUTH_GRANT_PATH,
    OAUTH_INIT,
    OAUTH_LOGIN,
    OAUTH_STATE,
    OAUTH_TOKEN,
    OAUTH_TOKEN_MAX_AGE,
    PARENT_LANDING_PATH,
    PERFORM_LOGIN,
    PERFORM_LOGIN_PATH,
    PORTAL_ENTRY,
    PORTAL_PATH,
    REFRESH_TOKEN,
    REFRESH_TOKEN_PATH,
    STUDENT_LANDING_PATH,
    TOKEN_INFO,
    USER_INFO,
)
from .envelope import api_url, error_body
from .gateway import GatewayReply, GatewayRequest, GatewayResource
from .responses import JsonObject, html_response, json_response, no_access_response
from .sessions import SessionStore, Stage

# Exact strings Librus uses (librusek); clients match on them.
WRONG_CREDENTIALS_MESSAGE: Final = "Nieprawidłowy login i/lub hasło."
CAPTCHA_MESSAGE: Final = 'Proszę zaznaczyć pole "Nie jestem robotem".'
ACCOUNT_EXPIRED_MESSAGE: Final = (
    "Minął termin ważności konta - skontaktuj się z Administratorem Szkoły."
)
SESSION_EXPIRED_MESSAGE: Final = "Sesja logowania wygasła."

TWO_FA_GO_TO: Final = f"{OAUTH_2FA_PATH}?client_id={CLIENT_ID}"
PERFORM_LOGIN_LOCATION: Final = f"{PERFORM_LOGIN_PATH}?client_id={CLIENT_ID}"
GRANT_LOCATION: Final = f"{OAUTH_GRANT_PATH}?client_id={CLIENT_ID}"
NO_ACCESS_QUERY: Final = "?error=invalid_request"

# (oauth base URL, synergia base URL) for a request, e.g. ("http://127.0.0.1:8765", …).
type Bases = Callable[[web.Request], tuple[str, str]]
# A route's step name, or how to tell it from the request (two hops share one path).
type StepOf = str | Callable[[web.Request], str]

_LOGIN_FORM: Final = (
    "<h1>LIBRUS — logowanie</h1>\n"
    f'<form id="loginForm" method="post" action="{OAUTH_AUTHORIZATION_PATH}?client_id={CLIENT_ID}">'
    '<input type="hidden" name="action" value="login">'
    '<input id="Login" name="login" autocomplete="username">'
    '<input id="Pass" type="password" name="pass" autocomplete="current-password">'
    '<button type="submit">Zaloguj</button></form>'
)


def _oauth_error(message: str, status: int) -> web.Response:
    return json_response({"status": "error", "errors": [{"message": message}]}, status=status)


def _redirect(location: str) -> web.Response:
    # A plain Response, not a raised HTTPFound, so the middleware sees the status it returns.
    return web.Response(status=302, headers={"Location": location})


def _bad_client(request: web.Request) -> web.Response | None:
    if request.query.get("client_id") == CLIENT_ID:
        return None
    return _oauth_error("Nieprawidłowy identyfikator klienta (client_id).", 400)


def is_callback(query: Mapping[str, str]) -> bool:
    """Whether a request to /loguj/portalRodzina is the OAuth callback (not the entry)."""
    return "code" in query or "error" in query


def portal_step(request: web.Request) -> str:
    return GRANT_REDIRECT if is_callback(request.query) else PORTAL_ENTRY


class AuthRoutes:
    """Handlers of the login hops over one AccountBook and SessionStore.

    `bases` gives the two hosts' base URLs, for the Locations that cross from one host to
    the other (portal_entry → OAuth, Grant → Synergia); same-host Locations stay relative.
    """

    def __init__(self, accounts: AccountBook, sessions: SessionStore, bases: Bases) -> None:
        self._accounts = accounts
        self._sessions = sessions
        self._bases = bases

    def register(self, app: web.Application) -> dict[web.AbstractRoute, StepOf]:
        """Add the routes; return each route's step name (or how to tell it)."""
        add = app.router.add_route
        return {
            add("GET", PORTAL_PATH, self.portal): portal_step,
            add("GET", OAUTH_AUTHORIZATION_PATH, self.oauth_init): OAUTH_INIT,
            add("POST", OAUTH_AUTHORIZATION_PATH, self.oauth_login): OAUTH_LOGIN,
            add("GET", OAUTH_2FA_PATH, self.oauth_2fa): OAUTH_2FA,
            add("GET", PERFORM_LOGIN_PATH, self.perform_login): PERFORM_LOGIN,
            add("GET", OAUTH_GRANT_PATH, self.oauth_grant): OAUTH_GRANT,
            add("GET", PARENT_LANDING_PATH, self.landing): LANDING,
            add("GET", STUDENT_LANDING_PATH, self.landing): LANDING,
            add("GET", REFRESH_TOKEN_PATH, self.refresh_token): REFRESH_TOKEN,
        }

    @property
    def steps(self) -> frozenset[str]:
        """Every step name the routes above can log (both names of the shared path)."""
        return frozenset(
            {
                PORTAL_ENTRY,
                OAUTH_INIT,
                OAUTH_LOGIN,
                OAUTH_2FA,
                PERFORM_LOGIN,
                OAUTH_GRANT,
                GRANT_REDIRECT,
                LANDING,
                REFRESH_TOKEN,
            }
        )

    def gateway_resources(self) -> tuple[GatewayResource, ...]:
        return (
            GatewayResource(TOKEN_INFO, "Auth/TokenInfo", self.token_info),
            GatewayResource(USER_INFO, "Auth/UserInfo/{id}", self.user_info),
        )

    def authenticate(self, request: web.Request) -> Account | None:
        """The account of the live Synergia session the request's cookies name, if any."""
        session = self._sessions.find_session(request.cookies)
        return None if session is None else self._accounts.get(session.login)

    def _no_access_location(self, request: web.Request) -> str:
        return f"{self._bases(request)[1]}{PORTAL_PATH}{NO_ACCESS_QUERY}"

    # Synergia host: the portal entry

    async def portal(self, request: web.Request) -> web.StreamResponse:
        if is_callback(request.query):
            return await self.grant_redirect(request)
        return await self.portal_entry(request)

    async def portal_entry(self, request: web.Request) -> web.StreamResponse:
        # Any query (the `?v=<unix time>` cache-buster) is ignored.
        state = self._sessions.issue_state()
        query = urlencode(
            {"client_id": CLIENT_ID, "response_type": "code", "scope": "mydata", "state": state}
        )
        response = _redirect(f"{self._bases(request)[0]}{OAUTH_AUTHORIZATION_PATH}?{query}")
        response.set_cookie(OAUTH_STATE, state, path="/", httponly=True)
        return response

    # OAuth host

    async def oauth_init(self, request: web.Request) -> web.StreamResponse:
        if (error := _bad_client(request)) is not None:
            return error
        session_id = request.cookies.get(AUTHSESSID)
        if request.query.get("response_type") == "code":
            # Every authorization request opens a new pending authorization and replaces the
            # one in progress; a state-less one binds no state, so its callback will fail.
            session_id = self._sessions.start_authorization(session_id, request.query.get("state"))
        elif session_id is None or self._sessions.pending(session_id) is None:
            # A plain `?client_id=46` shows the page; it starts nothing if a login is pending.
            session_id = self._sessions.start_authorization(None, None)
        response = html_response("LIBRUS — logowanie", _LOGIN_FORM)
        response.set_cookie(AUTHSESSID, session_id, path=OAUTH_COOKIE_PATH, httponly=True)
        response.set_cookie(
            DEVICE_COOKIE,
            request.cookies.get(DEVICE_COOKIE) or secrets.token_hex(16),
            path=OAUTH_COOKIE_PATH,
            max_age=DEVICE_COOKIE_MAX_AGE,
            httponly=True,
        )
        return response

    async def oauth_login(self, request: web.Request) -> web.StreamResponse:
        if (error := _bad_client(request)) is not None:
            return error
        session_id = request.cookies.get(AUTHSESSID)
        if session_id is None or self._sessions.pending(session_id) is None:
            return _oauth_error(SESSION_EXPIRED_MESSAGE, 400)
        form = await request.post()
        fields = {key: value for key, value in form.items() if isinstance(value, str)}
        if fields.get("action") != "login":
            return _oauth_error("Nieprawidłowe żądanie.", 400)
        login = fields.get("login", "")
        if self._sessions.captcha_required(login):
            # Even the right password: the captcha must be solved in a browser first.
            self._sessions.unauthenticate(session_id)
            return _oauth_error(CAPTCHA_MESSAGE, 403)
        account = self._accounts.check_password(login, fields.get("pass", ""))
        if account is None:
            self._sessions.wrong_password(login)
            self._sessions.unauthenticate(session_id)
            return _oauth_error(WRONG_CREDENTIALS_MESSAGE, 401)
        if account.expired:
            self._sessions.unauthenticate(session_id)
            return _oauth_error(ACCOUNT_EXPIRED_MESSAGE, 403)
        self._sessions.reset_wrong_passwords(login)
        self._sessions.authenticate(session_id, account.login)
        return json_response({"status": "ok", "goTo": TWO_FA_GO_TO})

    async def oauth_2fa(self, request: web.Request) -> web.StreamResponse:
        if (error := _bad_client(request)) is not None:
            return error
        if not self._sessions.advance(request.cookies.get(AUTHSESSID), Stage.PASSED_2FA):
            return _redirect(self._no_access_location(request))
        return _redirect(PERFORM_LOGIN_LOCATION)

    async def perform_login(self, request: web.Request) -> web.StreamResponse:
        if (error := _bad_client(request)) is not None:
            return error
        if not self._sessions.advance(request.cookies.get(AUTHSESSID), Stage.PERFORMED):
            return _redirect(self._no_access_location(request))
        return _redirect(GRANT_LOCATION)

    async def oauth_grant(self, request: web.Request) -> web.StreamResponse:
        if (error := _bad_client(request)) is not None:
            return error
        issued = self._sessions.issue_code(request.cookies.get(AUTHSESSID))
        if issued is None:
            # No credentials POST in this authorization, or 2FA / PerformLogin skipped.
            return _redirect(self._no_access_location(request))
        code, state = issued
        query = {"code": code} if state is None else {"code": code, "state": state}
        return _redirect(f"{self._bases(request)[1]}{PORTAL_PATH}?{urlencode(query)}")

    # Synergia host: the callback, the landing page and the token refresh

    async def grant_redirect(self, request: web.Request) -> web.StreamResponse:
        query = request.query
        code, state = query.get("code"), query.get("state")
        if (
            "error" in query
            or not code
            or not state
            # Synergia issued this state at portal_entry, to this very client.
            or not self._sessions.state_is_live(state)
            or request.cookies.get(OAUTH_STATE) != state
        ):
            return no_access_response()
        issued = self._sessions.redeem_code(code)
        account = None if issued is None else self._accounts.get(issued.login)
        if issued is None or issued.state != state or account is None:
            return no_access_response()
        self._sessions.use_state(state)
        session = self._sessions.open_session(account.login)
        response = _redirect(PARENT_LANDING_PATH if account.is_parent else STUDENT_LANDING_PATH)
        for name, value in session.cookies().items():
            max_age = OAUTH_TOKEN_MAX_AGE if name == OAUTH_TOKEN else None
            response.set_cookie(name, value, path="/", max_age=max_age, httponly=True)
        response.del_cookie(OAUTH_STATE, path="/")
        return response

    async def refresh_token(self, request: web.Request) -> web.StreamResponse:
        token = self._sessions.refresh_token(request.cookies)
        if token is None:
            return no_access_response(status=401)
        response = web.Response(status=200)
        response.set_cookie(
            OAUTH_TOKEN, token, path="/", max_age=OAUTH_TOKEN_MAX_AGE, httponly=True
        )
        return response

    async def landing(self, request: web.Request) -> web.StreamResponse:
        account = self.authenticate(request)
        if account is None:
            return no_access_response()
        who = escape(f"{account.account_first_name} {account.account_last_name}")
        student = escape(f"{account.student_first_name} {account.student_last_name}")
        return html_response(
            "Librus Synergia",
            f'<h1>Librus Synergia</h1>\n<p id="user">Zalogowany: {who}</p>\n'
            f'<p id="student">Uczeń: {student}</p>',
        )

    # Gateway resources (the gateway has already checked the session)

    def token_info(self, request: GatewayRequest) -> GatewayReply:
        account = request.account
        body: JsonObject = {
            "UserType": account.group_id,
            "UserIdentifier": account.user_identifier,
            "Resources": {"..": {"Url": api_url("Root")}},
            "Url": api_url("Auth/TokenInfo"),
        }
        return 200, body

    def user_info(self, request: GatewayRequest) -> GatewayReply:
        account = request.account
        wanted = request.params["id"]
        if wanted != account.user_identifier:
            if self._accounts.by_user_identifier(wanted) is not None:
                return 403, error_body("AccessDeny", "Access denied", request.path)
            return 404, error_body("NotFound", "Resource not found", request.path)
        body: JsonObject = {
            "UserIdentifier": account.user_identifier,
            "UserNumericIdentifier": account.user_numeric_id,
            "AccountNumericIdentifier": account.account_id,
            "Login": account.login,
            "SchoolId": account.school_id,
            "UserType": account.group_id,
            "UserState": 1,
            "UserSchoolClassId": None if account.is_parent else account.class_id,
            "IdentifierOfStudentAssignedWithUser": account.student_identifier,
            "Resources": {"..": {"Url": api_url("Root")}},
            "Url": api_url(request.path),
        }
        return 200, body
