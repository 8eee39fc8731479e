"""Where a definition stands in a Python source file, read with ``ast`` and never run.

``grade reset`` puts one exercise's stub back (``student.stubs``) and a mutant replaces one
definition of the solution (``course.mutants``): both need the same answer to "which lines are
``name``?", a decorated function with its decorators and a property's getter with its setter.
"""

from __future__ import annotations

import ast


def first_line(node: ast.stmt) -> int:
    """Where a statement starts, its decorators included."""
    return min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])


def bound_names(node: ast.stmt) -> set[str]:
    """The names one statement of a module or class body defines: what a definition is found by."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return {node.name}
    if isinstance(node, ast.Assign):
        return {target.id for target in node.targets if isinstance(target, ast.Name)}
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return {node.target.id}
    return set()


def definition_span(source: str, name: str) -> tuple[int, int] | None:
    """1-based first and last line of ``name``'s definition (``f``, ``Class`` or ``Class.member``)."""
    tree = ast.parse(source.removeprefix("\ufeff"))  # a BOM read as text is no character of the program
    body = tree.body
    *outer, target = name.split(".")
    for part in outer:
        cls = next((n for n in body if isinstance(n, ast.ClassDef) and n.name == part), None)
        if cls is None:
            return None
        body = cls.body

    hits = [i for i, node in enumerate(body) if target in bound_names(node)]
    if not hits:
        return None
    if hits != list(range(hits[0], hits[-1] + 1)):
        return None  # something else sits between a getter and its setter: do not guess
    first, last = body[hits[0]], body[hits[-1]]
    return first_line(first), last.end_lineno or last.lineno
