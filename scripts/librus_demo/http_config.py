"""HTTP on 127.0.0.1:port: `.storage/http` on Home Assistant 2026.10+, `http:` YAML before."""

from __future__ import annotations

import json
from pathlib import Path

from librus_demo.common import HOST, Json


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
