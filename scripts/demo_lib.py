"""Run a real Home Assistant with the Librus integration against the local simulator.

Shared by `make demo` (scripts/demo.sh) and the end-to-end tests (e2e/src/harness.ts):

    python scripts/demo_lib.py demo                    # the demo: banner, then until Ctrl-C
    python scripts/demo_lib.py serve --fresh --config-dir DIR --ha-port 0 --no-entry
        # for test harnesses: prints one line `LIBRUS_DEMO_READY {json}` on stdout, then runs
        # until SIGINT/SIGTERM or until its stdin closes (the harness died)
    python scripts/demo_lib.py dashboard --ha-url URL --token TOKEN --add-entry
        # against a running Home Assistant: the Librus entry (if missing) and the "Librus"
        # dashboard with the three cards; prints one JSON line {"entry_id", "dashboard_url"}

The building blocks (`prepare_config`, `start_simulator`, `start_hass`, `onboard`,
`add_librus_entry`, `ensure_librus_dashboard`, `stop_process`) are importable too.
Everything listens on 127.0.0.1. Only the standard library and aiohttp (already in the venv,
for the websocket calls) are used.

Child processes run in their own process groups, get SIGTERM if this process dies
(PR_SET_PDEATHSIG), and are stopped group-wide on SIGINT/SIGTERM, so nothing is left behind.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ctypes
import json
import os
import platform
import queue
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
TEMPLATE = REPO / "demo" / "configuration.yaml"
DEMO_CONFIG_DIR = REPO / "demo" / "config"
INTEGRATION_DIR = REPO / "custom_components" / "librus"
VENV_BIN = Path(sys.executable).parent
HOST = "127.0.0.1"
DEMO_HA_PORT = 8123
# The real Librus takes a few hundred milliseconds per request; so does the demo's simulator,
# which makes the config flow's progress screen visible as it is with the real service.
DEMO_LIBRUS_LATENCY = 0.3
HA_USER = "demo"
HA_NAME = "Demo"
LOGIN_FILE = "demo-login.json"  # inside the config dir: the generated owner password
RESTART_EXIT_CODE = 100  # hass exits with this when the UI asks for a restart
READY_PREFIX = "LIBRUS_DEMO_READY "
ONBOARDING_STEPS = ("user", "core_config", "analytics", "integration")
OFFLINE_ONBOARDING_DOMAINS = frozenset({"google_translate"})
# The storage-mode dashboard with the three Librus cards (`ensure_librus_dashboard`).
DASHBOARD_URL_PATH = "librus"
DASHBOARD_TITLE = "Librus"
DASHBOARD_ICON = "mdi:school"
CARD_TYPES = (
    "librus-today-card",
    "librus-timetable-card",
    "librus-grades-card",
    "librus-messages-card",
)

type Json = dict[str, Any]


def log(message: str) -> None:
    print(f"[demo] {message}", file=sys.stderr, flush=True)


class DemoError(RuntimeError):
    """Something a person can act on; printed without a traceback."""


# --- processes ---------------------------------------------------------------------------


def _die_with_parent() -> None:
    """preexec_fn: the child gets SIGTERM when this process dies, even by SIGKILL."""
    libc = ctypes.CDLL(None, use_errno=True)
    pr_set_pdeathsig = 1
    libc.prctl(pr_set_pdeathsig, signal.SIGTERM)


def _spawn(
    args: list[str], *, env: dict[str, str], stdout: Any, cwd: Path, text: bool = False
) -> subprocess.Popen[Any]:
    return subprocess.Popen(
        args,
        text=text,
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=stdout,
        stderr=subprocess.STDOUT,
        process_group=0,  # its own group: Ctrl-C reaches only us; we stop it in order
        preexec_fn=_die_with_parent,  # only a prctl: safe despite threads
    )


def stop_process(proc: subprocess.Popen[Any] | None, name: str, timeout: float = 30.0) -> None:
    """SIGTERM the process group, wait, then SIGKILL what is left of it."""
    if proc is None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        log(f"{name} did not stop within {timeout:.0f} s; killing it")
    # Kill stragglers in the group (also after a clean exit of the leader).
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def port_in_use(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex((HOST, port)) == 0


@dataclass
class Simulator:
    proc: subprocess.Popen[str]
    url: str
    env: dict[str, str]  # LIBRUS_OAUTH_URL, LIBRUS_SYNERGIA_URL, LIBRUS_MESSAGES_URL
    log_path: Path


def start_simulator(log_path: Path, port: int = 0, timeout: float = 30.0) -> Simulator:
    """Start `python -m librus_simulator` and read the `export` lines it prints first.

    It prints one line per URL the client reads, then a `#` line naming the demo accounts.
    """
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(REPO / "simulator"), env.get("PYTHONPATH")])
    )
    env["PYTHONUNBUFFERED"] = "1"
    proc: subprocess.Popen[str] = _spawn(
        [sys.executable, "-m", "librus_simulator", "--host", HOST, "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        cwd=REPO,
        text=True,
    )
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:  # hand the first lines over, keep the rest in the log file
        assert proc.stdout is not None
        with log_path.open("a", encoding="utf-8") as out:
            for line in proc.stdout:
                lines.put(line)
                out.write(line)
                out.flush()
        lines.put(None)

    threading.Thread(target=pump, daemon=True, name="simulator-output").start()
    exports: dict[str, str] = {}
    deadline = time.monotonic() + timeout
    while True:
        try:
            line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            line = None
        if line is None:
            stop_process(proc, "simulator")
            raise DemoError(f"the simulator did not start; see {log_path}")
        if line.startswith("export ") and "=" in line:
            key, _, value = line.removeprefix("export ").strip().partition("=")
            exports[key] = value
        elif exports and line.startswith("#"):  # the exports are over
            break
    url = exports.get("LIBRUS_OAUTH_URL", "")
    return Simulator(proc=proc, url=url, env=exports, log_path=log_path)


def _stored_http_config(port: int) -> Json | None:
    """`.storage/http` for HOST:port on a Home Assistant that manages HTTP in storage.

    From 2026.10 the `http:` YAML key is deprecated: HA imports it once as a *pending* config
    (a "confirm the new HTTP configuration" modal on every page; unconfirmed within 5 minutes
    it reverts to the stable config, port 8123 on every interface, and restarts). What the
    new HA wants is the config in its store, as the UI saves it once confirmed: so the stable
    slot is written, made by HA's own schema, with the YAML import marked done. None on an
    older HA (no such store): it reads `http:` from YAML.
    """
    try:
        from homeassistant.components.http import config as http_store
    except ImportError:
        return None
    if not hasattr(http_store, "HTTP_STORAGE_SCHEMA"):  # pragma: no cover - a future HA
        return None
    from datetime import UTC, datetime

    stable = dict(http_store.HTTP_STORAGE_SCHEMA({"server_host": [HOST], "server_port": port}))
    stable.update(created_at=datetime.now(UTC).isoformat(), error=None, error_message=None)
    return {
        "version": http_store.STORAGE_VERSION,
        "minor_version": http_store.STORAGE_MINOR_VERSION,
        "key": http_store.STORAGE_KEY,
        "data": {
            http_store.KEY_STABLE: stable,
            http_store.KEY_PENDING: None,
            http_store.KEY_YAML_MIGRATION_DONE: True,
        },
    }


def write_http_config(config_dir: Path, port: int) -> None:
    """HTTP on HOST:port only: in `.storage/http` on HA 2026.10+, else as `http:` YAML."""
    stored = _stored_http_config(port)
    if stored is None:
        with (config_dir / "configuration.yaml").open("a", encoding="utf-8") as yaml:
            yaml.write(f"\nhttp:\n  server_host: {HOST}\n  server_port: {port}\n")
        return
    storage = config_dir / ".storage"
    storage.mkdir(exist_ok=True)
    path = storage / "http"
    path.write_text(json.dumps(stored, indent=2) + "\n", encoding="utf-8")
    path.chmod(0o600)  # HA keeps this store private


def prepare_config(config_dir: Path, *, fresh: bool = False, ha_port: int | None = None) -> None:
    """Create (or refresh) a config dir from the committed template.

    Keeps `.storage` (onboarding, users, entries) unless `fresh`; the template, the HTTP
    config (with `ha_port`) and the custom_components/librus symlink are rewritten every time.
    """
    if fresh and config_dir.exists():
        shutil.rmtree(config_dir)
    config_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(TEMPLATE, config_dir / "configuration.yaml")
    if ha_port is not None:
        write_http_config(config_dir, ha_port)
    components = config_dir / "custom_components"
    components.mkdir(exist_ok=True)
    link = components / "librus"
    if link.is_symlink() and link.readlink() != INTEGRATION_DIR:
        link.unlink()
    if not link.is_symlink():
        if link.exists():
            shutil.rmtree(link)
        link.symlink_to(INTEGRATION_DIR, target_is_directory=True)


def start_hass(config_dir: Path, port: int, extra_env: dict[str, str]) -> subprocess.Popen[bytes]:
    """Start `hass` on HOST:port with the config dir; console output goes to hass.out."""
    env = dict(os.environ)
    env.update(extra_env)
    out = (config_dir / "hass.out").open("w", encoding="utf-8")
    try:
        return _spawn(
            [str(VENV_BIN / "hass"), "--config", str(config_dir), "--skip-pip"],
            env=env,
            stdout=out,
            cwd=config_dir,
        )
    finally:
        out.close()  # the child holds its own copy


# --- HTTP --------------------------------------------------------------------------------


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


def _expect(resp: Response, what: str, *statuses: int) -> Any:
    if resp.status not in (statuses or (200,)):
        raise DemoError(f"{what} failed: HTTP {resp.status} {resp.body!r}")
    return resp.body


def wait_for_hass(
    base_url: str, proc: subprocess.Popen[Any], log_file: Path, timeout: float
) -> None:
    """Until Home Assistant answers HTTP (fails fast when hass exits)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise DemoError(f"hass exited with {proc.returncode} while starting; see {log_file}")
        with contextlib.suppress(OSError):
            # Ready for `onboard`: the onboarding views answer (until onboarding is done;
            # then they vanish and the login providers answer instead).
            if request("GET", f"{base_url}/api/onboarding", timeout=5).status == 200:
                return
            if request("GET", f"{base_url}/auth/providers", timeout=5).status == 200:
                return
        time.sleep(0.5)
    raise DemoError(f"Home Assistant did not answer within {timeout:.0f} s; see {log_file}")


def wait_until_running(base_url: str, token: str, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    state = "?"
    while time.monotonic() < deadline:
        state = _expect(request("GET", f"{base_url}/api/config", token=token), "GET /api/config")[
            "state"
        ]
        if state == "RUNNING":
            return
        time.sleep(0.5)
    raise DemoError(f"Home Assistant stayed in state {state} for {timeout:.0f} s")


# --- onboarding and login ----------------------------------------------------------------


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
    tokens: Json = _expect(request("POST", f"{base_url}/auth/token", form=form), "POST /auth/token")
    return tokens


def password_login(base_url: str, login: Login) -> None:
    """The login form's REST flow (what the browser does), filling in the tokens."""
    client_id = f"{base_url}/"
    flow = _expect(
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
    result = _expect(
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
        status = _expect(resp, "GET /api/onboarding")
        done = {step["step"] for step in status if step["done"]}
    login, new = _load_or_create_login(config_dir)
    client_id = f"{base_url}/"
    drop_offline_extras = False
    if "user" not in done:
        log("onboarding: creating the owner user")
        if new:
            _save_login(config_dir, login)
        created = _expect(
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
        _expect(
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
        entries = _expect(
            request("GET", f"{base_url}/api/config/config_entries/entry", token=token),
            "GET config entries",
        )
        extras = [entry for entry in entries if entry["domain"] in OFFLINE_ONBOARDING_DOMAINS]
        for entry in extras:
            log(f"onboarding: removing {entry['title']!r} (needs the internet)")
            _expect(
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


def set_simulator_latency(simulator_url: str, seconds: float) -> None:
    """Make every simulated Librus request take `seconds`, like the real one does."""
    _expect(
        request("POST", f"{simulator_url}/__simulator/latency", json_body={"seconds": seconds}),
        "setting the simulator latency",
    )


# --- the Librus config entry -------------------------------------------------------------


def librus_entries(base_url: str, token: str) -> list[Json]:
    entries: list[Json] = _expect(
        request("GET", f"{base_url}/api/config/config_entries/entry?domain=librus", token=token),
        "GET config entries",
    )
    return [entry for entry in entries if entry.get("domain") == "librus"]


def add_librus_entry(
    base_url: str, token: str, username: str, password: str, timeout: float = 90.0
) -> Json:
    """Add a Librus entry through the config-flow REST API unless one exists; return it.

    POST the flow, POST the user form, then follow `progress` with GETs until the flow
    leaves it (HA advances a finished progress step itself, so the flow may already be
    gone: then the entry list tells the outcome).
    """
    if existing := librus_entries(base_url, token):
        return existing[0]
    flows = f"{base_url}/api/config/config_entries/flow"
    result = _expect(
        request("POST", flows, token=token, json_body={"handler": "librus"}),
        "starting the Librus config flow",
    )
    flow_id = result["flow_id"]
    if result.get("type") != "form":
        raise DemoError(f"the Librus config flow did not show its form: {result}")
    result = _expect(
        request(
            "POST",
            f"{flows}/{flow_id}",
            token=token,
            json_body={"username": username, "password": password},
            timeout=timeout,
        ),
        "submitting the Librus form",
    )
    deadline = time.monotonic() + timeout
    while result.get("type") == "progress":
        if time.monotonic() > deadline:
            raise DemoError(f"the Librus config flow stayed in progress for {timeout:.0f} s")
        time.sleep(0.5)
        resp = request("GET", f"{flows}/{flow_id}", token=token, timeout=timeout)
        if resp.status == 404:  # finished on its own after the progress task
            break
        result = _expect(resp, "following the Librus config flow")
    if entries := librus_entries(base_url, token):
        return entries[0]
    raise DemoError(f"the Librus config flow did not create an entry: {result}")


# --- the Librus dashboard ----------------------------------------------------------------


def librus_dashboard_config(entry_id: str) -> Json:
    """A sections view: Today and the messages beside the week's timetable, the grades below."""

    def card(card_type: str) -> Json:
        return {"type": f"custom:{card_type}", "entry_id": entry_id}

    today, timetable, grades, messages = (card(card_type) for card_type in CARD_TYPES)
    return {
        "title": DASHBOARD_TITLE,
        "views": [
            {
                "title": DASHBOARD_TITLE,
                "icon": DASHBOARD_ICON,
                "type": "sections",
                "max_columns": 3,
                "sections": [
                    {"type": "grid", "cards": [today, messages]},
                    {"type": "grid", "column_span": 2, "cards": [timetable]},
                    {"type": "grid", "column_span": 3, "cards": [grades]},
                ],
            }
        ],
    }


def _names_entry(config: Any, entry_id: str) -> bool:
    """Whether a saved dashboard config has a Librus card for `entry_id` anywhere."""
    if isinstance(config, dict):
        if (
            str(config.get("type", "")).removeprefix("custom:") in CARD_TYPES
            and config.get("entry_id") == entry_id
        ):
            return True
        return any(_names_entry(value, entry_id) for value in config.values())
    if isinstance(config, list):
        return any(_names_entry(value, entry_id) for value in config)
    return False


def ensure_librus_dashboard(base_url: str, token: str, entry_id: str) -> bool:
    """The storage-mode dashboard "Librus" (/librus, in the sidebar) with the three cards.

    Idempotent, over the websocket API: creates the dashboard unless it exists, and saves
    its cards unless it already has a Librus card of this entry (a dashboard someone has
    edited keeps its layout; one left from a deleted entry gets the cards again). Returns
    whether anything was written.
    """
    import aiohttp  # only the websocket helpers need it

    async def ensure() -> bool:
        ws_url = base_url.replace("http://", "ws://", 1) + "/api/websocket"
        async with aiohttp.ClientSession() as session, session.ws_connect(ws_url) as ws:
            await ws.receive_json()  # auth_required
            await ws.send_json({"type": "auth", "access_token": token})
            if (await ws.receive_json()).get("type") != "auth_ok":
                raise DemoError("websocket authentication failed")
            ids = iter(range(1, 100))

            async def call(message: Json) -> Json:
                msg_id = next(ids)
                await ws.send_json({"id": msg_id, **message})
                while True:
                    answer: Json = await ws.receive_json()
                    if answer.get("id") == msg_id and answer.get("type") == "result":
                        return answer

            def result(answer: Json, what: str) -> Any:
                if not answer.get("success"):
                    raise DemoError(f"{what} failed: {answer.get('error')}")
                return answer.get("result")

            wrote = False
            dashboards = result(await call({"type": "lovelace/dashboards/list"}), "listing")
            if not any(d.get("url_path") == DASHBOARD_URL_PATH for d in dashboards):
                result(
                    await call(
                        {
                            "type": "lovelace/dashboards/create",
                            "url_path": DASHBOARD_URL_PATH,
                            "allow_single_word": True,  # /librus, not /dashboard-librus
                            "title": DASHBOARD_TITLE,
                            "icon": DASHBOARD_ICON,
                            "show_in_sidebar": True,
                            "require_admin": False,
                            "mode": "storage",
                        }
                    ),
                    "creating the Librus dashboard",
                )
                wrote = True
            saved = await call({"type": "lovelace/config", "url_path": DASHBOARD_URL_PATH})
            if not saved.get("success") or not _names_entry(saved.get("result"), entry_id):
                result(
                    await call(
                        {
                            "type": "lovelace/config/save",
                            "url_path": DASHBOARD_URL_PATH,
                            "config": librus_dashboard_config(entry_id),
                        }
                    ),
                    "saving the Librus dashboard",
                )
                wrote = True
            return wrote

    return asyncio.run(ensure())


def dashboard_url(base_url: str) -> str:
    return f"{base_url}/{DASHBOARD_URL_PATH}/0"


# --- putting it together -----------------------------------------------------------------


@dataclass
class Stack:
    """A running simulator + Home Assistant."""

    config_dir: Path
    ha_url: str
    simulator: Simulator | None = None
    hass: subprocess.Popen[bytes] | None = None
    login: Login | None = None
    hass_env: dict[str, str] = field(default_factory=dict)
    ha_port: int = 0

    def stop(self) -> None:
        stop_process(self.hass, "Home Assistant", timeout=30)
        self.hass = None
        if self.simulator is not None:
            stop_process(self.simulator.proc, "simulator", timeout=10)
            self.simulator = None

    def restart_hass(self, boot_timeout: float) -> None:
        stop_process(self.hass, "Home Assistant", timeout=30)
        prepare_config(self.config_dir, ha_port=self.ha_port)
        self.hass = start_hass(self.config_dir, self.ha_port, self.hass_env)
        wait_for_hass(self.ha_url, self.hass, self.config_dir / "hass.out", boot_timeout)


def start_stack(
    config_dir: Path,
    *,
    ha_port: int,
    sim_port: int = 0,
    fresh: bool = False,
    boot_timeout: float = 180.0,
    extra_env: dict[str, str] | None = None,
) -> Stack:
    """Simulator, then hass wired to it, then onboarding. The caller must `stop()` it."""
    if ha_port == 0:
        ha_port = free_port()
    elif port_in_use(ha_port):
        raise DemoError(
            f"port {ha_port} on {HOST} is already in use (is another `make demo` running?)"
        )
    prepare_config(config_dir, fresh=fresh, ha_port=ha_port)
    stack = Stack(config_dir=config_dir, ha_url=f"http://{HOST}:{ha_port}", ha_port=ha_port)
    try:
        log("starting the Librus simulator")
        stack.simulator = start_simulator(config_dir / "simulator.log", sim_port)
        stack.hass_env = {**stack.simulator.env, **(extra_env or {})}
        log(f"starting Home Assistant on {stack.ha_url} (log: {config_dir}/home-assistant.log)")
        started = time.monotonic()
        stack.hass = start_hass(config_dir, ha_port, stack.hass_env)
        wait_for_hass(stack.ha_url, stack.hass, config_dir / "hass.out", boot_timeout)
        stack.login = onboard(stack.ha_url, config_dir)
        wait_until_running(stack.ha_url, stack.login.access_token, boot_timeout)
        log(f"Home Assistant is running ({time.monotonic() - started:.1f} s)")
    except BaseException:
        stack.stop()
        raise
    return stack


def frontend_info() -> dict[str, str]:
    """Versions of core and frontend, and where the frontend's files (translations) are."""
    from importlib.metadata import version

    import hass_frontend

    return {
        "ha_version": version("homeassistant"),
        "frontend_version": version("home-assistant-frontend"),
        "frontend_dir": str(hass_frontend.where()),
    }


def demo_accounts() -> list[tuple[str, str, str]]:
    """(login, password, description) of the simulator's demo accounts."""
    sys.path.insert(0, str(REPO / "simulator"))
    try:
        from librus_simulator.accounts import DEMO_ACCOUNTS
    finally:
        sys.path.pop(0)
    return [
        (
            account.login,
            account.password,
            ("parent of " if account.account_type == "parent" else "student ")
            + f"{account.student_first_name} {account.student_last_name}",
        )
        for account in DEMO_ACCOUNTS
    ]


@contextlib.contextmanager
def _stop_signals(on_signal: Callable[[int], None]) -> Iterator[None]:
    """SIGINT/SIGTERM call on_signal (which raises) instead of the defaults."""

    def handler(signum: int, _frame: object) -> None:
        on_signal(signum)

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


class _Stop(Exception):
    pass


_stop_requested = threading.Event()


def _raise_stop(signum: int) -> None:
    if _stop_requested.is_set():  # already stopping: let the cleanup finish
        return
    _stop_requested.set()
    raise _Stop(signal.Signals(signum).name)


def run_demo(args: argparse.Namespace) -> int:
    stack: Stack | None = None
    with _stop_signals(_raise_stop):
        try:
            config_dir = Path(args.config_dir).resolve()
            stack = start_stack(config_dir, ha_port=args.ha_port, sim_port=args.sim_port)
            assert stack.login is not None
            assert stack.simulator is not None
            accounts = demo_accounts()
            set_simulator_latency(stack.simulator.url, args.librus_latency)
            added = ""
            dashboard = ""
            if (INTEGRATION_DIR / "manifest.json").exists():
                entries = librus_entries(stack.ha_url, stack.login.access_token)
                if entries:
                    entry = entries[0]
                    log(f"the Librus integration is already added ({entry['title']})")
                else:
                    login, password, _ = accounts[0]
                    log(f"adding the Librus integration for {login}")
                    entry = add_librus_entry(
                        stack.ha_url, stack.login.access_token, login, password
                    )
                    log(f"added Librus entry {entry['title']!r}")
                added = accounts[0][0]
                if ensure_librus_dashboard(
                    stack.ha_url, stack.login.access_token, entry["entry_id"]
                ):
                    log("set up the Librus dashboard with the three cards")
                dashboard = dashboard_url(stack.ha_url)
            else:
                log(f"{INTEGRATION_DIR}/manifest.json is missing; not adding the Librus entry")
            versions = frontend_info()
            print()
            print(
                f"Home Assistant: {stack.ha_url}  user: {stack.login.username}  "
                f"password: {stack.login.password}"
            )
            for login, password, description in accounts:
                note = "; already added" if login == added else ""
                print(f"Librus demo account: {login}  password: {password}  ({description}{note})")
            if dashboard:
                print(f"Librus dashboard: {dashboard}  (the Today, Timetable and Grades cards)")
            print(
                f"Librus simulator: {stack.simulator.url}  (admin API under /__simulator/; "
                f"every request takes {args.librus_latency:g} s)"
            )
            print(
                f"Home Assistant {versions['ha_version']}, frontend "
                f"{versions['frontend_version']}, Python {platform.python_version()}; "
                f"log: {config_dir}/home-assistant.log"
            )
            print("Press Ctrl-C to stop Home Assistant and the simulator.", flush=True)
            while True:
                time.sleep(0.5)
                if stack.simulator.proc.poll() is not None:
                    raise DemoError(f"the simulator exited; see {stack.simulator.log_path}")
                assert stack.hass is not None
                code = stack.hass.poll()
                if code == RESTART_EXIT_CODE:
                    log("Home Assistant asked for a restart; restarting it")
                    stack.restart_hass(boot_timeout=180)
                elif code is not None:
                    raise DemoError(
                        f"Home Assistant exited with {code}; see {config_dir}/home-assistant.log"
                    )
        except _Stop:
            log("stopping Home Assistant and the simulator")
        finally:
            if stack is not None:
                # A second Ctrl-C must not abandon the children half-stopped.
                signal.signal(signal.SIGINT, signal.SIG_IGN)
                signal.signal(signal.SIGTERM, signal.SIG_IGN)
                stack.stop()
                log("stopped")
    return 0


def run_serve(args: argparse.Namespace) -> int:
    """For test harnesses: start, print one JSON line, run until signalled or stdin closes."""
    config_dir = Path(args.config_dir).resolve()
    stopping = threading.Event()

    def watch_stdin() -> None:  # the harness died or closed our stdin: shut down
        # os.read, not sys.stdin: a daemon thread blocked in a buffered read makes the
        # interpreter abort at exit ("could not acquire lock for <stdin>").
        with contextlib.suppress(OSError):
            while os.read(0, 4096):
                pass
        stopping.set()
        os.kill(os.getpid(), signal.SIGTERM)

    stack: Stack | None = None
    with _stop_signals(_raise_stop):
        try:
            if args.watch_stdin:
                threading.Thread(target=watch_stdin, daemon=True, name="stdin-watch").start()
            extra_env = dict(item.split("=", 1) for item in args.env)
            stack = start_stack(
                config_dir,
                ha_port=args.ha_port,
                sim_port=args.sim_port,
                fresh=args.fresh,
                extra_env=extra_env,
            )
            assert stack.login is not None
            assert stack.simulator is not None
            entry_id = None
            if not args.no_entry:
                login, password, _ = demo_accounts()[0]
                entry_id = add_librus_entry(
                    stack.ha_url, stack.login.access_token, login, password
                )["entry_id"]
                ensure_librus_dashboard(stack.ha_url, stack.login.access_token, entry_id)
            info = {
                "ha_url": stack.ha_url,
                "simulator_url": stack.simulator.url,
                "config_dir": str(config_dir),
                "username": stack.login.username,
                "password": stack.login.password,
                "access_token": stack.login.access_token,
                "refresh_token": stack.login.refresh_token,
                "token": long_lived_token(
                    stack.ha_url, stack.login.access_token, f"e2e {time.time():.0f}"
                ),
                "entry_id": entry_id,
                **frontend_info(),
                "hass_pid": stack.hass.pid if stack.hass else None,
                "simulator_pid": stack.simulator.proc.pid,
            }
            print(READY_PREFIX + json.dumps(info), flush=True)
            while not stopping.is_set():
                time.sleep(0.5)
                if stack.simulator.proc.poll() is not None:
                    raise DemoError("the simulator exited")
                if stack.hass is not None and stack.hass.poll() is not None:
                    raise DemoError(f"hass exited with {stack.hass.returncode}")
        except _Stop:
            pass
        finally:
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            if stack is not None:
                stack.stop()
            if args.keep_logs:
                keep = Path(args.keep_logs)
                keep.mkdir(parents=True, exist_ok=True)
                for name in ("home-assistant.log", "simulator.log"):
                    if (config_dir / name).exists():
                        shutil.copyfile(config_dir / name, keep / name)
            if args.temporary:
                shutil.rmtree(config_dir, ignore_errors=True)
    return 0


def run_dashboard(args: argparse.Namespace) -> int:
    """Against a running Home Assistant: the Librus entry (optionally added) + its dashboard."""
    base_url = args.ha_url.rstrip("/")
    entries = [e for e in librus_entries(base_url, args.token) if e.get("state") == "loaded"]
    if not entries and args.add_entry:
        login, password, _ = demo_accounts()[0]
        log(f"adding the Librus integration for {login}")
        add_librus_entry(base_url, args.token, login, password)
        deadline = time.monotonic() + 60
        while not entries and time.monotonic() < deadline:
            entries = [
                e for e in librus_entries(base_url, args.token) if e.get("state") == "loaded"
            ]
            if not entries:
                time.sleep(0.2)
    if not entries:
        raise DemoError("there is no loaded Librus entry (add one, or pass --add-entry)")
    entry_id = entries[0]["entry_id"]
    if ensure_librus_dashboard(base_url, args.token, entry_id):
        log("set up the Librus dashboard with the three cards")
    print(json.dumps({"entry_id": entry_id, "dashboard_url": dashboard_url(base_url)}), flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    demo = sub.add_parser("demo", help="the `make demo` run (config in demo/config)")
    demo.add_argument("--ha-port", type=int, default=DEMO_HA_PORT)
    demo.add_argument("--config-dir", default=str(DEMO_CONFIG_DIR), help="default: %(default)s")
    demo.add_argument("--sim-port", type=int, default=0, help="0: any free port")
    demo.add_argument(
        "--librus-latency",
        type=float,
        default=DEMO_LIBRUS_LATENCY,
        help="seconds every simulated Librus request takes (default: %(default)s, like Librus)",
    )
    serve = sub.add_parser("serve", help="for test harnesses: one JSON line, then run")
    serve.add_argument("--config-dir", required=True)
    serve.add_argument("--ha-port", type=int, default=0, help="0: any free port")
    serve.add_argument("--sim-port", type=int, default=0, help="0: any free port")
    serve.add_argument("--fresh", action="store_true", help="delete the config dir first")
    serve.add_argument("--no-entry", action="store_true", help="do not add the Librus entry")
    serve.add_argument("--watch-stdin", action="store_true", help="stop when stdin closes")
    serve.add_argument(
        "--temporary", action="store_true", help="delete the config dir when stopping"
    )
    serve.add_argument("--keep-logs", metavar="DIR", help="copy the logs here when stopping")
    serve.add_argument(
        "--env", action="append", default=[], metavar="KEY=VALUE", help="extra env for hass"
    )
    dashboard = sub.add_parser(
        "dashboard", help="the Librus dashboard (and entry) in a running Home Assistant"
    )
    dashboard.add_argument("--ha-url", required=True)
    dashboard.add_argument("--token", required=True, help="an admin's access token")
    dashboard.add_argument(
        "--add-entry", action="store_true", help="add the demo parent's entry when none is loaded"
    )
    args = parser.parse_args(argv)
    runners = {"demo": run_demo, "serve": run_serve, "dashboard": run_dashboard}
    try:
        return runners[args.command](args)
    except DemoError as err:
        log(f"error: {err}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
