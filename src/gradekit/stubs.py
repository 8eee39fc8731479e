"""``grade reset``: put the original stub back, for one exercise or a whole topic.

The original stub comes from git, because in a student's copy of the course
``starter/`` *is* the student's work: nothing else on their machine remembers
the stub.  In a released template (it has ``gradekit.toml``) that is the file
as ``grade release`` committed it, or, in a repository GitHub created from the
template (which starts with a fresh history), the commit that added the file.
In the kit itself the stubs are what is committed at HEAD.

Resetting one exercise replaces only that definition (decorators included; a
property's getter and setter together) with the stub's, found with ``ast``;
the rest of the student's file is untouched.  The student's source is parsed,
never run.
"""

from __future__ import annotations

import ast
import subprocess
from pathlib import Path

from gradekit.i18n import t
from gradekit.kit import Kit

RELEASE_AUTHOR = "release@gradekit.invalid"   # the committer ``grade release`` uses


class StubError(Exception):
    """Why a reset cannot be done, already worded for the student."""


def _git(root: Path, *args: str) -> str | None:
    try:
        out = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.stdout if out.returncode == 0 else None


def stub_commit(kit: Kit, slug: str) -> str | None:
    """The commit holding the original stub of ``starter/<slug>.py`` (see the module docstring)."""
    rel = f"starter/{slug}.py"
    if not (kit.root / "gradekit.toml").is_file():
        return "HEAD" if _git(kit.root, "cat-file", "-e", f"HEAD:./{rel}") is not None else None
    released = (_git(kit.root, "log", "-1", "--format=%H", f"--author={RELEASE_AUTHOR}", "--", rel) or "").strip()
    if released:
        return released
    added = (_git(kit.root, "log", "--diff-filter=A", "--format=%H", "--", rel) or "").split()
    return added[-1] if added else None


def original_stub(kit: Kit, slug: str, lang: str) -> str:
    commit = stub_commit(kit, slug)
    text = _git(kit.root, "show", f"{commit}:./starter/{slug}.py") if commit else None
    if text is None:
        raise StubError(t("reset_no_stub", lang, file=f"starter/{slug}.py"))
    return text


def definition_span(source: str, name: str) -> tuple[int, int] | None:
    """1-based first and last line of ``name``'s definition (``f``, ``Class`` or ``Class.member``)."""
    tree = ast.parse(source)
    body = tree.body
    *outer, target = name.split(".")
    for part in outer:
        cls = next((n for n in body if isinstance(n, ast.ClassDef) and n.name == part), None)
        if cls is None:
            return None
        body = cls.body

    def names(node) -> set[str]:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            return {node.name}
        if isinstance(node, ast.Assign):
            return {tg.id for tg in node.targets if isinstance(tg, ast.Name)}
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            return {node.target.id}
        return set()

    hits = [i for i, node in enumerate(body) if target in names(node)]
    if not hits:
        return None
    if hits != list(range(hits[0], hits[-1] + 1)):
        return None  # something else sits between a getter and its setter: do not guess
    first, last = body[hits[0]], body[hits[-1]]
    start = min([first.lineno] + [d.lineno for d in getattr(first, "decorator_list", [])])
    return start, last.end_lineno


def reset_topic(kit: Kit, slug: str, lang: str) -> Path:
    path = kit.starter / f"{slug}.py"
    stub = original_stub(kit, slug, lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(stub, encoding="utf-8")
    return path


def reset_exercise(kit: Kit, slug: str, name: str, lang: str) -> Path:
    path = kit.starter / f"{slug}.py"
    stub = original_stub(kit, slug, lang)
    if not path.is_file():
        return reset_topic(kit, slug, lang)
    mine = path.read_text(encoding="utf-8")
    try:
        ours = definition_span(mine, name)
    except SyntaxError:
        raise StubError(t("reset_cannot_parse", lang, file=f"starter/{slug}.py", topic=slug)) from None
    theirs = definition_span(stub, name)
    if theirs is None:
        raise StubError(t("reset_not_found", lang, name=name, file=f"starter/{slug}.py", topic=slug))
    stub_lines = stub.splitlines(keepends=True)[theirs[0] - 1:theirs[1]]
    if stub_lines and not stub_lines[-1].endswith("\n"):
        stub_lines[-1] += "\n"
    lines = mine.splitlines(keepends=True)
    if ours is None:
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += "\n"
        lines += ["\n", "\n", *stub_lines]  # the definition was deleted: add it back at the end
    else:
        lines[ours[0] - 1:ours[1]] = stub_lines
    path.write_text("".join(lines), encoding="utf-8")
    return path
