"""The storage-mode "Librus" dashboard with the cards (websocket API)."""

from __future__ import annotations

import asyncio
from typing import Any

from librus_demo.common import DemoError, Json

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
