"""The import-linter contract (pyproject.toml) places every module of the three packages in a
layer, so a new module cannot slip past the layers unchecked; `make lint` runs the contract."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("masterplan", "dimensions", "bimtek")
# Outside the layers: Django's settings and entry points, app configs (they connect signals in
# ready()), migrations (frozen history).
OUTSIDE = {"masterplan.settings", "masterplan.wsgi", "masterplan.celery"}


def _contract():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    (contract,) = [c for c in config["contracts"] if c["type"] == "layers"]
    return contract


def _layer_modules(contract):
    names = []
    for layer in contract["layers"]:
        for part in layer.replace("|", ":").split(":"):
            names.append(part.strip())
    return names


def _modules():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            rel = path.relative_to(ROOT).with_suffix("")
            if "migrations" in rel.parts or rel.name in ("__init__", "apps"):
                continue
            yield ".".join(rel.parts)


def test_every_module_is_in_a_layer():
    placed = _layer_modules(_contract())
    modules = list(_modules())
    assert len(modules) > 50
    missing = [m for m in modules if m not in OUTSIDE and not any(m == p or m.startswith(p + ".") for p in placed)]
    assert missing == [], f"place these modules in a layer of pyproject.toml: {missing}"


def test_layers_name_only_existing_modules():
    placed = _layer_modules(_contract())
    assert placed
    for name in placed:
        path = ROOT / name.replace(".", "/")
        assert path.with_suffix(".py").exists() or (path / "__init__.py").exists(), name
