"""Small response builders shared by the route modules."""

from __future__ import annotations

import json
from functools import partial
from html import escape
from typing import Any, Final

from aiohttp import web

type JsonObject = dict[str, Any]

# Librus answers UTF-8 JSON with Polish letters unescaped; keep that so tests can grep bodies.
_dumps = partial(json.dumps, ensure_ascii=False)


def json_response(body: JsonObject, status: int = 200) -> web.Response:
    return web.json_response(body, status=status, dumps=_dumps)


def html_response(title: str, body_html: str, status: int = 200) -> web.Response:
    """A minimal Synergia-looking page; `body_html` is trusted markup built by the caller."""
    page = (
        '<!DOCTYPE html>\n<html lang="pl"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title></head>\n<body>\n{body_html}\n</body></html>\n"
    )
    return web.Response(text=page, status=status, content_type="text/html", charset="utf-8")


# What Synergia shows where it has no session for the client; apix recognises a logged-out
# page by this heading.
NO_ACCESS_HTML: Final = '<h2 class="inside">Brak dostępu</h2>\n<p>Zaloguj się ponownie.</p>'


def no_access_response(status: int = 200) -> web.Response:
    """Synergia's "Brak dostępu" page (no session, no cookies)."""
    return html_response("Librus Synergia", NO_ACCESS_HTML, status=status)
