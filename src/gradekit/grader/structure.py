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
from gradekit.grading.contract import Failure
from gradekit.messages.catalogue import both
from gradekit.sandbox.child.scripts import declared_encoding


#: The largest student file the trusted process parses. ``ast.parse`` costs about 400 bytes of
#: memory per byte of source and a second per 3 MB, and runs next to the graders: a file padded
#: to megabytes would stall or kill a whole batch. A beginner's file is a few kilobytes.
MAX_SOURCE = 200_000


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
    name = Path(path).name
    if len(source) > MAX_SOURCE:
        raise CheckFailure(Failure.CUSTOM, file=name,
                           **both("st_too_large", file=name, kb=len(source) // 1000, limit=MAX_SOURCE // 1000))
    refused = declared_encoding(source)
    if refused is not None:
        raise CheckFailure(Failure.CODING_COOKIE, file=name, line=refused[1], encoding=refused[0])
    try:
        return ast.parse(source, filename=str(path))
    except (SyntaxError, ValueError, UnicodeDecodeError):
        return None
    except (RecursionError, MemoryError):
        # Python ran it (the child starts with a shallow stack), but it nests too deeply to be read here.
        raise CheckFailure(Failure.CUSTOM, file=name, **both("st_too_deep", file=name)) from None


class Rebound(CheckFailure):
    """``within`` is bound more than once where it is defined: which one runs is not what ast can tell.
    The student's to fix, so a check failure (graders calling ``scope`` themselves get it too)."""

    def __init__(self, name: str, lines: list[int], file: str | None = None):
        shown = ", ".join(str(n) for n in lines)
        words = both("st_rebound_in", name=name, file=file, lines=shown) if file else both("st_rebound", name=name,
                                                                                              lines=shown)
        super().__init__(Failure.CUSTOM, file=file, line=lines[-1] if lines else None, **words)
        self.name, self.lines = name, lines


def _bindings(body: list[ast.stmt], name: str) -> list[ast.AST]:
    """Every statement of ``body`` (and of its if/try/with/loop blocks, not of nested functions or
    classes) that binds ``name``: a def, a class, an assignment, an import, a ``for`` target."""
    found: list[ast.AST] = []
    for stmt in body:
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            if stmt.name == name:
                found.append(stmt)
            continue
        if isinstance(stmt, (ast.Import, ast.ImportFrom)):
            if any((a.asname or a.name.split(".")[0]) == name for a in stmt.names):
                found.append(stmt)
            continue
        targets = []
        if isinstance(stmt, ast.Assign):
            targets = stmt.targets
        elif isinstance(stmt, (ast.AnnAssign, ast.AugAssign)):
            targets = [stmt.target]
        elif isinstance(stmt, (ast.For, ast.AsyncFor)):
            targets = [stmt.target]
        elif isinstance(stmt, (ast.With, ast.AsyncWith)):
            targets = [i.optional_vars for i in stmt.items if i.optional_vars is not None]
        if any(isinstance(n, ast.Name) and n.id == name for t in targets for n in ast.walk(t)):
            found.append(stmt)
        for block in ("body", "orelse", "finalbody"):
            found += _bindings(getattr(stmt, block, None) or [], name)
        for handler in getattr(stmt, "handlers", None) or []:
            found += _bindings(handler.body, name)
        for case in getattr(stmt, "cases", None) or []:
            found += _bindings(case.body, name)
    return found


def scope(tree: ast.Module, within: str | None) -> ast.AST | None:
    """The function or class named ``within`` (``Class.method`` works too), or the whole module.

    A rule must judge the definition that runs.  Python binds the last one, and anything else
    (``trim = lambda s: s.strip()`` after the def, a second def) can replace it, so a name bound more
    than once raises ``Rebound`` rather than letting a decoy be inspected.
    """
    if within is None:
        return tree
    node: ast.AST = tree
    for part in within.split("."):
        body = getattr(node, "body", [])
        bound = _bindings(body, part)
        if not bound:
            # Not defined at this level: the first nested definition, as before (a helper inside a function).
            bound = [n for n in ast.walk(node) if n is not node
                     and isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and n.name == part][:1]
        if not bound:
            return None
        if len(bound) > 1:
            raise Rebound(part, [getattr(b, "lineno", 0) for b in bound])
        if not isinstance(bound[0], (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            raise Rebound(part, [getattr(bound[0], "lineno", 0)])
        node = bound[0]
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


def _own_body(node: ast.AST) -> list[ast.stmt]:
    """A definition's statements without its docstring."""
    body = list(getattr(node, "body", []))
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
            and isinstance(body[0].value.value, str):
        body = body[1:]
    return body


def _raises_not_implemented(stmt: ast.stmt) -> bool:
    if not isinstance(stmt, ast.Raise) or stmt.exc is None:
        return False
    exc = stmt.exc.func if isinstance(stmt.exc, ast.Call) else stmt.exc
    return isinstance(exc, ast.Name) and exc.id == "NotImplementedError"


def stub_kind(node: ast.AST | None) -> str | None:
    """Whether a definition is still a stub as the starter files write them, and which kind.

    ``"raise"``: a function whose body (docstring aside) is only ``raise NotImplementedError``, or a
    class whose every member is such a function; running it says NotImplementedError, so the
    behaviour checks already call it not started.  ``"empty"``: a class with no members yet (a
    docstring, ``pass`` or ``...`` at most) or a name bound to ``None``.  None: the student wrote
    something.  A structural rule judges code, and a stub has none yet.
    """
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        body = _own_body(node)
        return "raise" if len(body) == 1 and _raises_not_implemented(body[0]) else None
    if isinstance(node, ast.ClassDef):
        body = [s for s in _own_body(node) if not isinstance(s, ast.Pass)
                and not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant) and s.value.value is ...)]
        if not body:
            return "empty"
        funcs = all(isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)) for s in body)
        return "raise" if funcs and all(stub_kind(s) == "raise" for s in body) else None
    if isinstance(node, (ast.Assign, ast.AnnAssign)):
        value = node.value
        return "empty" if isinstance(value, ast.Constant) and value.value is None else None
    return None


def definitions(tree: ast.Module, name: str) -> list[ast.AST]:
    """Every top-level binding of ``name`` (``Class.member``: of the member, in the one class of that name)."""
    body = tree.body
    *outer, last = name.split(".")
    for part in outer:
        classes = [n for n in _bindings(body, part)]
        if len(classes) != 1 or not isinstance(classes[0], ast.ClassDef):
            return []
        body = classes[0].body
    return _bindings(body, last)


def untouched(tree: ast.Module | None, name: str) -> tuple[str, int] | None:
    """(stub kind, line) when every binding of ``name`` is still a stub (a property's getter and setter
    together), else None."""
    if tree is None:
        return None
    found = definitions(tree, name)
    kinds = {stub_kind(n) for n in found}
    if not found or None in kinds:
        return None
    first = found[0]
    body = _own_body(first) if not isinstance(first, (ast.Assign, ast.AnnAssign)) else []
    line = body[0].lineno if body else first.lineno
    return ("raise" if kinds == {"raise"} else "empty"), line


def _scope_or_fail(path: Path, within: str | None):
    tree = parse(path)
    if tree is None:
        raise CheckFailure(Failure.CUSTOM, file=Path(path).name, **both("st_unparsable", file=Path(path).name))
    try:
        node = scope(tree, within)
    except Rebound as exc:
        raise Rebound(exc.name, exc.lines, Path(path).name) from None
    if node is None:
        raise CheckFailure(Failure.MISSING, call=within)
    kind = stub_kind(node) if within is not None else None
    if kind is not None:
        # The rule is about code the student has not written yet: not started, as the behaviour checks say.
        body = _own_body(node)
        raise CheckFailure(Failure.TODO, call=within, file=Path(path).name, line=body[0].lineno if body else node.lineno,
                           stub=None if kind == "raise" else "empty", exc_type="NotImplementedError" if kind == "raise" else None)
    return node


def forbid_names(path: Path, names, *, within: str | None = None, zh: str, en: str) -> None:
    """Fail if ``within`` (or the module) mentions any of ``names``; ``zh``/``en`` say what to do instead."""
    node = _scope_or_fail(path, within)
    hits = mentions(node, set(names))
    if hits:
        name, line = hits[0]
        raise CheckFailure(Failure.STRUCTURE, file=Path(path).name, line=line, construct=name, zh=zh, en=en)


def require_node(path: Path, node_type: type, *, within: str | None = None, zh: str, en: str) -> None:
    """Fail unless ``within`` (or the module) contains a ``node_type`` node (e.g. ``ast.Match``)."""
    node = _scope_or_fail(path, within)
    if not has_node(node, node_type):
        raise CheckFailure(Failure.STRUCTURE, file=Path(path).name, line=getattr(node, "lineno", None),
                           construct=node_type.__name__, zh=zh, en=en)
