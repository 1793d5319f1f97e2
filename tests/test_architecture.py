"""The architecture is checked, not hoped for: no Qt in the core, no network anywhere, no
import circle between Huis clos modules, and the command line never reaches into the UI."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "desktop" / "huisclos"

NETWORK_MODULES = {
    "socket",
    "ssl",
    "http",
    "urllib",
    "urllib3",
    "requests",
    "httpx",
    "aiohttp",
    "ftplib",
    "smtplib",
    "poplib",
    "imaplib",
    "telnetlib",
    "xmlrpc",
    "websocket",
    "websockets",
    "asyncio.streams",
    "PySide6.QtNetwork",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebSockets",
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _module_name(path: Path) -> str:
    parts = ["huisclos", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _import_graph() -> dict[str, set[str]]:
    """Huis clos module → the Huis clos modules it imports, anywhere in the file, function-level
    imports included (they run, only later). Imports under ``if TYPE_CHECKING:`` never run and
    are left out. Importing ``a.b.c`` runs ``a`` and ``a.b`` too, so those count as imported."""
    files = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str] = set()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for block in ast.walk(tree):  # type-checking blocks: emptied before the walk
            if isinstance(block, ast.If) and ast.unparse(block.test) == "TYPE_CHECKING":
                block.body = []
        for node in ast.walk(tree):
            found: list[str] = []
            if isinstance(node, ast.Import):
                found = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*anchor, *([node.module] if node.module else [])])
                found = [base, *(f"{base}.{alias.name}" for alias in node.names)]
            for target in found:
                parts = target.split(".")
                targets.update(
                    ".".join(parts[:n])
                    for n in range(1, len(parts) + 1)
                    if ".".join(parts[:n]) in files
                )
        targets.discard(name)
        graph[name] = targets
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle (``[a, b, …, a]``), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = 1
        path.append(module)
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state and (found := visit(target)):
                return found
        path.pop()
        state[module] = 2
        return None

    for module in sorted(graph):
        if module not in state and (found := visit(module)):
            return found
    return None


def test_no_import_circle_between_huisclos_modules() -> None:
    circle = _cycle(_import_graph())
    assert circle is None, "import circle: " + " → ".join(circle or [])


def test_the_cycle_finder_names_a_circle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}
    assert _cycle(graph) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_the_command_line_never_imports_the_ui() -> None:
    graph = _import_graph()
    offenders = {
        module: sorted(t for t in targets if t == "huisclos.ui" or t.startswith("huisclos.ui."))
        for module, targets in graph.items()
        if module in ("huisclos.cli", "huisclos.commands")
        or module.startswith("huisclos.commands.")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_core_imports_neither_the_ui_nor_the_command_line() -> None:
    graph = _import_graph()
    outside = ("huisclos.ui", "huisclos.cli", "huisclos.commands")
    offenders = {
        module: sorted(t for t in targets if t.startswith(outside))
        for module, targets in graph.items()
        if module.startswith("huisclos.core")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def _is_network(name: str) -> bool:
    return any(name == mod or name.startswith(mod + ".") for mod in NETWORK_MODULES)


def test_core_source_never_imports_qt() -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(n for n in _imports(path) if n.startswith("PySide6"))
        for path in (PACKAGE / "core").rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_importing_every_core_module_loads_no_qt() -> None:
    modules = [
        "huisclos.core." + ".".join(p.relative_to(PACKAGE / "core").with_suffix("").parts)
        for p in (PACKAGE / "core").rglob("*.py")
        if p.name != "__init__.py"
    ]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = [m for m in sys.modules if m.startswith('PySide6')]\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_no_network_client_is_imported_anywhere() -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(n for n in _imports(path) if _is_network(n))
        for path in PACKAGE.rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_network_is_really_off_during_tests() -> None:
    import socket

    try:
        socket.create_connection(("127.0.0.1", 9))
    except RuntimeError as error:
        assert "without network" in str(error)
    else:  # pragma: no cover
        raise AssertionError("a connection went through")
