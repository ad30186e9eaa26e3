"""What hassfest and HACS check, for a custom integration we cannot run hassfest on."""

from __future__ import annotations

import json
import re
from pathlib import Path

from homeassistant.const import Platform

ROOT = Path(__file__).resolve().parents[1]
INTEGRATION = ROOT / "custom_components" / "librus"


def test_manifest_is_hassfest_clean() -> None:
    manifest = json.loads((INTEGRATION / "manifest.json").read_text(encoding="utf-8"))
    keys = list(manifest)
    # hassfest: domain, name, then the rest alphabetically.
    assert keys[:2] == ["domain", "name"]
    assert keys[2:] == sorted(keys[2:])
    assert manifest["domain"] == INTEGRATION.name
    for required in ("documentation", "codeowners", "iot_class", "version", "issue_tracker"):
        assert manifest.get(required), required
    assert manifest["iot_class"] == "cloud_polling"
    assert manifest["config_flow"] is True
    assert re.fullmatch(r"\d+\.\d+\.\d+", manifest["version"])
    assert manifest["documentation"].startswith("https://")
    assert "home-assistant.io/integrations" not in manifest["documentation"]
    # Components imported from homeassistant.components must be declared, except entity
    # platforms and diagnostics, which hassfest allows without a declaration.
    declared = (
        set(manifest.get("dependencies", []))
        | set(manifest.get("after_dependencies", []))
        | {platform.value for platform in Platform}
        | {"diagnostics"}
    )
    for module in INTEGRATION.rglob("*.py"):
        for used in re.findall(
            r"homeassistant\.components\.(\w+)", module.read_text(encoding="utf-8")
        ):
            assert used in declared, (module.name, used)


def test_hacs_json() -> None:
    hacs = json.loads((ROOT / "hacs.json").read_text(encoding="utf-8"))
    assert hacs["name"]
    assert re.fullmatch(r"\d{4}\.\d+\.\d+", hacs["homeassistant"])
