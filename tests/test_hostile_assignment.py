"""Hostile students against `grade batch` and `grade feedback`: borrowed repositories, configuration that runs
programs on the receiving side, late-only work, rewritten history, and full-feedback reports.

Real git repositories made in tmp_path, real `grade batch` and `grade feedback` subprocesses.  Commit dates lie
in the past (around T0, three days ago) so that no "dated in the future" flag muddles the assertions.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from conftest import MINIKIT, run_grade, solution_text, git as _git
from conftest import stored_rows as rows

from gradekit.course.assignment import iso
from gradekit.classroom.store import Store

SOLVED = solution_text("alpha", MINIKIT)
T0 = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(days=3)
BEFORE, DEADLINE, AFTER, CUTOFF, BEYOND = (T0 + timedelta(minutes=m) for m in (10, 20, 30, 80, 140))


def git(repo, *args, date=BEFORE, check: bool = True) -> str:
    return _git(repo, *args, date=date, check=check).strip()
LONG_AGO = T0 - timedelta(days=30)


def commit(repo: Path, files: dict[str, str], date: datetime = BEFORE, message: str = "work") -> str:
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    git(repo, "add", "-A", date=date)
    git(repo, "commit", "-q", "-m", message, date=date)
    return git(repo, "rev-parse", "HEAD")


def ref(repo: Path, name: str) -> str:
    return git(repo, "rev-parse", "--verify", "-q", name, check=False)


def feedback_out(tmp_path: Path, students: dict[str, dict], options: dict | None = None) -> Path:
    """A batch output folder as `grade batch` leaves it: graded rows, their reports, and batch.json."""
    out = tmp_path / "out"
    (out / "reports").mkdir(parents=True)
    store = Store(out / "grades.sqlite")
    for user, student in students.items():
        store.save({"username": user, "status": "graded", "message": "", "score": 3, "max_score": 7,
                    "flags": [], "student": {"username": user, **student}, "result": None, "grading": {}})
        (out / "reports" / f"{user}.md").write_text(f"# Feedback for {user}\n", encoding="utf-8")
    store.close()
    (out / "batch.json").write_text(json.dumps({"format_version": 1, "seed": 1, "assignment": None, "shard": None,
                                                "options": options or {"full_feedback": False}, "overrides": []}),
                                    encoding="utf-8")
    return out


def bare_repo(root: Path, name: str) -> Path:
    """A student's repository as a server keeps it: bare, one commit on main."""
    work = root / f"{name}-work"
    git(None, "init", "-q", "-b", "main", work)
    commit(work, {"alpha.py": SOLVED})
    bare = root / f"{name}.git"
    git(None, "clone", "-q", "--bare", work, bare)
    return bare


# -- 1. a push to a local repository runs none of its configuration ----------------------------------------------

def test_alternates_and_alternate_refs_command_are_refused_and_never_run(tmp_path):
    marker = tmp_path / "PWN"
    plain, lender = bare_repo(tmp_path, "plain"), bare_repo(tmp_path, "lender")
    ann = bare_repo(tmp_path, "ann")
    (ann / "objects" / "info" / "alternates").write_text(f"{lender / 'objects'}\n", encoding="utf-8")
    git(ann, "config", "core.alternateRefsCommand", f"touch {marker}")
    out = feedback_out(tmp_path, {"ann": {"url": str(ann)}, "bob": {"url": ann.as_uri()},
                                  "plain": {"url": str(plain)}})
    proc = run_grade("feedback", out, "--push")
    assert not marker.exists(), proc.stdout
    assert proc.returncode == 1, proc.stdout + proc.stderr
    failed = [line for line in proc.stdout.splitlines() if line.startswith("failed")]
    assert len(failed) == 2 and all("objects/info/alternates" in line for line in failed), proc.stdout
    assert ref(ann, "refs/heads/gradekit-feedback") == ""
    # a plain local bare repository still gets its feedback
    assert "1 pushed" in proc.stdout
    assert git(plain, "show", "gradekit-feedback:FEEDBACK.md") == "# Feedback for plain"


def test_update_instead_never_checks_out_through_the_students_filter(tmp_path):
    marker = tmp_path / "SMUDGED"
    work = tmp_path / "class" / "dee"
    git(None, "init", "-q", "-b", "main", work)
    commit(work, {"alpha.py": SOLVED})
    git(work, "checkout", "-q", "--orphan", "gradekit-feedback")
    git(work, "rm", "-rq", "--cached", ".")
    (work / "alpha.py").unlink()
    commit(work, {"FEEDBACK.md": "old feedback\n"})
    before = ref(work, "gradekit-feedback")
    git(work, "config", "receive.denyCurrentBranch", "updateInstead")
    git(work, "config", "filter.evil.smudge", f"touch {marker}; cat")
    git(work, "config", "filter.evil.clean", "cat")
    (work / ".git" / "info" / "attributes").write_text("* filter=evil\n", encoding="utf-8")
    out = feedback_out(tmp_path, {"dee": {"folder": str(work)}})
    proc = run_grade("feedback", out, "--push")
    assert not marker.exists(), proc.stdout
    assert proc.returncode == 1 and "failed" in proc.stdout, proc.stdout + proc.stderr
    assert ref(work, "gradekit-feedback") == before
    assert (work / "FEEDBACK.md").read_text(encoding="utf-8") == "old feedback\n"


# -- 2. a .git that is another student's -------------------------------------------------------------------------

@pytest.fixture
def borrowing_class(tmp_path) -> dict:
    room = tmp_path / "class"
    ann = room / "ann"
    git(None, "init", "-q", "-b", "main", ann)
    ann_head = commit(ann, {"alpha.py": SOLVED}, message="ann's work")
    bob = room / "bob"
    bob.mkdir()
    (bob / "alpha.py").write_text("def double(x):\n    return 0\n", encoding="utf-8")
    (bob / ".git").write_text("gitdir: ../ann/.git\n", encoding="utf-8")
    cy = room / "cy"
    cy.mkdir()
    (cy / ".git").symlink_to(ann / ".git")
    (room / "dot").symlink_to(ann)  # a whole folder that is ann's
    return {"room": room, "ann": ann, "ann_head": ann_head, "bob": bob, "cy": cy}


def test_a_git_file_or_link_to_a_classmates_repository_is_broken_not_graded(tmp_path, borrowing_class):
    out = tmp_path / "graded"
    proc = run_grade("batch", borrowing_class["room"], "--kit", MINIKIT, "--out", out, "--seed", "3")
    assert "Traceback" not in proc.stderr
    got = rows(out)
    assert got["ann"]["status"] == "graded" and got["ann"]["commit_sha"] == borrowing_class["ann_head"]
    for user in ("bob", "cy", "dot"):
        assert got[user]["status"] == "broken-repository", got[user]
        assert got[user]["commit_sha"] is None and got[user]["score"] is None
    assert "gitdir" in got["bob"]["message"] and "symbolic link" in got["cy"]["message"]
    assert "symbolic link" in got["dot"]["message"]


def test_feedback_never_pushes_through_a_borrowed_git_dir(tmp_path, borrowing_class):
    ann = borrowing_class["ann"]
    out = feedback_out(tmp_path, {"bob": {"folder": str(borrowing_class["bob"])},
                                  "cy": {"folder": str(borrowing_class["cy"])},
                                  "dot": {"folder": str(borrowing_class["room"] / "dot")}})
    proc = run_grade("feedback", out, "--push")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "0 pushed" in proc.stdout and "3 failed" in proc.stdout
    assert ref(ann, "refs/heads/gradekit-feedback") == ""


def test_a_repository_inside_a_repository_is_not_the_outer_one(tmp_path):
    """A student folder whose .git is missing a HEAD is no repository: git must not find the class's above it."""
    room = tmp_path / "class"
    git(None, "init", "-q", "-b", "main", room)
    commit(room, {"README": "the class\n"})
    (room / "eve" / ".git").mkdir(parents=True)
    (room / "eve" / "alpha.py").write_text(SOLVED, encoding="utf-8")
    out = tmp_path / "graded"
    run_grade("batch", room, "--kit", MINIKIT, "--out", out, "--seed", "3")
    eve = rows(out)["eve"]
    assert eve["status"] == "broken-repository" and eve["commit_sha"] is None, eve


# -- 3, 4. late-only work, and history rewritten away from the template ------------------------------------------

@pytest.fixture(scope="module")
def course(tmp_path_factory) -> dict:
    base = tmp_path_factory.mktemp("hostile-course")
    template = base / "template"
    proc = run_grade("release", template, "--kit", MINIKIT, "--lang", "en", "--seed", "5", "--deadline",
                     iso(DEADLINE), "--late", "per_day:10", "--cutoff", iso(CUTOFF))
    assert proc.returncode == 0, proc.stderr
    git(template, "commit", "-q", "--amend", "--no-edit", "--reset-author", date=T0)  # release dates it now
    repos = base / "repos"
    repos.mkdir()

    def student(name: str) -> Path:
        git(None, "clone", "-q", template, repos / name)
        return repos / name

    commit(student("ann"), {"starter/alpha.py": SOLVED})                    # on time, from the template
    commit(student("gil"), {"starter/alpha.py": SOLVED}, date=BEYOND)       # only after the cut-off
    hal = student("hal")
    commit(hal, {"starter/alpha.py": SOLVED}, date=BEYOND)
    commit(hal, {"starter/alpha.py": SOLVED + "\n"}, date=BEYOND)           # two, both after the cut-off
    for name, date in (("ivy", LONG_AGO), ("jon", BEFORE)):                # an orphan history, backdated or not
        repo = student(name)
        git(repo, "checkout", "-q", "--orphan", "mine")
        commit(repo, {"starter/alpha.py": SOLVED}, date=date)
        git(repo, "branch", "-q", "-D", "main")
    out = base / "out"
    proc = run_grade("batch", repos, "--kit", MINIKIT, "--out", out, "--template", template, "--jobs", "2")
    assert "Traceback" not in proc.stderr, proc.stderr
    return {"template": template, "repos": repos, "out": out, "rows": rows(out), "proc": proc}


def test_work_committed_only_after_the_cutoff_is_late_not_template_only(course):
    gil, hal = course["rows"]["gil"], course["rows"]["hal"]
    for row, n in ((gil, 1), (hal, 2)):
        assert row["status"] == "late" and row["score"] is None, row
        assert row["later_commits"] == n
        assert f"all {n} of the student's commit" in row["message"] and "after the cut-off" in row["message"]
        assert "template's commits" not in row["message"] and "only the template" not in row["message"]
    assert course["rows"]["ann"]["status"] == "graded"


def test_a_backdated_orphan_history_is_flagged_and_keeps_its_score(course):
    got = course["rows"]
    ann, ivy, jon = got["ann"], got["ivy"], got["jon"]
    assert ivy["status"] == jon["status"] == ann["status"] == "graded"
    assert ivy["score"] == jon["score"] == ann["score"] == 7  # a flag never changes a score
    assert "commit-dated-before-template" in ivy["flags"] and "history-without-template" in ivy["flags"]
    assert "history-without-template" in jon["flags"] and "commit-dated-before-template" not in jon["flags"]
    assert not {"history-without-template", "commit-dated-before-template"} & set(ann["flags"])
    assert "flagged: ivy:" in course["proc"].stderr


def test_the_new_flags_have_words_in_both_languages():
    from gradekit.messages.catalogue import CATALOGUE
    from gradekit.render.flag_words import explain

    UNKNOWN = CATALOGUE["fl_unknown"]
    for flag in ("commit-dated-before-template", "history-without-template"):
        zh, en = explain(flag, "zh").plain(), explain(flag, "en").plain()
        assert zh and en and zh != en and UNKNOWN["en"].split()[0] not in en.split()[0]
        assert "template" in en and "模板" in zh


def test_the_template_knows_its_release_time(course):
    from gradekit.classroom.template import committed

    t = committed(course["template"])
    assert t.commit_time == int(T0.timestamp())
    assert t.trees.commit == t.commit and t.trees.commit_time == t.commit_time


# -- 5. full-feedback reports are pushed only when asked twice ---------------------------------------------------

def test_full_feedback_reports_are_not_pushed_without_saying_so(tmp_path):
    plain = bare_repo(tmp_path, "plain")
    out = feedback_out(tmp_path, {"plain": {"url": str(plain)}}, options={"full_feedback": True})
    for args in (("--push",), ()):
        proc = run_grade("feedback", out, *args)
        assert proc.returncode == 2, proc.stdout + proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1 and "--full-feedback" in proc.stderr
        assert "hidden" in proc.stderr
    assert ref(plain, "refs/heads/gradekit-feedback") == ""
    proc = run_grade("feedback", out, "--push", "--full-feedback")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert git(plain, "show", "gradekit-feedback:FEEDBACK.md") == "# Feedback for plain"
    assert "--full-feedback" in run_grade("feedback", "--help").stdout
