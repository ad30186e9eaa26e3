"""The generated config dir: the committed template, the HTTP config and the integration link."""

from __future__ import annotations

import shutil
from pathlib import Path

from librus_demo.common import INTEGRATION_DIR, TEMPLATE
from librus_demo.http_config import write_http_config


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
