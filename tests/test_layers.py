"""The package's layers, drawn from its imports: each module imports only the layers below
it (or its own), and the import graph has no cycle (README, Architecture).

Every import counts, wherever it is written: at the top, inside a function, or under
``TYPE_CHECKING``.
"""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "framing"

# bottom first; a module belongs to the first layer whose prefix matches its name
LAYERS: list[tuple[str, ...]] = [
    ("framing.tables",),
    (
        "framing.memo",
        "framing.prepared",
        "framing.alternation",
        "framing.lexicon",
        "framing.lexicons",
        "framing.punkt",
        "framing.quotemarks",
        "framing.intervals",
        "framing.encoding",
        "framing.language",
        "framing.document",
        "framing.corpus",
        "framing.boilerplate",
        "framing.dates",
        "framing.clean",
        "framing.chrome",
        "framing.captions",
        "framing.context",
        "framing.redundancy",
        "framing.actors",
        "framing.extract",
        "framing.fetch",  # an input layer: writes what framing.corpus reads
    ),
    ("framing.run", "framing.cache", "framing.dask_engine"),
    (
        "framing.compare",
        "framing.output",
        "framing.report",
        "framing.plots",
        "framing.labels",
        "framing.xlsx",
        "framing.cells",
    ),
    ("framing.analysis", "framing.lint", "framing.cli", "framing.__main__"),
]
ROOT = "framing"  # the package root: __version__ and lazy names, imports nothing at load


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(module: str) -> int:
    for level, prefixes in enumerate(LAYERS):
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            return level
    raise AssertionError(f"{module}: in no layer; add it to LAYERS (and README, Architecture)")


def imported(path: Path) -> set[str]:
    """The framing modules ``path`` imports, anywhere in it."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            # "from framing.compare import coverage" imports the submodule
            found.update(
                f"{node.module}.{alias.name}"
                for alias in node.names
                if (PACKAGE.parent / node.module.replace(".", "/") / alias.name).exists()
                or (PACKAGE.parent / f"{node.module.replace('.', '/')}/{alias.name}.py").exists()
            )
    return {m for m in found if m == ROOT or m.startswith(ROOT + ".")}


def import_graph() -> dict[str, set[str]]:
    return {
        module_name(path): imported(path) - {ROOT}
        for path in sorted(PACKAGE.rglob("*.py"))
        if module_name(path) != ROOT
    }


def upward_imports(graph: dict[str, set[str]]) -> list[str]:
    return sorted(
        f"{module} (layer {layer_of(module) + 1}) imports {target} (layer {layer_of(target) + 1})"
        for module, targets in graph.items()
        for target in targets
        if layer_of(target) > layer_of(module)
    )


def test_no_module_imports_a_layer_above_its_own() -> None:
    assert upward_imports(import_graph()) == []


def test_the_import_graph_has_no_cycle() -> None:
    graph = import_graph()
    try:
        tuple(TopologicalSorter(graph).static_order())
    except CycleError as exc:
        pytest.fail(f"import cycle: {' -> '.join(exc.args[1])}")


def test_the_check_sees_an_upward_import_and_a_cycle() -> None:
    graph = {"framing.tables": {"framing.output"}, "framing.output": {"framing.tables"}}
    assert upward_imports(graph) == ["framing.tables (layer 1) imports framing.output (layer 4)"]
    with pytest.raises(CycleError):
        tuple(TopologicalSorter(graph).static_order())


def test_every_module_has_a_layer_and_none_is_over_800_lines() -> None:
    for path in PACKAGE.rglob("*.py"):
        if module_name(path) != ROOT:
            layer_of(module_name(path))
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 800, path
