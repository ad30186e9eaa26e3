"""The request log: one entry per request (admin requests excepted), in arrival order."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from aiohttp import web

from .constants import SECRET_FIELDS

_REDACTED = "***"


@dataclass(frozen=True, slots=True)
class RecordedRequest:
    """What the simulator saw. Secret values (passwords) are never kept: of a form only the
    field names are recorded, and secret query parameters are masked."""

    method: str
    path: str
    query: dict[str, str]
    form_keys: tuple[str, ...]
    cookies: dict[str, str]
    step: str | None
    # None while a request is still being served, and when it was hung or dropped.
    status: int | None
    monotonic: float

    def to_json(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "path": self.path,
            "query": dict(self.query),
            "form_keys": list(self.form_keys),
            "cookies": dict(self.cookies),
            "step": self.step,
            "status": self.status,
            "monotonic": self.monotonic,
        }


@dataclass(slots=True)
class _Entry:
    request: RecordedRequest
    status: int | None = field(default=None)

    def frozen(self) -> RecordedRequest:
        # Copies, so callers can't edit the log through the dicts they get.
        return replace(
            self.request,
            query=dict(self.request.query),
            cookies=dict(self.request.cookies),
            status=self.status,
        )


def _masked(values: Mapping[str, str]) -> dict[str, str]:
    return {
        key: (_REDACTED if key.lower() in SECRET_FIELDS else value) for key, value in values.items()
    }


class RequestLog:
    def __init__(self) -> None:
        self._entries: list[_Entry] = []

    async def open(self, request: web.Request, step: str | None) -> _Entry:
        """Record `request` on arrival; the caller sets the entry's status when it answers."""
        form_keys: tuple[str, ...] = ()
        if request.method == "POST" and request.content_type in (
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        ):
            # aiohttp caches the parsed form, so the handler can still read it. An unreadable
            # form is the handler's problem; the request is recorded all the same.
            with contextlib.suppress(ValueError, web.HTTPException):
                form_keys = tuple(dict.fromkeys(await request.post()))
        entry = _Entry(
            RecordedRequest(
                method=request.method,
                path=request.path,
                query=_masked(request.query),
                form_keys=form_keys,
                cookies=dict(request.cookies),
                step=step,
                status=None,
                monotonic=time.monotonic(),
            )
        )
        self._entries.append(entry)
        return entry

    def clear(self) -> None:
        # Entries still in flight keep updating their own (now detached) objects.
        self._entries = []

    def snapshot(self) -> list[RecordedRequest]:
        return [entry.frozen() for entry in self._entries]
