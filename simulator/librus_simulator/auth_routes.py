"""The reference login sequence (Postman folder "Auth") and the Synergia callback.

oauth_init      GET  /OAuth/Authorization?client_id=46&response_type=code&scope=mydata
oauth_login     POST /OAuth/Authorization?client_id=46   action=login&login=…&pass=…
oauth_grant     GET  /OAuth/Authorization/Grant?client_id=46  → 302 to the callback
grant_redirect  GET  /loguj/portalRodzina?code=…&state=…      → cookies, 302 to landing
landing         GET  /rodzic/index | /uczen/index
token_info      GET  /gateway/api/2.0/Auth/TokenInfo          (a gateway resource)
user_info       GET  /gateway/api/2.0/Auth/UserInfo/{id}      (a gateway resource)
"""

from __future__ import annotations

import secrets
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
    DZIENNIKSID,
    GRANT_REDIRECT,
    GRANT_REDIRECT_PATH,
    LANDING,
    OAUTH_AUTHORIZATION_PATH,
    OAUTH_COOKIE_PATH,
    OAUTH_GRANT,
    OAUTH_GRANT_PATH,
    OAUTH_INIT,
    OAUTH_LOGIN,
    OAUTH_TOKEN,
    OAUTH_TOKEN_MAX_AGE,
    PARENT_LANDING_PATH,
    SDZIENNIKSID,
    STUDENT_LANDING_PATH,
    TOKEN_INFO,
    USER_INFO,
)
from .envelope import api_url, error_body
from .gateway import GatewayReply, GatewayRequest, GatewayResource
from .responses import JsonObject, html_response, json_response
from .sessions import SessionStore

# Exact strings Librus uses (librusek); clients match on them.
WRONG_CREDENTIALS_MESSAGE: Final = "Nieprawidłowy login i/lub hasło."
SESSION_EXPIRED_MESSAGE: Final = "Sesja logowania wygasła."

GRANT_GO_TO: Final = f"{OAUTH_GRANT_PATH}?client_id={CLIENT_ID}"
NO_ACCESS_LOCATION: Final = f"{GRANT_REDIRECT_PATH}?error=invalid_request"

_LOGIN_FORM: Final = (
    "<h1>LIBRUS — logowanie</h1>\n"
    f'<form id="loginForm" method="post" action="{OAUTH_AUTHORIZATION_PATH}?client_id={CLIENT_ID}">'
    '<input type="hidden" name="action" value="login">'
    '<input id="Login" name="login" autocomplete="username">'
    '<input id="Pass" type="password" name="pass" autocomplete="current-password">'
    '<button type="submit">Zaloguj</button></form>'
)
# apix recognises a logged-out Synergia page by this heading.
_NO_ACCESS: Final = '<h2 class="inside">Brak dostępu</h2>\n<p>Zaloguj się ponownie.</p>'


def _oauth_error(message: str, status: int) -> web.Response:
    return json_response({"status": "error", "errors": [{"message": message}]}, status=status)


def _redirect(location: str) -> web.Response:
    # A plain Response, not a raised HTTPFound, so the middleware sees the status it returns.
    return web.Response(status=302, headers={"Location": location})


def _bad_client(request: web.Request) -> web.Response | None:
    if request.query.get("client_id") == CLIENT_ID:
        return None
    return _oauth_error("Nieprawidłowy identyfikator klienta (client_id).", 400)


class AuthRoutes:
    """Handlers of the login sequence over one AccountBook and SessionStore."""

    def __init__(self, accounts: AccountBook, sessions: SessionStore) -> None:
        self._accounts = accounts
        self._sessions = sessions

    def register(self, app: web.Application) -> dict[web.AbstractRoute, str]:
        """Add the routes; return each route's step name."""
        add = app.router.add_route
        return {
            add("GET", OAUTH_AUTHORIZATION_PATH, self.oauth_init): OAUTH_INIT,
            add("POST", OAUTH_AUTHORIZATION_PATH, self.oauth_login): OAUTH_LOGIN,
            add("GET", OAUTH_GRANT_PATH, self.oauth_grant): OAUTH_GRANT,
            add("GET", GRANT_REDIRECT_PATH, self.grant_redirect): GRANT_REDIRECT,
            add("GET", PARENT_LANDING_PATH, self.landing): LANDING,
            add("GET", STUDENT_LANDING_PATH, self.landing): LANDING,
        }

    def gateway_resources(self) -> tuple[GatewayResource, ...]:
        return (
            GatewayResource(TOKEN_INFO, "Auth/TokenInfo", self.token_info),
            GatewayResource(USER_INFO, "Auth/UserInfo/{id}", self.user_info),
        )

    def authenticate(self, request: web.Request) -> Account | None:
        """The account of the live Synergia session the request's cookies name, if any."""
        session = self._sessions.find_session(request.cookies)
        return None if session is None else self._accounts.get(session.login)

    # OAuth host

    async def oauth_init(self, request: web.Request) -> web.StreamResponse:
        if (error := _bad_client(request)) is not None:
            return error
        response = html_response("LIBRUS — logowanie", _LOGIN_FORM)
        # Every GET starts a new OAuth session; the device cookie outlives it.
        response.set_cookie(
            AUTHSESSID,
            self._sessions.new_oauth_session(),
            path=OAUTH_COOKIE_PATH,
            httponly=True,
        )
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
        if session_id is None or not self._sessions.has_oauth_session(session_id):
            return _oauth_error(SESSION_EXPIRED_MESSAGE, 400)
        form = await request.post()
        fields = {key: value for key, value in form.items() if isinstance(value, str)}
        if fields.get("action") != "login":
            return _oauth_error("Nieprawidłowe żądanie.", 400)
        account = self._accounts.check_password(fields.get("login", ""), fields.get("pass", ""))
        if account is None:
            return _oauth_error(WRONG_CREDENTIALS_MESSAGE, 401)
        self._sessions.authenticate(session_id, account.login)
        return json_response({"status": "ok", "goTo": GRANT_GO_TO})

    async def oauth_grant(self, request: web.Request) -> web.StreamResponse:
        if (error := _bad_client(request)) is not None:
            return error
        login = self._sessions.authenticated_login(request.cookies.get(AUTHSESSID))
        if login is None or self._accounts.get(login) is None:
            return _redirect(NO_ACCESS_LOCATION)
        query = urlencode({"code": self._sessions.issue_code(login), "state": secrets.token_hex(8)})
        return _redirect(f"{GRANT_REDIRECT_PATH}?{query}")

    # Synergia host

    async def grant_redirect(self, request: web.Request) -> web.StreamResponse:
        code = request.query.get("code")
        login = self._sessions.redeem_code(code) if code else None
        account = None if login is None else self._accounts.get(login)
        if account is None:
            # ?error=invalid_request, a used or unknown code, or no code at all.
            return html_response("Librus Synergia", _NO_ACCESS)
        session = self._sessions.open_session(account.login)
        response = _redirect(PARENT_LANDING_PATH if account.is_parent else STUDENT_LANDING_PATH)
        response.set_cookie(DZIENNIKSID, session.dzienniksid, path="/", httponly=True)
        response.set_cookie(SDZIENNIKSID, session.sdzienniksid, path="/", httponly=True)
        response.set_cookie(
            OAUTH_TOKEN, session.oauth_token, path="/", max_age=OAUTH_TOKEN_MAX_AGE, httponly=True
        )
        return response

    async def landing(self, request: web.Request) -> web.StreamResponse:
        account = self.authenticate(request)
        if account is None:
            return html_response("Librus Synergia", _NO_ACCESS)
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
