"""A mutant is the one definition it changes; spliced into ``solution.py`` it becomes a whole wrong program.

A mutant used to be a whole copy of the solution with a two-line mistake in it.  Three hundred
copies drift silently: a fix to the solution never reaches them, and a reviewer has to diff each
one to find the mistake.  Now the file holds only what is wrong::

    # mutant-of: my_abs
    # mistake: prints the result instead of returning it

    def my_abs(x):
        ...

Every top-level definition in it (``def``, ``class``, or an assignment to a name) replaces the
definition of the same name in ``solution.py``, found by ``course.spans.definition_span`` (the
machinery ``grade reset`` uses, so a getter and its setter go together).  Anything else it holds (an
import, a new module-level name) goes just before the first definition it replaces.  A mutant that
replaces nothing is an error, which ``grade selfcheck`` reports: the definition it changed is gone
from the solution.

A mistake outside any definition (a missing ``if __name__ == "__main__":`` guard) cannot be said
that way; ``# whole-file: <why>`` in the header keeps such a file a whole program.
"""

from __future__ import annotations

import ast
from pathlib import Path

from gradekit.course.kit import mutant_header
from gradekit.course.spans import bound_names, definition_span, first_line


class MutantError(ValueError):
    """The mutant cannot be spliced into the solution; the message says what to change."""


def _statements(tree: ast.Module) -> list[ast.stmt]:
    body = tree.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
            and isinstance(body[0].value.value, str):
        body = body[1:]  # a docstring of the mutant's own says nothing about the program
    return body


def splice(solution: str, mutant: str) -> str:
    """``solution`` with the definitions of ``mutant`` in place of its own (see the module docstring)."""
    try:
        tree = ast.parse(mutant.removeprefix("\ufeff"))
    except SyntaxError as exc:
        raise MutantError(f"line {exc.lineno}: the mutant must be valid Python ({exc.msg})") from None
    lines = mutant.removeprefix("\ufeff").splitlines(keepends=True)
    defined = {n for node in ast.parse(solution.removeprefix("\ufeff")).body for n in bound_names(node)}
    replacements: list[tuple[str, int, int]] = []   # (name, first line, last line) in the mutant
    inserted: list[str] = []
    for node in _statements(tree):
        names = sorted(bound_names(node) & defined)
        if len(names) > 1:
            raise MutantError(f"line {node.lineno}: one statement redefines {', '.join(names)}; give each its own")
        if names and replacements and replacements[-1][0] == names[0]:
            replacements[-1] = (names[0], replacements[-1][1], node.end_lineno or node.lineno)  # a setter
        elif names:
            replacements.append((names[0], first_line(node), node.end_lineno or node.lineno))
        else:
            inserted.append("".join(lines[first_line(node) - 1:node.end_lineno or node.lineno]))
    if not replacements:
        own = sorted(n for node in _statements(tree) for n in bound_names(node))
        what = f"it defines {', '.join(own)}, which solution.py does not" if own else "it defines nothing"
        raise MutantError(f"{what}: the definition it changed is gone from the solution; "
                          "update the mutant to the solution's definition, or delete it")
    seen = [name for name, _, _ in replacements]
    if len(set(seen)) != len(seen):
        raise MutantError(f"it defines {next(n for n in seen if seen.count(n) > 1)} twice, apart; keep one definition")
    out = solution.removeprefix("\ufeff").splitlines(keepends=True)
    if out and not out[-1].endswith("\n"):
        out[-1] += "\n"
    spans = []
    for name, first, last in replacements:
        span = definition_span(solution, name)
        if span is None:
            raise MutantError(f"solution.py defines {name} in pieces with other code between them; "
                              "the mutant cannot say which to replace")
        start, end = span
        text = "".join(lines[first - 1:last])
        spans.append((start, end, text if text.endswith("\n") else text + "\n"))
    spans.sort()
    for (_, end, _), (start, _, _) in zip(spans, spans[1:]):
        if start <= end:
            raise MutantError("two of its definitions replace overlapping parts of solution.py")
    for start, end, text in reversed(spans):
        out[start - 1:end] = [text]
    if inserted:
        out.insert(spans[0][0] - 1, "\n\n".join(part.rstrip("\n") for part in inserted) + "\n\n\n")
    return "".join(out)


def program(mutant: Path, solution: Path | None = None, *, whole_file: bool | None = None) -> str:
    """The whole program a mutant file stands for (``solution``: by default ``../solution.py``)."""
    text = mutant.read_text(encoding="utf-8-sig")
    if whole_file is None:
        whole_file = "whole-file" in mutant_header(text.splitlines())
    if whole_file:
        return text
    solution = solution or mutant.parent.parent / "solution.py"
    return splice(solution.read_text(encoding="utf-8-sig"), text)
