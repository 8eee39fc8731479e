"""Integrity flags for a submission: things a regrade shows the instructor, never a score change.

* a protected path (the workflow, the graders, the kit configuration) differs from the template;
* a file shadows the standard library, pytest or gradekit (``random.py``, ``pytest.py``);
* pytest configuration or a conftest.py is committed;
* bytecode is committed;
* a starter file is missing (perhaps renamed);
* a Python file declares an encoding other than UTF-8 (``coding-cookie:``): the sandbox refuses to run
  it and structural checks fail on it, but a declaration such as ``# coding: utf-7`` is also how a
  student would try to show a reader one program and the interpreter another.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from gradekit.sandbox.child.scripts import declared_encoding

if TYPE_CHECKING:
    from gradekit.classroom.template import CommittedTemplate

PROTECTED = (".github/workflows", "graders", "gradekit.toml", "assignment.toml")
PYTEST_CONFIG = {"conftest.py", "pytest.ini", "tox.ini", "setup.cfg", ".pytest.ini"}
SHADOWABLE = set(sys.stdlib_module_names) | {"pytest", "_pytest", "pluggy", "gradekit", "pytest_jsonreport"}
IGNORED_DIRS = {".git", ".venv", "venv", "node_modules"}


def _files(root: Path) -> dict[str, Path]:
    out = {}
    for p in root.rglob("*"):
        rel = p.relative_to(root)
        if rel.parts and rel.parts[0] in IGNORED_DIRS:
            continue
        if p.is_file() or p.is_symlink():
            out[rel.as_posix()] = p
    return out


def _digest(path: Path) -> str:
    if path.is_symlink():
        return _bytes_digest(b"symlink:" + str(path.readlink()).encode("utf-8", "surrogateescape"))
    return _bytes_digest(path.read_bytes())


def _bytes_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _protected(rel: str) -> bool:
    return any(rel == p or rel.startswith(p + "/") for p in PROTECTED)


def integrity_flags(submission: Path, slugs: list[str], template: CommittedTemplate | None = None) -> list[str]:
    """``template`` is the released template as committed (``classroom.template.committed``), never a folder:
    what an instructor's clone holds besides its commit (``__pycache__``, a venv) is no student's change."""
    files = _files(submission)
    flags = []
    if template is not None:
        theirs = {rel: _bytes_digest(data) for rel, data in template.protected(_protected).items()}
        ours = {rel: _digest(p) for rel, p in files.items() if _protected(rel) and "__pycache__" not in rel}
        for rel in sorted(set(theirs) | set(ours)):
            if rel not in ours:
                flags.append(f"protected-removed:{rel}")
            elif rel not in theirs:
                flags.append(f"protected-added:{rel}")
            elif ours[rel] != theirs[rel]:
                flags.append(f"protected-changed:{rel}")
    for rel, path in sorted(files.items()):
        name = path.name
        if name in PYTEST_CONFIG or (name == "pyproject.toml" and b"[tool.pytest" in path.read_bytes()):
            flags.append(f"pytest-config:{rel}")
        if name.endswith((".pyc", ".pyo")):
            flags.append(f"bytecode:{rel}")
        if name.endswith(".py") and name[:-3] in SHADOWABLE and not rel.startswith(("graders/", ".github/")):
            flags.append(f"shadows-module:{rel}")
        if name.endswith(".py") and not rel.startswith(("graders/", ".github/")) and not path.is_symlink():
            try:
                refused = declared_encoding(path.read_bytes())
            except OSError:
                refused = None
            if refused is not None:
                flags.append(f"coding-cookie:{rel}")
    starter = submission / "starter" if (submission / "starter").is_dir() else submission
    present = {p.stem for p in starter.glob("*.py")}
    for slug in slugs:
        if slug not in present:
            flags.append(f"missing-file:{(starter / (slug + '.py')).relative_to(submission).as_posix()}")
    return flags
