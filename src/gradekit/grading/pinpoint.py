"""A second look at a failed check, in the trusted process, with the student's source read by ``ast``.

Two things a check cannot tell from the values it got back, and the source can:

* whether the exercise is still its stub.  A check that fails on a stub for any reason (an Enum
  that is still ``None``, a rule about code not written yet, another exercise's stub it needed)
  says "not done yet", as the behaviour checks on a ``raise NotImplementedError`` stub do, so the
  exercise is *not started* in every list and report rather than failing with a rule;
* where a function that printed instead of returning calls ``print``.

The source is the snapshot the sandbox ran (``plugin.StudentFile``), parsed and never run.
"""

from __future__ import annotations

import ast

from gradekit.grader import structure
from gradekit.grading.contract import Failure

#: Failure kinds that judge the exercise's own code; import-time failures, timeouts and the kit's
#: own errors say something else the student must read.
JUDGED = frozenset({Failure.RETURNED, Failure.RAISED, Failure.CUSTOM, Failure.STRUCTURE, Failure.MISSING,
                    Failure.NO_RAISE, Failure.WRONG_EXCEPTION, Failure.WRONG_MESSAGE, Failure.PRINTED, Failure.ASSERT})


def tree_of(source: bytes | None) -> ast.Module | None:
    if not source or len(source) > structure.MAX_SOURCE or structure.declared_encoding(source) is not None:
        return None
    try:
        return ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


def refine(detail: dict, tree: ast.Module | None, exercise: str, file: str) -> dict:
    """``detail`` of a failed check, reworded where the source says more (see the module docstring)."""
    if tree is None:
        return detail
    kind = detail.get("kind")
    if kind in JUDGED:
        stub = structure.untouched(tree, exercise)
        if stub is not None:
            todo = {"kind": Failure.TODO, "call": exercise, "file": file, "line": stub[1]}
            if stub[0] == "empty":
                todo["stub"] = "empty"
            else:
                todo["exc_type"] = "NotImplementedError"
            if detail.get("hint"):
                todo["hint"] = detail["hint"]
            return todo
    if kind == Failure.RETURNED and detail.get("actual") == "None" and detail.get("file") == file:
        line = print_line(tree, detail.get("line"))
        if line is not None:
            return {**detail, "def_line": detail.get("line"), "line": line, "print_line": line}
    return detail


def _own_nodes(fn: ast.AST):
    """The nodes of ``fn``'s body, not of the functions, lambdas and classes defined inside it."""
    todo = list(getattr(fn, "body", []))
    while todo:
        node = todo.pop(0)
        yield node
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            todo.extend(ast.iter_child_nodes(node))


def print_line(tree: ast.Module, def_line) -> int | None:
    """The first line calling ``print`` in the function that starts at ``def_line`` (its ``def`` or its
    first decorator, as ``co_firstlineno`` says), or None."""
    if type(def_line) is not int:
        return None
    for fn in ast.walk(tree):
        if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        first = min([fn.lineno] + [d.lineno for d in fn.decorator_list])
        if first != def_line:
            continue
        lines = [n.lineno for n in _own_nodes(fn) if isinstance(n, ast.Call)
                 and isinstance(n.func, ast.Name) and n.func.id == "print"]
        return min(lines) if lines else None
    return None
