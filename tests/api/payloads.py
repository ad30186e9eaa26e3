"""Payloads in the gateway's shapes for the parser tests, and the real captured responses."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

REFERENCE_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "reference" / "responses"
API = "https://api.librus.pl/2.0"

needs_reference = pytest.mark.skipif(
    not REFERENCE_DIR.is_dir(), reason=f"reference responses not found at {REFERENCE_DIR}"
)


def envelope(key: str, value: Any, path: str, **extra: Any) -> dict[str, Any]:
    """A body in the gateway's envelope: resource key + Resources + Url."""
    return {
        key: value,
        **extra,
        "Resources": {"..": {"Url": f"{API}/Root"}},
        "Url": f"{API}/{path}",
    }


def ref(kind: str, ident: int | str) -> dict[str, Any]:
    return {"Id": ident, "Url": f"{API}/{kind}/{ident}"}


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((REFERENCE_DIR / name).read_text(encoding="utf-8"))
    return data


def assert_no_json(value: object, path: str = "model") -> None:
    """No dict or list may travel past api/: models hold models, tuples and scalars."""
    assert not isinstance(value, dict | list), f"{path} is raw JSON"
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            assert_no_json(getattr(value, field.name), f"{path}.{field.name}")
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            assert_no_json(item, f"{path}[{index}]")
