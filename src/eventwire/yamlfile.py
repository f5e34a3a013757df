"""Reading the package's YAML data files: libyaml's C parser where PyYAML has it (several times faster than
the pure-Python one, and every process that codes reads some thirty files as it starts), the same safe
constructors either way (``tests/test_yamlfile.py`` checks that both read every data file alike)."""

from __future__ import annotations

from typing import Any

import yaml

__all__ = ["load_yaml"]

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """The data of a YAML document, read like ``yaml.safe_load`` (no Python objects, only plain data)."""
    return yaml.load(text, Loader=_LOADER)
