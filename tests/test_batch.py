"""The instructor's regrade: a dozen real git repositories, a kill halfway, a resume, reports and flags."""

from __future__ import annotations

import csv
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from conftest import MINIKIT, read_json, run_grade, solution_text, git as _git

SOLVED = solution_text("alpha", MINIKIT)
STUB = (MINIKIT / "starter" / "alpha.py").read_text(encoding="utf-8")
HALF = STUB.replace("def double(x):\n    raise NotImplementedError", "def double(x):\n    return 2 * x")
# Commit dates around a deadline just after the template's own commit (made by `grade release`, dated _NOW).
_NOW = datetime.now(timezone.utc).replace(microsecond=0)
BEFORE, DEADLINE, AFTER = ((_NOW + timedelta(minutes=m)).isoformat() for m in (10, 20, 30))


def git(repo, *args, date=BEFORE, check: bool = True) -> str:
    return _git(repo, *args, date=date, check=check)


def commit(repo: Path, files: dict[str, str | bytes], date: str = BEFORE, message: str = "work") -> None:
    for name, text in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    git(repo, "add", "-A", "--force", date=date)  # --force: the template's .gitignore would hide bytecode
    git(repo, "commit", "-q", "--allow-empty", "-m", message, date=date)


@pytest.fixture(scope="module")
def classroom(tmp_path_factory) -> dict:
    base = tmp_path_factory.mktemp("class")
    template = base / "template"
    # The template's commit is dated _NOW, as if made at import: the students' BEFORE must stay after it
    # however long the suite took to reach this fixture.
    now = _NOW.isoformat()
    env = {**os.environ, "GIT_AUTHOR_DATE": now, "GIT_COMMITTER_DATE": now}
    # The assignment file carries the deadline and the seed: every batch below takes them from --template.
    assert run_grade("release", template, "--kit", MINIKIT, "--deadline", DEADLINE, "--seed", "7", "--lang", "en",
                     env=env).returncode == 0
    repos = base / "repos"
    repos.mkdir()

    def student(name: str) -> Path:
        dest = repos / name
        subprocess.run(["git", "clone", "-q", str(template), str(dest)], check=True)
        return dest

    commit(student("ann"), {"starter/alpha.py": SOLVED})
    student("bob")  # never touched the stub
    commit(student("cat"), {"starter/alpha.py": HALF})
    dan = student("dan")
    commit(dan, {"starter/alpha.py": SOLVED})
    commit(dan, {"starter/alpha.py": STUB}, date=AFTER, message="oops, after the deadline")
    eve = repos / "eve"
    eve.mkdir()
    git(eve, "init", "-q")
    commit(eve, {"starter/alpha.py": SOLVED}, date=AFTER)
    fay = student("fay")
    commit(fay, {"starter/alpha.py": SOLVED, ".github/workflows/classroom.yml": "name: mine\non: push\njobs: {}\n"})
    gus = student("gus")
    commit(gus, {"starter/alpha.py": SOLVED})
    shutil.rmtree(gus / ".git" / "objects")
    (gus / ".git" / "objects").mkdir()
    hal = repos / "hal"
    shutil.copytree(template / "starter", hal / "starter")
    (hal / "starter" / "alpha.py").write_text(SOLVED, encoding="utf-8")
    ivy = repos / "ivy"
    ivy.mkdir()
    git(ivy, "init", "-q")
    commit(student("jon"), {"starter/alpha.py": SOLVED, "conftest.py": "import pytest\n", "starter/random.py": "x = 1\n",
                            "starter/__pycache__/alpha.cpython-311.pyc": b"\x00bytecode"})
    commit(student("kim"), {"starter/alpha.py": SOLVED.replace("def greet(name):", "def greet(name)")})
    commit(student("leo"), {"starter/alpha.py": SOLVED.replace("return 2 * x", "while True:\n        pass")})
    return {"base": base, "template": template, "repos": repos}


def batch(classroom, out: Path, *extra) -> subprocess.CompletedProcess:
    return run_grade("batch", *batch_args(classroom, out), *extra)


def batch_args(classroom, out: Path) -> list:
    return [classroom["repos"], "--kit", MINIKIT, "--out", out, "--template", classroom["template"], "--jobs", "2"]


def rows_by_user(out: Path) -> dict[str, dict]:
    with open(out / "gradebook.csv", encoding="utf-8") as f:
        return {r["github_username"]: r for r in csv.DictReader(f)}


KILL_AFTER = '''
import os, sys
from gradekit import cli
from gradekit.classroom import batch
save, seen = batch.Batch._save, []
def dying_save(self, row):
    save(self, row)
    seen.append(row["username"])
    if len(seen) == 5:
        os._exit(137)  # as abrupt as kill -9: nothing after the last commit of a row survives
batch.Batch._save = dying_save
sys.exit(cli.main(["batch", *sys.argv[1:]]))
'''


@pytest.fixture(scope="module")
def run_info(classroom, tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("out") / "batch"
    proc = subprocess.run([sys.executable, "-c", KILL_AFTER, *map(str, batch_args(classroom, out))],
                          capture_output=True, text=True)
    assert proc.returncode == 137, proc.stderr
    with sqlite3.connect(out / "grades.sqlite") as db:
        first = {r[0] for r in db.execute("SELECT username FROM grades")}
    assert 5 <= len(first) < 12
    proc = batch(classroom, out)
    assert proc.returncode == 1, proc.stderr  # some students could not be graded
    with sqlite3.connect(out / "grades.sqlite") as db:
        times = dict(db.execute("SELECT username, graded_at FROM grades"))
    assert len(times) == 12
    return {"out": out, "first": first, "times": times}


@pytest.fixture(scope="module")
def resumed(run_info) -> Path:
    return run_info["out"]


def test_resume_regrades_nothing_that_finished(run_info):
    with sqlite3.connect(run_info["out"] / "grades.sqlite") as db:
        rows = dict(db.execute("SELECT username, graded_at FROM grades"))
    assert set(rows) >= run_info["first"]
    # The rows stored before the kill keep their original time: they were not graded again.
    first_times = [run_info["times"][u] for u in run_info["first"]]
    later_times = [t for u, t in run_info["times"].items() if u not in run_info["first"]]
    assert max(first_times) < min(later_times)


def points(cell: str) -> int | None:
    """A gradebook score cell: blank for a student with nothing graded."""
    return int(cell) if cell != "" else None


def test_gradebook(resumed):
    rows = rows_by_user(resumed)
    assert list(next(csv.reader(open(resumed / "gradebook.csv", encoding="utf-8")))[:10]) == [
        "assignment_name", "assignment_url", "starter_code_url", "github_username", "roster_identifier",
        "student_repository_name", "student_repository_url", "submission_timestamp", "points_awarded", "points_available"]
    score = {u: points(r["points_awarded"]) for u, r in rows.items()}
    # Only the template's commit, nothing in time, an unreadable or empty repository: blank, never 0.
    assert rows["bob"]["status"] == "no-student-commits" and score["bob"] is None
    assert score["ann"] == 7 and score["cat"] == 5
    assert score["dan"] == 7 and rows["dan"]["later_commits"] == "1"  # graded at the deadline
    assert rows["eve"]["status"] == "late" and score["eve"] is None
    assert rows["gus"]["status"] == "broken-repository" and "git could not read" in rows["gus"]["message"]
    assert rows["ivy"]["status"] == "empty" and score["ivy"] is None and score["gus"] is None
    assert rows["hal"]["status"] == "graded" and score["hal"] == 7
    assert rows["kim"]["status"] == "graded" and score["kim"] == 0  # a syntax error anywhere fails the whole file
    assert rows["leo"]["status"] == "graded" and score["leo"] == 2
    assert all(r["points_available"] == "7" for r in rows.values())
    assert rows["ann"]["alpha"] == "7"


def test_flags(resumed):
    flags = {u: r["flags"].split(";") if r["flags"] else [] for u, r in rows_by_user(resumed).items()}
    assert "protected-changed:.github/workflows/classroom.yml" in flags["fay"]
    assert {"pytest-config:conftest.py", "shadows-module:starter/random.py",
            "bytecode:starter/__pycache__/alpha.cpython-311.pyc"} <= set(flags["jon"])
    assert "commits-after-deadline" in flags["dan"]
    assert "not-a-git-repository" in flags["hal"]
    assert flags["ann"] == [] and flags["bob"] == []
    assert rows_by_user(resumed)["fay"]["points_awarded"] == "7"  # flags never change a score


def test_reports(resumed):
    md = (resumed / "reports" / "cat.md").read_text(encoding="utf-8")
    assert md.startswith("# Feedback: gradekit assignment") and "Score: **5/7**" in md
    assert "**Not done yet (still raising NotImplementedError):** alpha · greet" in md
    html = (resumed / "reports" / "fay.html").read_text(encoding="utf-8")
    assert ".github/workflows/classroom.yml" in html and "never changes" in html  # the flag, in words
    native = read_json(resumed / "results" / "dan.json")
    assert native["seed"] == 7 and native["score"] == 7 and native["submission"]["later_commits"] == 1
    hidden = [c for t in native["topics"] for e in t["exercises"] for c in e["checks"] if c["visibility"] == "hidden"]
    assert hidden  # the regrade runs the hidden checks


def test_kim_syntax_error_is_explained(resumed):
    native = read_json(resumed / "results" / "kim.json")
    messages = [c["message"] for t in native["topics"] for e in t["exercises"] for c in e["checks"]]
    assert any("syntax error" in m for m in messages)


def test_regrade_one_student(resumed, classroom):
    with sqlite3.connect(resumed / "grades.sqlite") as db:
        before = dict(db.execute("SELECT username, graded_at FROM grades"))
    proc = batch(classroom, resumed, "--regrade", "bob")
    assert proc.returncode == 1
    with sqlite3.connect(resumed / "grades.sqlite") as db:
        after = dict(db.execute("SELECT username, graded_at FROM grades"))
    assert after["bob"] > before["bob"]
    assert all(after[u] == before[u] for u in before if u != "bob")


def test_shards_merge_into_the_same_gradebook(resumed, classroom, tmp_path):
    parts = []
    for k in (1, 2):
        out = tmp_path / f"shard{k}"
        batch(classroom, out, "--shard", f"{k}/2")
        parts.append(out)
    shard_users = [set(rows_by_user(p)) for p in parts]
    assert not (shard_users[0] & shard_users[1]) and len(shard_users[0] | shard_users[1]) == 12
    merged = tmp_path / "merged"
    proc = run_grade("merge", *parts, "--out", merged, "--kit", MINIKIT)
    assert proc.returncode == 0, proc.stderr
    strip = lambda rows: {u: (r["points_awarded"], r["status"], r["flags"]) for u, r in rows.items()}  # noqa: E731
    assert strip(rows_by_user(merged)) == strip(rows_by_user(resumed))


def test_roster_with_urls(classroom, tmp_path):
    roster = tmp_path / "roster.csv"
    repos = classroom["repos"]
    roster.write_text(
        "assignment_name,assignment_url,starter_code_url,github_username,roster_identifier,student_repository_name,"
        "student_repository_url,submission_timestamp,points_awarded,points_available\n"
        f"week3,,,ann,Ann A,ann-repo,{(repos / 'ann').as_uri()},,,\n"
        f"week3,,,zed,Zed Z,zed-repo,,,,\n"
        f"week3,,,nop,No P,nop-repo,{(tmp_path / 'missing').as_uri()},,,\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = run_grade("batch", "--roster", roster, "--kit", MINIKIT, "--out", out, "--seed", "3")
    assert proc.returncode == 1
    rows = rows_by_user(out)
    assert rows["ann"]["points_awarded"] == "7" and rows["ann"]["roster_identifier"] == "Ann A"
    assert rows["ann"]["assignment_name"] == "week3"
    assert rows["zed"]["status"] == "no-repository"
    assert rows["nop"]["status"] == "clone-failed"


def test_dashboard_opens_in_chromium(resumed, tmp_path):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("chromium is not installed (.ci/run installs it)")
    proc = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                           "--disable-component-update", "--disable-sync", "--no-first-run",
                           f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", (resumed / "dashboard.html").as_uri()],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    dom = proc.stdout
    for chart in ("chart-distribution", "chart-topics", "chart-hardest"):
        assert f'id="{chart}"' in dom
    assert dom.count("<svg") >= 3 and "12</b>students" in dom.replace("\n", "")


def test_a_corrupted_database_is_rebuilt_without_regrading(resumed, classroom, tmp_path):
    from gradekit.classroom.batch import Batch, BatchOptions
    from gradekit.course.kit import load_kit
    from gradekit.classroom.sources import folder_students

    out = tmp_path / "copy"
    shutil.copytree(resumed, out)
    (out / "grades.sqlite").write_bytes(b"this is not a database" * 100)
    for suffix in ("-wal", "-shm"):
        (out / f"grades.sqlite{suffix}").unlink(missing_ok=True)
    batch = Batch(load_kit(MINIKIT), folder_students(classroom["repos"]), BatchOptions(out=out, seed=7))
    assert any("unreadable" in note and "rebuilt" in note for note in batch.notes)
    assert batch.todo() == []  # every finished student came back from the per-student copies
    assert {r["username"]: r["score"] for r in batch.store.rows()} == \
        {u: points(r["points_awarded"]) for u, r in rows_by_user(resumed).items()}


def test_disk_full_stops_cleanly_and_resumes(classroom, tmp_path):
    small = tmp_path / "small"
    small.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=400k", "tmpfs", str(small)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    try:
        proc = batch(classroom, small / "out")
        assert proc.returncode == 2, proc.stdout + proc.stderr
        assert "free space and run the same command again" in proc.stderr.replace("\n", " ")
        kept = sqlite3.connect(small / "out" / "grades.sqlite").execute("SELECT count(*) FROM grades").fetchone()[0]
        bigger = tmp_path / "bigger"
        shutil.copytree(small / "out", bigger, ignore=shutil.ignore_patterns("workspace"))
    finally:
        subprocess.run(["umount", "--lazy", str(small)], capture_output=True)
    proc = batch(classroom, bigger)
    assert proc.returncode == 1, proc.stderr
    assert len(rows_by_user(bigger)) == 12 and kept <= 12  # the disk may fill while grading or while writing reports


def test_broken_graders_stop_the_batch_and_store_nothing(classroom, tmp_path):
    # A grader file the instructor broke is no student's fault: no row is stored (which would mark the
    # class done), the batch stops saying why, and the run after the fix grades everyone.
    kit = tmp_path / "kit"
    shutil.copytree(MINIKIT, kit)
    grader = next((kit / "graders" / "alpha").glob("test_hidden*.py"))
    good = grader.read_text(encoding="utf-8")
    grader.write_text(good + "\ndef broken(:\n", encoding="utf-8")
    out = tmp_path / "out"
    args = ("batch", classroom["repos"], "--kit", kit, "--out", out, "--seed", "7", "--jobs", "2")
    proc = run_grade(*args)
    assert proc.returncode == 2, proc.stderr
    assert "graders could not be run" in proc.stderr and "SyntaxError" in proc.stderr
    with sqlite3.connect(out / "grades.sqlite") as db:
        assert db.execute("SELECT COUNT(*) FROM grades").fetchone()[0] == 0
    grader.write_text(good, encoding="utf-8")
    proc = run_grade(*args)
    assert proc.returncode == 1, proc.stderr  # graded; some repositories are broken or late
    with sqlite3.connect(out / "grades.sqlite") as db:
        assert db.execute("SELECT COUNT(*) FROM grades WHERE status = 'graded'").fetchone()[0] >= 8


@pytest.mark.parametrize("blocker", ["reports", "gradebook.csv"])
def test_reports_that_cannot_be_written_for_another_reason_are_not_a_full_disk(resumed, classroom, tmp_path, blocker):
    # Every grade is stored, so the batch grades nobody again; writing the outputs fails because something
    # is in the way (a file where the reports folder goes, a folder where the gradebook goes): one line that
    # names it, exit 2, and no advice to free disk space.
    out = tmp_path / "out"
    shutil.copytree(resumed, out, ignore=shutil.ignore_patterns("workspace"))
    for stale in ("reports", "gradebook.csv"):
        shutil.rmtree(out / stale, ignore_errors=True) if (out / stale).is_dir() else (out / stale).unlink(missing_ok=True)
    (out / blocker).mkdir() if blocker.endswith(".csv") else (out / blocker).write_text("in the way\n", encoding="utf-8")
    proc = batch(classroom, out)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    said = [line for line in proc.stderr.splitlines() if "could not write the reports" in line]
    assert len(said) == 1 and str(out / blocker) in said[0] and "grades.sqlite" in said[0]
    assert "free space" not in proc.stderr and "Traceback" not in proc.stderr
