"""Translations: every key the code uses exists in en and pl, and both have the same keys.

Home Assistant loads translations/<lang>.json for custom integrations (never strings.json),
and its test harness has no translation check of its own.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path
from typing import Any

import pytest

INTEGRATION = Path(__file__).resolve().parents[1] / "custom_components" / "librus"
LANGUAGES = ("en", "pl")


def load(name: str) -> dict[str, Any]:
    return json.loads((INTEGRATION / name).read_text(encoding="utf-8"))


def flatten(tree: dict[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in tree.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            flat |= flatten(value, f"{path}.")
        else:
            flat[path] = value
    return flat


def string_literals(module: str) -> set[str]:
    tree = ast.parse((INTEGRATION / module).read_text(encoding="utf-8"))
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }


def test_strings_json_is_the_english_translation() -> None:
    assert load("strings.json") == load("translations/en.json")


@pytest.mark.parametrize("language", LANGUAGES)
def test_same_keys_in_every_language(language: str) -> None:
    assert (
        flatten(load(f"translations/{language}.json")).keys()
        == flatten(load("strings.json")).keys()
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_empty_strings_and_placeholders_kept(language: str) -> None:
    english = flatten(load("strings.json"))
    for key, text in flatten(load(f"translations/{language}.json")).items():
        assert text.strip(), key
        placeholders = {part.split("}")[0] for part in english[key].split("{")[1:]}
        for placeholder in placeholders:
            assert f"{{{placeholder}}}" in text, (language, key, placeholder)


def test_every_form_field_has_a_description() -> None:
    for step_id, step in load("strings.json")["config"]["step"].items():
        assert step.get("data_description", {}).keys() == step.get("data", {}).keys(), step_id


def test_keys_used_by_the_code_exist() -> None:
    strings = load("strings.json")
    flow_literals = string_literals("config_flow.py")
    errors = set(strings["config"]["error"])
    aborts = set(strings["config"]["abort"])
    # Every error/abort key the flow can produce is translated...
    used_errors = {
        "invalid_auth",
        "captcha_required",
        "cannot_connect",
        "timeout",
        "unknown",
        "empty",
    }
    assert used_errors <= flow_literals
    assert used_errors <= errors
    assert {"wrong_account"} <= flow_literals
    # ...and aborts raised by Home Assistant's helpers on the flow's behalf.
    assert {
        "already_configured",
        "reauth_successful",
        "reconfigure_successful",
        "wrong_account",
        "already_in_progress",
    } <= aborts
    for step_id in strings["config"]["step"]:
        assert step_id in flow_literals
    assert set(strings["config"]["progress"]) <= flow_literals
    # Setup and the sync engine raise the translated exceptions.
    init_literals = string_literals("__init__.py") | string_literals("coordinator.py")
    for key in strings["exceptions"]:
        assert key in init_literals, key
    # Every entity translation key is used by a platform, and the options form by the flow.
    platform_literals = set().union(
        *(string_literals(f"{platform}.py") for platform in strings["entity"])
    )
    for platform, keys in strings["entity"].items():
        for key in keys:
            assert key in platform_literals, (platform, key)
    assert set(strings["options"]["step"]["init"]["data"]) == {"scan_interval", "quiet_hours"}
