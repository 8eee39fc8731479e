"""What each install extra brings: students and instructors install without nbgrader (it brings JupyterLab),
and an instructor who asks for --nbgrader without it is told how to install it before anything is graded."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from conftest import MINIKIT, ROOT, run_grade

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

BLOCK_NBGRADER = "raise ImportError('No module named nbgrader (blocked by the test)')\n"


def requirement_names(extra: str, extras: dict, seen=()) -> set[str]:
    """Every distribution an extra asks for, following gradekit[other] references."""
    names = set()
    for requirement in extras[extra]:
        name = re.match(r"[A-Za-z0-9._-]+", requirement).group(0).lower()
        inner = re.match(r"gradekit\[([^\]]+)\]", requirement)
        if inner:
            for other in inner.group(1).split(","):
                if other not in seen:
                    names |= requirement_names(other.strip(), extras, (*seen, extra))
        else:
            names.add(name)
    return names


def test_only_the_nbgrader_extra_pulls_nbgrader():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert not any(r.lower().startswith("nbgrader") for r in project["dependencies"])
    extras = project["optional-dependencies"]
    for extra in ("instructor", "dev"):
        assert "nbgrader" not in requirement_names(extra, extras), extra
    assert "nbgrader" in requirement_names("nbgrader", extras)


def test_without_nbgrader_batch_says_how_to_install_it_before_grading(tmp_path: Path):
    fake = tmp_path / "site" / "nbgrader"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text(BLOCK_NBGRADER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(fake.parent), os.environ.get("PYTHONPATH", "")])}
    roster = tmp_path / "roster.csv"
    roster.write_text("github_username,student_repository_url\nann,\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = run_grade("batch", "--roster", roster, "--kit", MINIKIT, "--out", out, "--seed", "3",
                     "--nbgrader", tmp_path / "x.db", env=env)
    assert proc.returncode == 2, proc.stderr
    assert "pip install gradekit[nbgrader]" in proc.stderr
    assert not out.exists()  # said before grading anyone
