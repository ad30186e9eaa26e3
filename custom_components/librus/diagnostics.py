"""Diagnostics: the plan, request counts and the shape of the data, with no personal data.

Messages appear as counts only: no sender, topic or preview.
"""

from __future__ import annotations

from typing import Any

from homeassistant.components.diagnostics import async_redact_data
from homeassistant.core import HomeAssistant

from .const import CONF_PASSWORD, CONF_USERNAME
from .coordinator import LibrusConfigEntry

TO_REDACT = {CONF_USERNAME, CONF_PASSWORD}


async def async_get_config_entry_diagnostics(
    hass: HomeAssistant, entry: LibrusConfigEntry
) -> dict[str, Any]:
    coordinator = entry.runtime_data.coordinator
    client = entry.runtime_data.client
    snapshot = coordinator.data
    return {
        "entry": {
            "title": entry.title,
            "data": async_redact_data(dict(entry.data), TO_REDACT),
            "options": dict(entry.options),
        },
        "requests": {
            "total_since_setup": client.request_count,
            "polls": coordinator.poll_number,
            "last_plan": coordinator.last_plan,
            "messages_sessions_opened": client.messages_bootstraps,
        },
        # Password logins and password-free refreshes of the last 24 h (many logins are
        # what makes Librus ask for a captcha).
        "sign_ins_last_24h": client.login_guard.last_day(),
        "password_login_paused_seconds": round(client.login_guard.paused_for()),
        "sync": {
            "last_update_success": coordinator.last_update_success,
            "update_interval_seconds": (
                coordinator.update_interval.total_seconds() if coordinator.update_interval else None
            ),
            "fetched_at": snapshot.fetched_at.isoformat() if snapshot.fetched_at else None,
            "missing_modules": sorted(snapshot.missing),
            # Modules whose reads fail while the rest works (their last data stays on show).
            "failing_modules": {
                key: failure.as_dict() for key, failure in sorted(coordinator.failing.items())
            },
            # Items of the last answers that could not be understood (skipped, not fatal).
            "skipped_items": dict(sorted(coordinator.skipped_items.items())),
        },
        "snapshot": {
            "today": snapshot.today.isoformat(),
            "semester": snapshot.semester,
            "has_class": snapshot.student.class_name is not None,
            "has_register_number": snapshot.student.register_number is not None,
            "has_lucky_number": snapshot.lucky_number is not None,
            "weeks": [week.start.isoformat() for week in snapshot.weeks],
            "lessons": sum(1 for _ in snapshot.lessons()),
            "agenda": len(snapshot.agenda),
            "homework": len(snapshot.homework),
            "grades": sum(1 for _ in snapshot.all_grades()),
            "absences": len(snapshot.absences),
            "notices": len(snapshot.notices),
            "free_days": len(snapshot.free_days),
            "messages": {
                "available": snapshot.messages.available,
                "unread": snapshot.messages.unread,
                "listed": len(snapshot.messages.items),
                "listed_unread": sum(1 for m in snapshot.messages.items if m.unread),
                "listed_with_attachments": sum(
                    1 for m in snapshot.messages.items if m.has_attachments
                ),
            },
        },
        "seen": {kind: len(ids) for kind, ids in (coordinator.seen or {}).items()},
    }
