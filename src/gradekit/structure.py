"""Structural checks: reading the student's source with ``ast``, never running it.

Used for rules such as "``trim`` must not call ``strip``" or "``gcc`` must use a
``match`` statement".  Aliases count: ``s.strip()``, ``str.strip(s)``,
``getattr(s, 'strip')`` and ``f = s.strip`` all mention ``strip``.

The tree is parsed from the file's bytes, as the sandbox child compiles them, and a
file that declares an encoding other than UTF-8 is refused here exactly as the child
refuses it (``declared_encoding``): such a declaration can make a tool that reads the
text as UTF-8 see a comment where the interpreter runs code, so a structural rule
never passes on it.
"""

from __future__ import annotations

import ast
from pathlib import Path

from gradekit.grader import CheckFailure
from gradekit.sandbox.child.scripts import declared_encoding


def parse(path: Path) -> ast.Module | None:
    """The module's tree, read from bytes as Python reads them (a UTF-8 BOM and CRLF hold); None if it does not parse.

    A coding line naming anything but UTF-8 fails the check (``CheckFailure`` of kind
    ``coding_cookie``) instead: the child refuses to run that file, and no rule may pass on it.
    """
    source = getattr(path, "snapshot", None)   # the bytes the sandbox ran (``plugin.StudentFile``)
    if source is None:
        try:
            source = Path(path).read_bytes()
        except OSError:
            return None
    refused = declared_encoding(source)
    if refused is not None:
        raise CheckFailure("coding_cookie", file=Path(path).name, line=refused[1], encoding=refused[0])
    try:
        return ast.parse(source, filename=str(path))
    except (SyntaxError, ValueError, UnicodeDecodeError):
        return None


def scope(tree: ast.Module, within: str | None) -> ast.AST | None:
    """The function or class named ``within`` (``Class.method`` works too), or the whole module."""
    if within is None:
        return tree
    node: ast.AST = tree
    for part in within.split("."):
        found = None
        for child in ast.walk(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and child.name == part:
                found = child
                break
        if found is None:
            return None
        node = found
    return node


def mentions(node: ast.AST, names: set[str]) -> list[tuple[str, int]]:
    """Every use of one of ``names`` as a called name, an attribute, or a literal getattr name."""
    hits = []
    for n in ast.walk(node):
        if isinstance(n, ast.Name) and n.id in names and isinstance(n.ctx, ast.Load):
            hits.append((n.id, n.lineno))
        elif isinstance(n, ast.Attribute) and n.attr in names:
            hits.append((n.attr, n.lineno))
        elif (isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in ("getattr", "hasattr")
              and len(n.args) >= 2 and isinstance(n.args[1], ast.Constant) and n.args[1].value in names):
            hits.append((n.args[1].value, n.lineno))
    return sorted(hits, key=lambda h: h[1])


def has_node(node: ast.AST, node_type: type) -> bool:
    return any(isinstance(n, node_type) for n in ast.walk(node))


def _scope_or_fail(path: Path, within: str | None):
    tree = parse(path)
    if tree is None:
        raise CheckFailure("custom", zh=f"{Path(path).name} 无法解析（有语法错误？）",
                           en=f"{Path(path).name} cannot be parsed (a syntax error?)", file=Path(path).name)
    node = scope(tree, within)
    if node is None:
        raise CheckFailure("missing", call=within)
    return node


def forbid_names(path: Path, names, *, within: str | None = None, zh: str, en: str) -> None:
    """Fail if ``within`` (or the module) mentions any of ``names``; ``zh``/``en`` say what to do instead."""
    node = _scope_or_fail(path, within)
    hits = mentions(node, set(names))
    if hits:
        name, line = hits[0]
        raise CheckFailure("structure", file=Path(path).name, line=line, construct=name, zh=zh, en=en)


def require_node(path: Path, node_type: type, *, within: str | None = None, zh: str, en: str) -> None:
    """Fail unless ``within`` (or the module) contains a ``node_type`` node (e.g. ``ast.Match``)."""
    node = _scope_or_fail(path, within)
    if not has_node(node, node_type):
        raise CheckFailure("structure", file=Path(path).name, line=getattr(node, "lineno", None),
                           construct=node_type.__name__, zh=zh, en=en)
