"""Serve the dashboard cards' bundle from the integration and load it in every browser.

The bundle (`frontend/librus-cards.js`, built from /frontend) is served at a fixed URL and
added to the frontend's extra modules with a content hash in the query, so a browser never
keeps an old bundle after an update and no manual Lovelace resource is needed (this also
works for YAML-mode dashboards).
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from homeassistant.components.http import StaticPathConfig
from homeassistant.core import HomeAssistant

_LOGGER = logging.getLogger(__name__)

CARDS_FILE = Path(__file__).parent / "frontend" / "librus-cards.js"
CARDS_URL = "/librus/librus-cards.js"


def _bundle_version(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    except OSError:
        return None


async def async_register_cards(hass: HomeAssistant) -> str | None:
    """Serve the bundle and ask the frontend to load it; returns the module URL."""
    version = await hass.async_add_executor_job(_bundle_version, CARDS_FILE)
    if version is None:
        _LOGGER.warning("The Librus cards bundle is missing: %s", CARDS_FILE)
        return None
    await hass.http.async_register_static_paths(
        [StaticPathConfig(CARDS_URL, str(CARDS_FILE), cache_headers=True)]
    )
    module_url = f"{CARDS_URL}?v={version}"
    # `frontend` is an after-dependency: without it (e.g. headless setups) there is
    # nothing to load the module into, and the integration still works.
    if "frontend" in hass.config.components:
        from homeassistant.components.frontend import add_extra_js_url

        add_extra_js_url(hass, module_url)
    return module_url
