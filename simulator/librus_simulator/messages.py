"""The messages host (Wiadomości, `https://wiadomosci.librus.pl`), served on the simulator's
port under `MESSAGES_PREFIX`, and the bootstrap from a Synergia session.

messages_bootstrap  GET {synergia}/wiadomosci3 with a live Synergia session
                    → 302 {messages}/pobierz_20/MultiDomainLogon/token/<64 alnum>
                      /login/<base64url login>/target/L25vd3k/from/c3luZXJnaWE
                    no session, or the module off for the account → 200 "Brak dostępu"
messages_logon      GET {messages}/pobierz_20/MultiDomainLogon/… (the one-time token)
                    → sets `wiadomosci_session` (Path=/wiadomosci-host), 302 {messages}/nowy
messages_landing    GET {messages}/nowy → 200 HTML (without a messages session: "Brak dostępu")
messages_unread     GET {messages}/api/inbox/unreadMessagesCount
messages_list       GET {messages}/api/inbox/messages?page=1&limit=N (does not mark read)
messages_detail     GET {messages}/api/inbox/messages/{id} (MARKS THE MESSAGE READ)

The API needs the messages session cookie (Synergia's cookies are not enough): without it
401 `{"code":"UNAUTHORIZED","message":…}`. A messages session lives until
`expire_sessions` (independently of the Synergia session) or until the module is switched
off for its account.

Controls (`sim.messages`, a `MessagesHost`): `deliver`, `is_read` / `read_date`,
`detail_fetches`, `expire_sessions`, `disable` / `enable`, `inbox` / `unread_count`.
"""

from __future__ import annotations

import base64
import secrets
import string
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Final

from aiohttp import web

from .accounts import Account, AccountBook
from .constants import (
    MESSAGES_BOOTSTRAP,
    MESSAGES_BOOTSTRAP_PATH,
    MESSAGES_COOKIE,
    MESSAGES_DETAIL,
    MESSAGES_LANDING,
    MESSAGES_LIST,
    MESSAGES_LOGON,
    MESSAGES_PREFIX,
    MESSAGES_STEPS,
    MESSAGES_UNREAD,
)
from .messages_inbox import (
    DATE_FORMAT,
    DELIVERED_ID_START,
    InboxMessage,
    JsonObject,
    detail,
    list_item,
    seeded_inbox,
    split_sender,
    text_to_html,
)
from .responses import html_response, json_response, no_access_response
from .school_calendar import school_year_start

# base64url("/nowy") and base64url("synergia"), unpadded, as in the live Location.
TARGET_NOWY: Final = "L25vd3k"
FROM_SYNERGIA: Final = "c3luZXJnaWE"
LOGON_TOKEN_LENGTH: Final = 64
DEFAULT_PAGE_LIMIT: Final = 10

UNAUTHORIZED_BODY: Final[JsonObject] = {
    "code": "UNAUTHORIZED",
    "message": "Brak autoryzacji. Zaloguj się ponownie.",
}
NOT_FOUND_BODY: Final[JsonObject] = {
    "code": "NOT_FOUND",
    "message": "Nie odnaleziono wiadomości.",
}

# The other mailboxes' counters, always 0 here (the real answer has all of these keys).
_OTHER_COUNTERS: Final = (
    "notes",
    "alerts",
    "substitutions",
    "absences",
    "justifications",
    "trash",
    "archiveInbox",
    "archiveNotes",
    "archiveAlerts",
    "archiveSubstitutions",
    "archiveAbsences",
    "archiveJustifications",
    "archiveTrash",
)
# Unused logon tokens and messages sessions kept at most (a long demo must not grow forever).
_MAX_TOKENS: Final = 10_000
_MAX_SESSIONS: Final = 10_000

_ALNUM: Final = string.ascii_letters + string.digits

# (the Synergia base URL of a request, e.g. http://127.0.0.1:8765)
type BaseOf = Callable[[web.Request], str]
type Authenticate = Callable[[web.Request], Account | None]


def b64url(text: str) -> str:
    """Unpadded base64url of UTF-8 text (the logon URL's `login`, `target` and `from`)."""
    return base64.urlsafe_b64encode(text.encode()).decode("ascii").rstrip("=")


def _b64url_decode(value: str) -> str | None:
    try:
        return base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode()
    except (ValueError, UnicodeDecodeError):
        return None


def _redirect(location: str) -> web.Response:
    return web.Response(status=302, headers={"Location": location})


@dataclass(frozen=True, slots=True)
class MessageState:
    """What the admin API tells about one message."""

    message_id: str
    login: str
    topic: str
    sender: str
    send_date: str
    read_date: str | None
    has_attachment: bool
    visible: bool

    @property
    def read(self) -> bool:
        return self.read_date is not None

    def to_json(self) -> JsonObject:
        return {
            "id": self.message_id,
            "login": self.login,
            "topic": self.topic,
            "sender": self.sender,
            "send_date": self.send_date,
            "read": self.read,
            "read_date": self.read_date,
            "has_attachment": self.has_attachment,
            "visible": self.visible,
        }


class MessagesHost:
    """The messages host's routes, each account's inbox and the controls over them.

    `today` is the simulated date (`sim.school.today`); `synergia_base` gives the Synergia
    base URL of a request (the messages host is `synergia_base + MESSAGES_PREFIX`);
    `authenticate` finds the live Synergia session of a request.
    """

    def __init__(
        self,
        accounts: AccountBook,
        authenticate: Authenticate,
        synergia_base: BaseOf,
        today: Callable[[], date],
    ) -> None:
        self._accounts = accounts
        self._authenticate = authenticate
        self._synergia_base = synergia_base
        self._today = today
        self._tokens: dict[str, str] = {}  # one-time logon token -> login
        self._sessions: dict[str, str] = {}  # wiadomosci_session value -> login
        self._seeded: dict[tuple[str, int], tuple[InboxMessage, ...]] = {}
        self._delivered: dict[str, list[InboxMessage]] = {}  # login -> delivered messages
        self._read: dict[tuple[str, str], str] = {}  # (login, id) -> read date from a detail
        self._disabled: set[str] = set()
        self._fetches: list[tuple[str, str]] = []  # (login, id) of every detail request
        self._next_id = DELIVERED_ID_START

    # Routes

    def register(self, app: web.Application) -> dict[web.AbstractRoute, str]:
        """Add the routes; return each route's step name."""
        add = app.router.add_route
        api = f"{MESSAGES_PREFIX}/api/inbox"
        logon = (
            f"{MESSAGES_PREFIX}/{{pobierz:pobierz_?[0-9]+}}/MultiDomainLogon/token/{{token}}"
            "/login/{login}/target/{target}/from/{source}"
        )
        return {
            add("GET", MESSAGES_BOOTSTRAP_PATH, self.bootstrap): MESSAGES_BOOTSTRAP,
            add("GET", logon, self.logon): MESSAGES_LOGON,
            add("GET", f"{MESSAGES_PREFIX}/nowy", self.landing): MESSAGES_LANDING,
            add("GET", f"{api}/unreadMessagesCount", self.unread): MESSAGES_UNREAD,
            add("GET", f"{api}/messages", self.list_messages): MESSAGES_LIST,
            add("GET", f"{api}/messages/{{id}}", self.message_detail): MESSAGES_DETAIL,
        }

    @property
    def steps(self) -> frozenset[str]:
        return frozenset(MESSAGES_STEPS)

    def base_url(self, request: web.Request) -> str:
        return f"{self._synergia_base(request)}{MESSAGES_PREFIX}"

    # The bootstrap

    async def bootstrap(self, request: web.Request) -> web.StreamResponse:
        account = self._authenticate(request)
        if account is None or account.login in self._disabled:
            return no_access_response()
        token = "".join(secrets.choice(_ALNUM) for _ in range(LOGON_TOKEN_LENGTH))
        self._tokens[token] = account.login
        while len(self._tokens) > _MAX_TOKENS:
            del self._tokens[next(iter(self._tokens))]
        return _redirect(
            f"{self.base_url(request)}/pobierz_20/MultiDomainLogon/token/{token}"
            f"/login/{b64url(account.login)}/target/{TARGET_NOWY}/from/{FROM_SYNERGIA}"
        )

    async def logon(self, request: web.Request) -> web.StreamResponse:
        info = request.match_info
        login = self._tokens.pop(info["token"], None)  # a token works once
        if (
            login is None
            or _b64url_decode(info["login"]) != login
            or login in self._disabled
            or self._accounts.get(login) is None
        ):
            return no_access_response()
        target = _b64url_decode(info["target"]) or "/nowy"
        if not target.startswith("/") or target.startswith("//"):
            target = "/nowy"
        session = secrets.token_hex(20)
        self._sessions[session] = login
        while len(self._sessions) > _MAX_SESSIONS:
            del self._sessions[next(iter(self._sessions))]
        response = _redirect(f"{self.base_url(request)}{target}")
        response.set_cookie(MESSAGES_COOKIE, session, path=MESSAGES_PREFIX, httponly=True)
        return response

    async def landing(self, request: web.Request) -> web.StreamResponse:
        if self._session_login(request) is None:
            return no_access_response()
        return html_response(
            "Wiadomości — LIBRUS",
            '<h1>Wiadomości</h1>\n<div id="root" data-app="wiadomosci"></div>',
        )

    # The API

    def _session_login(self, request: web.Request) -> str | None:
        login = self._sessions.get(request.cookies.get(MESSAGES_COOKIE, ""))
        if login is None or login in self._disabled or self._accounts.get(login) is None:
            return None
        return login

    async def unread(self, request: web.Request) -> web.StreamResponse:
        login = self._session_login(request)
        if login is None:
            return json_response(UNAUTHORIZED_BODY, status=401)
        counts: JsonObject = {"inbox": self.unread_count(login)}
        counts.update(dict.fromkeys(_OTHER_COUNTERS, 0))
        return json_response({"data": counts})

    async def list_messages(self, request: web.Request) -> web.StreamResponse:
        login = self._session_login(request)
        if login is None:
            return json_response(UNAUTHORIZED_BODY, status=401)
        try:
            page = int(request.query.get("page", "1"))
            limit = int(request.query.get("limit", str(DEFAULT_PAGE_LIMIT)))
        except ValueError:
            page = limit = 0
        if page < 1 or limit < 1:
            return json_response(
                {"code": "VALIDATION_ERROR", "message": "Nieprawidłowe parametry stronicowania."},
                status=400,
            )
        items = self.inbox(login)
        start = (page - 1) * limit
        return json_response({"data": items[start : start + limit], "total": len(items)})

    async def message_detail(self, request: web.Request) -> web.StreamResponse:
        login = self._session_login(request)
        if login is None:
            return json_response(UNAUTHORIZED_BODY, status=401)
        message_id = request.match_info["id"]
        self._fetches.append((login, message_id))
        message = self._find(login, message_id)
        account = self._accounts.get(login)
        if message is None or account is None:
            return json_response(NOT_FOUND_BODY, status=404)
        # Reading the message in Librus marks it read, for good.
        read_date = self._read_date(login, message)
        if read_date is None:
            read_date = self._now(after=message.sent).strftime(DATE_FORMAT)
            self._read[(login, message_id)] = read_date
        body = detail(
            message,
            read_date,
            receiver=f"{account.account_first_name} {account.account_last_name}",
            student=(account.student_first_name, account.student_last_name),
        )
        return json_response({"data": body})

    # Inbox state

    def _now(self, *, after: datetime | None = None) -> datetime:
        """The wall-clock time on the simulated day, not before `after` (+1 s)."""
        now = datetime.combine(self._today(), datetime.now().time().replace(microsecond=0))
        if after is not None and now <= after:
            now = after + timedelta(seconds=1)
        return now

    def _account(self, login: str) -> Account:
        account = self._accounts.get(login)
        if account is None:
            raise KeyError(f"unknown login {login!r}")
        return account

    def _messages(self, login: str) -> list[InboxMessage]:
        """Every message of the account in this school year and delivered, visible or not."""
        account = self._account(login)
        key = (login, school_year_start(self._today()))
        seeded = self._seeded.get(key)
        if seeded is None:
            seeded = seeded_inbox(login, account.account_id, account.student_first_name, key[1])
            self._seeded[key] = seeded
        return [*seeded, *self._delivered.get(login, ())]

    def _visible(self, login: str) -> list[InboxMessage]:
        """The messages the account sees today, newest first."""
        today = self._today()
        visible = [message for message in self._messages(login) if message.visible(today)]
        visible.sort(key=lambda message: (message.sent, int(message.message_id)), reverse=True)
        return visible

    def _find(self, login: str, message_id: str) -> InboxMessage | None:
        return next((m for m in self._visible(login) if m.message_id == message_id), None)

    def _read_date(self, login: str, message: InboxMessage) -> str | None:
        read = self._read.get((login, message.message_id))
        return read if read is not None else message.seeded_read_date(self._today())

    def inbox(self, login: str) -> list[JsonObject]:
        """The account's list items today, newest first (what the list endpoint pages)."""
        return [list_item(m, self._read_date(login, m)) for m in self._visible(login)]

    def unread_count(self, login: str) -> int:
        return sum(1 for m in self._visible(login) if self._read_date(login, m) is None)

    def states(self, login: str | None = None) -> list[MessageState]:
        """Every message (of one account, or all), visible or not, newest first."""
        today = self._today()
        logins = [login] if login is not None else [a.login for a in self._accounts]
        states: list[MessageState] = []
        for name in logins:
            messages = sorted(
                self._messages(name), key=lambda m: (m.sent, int(m.message_id)), reverse=True
            )
            states.extend(
                MessageState(
                    message_id=m.message_id,
                    login=name,
                    topic=m.topic,
                    sender=m.sender_name,
                    send_date=m.send_date,
                    read_date=self._read_date(name, m) if m.visible(today) else None,
                    has_attachment=bool(m.attachments),
                    visible=m.visible(today),
                )
                for m in messages
            )
        return states

    def state(self, message_id: str, login: str | None = None) -> MessageState:
        """One message's state; KeyError when no account (or not `login`) has it."""
        for state in self.states(login):
            if state.message_id == message_id:
                return state
        raise KeyError(f"no message {message_id!r}")

    def read_date(self, message_id: str, login: str | None = None) -> str | None:
        return self.state(message_id, login).read_date

    def is_read(self, message_id: str, login: str | None = None) -> bool:
        """Whether the message counts as read (a detail GET, or the parent read it in a
        browser per the seeded inbox); KeyError for an unknown id."""
        return self.state(message_id, login).read

    @property
    def detail_fetches(self) -> list[str]:
        """Ids of every detail request with a messages session (found or not), in order."""
        return [message_id for _, message_id in self._fetches]

    def detail_fetches_of(self, login: str) -> list[str]:
        return [message_id for name, message_id in self._fetches if name == login]

    # Controls

    def first_login(self) -> str:
        """The default account of the controls: the first one (the demo parent)."""
        account = next(iter(self._accounts), None)
        if account is None:
            raise KeyError("the simulator has no accounts")
        return account.login

    def deliver(
        self,
        login: str | None = None,
        *,
        sender: str = "Anna Kowalczyk",
        topic: str = "Nowa wiadomość",
        content: str = "",
        has_attachment: bool = False,
    ) -> str:
        """A new unread message for `login` (default: the first account), sent now on the
        simulated day (never before the newest visible one, so it tops the list); return
        its id. `sender` "First Last" (one word: a group, all in the first name)."""
        login = self.first_login() if login is None else login
        self._account(login)
        if not sender.strip():
            raise ValueError("sender must not be empty")
        visible = self._visible(login)
        sent = self._now(after=visible[0].sent if visible else None)
        first, last = split_sender(sender)
        message_id = str(self._next_id)
        self._next_id += 1
        self._delivered.setdefault(login, []).append(
            InboxMessage(
                message_id=message_id,
                sender_first_name=first,
                sender_last_name=last,
                sender_group="Nauczyciel" if last else "Sekretariat",
                topic=topic,
                html=text_to_html(content),
                sent=sent,
                attachments=("Załącznik.pdf",) if has_attachment else (),
            )
        )
        return message_id

    def expire_sessions(self, login: str | None = None) -> int:
        """End messages sessions (all, or one login's) only; return how many ended. The API
        answers 401 to them until a new bootstrap; Synergia's session is untouched."""
        doomed = [key for key, name in self._sessions.items() if login in (None, name)]
        for key in doomed:
            del self._sessions[key]
        return len(doomed)

    def disable(self, login: str) -> None:
        """Switch the messages module off for `login`: the bootstrap answers "Brak dostępu"
        and its messages sessions end."""
        self._account(login)
        self._disabled.add(login)
        self.expire_sessions(login)

    def enable(self, login: str | None = None) -> None:
        """Switch the module back on for `login` (None: every account)."""
        if login is None:
            self._disabled.clear()
        else:
            self._disabled.discard(login)

    def enabled(self, login: str) -> bool:
        return login not in self._disabled

    @property
    def live_sessions(self) -> int:
        return len(self._sessions)
