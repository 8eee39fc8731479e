"""docs/instructors.md, word for word: its own release, batch and feedback commands, run on real repositories.

The commands are read out of the document's code blocks, not copied here, so a
doc that drifts from the program fails this test.  GitHub is stood in for by
local bare repositories and GitHub Classroom by its grade CSV; the only word
added is the install line (`--install`, which the docs explain a checkout
without a public remote needs), and `--kit` is the private kit's copy.
"""

from __future__ import annotations

import csv
import json
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, bwrap_usable, run_grade, solution_text, git

DOC = ROOT / "docs" / "instructors.md"
pytestmark = pytest.mark.skipif(not bwrap_usable(), reason="the documented batch grades at the bwrap level")


def documented(section: str) -> list[list[str]]:
    """Every `grade ...` command in the ```sh blocks of one numbered section, as argv lists."""
    text = DOC.read_text(encoding="utf-8")
    part = re.search(rf"^## {re.escape(section)}.*?(?=^## |\Z)", text, re.S | re.M)
    assert part, f"docs/instructors.md has no section {section!r}"
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", part.group(0), re.S):
        for line in block.replace("\\\n", " ").splitlines():
            words = shlex.split(line, comments=True)
            if words[:1] == ["grade"]:
                commands.append(words[1:])
    assert commands, f"no grade command in section {section!r}"
    return commands


SOLVED = {"functions": solution_text("functions"), "lists": solution_text("lists")}
# The documented deadline is 2026-11-30 23:59 Asia/Shanghai, the cut-off three days later.
ON_TIME, TWO_DAYS_LATE, AFTER_CUTOFF = "2026-11-30T20:00:00+08:00", "2026-12-02T12:00:00+08:00", "2026-12-04T09:00:00+08:00"


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> dict:
    base = tmp_path_factory.mktemp("docs")
    kit = base / "kit"  # the instructor's private kit; the docs' ../ps1-template lands beside it
    for part in ("exercises", "graders", "starter"):
        shutil.copytree(ROOT / part, kit / part)
    (kit / "extensions.csv").write_text("student,deadline\neve,2026-12-02 23:59 +08:00\n", encoding="utf-8")
    (release,) = documented("1. Release")
    made = run_grade(*release, "--install", "gradekit==0.1.0", cwd=kit)
    assert made.returncode == 0, made.stderr
    template = base / "ps1-template"
    remotes = base / "github"

    def student(user: str, files: dict[str, str] | None, date: str | None = ON_TIME) -> str:
        bare = remotes / f"ps1-{user}.git"
        subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(bare)], check=True)
        if files is not None:
            work = base / "clones" / user
            subprocess.run(["git", "clone", "-q", str(template), str(work)], check=True)
            for slug, text in files.items():
                (work / "starter" / f"{slug}.py").write_text(text, encoding="utf-8")
            if files:
                git(work, "commit", "-q", "-am", "my work", date=date)
            git(work, "push", "-q", str(bare), "HEAD:main")
        return str(bare)

    urls = {"ann": student("ann", SOLVED), "bob": student("bob", {}), "cat": student("cat", SOLVED, TWO_DAYS_LATE),
            "dan": student("dan", SOLVED, AFTER_CUTOFF), "eve": student("eve", SOLVED, TWO_DAYS_LATE),
            "fox": student("fox", None)}
    with open(kit / "classroom_grades.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["assignment_name", "assignment_url", "starter_code_url", "github_username", "roster_identifier",
                    "student_repository_name", "student_repository_url", "submission_timestamp", "points_awarded",
                    "points_available"])
        for user, url in urls.items():
            w.writerow(["ps1", "", "", user, user.title(), f"ps1-{user}", url, "", "", ""])
    (batch,) = documented("3. Regrade")
    graded = run_grade(*batch, "--kit", kit, cwd=kit)
    return {"base": base, "kit": kit, "template": template, "batch": batch, "graded": graded, "urls": urls,
            "release": made}


def gradebook(out: Path, name: str = "gradebook.csv") -> list[dict]:
    with open(out / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_the_release_writes_the_documented_assignment(course):
    from gradekit.course import assignment

    a = assignment.load(course["template"] / "assignment.toml")
    mine = assignment.load(course["base"] / "ps1-hidden" / "assignment.toml")
    assert a == mine and a.digest == mine.digest  # the template's copy and the instructor's are one assignment
    assert a.name == "Problem set 1" and a.topics == ("functions", "lists")
    assert assignment.iso(a.deadline) == "2026-11-30T23:59:00+08:00" and a.timezone == "Asia/Shanghai"
    assert (a.late.kind, a.late.penalty, a.late.cap) == ("per_day", 10.0, 30.0)
    assert a.for_student("eve").extended
    readme = (course["template"] / "README.md").read_text(encoding="utf-8")
    assert "2026-11-30 23:59 +08:00 (Asia/Shanghai)" in readme
    committed = git(course["template"], "show", "HEAD:assignment.toml")
    assert "Problem set 1" in committed


def test_the_documented_batch_grades_the_assignment_with_its_policies(course):
    from gradekit.course import assignment

    proc = course["graded"]
    assert proc.returncode == 1, proc.stderr  # graded, and some students have no grade
    points = assignment.load(course["base"] / "ps1-hidden" / "assignment.toml").points
    rows = {r["github_username"]: r for r in gradebook(course["kit"] / "ps1-grades")}
    assert set(rows) == {"ann", "bob", "cat", "dan", "eve", "fox"}
    assert all(r["points_available"] == str(points) for r in rows.values())
    assert rows["ann"]["points_awarded"] == str(points) and float(rows["ann"]["late_penalty_percent"]) == 0
    # two started days late: 20 % off, under the 30 % cap
    assert float(rows["cat"]["late_penalty_percent"]) == 20 and rows["cat"]["points_before_penalty"] == str(points)
    assert float(rows["cat"]["points_awarded"]) == round(points * 0.8, 2)
    # the same commit time is on time for eve, whose extension the file records
    assert rows["eve"]["extended"] == "yes" and rows["eve"]["points_awarded"] == str(points)
    assert rows["eve"]["deadline"] == "2026-12-02T23:59:00+08:00"
    for user, status in (("bob", "no-student-commits"), ("dan", "late"), ("fox", "empty")):
        assert (rows[user]["status"], rows[user]["points_awarded"]) == (status, ""), user
    for user in ("bob", "dan", "fox"):
        assert re.search(rf"not graded: {user}: ", proc.stderr), proc.stderr
    assert not (course["kit"] / "ps1-grades" / "workspace").exists()
    canvas = gradebook(course["kit"] / "ps1-grades", "gradebook-canvas.csv")
    assert list(canvas[0])[:5] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
    assert canvas[0]["Student"] == "Points Possible"
    moodle = (course["kit"] / "ps1-grades" / "gradebook-moodle.csv").read_text(encoding="utf-8")
    assert "Problem set 1" in moodle.splitlines()[0]


def test_each_documented_contradiction_is_refused_with_its_fix(course):
    kit, batch = course["kit"], course["batch"]
    wrong = run_grade(*batch, "--kit", kit, "--deadline", "2026-12-01T23:59+08:00", cwd=kit)
    assert wrong.returncode == 2 and "--override" in wrong.stderr
    vague = run_grade(*batch, "--kit", kit, "--deadline", "2026-11-30", "--override", cwd=kit)
    assert vague.returncode == 2 and "2026-11-30T23:59" in vague.stderr
    other = run_grade(*batch, "--kit", kit, "--deadline", "2026-12-01T23:59+08:00", "--override", cwd=kit)
    assert other.returncode == 2 and "--fresh" in other.stderr and "--regrade" in other.stderr
    typo = run_grade(*batch, "--kit", kit, "--regrade", "catt", cwd=kit)
    assert typo.returncode == 2 and "cat" in typo.stderr
    inside = run_grade(*batch, "--kit", course["template"], cwd=kit)
    assert inside.returncode == 2 and "hidden" in inside.stderr
    for proc in (wrong, vague, other, typo, inside):
        assert "Traceback" not in proc.stderr


def test_an_extension_added_after_grading_is_applied_with_regrade(course):
    kit, batch = course["kit"], course["batch"]
    with open(kit / "extensions.csv", "a", encoding="utf-8") as f:
        f.write("cat,2026-12-02 23:59 +08:00\n")
    again = run_grade(*batch, "--kit", kit, "--regrade", "cat", cwd=kit)
    assert again.returncode == 1, again.stderr
    rows = {r["github_username"]: r for r in gradebook(kit / "ps1-grades")}
    assert rows["cat"]["extended"] == "yes" and float(rows["cat"]["late_penalty_percent"]) == 0
    assert rows["cat"]["points_awarded"] == rows["cat"]["points_available"]
    meta = json.loads((kit / "ps1-grades" / "batch.json").read_text(encoding="utf-8"))
    assert meta["assignment"]["data"]["assignment"]["name"] == "Problem set 1"


def test_the_documented_feedback_push_reaches_each_students_branch(course):
    kit = course["kit"]
    dry, push = documented("4. Feedback")
    listed = run_grade(*dry, cwd=kit)
    assert listed.returncode == 0, listed.stderr
    ann = Path(course["urls"]["ann"])
    assert "gradekit-feedback" not in git(ann, "branch", "--list")
    main_before = git(ann, "rev-parse", "main")
    pushed = run_grade(*push, cwd=kit)
    assert pushed.returncode == 0, pushed.stdout + pushed.stderr
    feedback = git(ann, "show", "gradekit-feedback:FEEDBACK.md")
    assert feedback == (kit / "ps1-grades" / "reports" / "ann.md").read_text(encoding="utf-8")
    assert "Problem set 1" in feedback and "2026-11-30 23:59 +08:00" in feedback
    assert git(ann, "rev-parse", "main") == main_before
