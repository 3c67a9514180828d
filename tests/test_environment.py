"""environment.yml, pyproject.toml and requirements.lock name the same dependencies."""

from __future__ import annotations

import re
import tomllib

from .conftest import ROOT


def _key(requirement: str) -> str:
    name = re.split(r"[\[<>=! ]", requirement.strip(), maxsplit=1)[0]
    return re.sub(r"[-_.]+", "-", name).lower()


def _lock() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==", 1)
            pins[_key(name)] = version.strip()
    return pins


def _environment() -> dict[str, str]:
    entries = {}
    for line in (ROOT / "environment.yml").read_text().splitlines():
        match = re.match(r"^\s+- (?!pip:)([A-Za-z0-9_.\-\[\]]+)\s*(==|=)\s*([^\s#]+)", line)
        if match:
            entries[_key(match.group(1))] = match.group(3)
    entries.pop("python", None)
    return entries


def _pyproject() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    requirements = project["dependencies"] + project["optional-dependencies"]["dev"]
    return {_key(r) for r in requirements}


def test_environment_names_the_pyproject_dependencies():
    assert set(_environment()) == _pyproject()


def test_environment_pins_the_locked_versions():
    lock = _lock()
    assert {name: lock.get(name) for name in _environment()} == _environment()


def test_every_dependency_is_locked():
    assert _pyproject() <= set(_lock())
