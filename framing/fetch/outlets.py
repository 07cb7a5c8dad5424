"""Outlet names by web domain (``framing/lexicons/outlets.yaml``, or the user's own file).

``outlet_for("https://edition.cnn.com/...")`` finds CNN through the parent domain;
the manifest's ``source`` is the outlet's name, else the site name the page declares,
else the bare domain (:func:`source_name`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from framing.lexicon import (
    LexiconError,
    check_keys,
    line_of,
    load_yaml_data,
    parse_package_yaml,
    require,
)

OWNERSHIP = frozenset({"state", "private", "public"})


@dataclass(frozen=True)
class Outlet:
    name: str
    country: str
    ownership: str


@dataclass(frozen=True)
class Outlets:
    """Outlets by domain; ``version`` is the file's digest."""

    by_domain: dict[str, Outlet]
    version: str = ""

    def lookup(self, host: str) -> Outlet | None:
        """The outlet of ``host`` or of its nearest listed parent domain."""
        labels = host.lower().strip(".").split(".")
        for start in range(len(labels) - 1):
            found = self.by_domain.get(".".join(labels[start:]))
            if found:
                return found
        return None


def parse_outlets(data: Any, *, path: str, version: str = "") -> Outlets:
    """Validate an outlets file: ``outlets: [{name, domains, country, ownership}]``."""
    outlets = require(data, "outlets", list, path=path, where="")
    by_domain: dict[str, Outlet] = {}
    for i, item in enumerate(outlets):
        where = f"outlets[{i}]"
        check_keys(item, {"name", "domains", "country", "ownership"}, path=path, where=where)
        name = require(item, "name", str, path=path, where=where)
        domains = require(item, "domains", list, path=path, where=where)
        ownership = str(item.get("ownership") or "")
        if ownership and ownership not in OWNERSHIP:
            raise LexiconError(
                path,
                line_of(item, "ownership"),
                f"{where}.ownership",
                f"expected one of {', '.join(sorted(OWNERSHIP))}, got {ownership!r}",
            )
        outlet = Outlet(name, str(item.get("country") or ""), ownership)
        for d in domains:
            key = str(d).lower().strip()
            if key in by_domain:
                raise LexiconError(
                    path,
                    line_of(item, "domains"),
                    f"{where}.domains",
                    f"{key!r} is already listed for {by_domain[key].name}",
                )
            by_domain[key] = outlet
    return Outlets(by_domain, version)


@cache
def default_outlets() -> Outlets:
    return parse_package_yaml("outlets.yaml", parse_outlets)


def load_outlets(path: str | Path | None = None) -> Outlets:
    """The packaged outlets, or the user's file at ``path``."""
    return load_yaml_data(path, default_outlets, parse_outlets)


def source_name(outlet: Outlet | None, *, hint: str, sitename: str, domain: str) -> str:
    """The manifest's ``source``: the listed outlet, else the site name the page declares,
    else the outlet name the input gave (Media Cloud's ``media_name``), else the domain."""
    if outlet:
        return outlet.name
    return sitename or hint or domain
