"""`grade batch` reads assignment.toml: topics, points, deadline, late policy, extensions; refusals; honest rows.

Real git repositories cloned from a real `grade release` template, real `grade batch` subprocesses.  All commit
dates lie in the past (around T0, three days ago), so no "dated in the future" flag muddles the assertions.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from conftest import MINIKIT, run_grade, solution_text, git as _git
from conftest import stored_rows as rows

from gradekit.course.assignment import Assignment, LatePolicy, iso, write
from gradekit.classroom.store import Store, file_names

SOLVED = solution_text("alpha", MINIKIT)
STUB = (MINIKIT / "starter" / "alpha.py").read_text(encoding="utf-8")
HALF = STUB.replace("def double(x):\n    raise NotImplementedError", "def double(x):\n    return 2 * x")
T0 = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(days=3)
BEFORE, DEADLINE, AFTER, CUTOFF, BEYOND = (T0 + timedelta(minutes=m) for m in (10, 20, 30, 80, 140))


def git(repo, *args, date=BEFORE, check: bool = True) -> str:
    return _git(repo, *args, date=date, check=check)
TZ8 = timezone(timedelta(hours=8))

BETA = {
    "exercises/beta/exercise.toml": 'format_version = 1\norder = 2\ntitle = { zh = "贝塔", en = "Beta" }\n\n'
                                    '[[exercises]]\nname = "triple"\ntitle = { zh = "三倍", en = "Triple" }\n'
                                    'hints = [{ zh = "返回 3 * x。", en = "Return 3 * x." }]\n',
    "exercises/beta/solution.py": "def triple(x):\n    return 3 * x\n",
    "graders/beta/test_public.py": "from gradekit.grader import call, exercise, points, public\n\n\n@public\n@points(5)\n"
                                   "@exercise(\"triple\")\ndef test_triple(beta):\n    call(beta.triple, 2).returns(6)\n",
    "starter/beta.py": "def triple(x):\n    raise NotImplementedError\n",
}


def commit(repo: Path, files: dict[str, str], date: datetime = BEFORE) -> None:
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    git(repo, "add", "-A", date=date)
    git(repo, "commit", "-q", "-m", "work", date=date)


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> dict:
    base = tmp_path_factory.mktemp("course")
    kit = base / "kit"  # two topics: an assignment of one must not be graded (or worth) as the whole kit
    shutil.copytree(MINIKIT, kit)
    for rel, text in BETA.items():
        (kit / rel).parent.mkdir(parents=True, exist_ok=True)
        (kit / rel).write_text(text, encoding="utf-8")
    template = base / "template"
    proc = run_grade("release", template, "--kit", kit, "--topics", "alpha")
    assert proc.returncode == 0, proc.stderr
    git(template, "commit", "-q", "--amend", "--no-edit", "--reset-author", date=T0)  # release dates it now
    plain = Assignment(name="Week 1", topics=("alpha",), points=7, lang="en", seed=11, deadline=DEADLINE)
    write(plain, template / "assignment.toml")
    git(template, "add", "assignment.toml", date=T0)
    git(template, "commit", "-q", "-m", "assignment", date=T0)
    # Tried out by the instructor: ignored bytecode in the folder, not in the commit.
    (template / "graders" / "alpha" / "__pycache__").mkdir()
    (template / "graders" / "alpha" / "__pycache__" / "test_public.cpython-311.pyc").write_bytes(b"\0junk")
    private = base / "private"
    private.mkdir()
    late = plain.with_(late=LatePolicy("per_day", 10, 50, CUTOFF), extensions="extensions.csv")
    write(late, private / "assignment.toml")
    (private / "extensions.csv").write_text(f"student,deadline\nfay,{iso((DEADLINE + timedelta(days=1)).astimezone(TZ8))}\n",
                                            encoding="utf-8")
    repos = base / "repos"
    repos.mkdir()

    def student(name: str) -> Path:
        subprocess.run(["git", "clone", "-q", str(template), str(repos / name)], check=True)
        return repos / name

    commit(student("ann"), {"starter/alpha.py": SOLVED})                # on time
    student("bob")                                                       # only the template's commits
    commit(student("cat"), {"starter/alpha.py": SOLVED}, date=AFTER)     # 10 minutes late: one day started
    dan = student("dan")
    commit(dan, {"starter/alpha.py": HALF})
    commit(dan, {"starter/alpha.py": SOLVED}, date=AFTER)                # late, before the cut-off: graded
    commit(dan, {"starter/alpha.py": STUB}, date=BEYOND)                 # after the cut-off: never graded
    (repos / "eve").mkdir()
    git(repos / "eve", "init", "-q")                                     # no commit at all
    commit(student("fay"), {"starter/alpha.py": SOLVED}, date=AFTER)     # late, but she has an extension
    small = base / "small"
    small.mkdir()
    shutil.copytree(repos / "ann", small / "ann")
    return {"base": base, "kit": kit, "template": template, "private": private, "repos": repos, "small": small}


def batch(course, source, out, *extra, kit=None):
    return run_grade("batch", source, "--kit", kit or course["kit"], "--out", out, "--jobs", "2", *extra)


@pytest.fixture(scope="module")
def graded(course, tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("graded") / "out"
    proc = batch(course, course["repos"], out, "--assignment", course["private"] / "assignment.toml",
                 "--template", course["template"])
    assert proc.returncode == 1, proc.stderr  # bob and eve have nothing graded
    return {"out": out, "proc": proc, "rows": rows(out)}


def test_topics_and_points_come_from_the_file(graded):
    rows_ = graded["rows"]
    assert set(rows_) == {"ann", "bob", "cat", "dan", "eve", "fay"}
    assert all(r["max_score"] == 7 for r in rows_.values())  # the assignment's points, not alpha + beta (12)
    assert [t["slug"] for t in rows_["ann"]["result"]["topics"]] == ["alpha"]
    assert rows_["ann"]["score"] == 7 and rows_["ann"]["grading"]["penalty_percent"] == 0
    assert not any(f.startswith("missing-file") for r in rows_.values() for f in r["flags"])
    assert rows_["ann"]["result"]["seed"] == 11
    with open(graded["out"] / "gradebook.csv", encoding="utf-8") as f:
        assert all(line.split(",")[9] == "7" for line in f.read().splitlines()[1:])  # points_available


def test_batch_json_records_the_assignment_and_options(graded, course):
    meta = json.loads((graded["out"] / "batch.json").read_text(encoding="utf-8"))
    from gradekit.course.assignment import load
    a = load(course["private"] / "assignment.toml")
    assert meta["assignment"]["digest"] == a.digest and meta["assignment"]["data"] == a.to_dict()
    assert meta["seed"] == 11 and meta["overrides"] == [] and meta["shard"] is None
    o = meta["options"]
    assert o["topics"] == ["alpha"] and o["deadline"] == iso(DEADLINE) and o["seed"] == 11
    assert o["template_commit"] and o["extensions_digest"].startswith("sha256:") and o["lang"] == "en"
    assert {r["grading"]["assignment_digest"] for r in graded["rows"].values()} == {a.digest}


def test_late_penalty_per_day_is_applied_and_recorded(graded):
    cat = graded["rows"]["cat"]
    assert cat["status"] == "graded" and cat["score"] == 6.3  # 7 points, 10 % for one day started
    g = cat["grading"]
    assert g["penalty_percent"] == 10 and g["points_before_penalty"] == 7 and g["late_seconds"] == 600
    assert g["deadline"] == iso(DEADLINE) and g["cutoff"] == iso(CUTOFF) and g["extended"] is False


def test_cutoff_picks_the_last_commit_before_it(graded, course):
    dan = graded["rows"]["dan"]
    assert dan["score"] == 6.3 and dan["later_commits"] == 1  # SOLVED after the deadline; STUB after the cut-off
    assert dan["commit_time"] == iso(AFTER) and "commits-after-deadline" in dan["flags"]


def test_an_extension_changes_one_students_deadline_and_is_recorded(graded):
    fay = graded["rows"]["fay"]
    assert fay["score"] == 7 and fay["grading"]["extended"] is True and fay["grading"]["penalty_percent"] == 0
    assert datetime.fromisoformat(fay["grading"]["deadline"]) == DEADLINE + timedelta(days=1)
    assert datetime.fromisoformat(fay["grading"]["cutoff"]) == CUTOFF + timedelta(days=1)
    assert all(r["grading"]["extended"] is False for u, r in graded["rows"].items() if u != "fay")


def test_no_submission_is_blank_with_the_reason(graded):
    bob, eve = graded["rows"]["bob"], graded["rows"]["eve"]
    assert bob["status"] == "no-student-commits" and bob["score"] is None and "template" in bob["message"]
    assert eve["status"] == "empty" and eve["score"] is None
    with sqlite3.connect(graded["out"] / "grades.sqlite") as db:
        assert db.execute("SELECT score FROM grades WHERE username IN ('bob', 'eve')").fetchall() == [(None,), (None,)]


def test_a_tried_out_template_flags_nobody(graded):
    assert not [f for r in graded["rows"].values() for f in r["flags"] if f.startswith("protected-")]
    assert graded["rows"]["ann"]["flags"] == []


def test_the_end_of_the_run_names_who_was_not_graded(graded):
    err = graded["proc"].stderr
    assert "not graded: bob: no-student-commits" in err and "not graded: eve: empty" in err
    assert "flagged: dan: commits-after-deadline" in err
    assert "Traceback" not in err


def test_workspace_is_removed_and_results_do_not_point_into_it(graded):
    out = graded["out"]
    assert not (out / "workspace").exists()
    for r in graded["rows"].values():
        if r["result"]:
            assert "path" not in r["result"]["submission"] and r["result"]["submission"]["commit"] == r["commit_sha"]


def test_an_identical_rerun_resumes_without_regrading(graded, course):
    with sqlite3.connect(graded["out"] / "grades.sqlite") as db:
        before = dict(db.execute("SELECT username, graded_at FROM grades"))
    proc = batch(course, course["repos"], graded["out"], "--assignment", course["private"] / "assignment.toml",
                 "--template", course["template"])
    assert proc.returncode == 1, proc.stderr
    with sqlite3.connect(graded["out"] / "grades.sqlite") as db:
        assert dict(db.execute("SELECT username, graded_at FROM grades")) == before


def test_a_flag_contradicting_the_file_is_refused(graded, course, tmp_path):
    other = iso(DEADLINE + timedelta(hours=1))
    proc = batch(course, course["repos"], tmp_path / "out", "--assignment", course["private"] / "assignment.toml",
                 "--deadline", other)
    assert proc.returncode == 2
    (line,) = proc.stderr.strip().splitlines()
    assert "--deadline" in line and other in line and iso(DEADLINE) in line and "--override" in line
    proc = batch(course, course["repos"], tmp_path / "out", "--template", course["template"], "--topics", "alpha,beta")
    assert proc.returncode == 2 and "--topics alpha,beta" in proc.stderr and "--override" in proc.stderr


def test_regrade_typo_names_close_matches(graded, course):
    proc = batch(course, course["repos"], graded["out"], "--assignment", course["private"] / "assignment.toml",
                 "--template", course["template"], "--regrade", "fey")
    assert proc.returncode == 2
    assert "--regrade fey" in proc.stderr and "fay" in proc.stderr and "Traceback" not in proc.stderr


def test_a_changed_extension_needs_a_regrade_of_that_student(graded, course, tmp_path):
    private = tmp_path / "private"
    shutil.copytree(course["private"], private)
    out = tmp_path / "out"
    shutil.copytree(graded["out"], out)
    with open(private / "extensions.csv", "a", encoding="utf-8") as f:
        f.write(f"cat,{iso(DEADLINE + timedelta(days=2))}\n")
    args = ("--assignment", private / "assignment.toml", "--template", course["template"])
    proc = batch(course, course["repos"], out, *args)
    assert proc.returncode == 2 and "--regrade cat" in proc.stderr
    before = {u: r["graded_at"] for u, r in rows(out).items()}
    proc = batch(course, course["repos"], out, *args, "--regrade", "cat")
    assert proc.returncode == 1, proc.stderr
    after = rows(out)
    assert after["cat"]["score"] == 7 and after["cat"]["grading"]["extended"] is True
    assert all(after[u]["graded_at"] == before[u] for u in before if u != "cat")
    meta = json.loads((out / "batch.json").read_text(encoding="utf-8"))
    assert "cat" in meta["extensions"]


def test_override_is_recorded_then_another_deadline_is_refused_until_fresh(course, tmp_path):
    out = tmp_path / "out"
    moved = iso(DEADLINE + timedelta(minutes=5))
    proc = batch(course, course["small"], out, "--template", course["template"], "--deadline", moved, "--override",
                 "--keep-workspace")
    assert proc.returncode == 0, proc.stderr
    assert "override: --deadline" in proc.stderr
    meta = json.loads((out / "batch.json").read_text(encoding="utf-8"))
    assert len(meta["overrides"]) == 1 and meta["overrides"][0].startswith(f"--deadline {moved}")
    assert meta["options"]["deadline"] == moved and rows(out)["ann"]["grading"]["deadline"] == moved
    assert (out / "workspace").is_dir()  # --keep-workspace
    proc = batch(course, course["small"], out, "--template", course["template"])  # the file's deadline now
    assert proc.returncode == 2
    assert "--fresh" in proc.stderr and "--regrade" in proc.stderr and "deadline" in proc.stderr
    proc = batch(course, course["small"], out, "--template", course["template"], "--fresh")
    assert proc.returncode == 0, proc.stderr
    (aside,) = out.glob("previous-*")
    assert (aside / "grades.sqlite").is_file()
    assert rows(out)["ann"]["grading"]["deadline"] == iso(DEADLINE)


def test_inside_a_student_template_batch_refuses(course, tmp_path):
    proc = batch(course, course["small"], tmp_path / "out", kit=course["template"])
    assert proc.returncode == 2
    assert "student template without the hidden graders" in proc.stderr and "--kit" in proc.stderr


def test_without_an_assignment_the_deadline_is_strict(course, tmp_path):
    proc = batch(course, course["small"], tmp_path / "out", "--deadline", "2026-11-30")
    assert proc.returncode == 2 and "2026-11-30T23:59" in proc.stderr and "Traceback" not in proc.stderr


def test_roster_points_are_compared_and_odd_names_kept(course, tmp_path):
    roster = tmp_path / "roster.csv"
    url = (course["repos"] / "ann").as_uri()
    roster.write_text("github_username,roster_identifier,student_repository_url,points_available\n"
                      f"an/../n,A/B C,{url},829\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = run_grade("batch", "--roster", roster, "--kit", course["kit"], "--out", out, "--template",
                     course["template"])
    assert proc.returncode == 0, proc.stderr
    assert "829" in proc.stderr and "7 points" in proc.stderr
    (row,) = rows(out).values()
    assert row["username"] == "an/../n" and row["student"]["roster_identifier"] == "A/B C" and row["score"] == 7
    stem = file_names(["an/../n"])["an/../n"]
    assert (out / "reports" / f"{stem}.md").is_file()


def test_a_crash_is_one_line_and_exit_2(course, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder\n", encoding="utf-8")
    proc = batch(course, course["small"], blocker / "out", "--template", course["template"])
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_help_lists_only_options_with_help():
    proc = run_grade("batch", "--help")
    assert proc.returncode == 0
    for option in ("--assignment FILE", "--override", "--fresh", "--keep-workspace", "--assignment-url",
                   "--starter-url", "--template"):
        assert option in proc.stdout
    import argparse

    from gradekit.cli import build_parser
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices["batch"]
    assert all(a.help for a in sub._actions), [a.dest for a in sub._actions if not a.help]


OLD_SCHEMA = """CREATE TABLE grades (username TEXT PRIMARY KEY, status TEXT NOT NULL, message TEXT NOT NULL DEFAULT '',
    score INTEGER NOT NULL DEFAULT 0, max_score INTEGER NOT NULL DEFAULT 0, commit_sha TEXT, commit_time TEXT,
    later_commits INTEGER NOT NULL DEFAULT 0, flags TEXT NOT NULL DEFAULT '[]', student TEXT NOT NULL DEFAULT '{}',
    result TEXT, graded_at REAL NOT NULL)"""


def test_an_old_store_is_read_with_blanks_and_accepts_them(tmp_path):
    path = tmp_path / "grades.sqlite"
    with sqlite3.connect(path) as db:
        db.execute(OLD_SCHEMA)
        db.execute("INSERT INTO grades (username, status, score, max_score, graded_at) VALUES ('ann', 'graded', 7, 7, 1)")
        db.execute("INSERT INTO grades (username, status, score, max_score, graded_at) VALUES ('bob', 'empty', 0, 7, 1)")
    store = Store(path)
    old = {r["username"]: r for r in store.rows()}
    assert old["ann"]["score"] == 7 and old["bob"]["score"] is None and old["ann"]["grading"] == {}
    store.save({"username": "cat", "status": "late", "score": None, "max_score": 7, "grading": {"late_seconds": 5}})
    store.save({"username": "dan", "status": "graded", "score": 6.3, "max_score": 7})
    new = {r["username"]: r for r in store.rows()}
    assert new["cat"]["score"] is None and new["cat"]["grading"] == {"late_seconds": 5} and new["dan"]["score"] == 6.3
    store.close()


def test_the_old_assignment_name_flag_is_explained(course, tmp_path):
    proc = batch(course, course["small"], tmp_path / "out", "--assignment", "week3")
    assert proc.returncode == 2 and "assignment.toml" in proc.stderr and "name now comes from it" in proc.stderr


def test_rows_remember_their_assignment_when_batch_json_is_lost(course, tmp_path):
    out = tmp_path / "out"
    assert batch(course, course["small"], out, "--template", course["template"]).returncode == 0
    (out / "batch.json").unlink()  # lost, or removed to dodge the refusal
    other = tmp_path / "other.toml"
    write(Assignment(name="Week 1", topics=("alpha",), points=7, lang="en", seed=11,
                     deadline=DEADLINE + timedelta(days=1)), other)
    proc = batch(course, course["small"], out, "--assignment", other, "--template", course["template"])
    assert proc.returncode == 2 and "another assignment" in proc.stderr and "--fresh" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_refused_fresh_run_moves_nothing_aside(course, tmp_path):
    out = tmp_path / "out"
    assert batch(course, course["small"], out, "--template", course["template"]).returncode == 0
    proc = batch(course, course["small"], out, "--template", course["template"], "--fresh", "--regrade", "nosuch")
    assert proc.returncode == 2 and "nosuch" in proc.stderr
    assert not list(out.glob("previous-*")) and (out / "grades.sqlite").is_file()
    for _ in range(2):  # twice within a second: two folders, every file of the old run in each
        assert batch(course, course["small"], out, "--template", course["template"], "--fresh").returncode == 0
    asides = sorted(out.glob("previous-*"))
    assert len(asides) == 2 and all((a / "gradebook.csv").is_file() and (a / "dashboard.html").is_file()
                                    for a in asides)


def test_a_resume_says_who_is_kept_and_an_unknown_extension_name_is_named(graded, course, tmp_path):
    private = tmp_path / "private"
    shutil.copytree(course["private"], private)
    with open(private / "extensions.csv", "a", encoding="utf-8") as f:
        f.write(f"ANN,{iso(DEADLINE + timedelta(days=2))}\n")  # the roster says ann
    proc = batch(course, course["repos"], tmp_path / "out", "--assignment", private / "assignment.toml",
                 "--template", course["template"], "--full-feedback")
    assert "'ANN', who is not on the roster" in proc.stderr and "did you mean 'ann'" in proc.stderr
    assert "--full-feedback: the reports show hidden checks' inputs" in proc.stderr
    out = tmp_path / "again"
    shutil.copytree(graded["out"], out)
    proc = batch(course, course["repos"], out, "--assignment", course["private"] / "assignment.toml",
                 "--template", course["template"])
    assert "already graded" in proc.stderr and "kept (0 to grade)" in proc.stderr
