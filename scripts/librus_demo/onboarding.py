"""Onboarding over REST, the owner's login and tokens."""

from __future__ import annotations

import asyncio
import json
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from librus_demo.common import DemoError, Json, expect, log, request

HA_USER = "demo"
HA_NAME = "Demo"
LOGIN_FILE = "demo-login.json"  # inside the config dir: the generated owner password
ONBOARDING_STEPS = ("user", "core_config", "analytics", "integration")
OFFLINE_ONBOARDING_DOMAINS = frozenset({"google_translate"})


def wait_until_running(base_url: str, token: str, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    state = "?"
    while time.monotonic() < deadline:
        state = expect(request("GET", f"{base_url}/api/config", token=token), "GET /api/config")[
            "state"
        ]
        if state == "RUNNING":
            return
        time.sleep(0.5)
    raise DemoError(f"Home Assistant stayed in state {state} for {timeout:.0f} s")


@dataclass
class Login:
    username: str
    password: str
    access_token: str = ""
    refresh_token: str = ""
    client_id: str = ""


def _load_or_create_login(config_dir: Path) -> tuple[Login, bool]:
    path = config_dir / LOGIN_FILE
    if path.exists():
        saved = json.loads(path.read_text(encoding="utf-8"))
        return Login(username=saved["username"], password=saved["password"]), False
    login = Login(username=HA_USER, password=secrets.token_urlsafe(9))
    return login, True


def _save_login(config_dir: Path, login: Login) -> None:
    path = config_dir / LOGIN_FILE
    path.write_text(
        json.dumps({"username": login.username, "password": login.password}) + "\n",
        encoding="utf-8",
    )
    path.chmod(0o600)


def _token_from_code(base_url: str, client_id: str, code: str) -> Json:
    form = {"grant_type": "authorization_code", "code": code, "client_id": client_id}
    tokens: Json = expect(request("POST", f"{base_url}/auth/token", form=form), "POST /auth/token")
    return tokens


def password_login(base_url: str, login: Login) -> None:
    """The login form's REST flow (what the browser does), filling in the tokens."""
    client_id = f"{base_url}/"
    flow = expect(
        request(
            "POST",
            f"{base_url}/auth/login_flow",
            json_body={
                "client_id": client_id,
                "handler": ["homeassistant", None],
                "redirect_uri": f"{base_url}/?auth_callback=1",
            },
        ),
        "POST /auth/login_flow",
    )
    result = expect(
        request(
            "POST",
            f"{base_url}/auth/login_flow/{flow['flow_id']}",
            json_body={
                "client_id": client_id,
                "username": login.username,
                "password": login.password,
            },
        ),
        "login",
    )
    if result.get("type") != "create_entry":
        raise DemoError(
            f"cannot log in as {login.username!r} with the password in {LOGIN_FILE} "
            f"({result.get('errors')}); delete the config dir to start over"
        )
    tokens = _token_from_code(base_url, client_id, result["result"])
    login.access_token = tokens["access_token"]
    login.refresh_token = tokens["refresh_token"]
    login.client_id = client_id


def onboard(base_url: str, config_dir: Path, language: str = "en") -> Login:
    """Finish whatever onboarding steps are open (REST), and return a logged-in owner.

    The owner's password is generated once and kept in <config_dir>/demo-login.json.
    """
    resp = request("GET", f"{base_url}/api/onboarding")
    if resp.status == 404:  # onboarding finished: Home Assistant no longer serves its views
        done = set(ONBOARDING_STEPS)
    else:
        status = expect(resp, "GET /api/onboarding")
        done = {step["step"] for step in status if step["done"]}
    login, new = _load_or_create_login(config_dir)
    client_id = f"{base_url}/"
    drop_offline_extras = False
    if "user" not in done:
        log("onboarding: creating the owner user")
        if new:
            _save_login(config_dir, login)
        created = expect(
            request(
                "POST",
                f"{base_url}/api/onboarding/users",
                json_body={
                    "name": HA_NAME,
                    "username": login.username,
                    "password": login.password,
                    "client_id": client_id,
                    "language": language,
                },
            ),
            "onboarding (user)",
        )
        tokens = _token_from_code(base_url, client_id, created["auth_code"])
        login.access_token = tokens["access_token"]
        login.refresh_token = tokens["refresh_token"]
        login.client_id = client_id
    else:
        if new:
            raise DemoError(
                f"{config_dir} is onboarded but {LOGIN_FILE} is missing; delete {config_dir}"
                " to start over"
            )
        password_login(base_url, login)
    for step in ONBOARDING_STEPS[1:]:
        if step in done:
            continue
        if step == "core_config":
            drop_offline_extras = True
        log(f"onboarding: {step}")
        body = (
            {"client_id": client_id, "redirect_uri": f"{base_url}/?auth_callback=1"}
            if step == "integration"
            else {}
        )
        expect(
            request(
                "POST",
                f"{base_url}/api/onboarding/{step}",
                token=login.access_token,
                json_body=body,
            ),
            f"onboarding ({step})",
        )
    if drop_offline_extras:
        _remove_offline_onboarding_entries(base_url, login.access_token)
    return login


def _remove_offline_onboarding_entries(base_url: str, token: str, wait: float = 10.0) -> None:
    """Delete the entries onboarding adds that cannot work here (no internet, no packages).

    The core_config step starts flows for google_translate, met, radio_browser and
    shopping_list in the background. Without their packages met and radio_browser only log
    an import error; google_translate (whose flow needs no package) adds an entry that would
    fail at every start, so it is removed as soon as it appears. shopping_list stays.
    """
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        entries = expect(
            request("GET", f"{base_url}/api/config/config_entries/entry", token=token),
            "GET config entries",
        )
        extras = [entry for entry in entries if entry["domain"] in OFFLINE_ONBOARDING_DOMAINS]
        for entry in extras:
            log(f"onboarding: removing {entry['title']!r} (needs the internet)")
            expect(
                request(
                    "DELETE",
                    f"{base_url}/api/config/config_entries/entry/{entry['entry_id']}",
                    token=token,
                ),
                "DELETE config entry",
            )
        if extras:
            return
        time.sleep(0.2)


def long_lived_token(base_url: str, access_token: str, name: str) -> str:
    """Create a long-lived access token over the websocket API."""
    import aiohttp  # only this helper needs it

    async def create() -> str:
        ws_url = base_url.replace("http://", "ws://", 1) + "/api/websocket"
        async with aiohttp.ClientSession() as session, session.ws_connect(ws_url) as ws:
            await ws.receive_json()  # auth_required
            await ws.send_json({"type": "auth", "access_token": access_token})
            if (await ws.receive_json()).get("type") != "auth_ok":
                raise DemoError("websocket authentication failed")
            await ws.send_json(
                {
                    "id": 1,
                    "type": "auth/long_lived_access_token",
                    "client_name": name,
                    "lifespan": 365,
                }
            )
            answer = await ws.receive_json()
            if not answer.get("success"):
                raise DemoError(f"cannot create a long-lived token: {answer}")
            token: str = answer["result"]
            return token

    return asyncio.run(create())
