"""Shared helpers: run `grade` as a user would, and build submissions in temporary folders."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gradekit.sandbox import isolation

#: pytester drives pytest in-process for the plugin's pieces (phases, manifest, plan).
pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parents[1]
MINIKIT = ROOT / "tests" / "fixtures" / "minikit"


#: What `grade release` writes as the install line in tests that do not choose one.  Without `--install` the
#: release derives it from this checkout's git remote, which a test machine may not have; `gradekit` is
#: installed already, so the workflow's install step runs offline.  tests/test_distribution.py and the
#: install-line tests exercise the default itself.
TEST_INSTALL = "gradekit"


def run_grade(*args, cwd: Path | None = None, env: dict | None = None, timeout: float = 600):
    """Run the installed `grade` command in a subprocess; returns CompletedProcess (text)."""
    args = tuple(args)
    if args[:1] == ("release",) and not any(str(a).startswith("--install") for a in args):
        args += ("--install", TEST_INSTALL)
    return subprocess.run([sys.executable, "-m", "gradekit", *map(str, args)], cwd=cwd or ROOT,
                          capture_output=True, text=True, timeout=timeout, env=env)


def git(repo: Path | None, *args, date=None, check: bool = True) -> str:
    """Run git in ``repo`` (None: the current folder) as a test's student or instructor; its output as
    git wrote it.  ``date`` (a ``datetime`` or ISO text) is the author and commit date."""
    env = {**os.environ, "GIT_AUTHOR_NAME": "S", "GIT_AUTHOR_EMAIL": "s@example.invalid",
           "GIT_COMMITTER_NAME": "S", "GIT_COMMITTER_EMAIL": "s@example.invalid"}
    if date is not None:
        if not isinstance(date, str):
            from gradekit.course.assignment import iso

            date = iso(date)
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    command = ["git", *(["-C", str(repo)] if repo is not None else []), "-c", "commit.gpgsign=false", *map(str, args)]
    return subprocess.run(command, check=check, capture_output=True, text=True, env=env).stdout


def write_submission(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return folder


def solution_text(slug: str, kit: Path = ROOT) -> str:
    return (kit / "exercises" / slug / "solution.py").read_text(encoding="utf-8")


def read_json(path: Path):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def bwrap_usable() -> bool:
    bwrap = shutil.which("bwrap")
    try:
        return bool(bwrap) and isolation._probe(bwrap)[0]
    except Exception:
        return False


def isolation_levels() -> list:
    """The levels hostile cases run at: process and portable always, bwrap where it can run."""
    return [pytest.param("process"), pytest.param("portable"),
            pytest.param("bwrap", marks=pytest.mark.skipif(not bwrap_usable(), reason="bubblewrap unavailable here"))]


@contextlib.contextmanager
def grading_at(level: str, tmp: Path | None = None, **env: str | None):
    """Grade in-process at ``level``: ``GRADEKIT_ISOLATION`` (and ``env``; None unsets) set, with
    ``tmp`` as TMPDIR and ``tempfile``'s folder, everything put back afterwards."""
    import tempfile

    changes = {"GRADEKIT_ISOLATION": level, **({"TMPDIR": str(tmp)} if tmp is not None else {}), **env}
    saved = {k: os.environ.get(k) for k in changes}
    saved_tempdir = tempfile.tempdir
    for k, v in changes.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v
    if tmp is not None:
        tempfile.tempdir = str(tmp)
    isolation.detect.cache_clear()
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        tempfile.tempdir = saved_tempdir
        isolation.detect.cache_clear()


def one_topic_kit(root: Path, slug: str, *, toml: str, solution: str, grader: str, starter: str):
    """A kit of a single topic, written into ``root`` and loaded."""
    from gradekit.course.kit import load_kit

    for folder, name, text in (("exercises", "exercise.toml", toml), ("exercises", "solution.py", solution),
                               ("graders", "test_public.py", grader), ("starter", f"{slug}.py", starter)):
        path = root / folder / (slug if folder != "starter" else "") / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return load_kit(root)


@pytest.fixture(scope="session")
def released_template(tmp_path_factory):
    """``release(name, topics, *options)``: the template ``grade release`` makes of this kit, as an instructor
    runs it, into ``<tmp>/<name>`` (a path: folders on the way are made).  Each name is released once a
    session; a test that changes files works in ``student_copy`` of it."""
    made: dict[str, Path] = {}

    def release(name: str, topics: str, *options) -> Path:
        if name not in made:
            dest = tmp_path_factory.mktemp("released") / name
            dest.parent.mkdir(parents=True, exist_ok=True)
            proc = run_grade("release", dest, "--topics", topics, "--kit", ROOT, *options)
            assert proc.returncode == 0, proc.stderr
            made[name] = dest
        return made[name]

    return release


def student_copy(template: Path, dest: Path) -> Path:
    """A student's own clone of a released template: a private copy, git history included."""
    shutil.copytree(template, dest, symlinks=True)
    return dest


@pytest.fixture
def minikit(tmp_path) -> Path:
    """A private copy of the fixture kit (tests may break it)."""
    dest = tmp_path / "kit"
    shutil.copytree(MINIKIT, dest)
    return dest


#: The tests of what runs on a student's machine (check, watch, hint, list, reset, next, messages, the
#: sandbox itself).  `-m student` selects them: `.ci/run` runs them again at the portable level, and
#: the GitHub matrix runs them on Windows and macOS.
STUDENT_SIDE = {"test_cli.py", "test_watch.py", "test_progress.py", "test_messages.py", "test_sandbox.py",
                "test_console.py", "test_portable.py"}


#: Whole files of slow tests: the soak grades a class of 40 with hostile students among them.
SLOW_FILES = {"test_soak.py"}
#: Fixtures that drive the real ``grade`` in a terminal (tmux), seconds a test.
SLOW_FIXTURES = {"panes"}


def pytest_collection_modifyitems(items):
    for item in items:
        if item.path.name in STUDENT_SIDE:
            item.add_marker(pytest.mark.student)
        if item.path.name in SLOW_FILES or SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


def stored_rows(out: Path) -> dict[str, dict]:
    """A batch output's stored rows by user name, read as merge and the reports read them."""
    from gradekit.classroom.store import Store

    store = Store(out / "grades.sqlite")
    try:
        return {r["username"]: r for r in store.rows()}
    finally:
        store.close()
