"""The self-declared Integration Quality Scale (quality_scale.yaml) and the code agree.

hassfest skips ``quality_scale.yaml`` for custom integrations, so this test does its job: every
rule of the Bronze, Silver, Gold and Platinum tiers (2026.2 era, plus the two docs rules added in
2026-07) must be declared, anything not done must say why, and each rule declared ``done`` that
can be checked cheaply in code (the AST and file checks hassfest runs for core integrations,
and a few more) is checked here. A rule that is not done is not checked.
"""

from __future__ import annotations

import ast
import json
import re
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
INTEGRATION = ROOT / "custom_components" / "librus"
README = ROOT / "README.md"
ENTRY_ALIAS = "LibrusConfigEntry"

BRONZE = (
    "action-setup",
    "appropriate-polling",
    "brands",
    "common-modules",
    "config-flow",
    "config-flow-test-coverage",
    "dependency-transparency",
    "docs-actions",
    "docs-high-level-description",
    "docs-installation-instructions",
    "docs-removal-instructions",
    "entity-event-setup",
    "entity-unique-id",
    "has-entity-name",
    "runtime-data",
    "test-before-configure",
    "test-before-setup",
    "unique-config-entry",
)
BRONZE_ADDED_2026_07 = ("docs-conditions", "docs-triggers")
SILVER = (
    "action-exceptions",
    "config-entry-unloading",
    "docs-configuration-parameters",
    "docs-installation-parameters",
    "entity-unavailable",
    "integration-owner",
    "log-when-unavailable",
    "parallel-updates",
    "reauthentication-flow",
    "test-coverage",
)
GOLD = (
    "devices",
    "diagnostics",
    "discovery",
    "discovery-update-info",
    "docs-data-update",
    "docs-examples",
    "docs-known-limitations",
    "docs-supported-devices",
    "docs-supported-functions",
    "docs-troubleshooting",
    "docs-use-cases",
    "dynamic-devices",
    "entity-category",
    "entity-device-class",
    "entity-disabled-by-default",
    "entity-translations",
    "exception-translations",
    "icon-translations",
    "reconfiguration-flow",
    "repair-issues",
    "stale-devices",
)
PLATINUM = ("async-dependency", "inject-websession", "strict-typing")
ALL_RULES = (*BRONZE, *BRONZE_ADDED_2026_07, *SILVER, *GOLD, *PLATINUM)

STATUSES = {"done", "todo", "exempt"}

# The README section each documentation rule needs (checked when the rule is done).
DOCS_SECTIONS = {
    "docs-installation-instructions": "## Install",
    "docs-installation-parameters": "## Configure",
    "docs-configuration-parameters": "## Options",
    "docs-removal-instructions": "## Remov",
    "docs-supported-functions": "## What you get",
    "docs-data-update": "## How data updates",
    "docs-examples": "## Automation examples",
    "docs-known-limitations": "## Known limitations",
    "docs-troubleshooting": "## Troubleshooting",
    "docs-use-cases": "## Use cases",
}


# ----------------------------------------------------------------------------- helpers


@cache
def rules() -> dict[str, Any]:
    data = yaml.safe_load((INTEGRATION / "quality_scale.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    assert set(data) == {"rules"}, "only a top-level `rules:` mapping"
    declared = data["rules"]
    assert isinstance(declared, dict)
    return declared


def status(rule: str) -> str:
    value = rules()[rule]
    return value if isinstance(value, str) else value["status"]


def require_done(rule: str) -> None:
    if status(rule) != "done":
        pytest.skip(f"{rule} is {status(rule)}")


@cache
def module(name: str) -> ast.Module:
    return ast.parse((INTEGRATION / name).read_text(encoding="utf-8"), filename=name)


@cache
def manifest() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((INTEGRATION / "manifest.json").read_text(encoding="utf-8"))
    return data


@cache
def strings() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((INTEGRATION / "strings.json").read_text(encoding="utf-8"))
    return data


def function(tree: ast.AST, name: str) -> ast.AsyncFunctionDef | ast.FunctionDef | None:
    return next(
        (
            node
            for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name == name
        ),
        None,
    )


def called_names(tree: ast.AST) -> set[str]:
    """Names of everything called in a tree (``a.b.c()`` gives ``c``)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            if isinstance(node.func, ast.Attribute):
                names.add(node.func.attr)
            elif isinstance(node.func, ast.Name):
                names.add(node.func.id)
    return names


def platform_modules() -> list[str]:
    """The platform modules named in ``PLATFORMS`` of ``__init__.py`` (``Platform.SENSOR``)."""
    for node in module("__init__.py").body:
        target: ast.expr
        value: ast.expr | None
        if isinstance(node, ast.AnnAssign):
            target, value = node.target, node.value
        elif isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        else:
            continue
        if isinstance(target, ast.Name) and target.id == "PLATFORMS":
            assert isinstance(value, ast.List | ast.Tuple)
            return [
                f"{element.attr.lower()}.py"
                for element in value.elts
                if isinstance(element, ast.Attribute)
            ]
    raise AssertionError("__init__.py has no PLATFORMS list")


def translation_keys(tree: ast.AST) -> set[str]:
    """``translation_key="…"`` arguments and ``_attr_translation_key = "…"`` in a module."""
    keys: set[str] = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.keyword)
            and node.arg == "translation_key"
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            keys.add(node.value.value)
        if (
            isinstance(node, ast.Assign)
            and any(
                isinstance(t, ast.Name) and t.id == "_attr_translation_key" for t in node.targets
            )
            and isinstance(node.value, ast.Constant)
        ):
            keys.add(str(node.value.value))
    return keys


def entry_annotation(func: ast.AsyncFunctionDef | ast.FunctionDef) -> str | None:
    """The annotation of the parameter called ``entry`` or ``config_entry``."""
    for arg in func.args.args:
        if arg.arg in ("entry", "config_entry") and arg.annotation is not None:
            return ast.unparse(arg.annotation)
    return None


# ----------------------------------------------------------------------------- the file


def test_every_rule_is_declared() -> None:
    declared = set(rules())
    assert len(ALL_RULES) == 18 + 2 + 10 + 21 + 3
    assert sorted(set(ALL_RULES) - declared) == [], "rules missing from quality_scale.yaml"
    assert sorted(declared - set(ALL_RULES)) == [], "unknown rules in quality_scale.yaml"


@pytest.mark.parametrize("rule", ALL_RULES)
def test_rule_is_done_or_explained(rule: str) -> None:
    value = rules()[rule]
    if isinstance(value, str):
        assert value in ("done", "todo"), f"{rule}: a bare status must be done or todo"
        assert value == "done", f"{rule}: todo needs `status: todo` and a comment"
        return
    assert isinstance(value, dict), rule
    assert set(value) <= {"status", "comment"}, rule
    assert value.get("status") in STATUSES, rule
    if value["status"] != "done":
        comment = value.get("comment")
        assert isinstance(comment, str), f"{rule}: needs a comment"
        assert comment.strip(), f"{rule}: needs a comment"


# ----------------------------------------------------------------------------- Bronze


def test_config_flow() -> None:
    require_done("config-flow")
    assert manifest().get("config_flow") is True
    assert (INTEGRATION / "config_flow.py").is_file()
    # Every field of every form (setup, reauth, reconfigure, options) is described.
    for section in ("config", "options"):
        for step_id, step in strings()[section]["step"].items():
            fields = set(step.get("data", {}))
            described = set(step.get("data_description", {}))
            assert fields <= described, (section, step_id, sorted(fields - described))


def test_runtime_data_and_typed_entry() -> None:
    require_done("runtime-data")
    init = module("__init__.py")
    # The alias lives beside the runtime data in coordinator.py; __init__ re-exports it.
    alias = next(
        (
            n
            for n in module("coordinator.py").body
            if isinstance(n, ast.TypeAlias) and n.name.id == ENTRY_ALIAS
        ),
        None,
    )
    assert alias is not None, f"coordinator.py defines `type {ENTRY_ALIAS} = ConfigEntry[...]`"
    assert ENTRY_ALIAS in ast.unparse(init), f"__init__.py uses {ENTRY_ALIAS}"
    assert ast.unparse(alias.value).startswith("ConfigEntry[")

    setup = function(init, "async_setup_entry")
    assert setup is not None
    assigns = [
        target
        for node in ast.walk(setup)
        if isinstance(node, ast.Assign | ast.AnnAssign)
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
    ]
    assert any(
        isinstance(t, ast.Attribute)
        and t.attr == "runtime_data"
        and isinstance(t.value, ast.Name)
        and t.value.id == "entry"
        for t in assigns
    ), "async_setup_entry assigns entry.runtime_data"

    typed = [
        ("__init__.py", "async_setup_entry"),
        ("__init__.py", "async_unload_entry"),
        ("diagnostics.py", "async_get_config_entry_diagnostics"),
        *((name, "async_setup_entry") for name in platform_modules()),
    ]
    for name, func_name in typed:
        if not (INTEGRATION / name).is_file():
            continue
        func = function(module(name), func_name)
        if func is None:
            continue
        assert entry_annotation(func) == ENTRY_ALIAS, (name, func_name)


def test_test_before_setup() -> None:
    require_done("test-before-setup")
    setup = function(module("__init__.py"), "async_setup_entry")
    assert setup is not None
    if "async_config_entry_first_refresh" in called_names(setup):
        return
    raised: set[str] = set()
    for path in INTEGRATION.glob("*.py"):
        for node in ast.walk(module(path.name)):
            if isinstance(node, ast.Raise) and node.exc is not None:
                exc = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
                raised.add(ast.unparse(exc).rsplit(".", 1)[-1])
    assert raised & {"ConfigEntryNotReady", "ConfigEntryAuthFailed", "ConfigEntryError"}


def test_unique_config_entry() -> None:
    require_done("unique-config-entry")
    if manifest().get("single_config_entry"):
        return
    calls = called_names(module("config_flow.py"))
    assert {
        "async_set_unique_id",
        "_abort_if_unique_id_configured",
    } <= calls or "_async_abort_entries_match" in calls


def test_common_modules() -> None:
    require_done("common-modules")
    coordinator = module("coordinator.py")
    assert any(
        isinstance(node, ast.ClassDef)
        and any("DataUpdateCoordinator" in ast.unparse(base) for base in node.bases)
        for node in coordinator.body
    ), "coordinator.py defines the DataUpdateCoordinator"
    assert any(isinstance(node, ast.ClassDef) for node in module("entity.py").body)


def test_has_entity_name() -> None:
    require_done("has-entity-name")
    assert any(
        isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "_attr_has_entity_name" for t in node.targets)
        and isinstance(node.value, ast.Constant)
        and node.value.value is True
        for node in ast.walk(module("entity.py"))
    ), "entity.py sets _attr_has_entity_name = True"


def test_brands() -> None:
    require_done("brands")
    from PIL import Image

    for name, size in (("icon.png", 256), ("icon@2x.png", 512)):
        with Image.open(INTEGRATION / "brand" / name) as icon:
            assert icon.size == (size, size), name
            assert icon.mode == "RGBA", f"{name} has a transparent background"


def test_action_rules_exempt_only_without_actions() -> None:
    """An exemption for the action rules holds only while no service action is registered."""
    action_rules = ("action-setup", "action-exceptions", "docs-actions")
    exempt = [rule for rule in action_rules if status(rule) == "exempt"]
    if not exempt:
        pytest.skip("no action rule is exempt")
    assert not (INTEGRATION / "services.yaml").exists(), exempt
    for path in INTEGRATION.rglob("*.py"):
        calls = called_names(ast.parse(path.read_text(encoding="utf-8")))
        assert not calls & {
            "async_register_entity_service",
            "async_register_platform_entity_service",
        }, (path.name, exempt)
        source = path.read_text(encoding="utf-8")
        assert "hass.services.async_register" not in source, (path.name, exempt)


# ----------------------------------------------------------------------------- Silver


def test_config_entry_unloading() -> None:
    require_done("config-entry-unloading")
    assert function(module("__init__.py"), "async_unload_entry") is not None


def test_reauthentication_flow() -> None:
    require_done("reauthentication-flow")
    flow = module("config_flow.py")
    assert function(flow, "async_step_reauth") is not None
    assert function(flow, "async_step_reauth_confirm") is not None
    assert "reauth_successful" in strings()["config"]["abort"]


@pytest.mark.parametrize("name", platform_modules())
def test_parallel_updates(name: str) -> None:
    require_done("parallel-updates")
    assert (INTEGRATION / name).is_file(), name
    assert any(
        isinstance(node, ast.Assign | ast.AnnAssign)
        and any(
            isinstance(t, ast.Name) and t.id == "PARALLEL_UPDATES"
            for t in (node.targets if isinstance(node, ast.Assign) else [node.target])
        )
        for node in module(name).body
    ), f"{name} sets PARALLEL_UPDATES"


def test_integration_owner() -> None:
    require_done("integration-owner")
    assert manifest().get("codeowners")


# ----------------------------------------------------------------------------- Gold


def test_reconfiguration_flow() -> None:
    require_done("reconfiguration-flow")
    flow = module("config_flow.py")
    assert function(flow, "async_step_reconfigure") is not None
    # It must refuse another account.
    assert "_abort_if_unique_id_mismatch" in called_names(flow)


def test_devices() -> None:
    require_done("devices")
    assert "DeviceInfo" in called_names(module("entity.py"))


def test_diagnostics() -> None:
    require_done("diagnostics")
    assert (INTEGRATION / "diagnostics.py").is_file()
    assert function(module("diagnostics.py"), "async_get_config_entry_diagnostics") is not None
    from custom_components.librus import diagnostics
    from custom_components.librus.const import CONF_PASSWORD, CONF_USERNAME

    # The redaction itself is proven end to end in tests/test_diagnostics.py.
    assert {CONF_PASSWORD, CONF_USERNAME} <= set(diagnostics.TO_REDACT)
    assert "async_redact_data" in ast.unparse(module("diagnostics.py"))


@pytest.mark.parametrize("name", platform_modules())
def test_entity_translations(name: str) -> None:
    require_done("entity-translations")
    platform = name.removesuffix(".py")
    used = translation_keys(module(name))
    assert used, f"{name} names its entities with translation_key"
    known = strings()["entity"].get(platform, {})
    assert sorted(used - set(known)) == [], f"entity.{platform} in strings.json"
    for key in used:
        assert known[key].get("name"), (platform, key)


def test_icon_translations() -> None:
    require_done("icon-translations")
    icons = json.loads((INTEGRATION / "icons.json").read_text(encoding="utf-8"))["entity"]
    for name in platform_modules():
        platform = name.removesuffix(".py")
        used = translation_keys(module(name))
        keys = set(icons.get(platform, {}))
        assert sorted(keys - used) == [], f"icons.json entity.{platform}: stale keys"
        for key, icon in icons.get(platform, {}).items():
            values = [icon.get("default"), *icon.get("state", {}).values()]
            assert all(isinstance(v, str) and v.startswith("mdi:") for v in values), (
                platform,
                key,
            )


def test_exception_translations() -> None:
    require_done("exception-translations")
    known = set(strings()["exceptions"])
    used: set[str] = set()
    for path in INTEGRATION.glob("*.py"):
        tree = module(path.name)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and any(
                k.arg == "translation_key" for k in node.keywords
            ):
                # Only exceptions (entity descriptions carry translation keys too).
                callee = ast.unparse(node.func)
                if not re.search(r"(Error|NotReady|AuthFailed|UpdateFailed)$", callee):
                    continue
                assert any(k.arg == "translation_domain" for k in node.keywords), callee
                for k in node.keywords:
                    if k.arg == "translation_key":
                        used |= {
                            c.value
                            for c in ast.walk(k.value)
                            if isinstance(c, ast.Constant) and isinstance(c.value, str)
                        }
        reason = function(tree, "not_ready_key")
        if reason is not None:
            used |= {
                n.value.value
                for n in ast.walk(reason)
                if isinstance(n, ast.Return)
                and isinstance(n.value, ast.Constant)
                and isinstance(n.value.value, str)
            }
    assert used, "no translated exception found"
    assert sorted(used - known) == []


def test_entity_disabled_by_default() -> None:
    require_done("entity-disabled-by-default")
    found = False
    for name in platform_modules():
        for node in ast.walk(module(name)):
            if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "_attr_entity_registry_enabled_default"
                for t in node.targets
            ):
                found |= isinstance(node.value, ast.Constant) and node.value.value is False
            if isinstance(node, ast.keyword) and node.arg == "entity_registry_enabled_default":
                found |= isinstance(node.value, ast.Constant) and node.value.value is False
    assert found, "no entity is disabled by default"


@pytest.mark.parametrize("rule", sorted(DOCS_SECTIONS))
def test_docs_sections(rule: str) -> None:
    require_done(rule)
    readme = README.read_text(encoding="utf-8")
    heading = DOCS_SECTIONS[rule]
    assert re.search(rf"^{re.escape(heading)}", readme, re.MULTILINE), (rule, heading)


def test_docs_high_level_description() -> None:
    require_done("docs-high-level-description")
    assert "https://synergia.librus.pl" in README.read_text(encoding="utf-8")


def test_docs_list_every_entity_and_option() -> None:
    """The README names every entity (its English name) and every option."""
    readme = README.read_text(encoding="utf-8")
    if status("docs-supported-functions") == "done":
        for platform, entities in strings()["entity"].items():
            for key, entity in entities.items():
                name = entity["name"].split("{", 1)[0].strip()
                assert name in readme, (platform, key, name)
    if status("docs-configuration-parameters") == "done":
        for label in strings()["options"]["step"]["init"]["data"].values():
            assert label.split(" (", 1)[0] in readme, label


# ----------------------------------------------------------------------------- Platinum


def test_inject_websession() -> None:
    require_done("inject-websession")
    calls = called_names(module("session.py"))
    assert calls & {"async_create_clientsession", "async_get_clientsession"}
    # The client never builds its own session outside the injected provider.
    client = (INTEGRATION / "api" / "client.py").read_text(encoding="utf-8")
    assert "sessions" in client


def test_async_dependency() -> None:
    require_done("async-dependency")
    assert manifest().get("requirements") == [] or status("dependency-transparency") == "done"
    for path in (INTEGRATION / "api").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        for blocking in ("run_in_executor", "async_add_executor_job", "import requests"):
            assert blocking not in source, (path.name, blocking)


def test_strict_typing() -> None:
    require_done("strict-typing")
    assert (INTEGRATION / "api" / "py.typed").is_file()
    mypy = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    strict_modules = {
        name
        for override in mypy.get("overrides", [])
        if override.get("strict") is True
        for name in override["module"]
    }
    assert {"custom_components.librus", "custom_components.librus.*"} <= strict_modules, (
        "mypy --strict for the whole integration"
    )
