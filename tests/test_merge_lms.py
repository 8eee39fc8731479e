"""grade merge (one assignment, one seed, every shard, each student once, the assignment's topics) and the
gradebooks it and grade batch write: blanks for students not graded, Canvas's and Moodle's import files."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from conftest import MINIKIT, run_grade, solution_text
from gradekit.classroom import lms
from gradekit.course.assignment import Assignment, write
from gradekit.model import Check, ExerciseResult, Result, Status, TopicResult
from gradekit.render.gradebook import to_csv
from gradekit.classroom.outputs import write_outputs
from gradekit.classroom.store import Store

TZ = timezone(timedelta(hours=8))
PS1 = Assignment(name="Problem set 1", topics=("alpha", "beta"), points=20, lang="en", seed=4242,
                 deadline=datetime(2026, 11, 30, 23, 59, tzinfo=TZ), topic_points={"alpha": 10, "beta": 10})
HOSTILE = "=cmd|'/c calc'!A1"


def result(scores: dict[str, int]) -> dict:
    """A native result whose topic ``slug`` scores ``scores[slug]`` of 10 (one public check each)."""
    topics = [TopicResult(s, s, [ExerciseResult("ex", "ex", [Check(f"{s}::ex", "works", Status.PASS if v == 10 else
                                                                   Status.FAIL, v, 10, "public")])])
              for s, v in scores.items()]
    return Result("0", {"path": "", "commit": None, "id": "s"}, "2026-11-30T00:00:00+00:00", 0.1, 1, "en", "bwrap",
                  topics=topics).to_dict()


def row(user: str, status: str = "graded", score=None, *, extra: dict | None = None, grading: dict | None = None,
        topics: dict[str, int] | None = None) -> dict:
    graded = status == "graded"
    topics = topics if topics is not None else ({"alpha": 8, "beta": 6, "gamma": 4} if graded else None)
    return {"username": user, "status": status, "message": "" if graded else f"{status} message",
            "score": (score if score is not None else sum(topics.values())) if graded else None,
            "max_score": 20, "commit_sha": "abc123" if graded else None, "commit_time": None, "later_commits": 0,
            "flags": [], "student": {"username": user, "url": f"https://example.invalid/{user}.git", "folder": None,
                                     "roster_identifier": "", "repository_name": "", "extra": extra or {}},
            "result": result(topics) if graded else None, "grading": grading or {}}


def make_part(folder: Path, rows: list[dict], *, shard: str | None, seed: int = 4242,
              assignment: Assignment | None = PS1, meta: bool = True) -> Path:
    """A `grade batch` output as the contract describes it: grades.sqlite and batch.json."""
    store = Store(folder / "grades.sqlite")
    for r in rows:
        stored = dict(r)
        if stored["result"] is not None:
            stored["result"] = json.dumps(stored["result"])
        store.save(stored)
    store.close()
    if meta:
        data = {"format_version": 1, "seed": seed, "shard": shard, "overrides": [],
                "assignment": {"digest": assignment.digest, "data": assignment.to_dict()} if assignment else None,
                "options": {"topics": list(assignment.topics) if assignment else None, "seed": seed}}
        (folder / "batch.json").write_text(json.dumps(data), encoding="utf-8")
    return folder


def merge(tmp_path: Path, *args):
    return run_grade("merge", *args, "--out", tmp_path / "merged", cwd=tmp_path)


def read_csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


def gradebook_rows(path: Path) -> dict[str, dict]:
    with open(path, encoding="utf-8") as f:
        return {r["github_username"]: r for r in csv.DictReader(f)}


# -- merge refuses, names, chooses -----------------------------------------------------------------------------

def test_merge_refuses_parts_of_different_assignments(tmp_path):
    other = PS1.with_(points=30, topic_points={"alpha": 20, "beta": 10})
    a = make_part(tmp_path / "out-1", [row("ann")], shard="1/2")
    b = make_part(tmp_path / "out-2", [row("bob")], shard="2/2", assignment=other)
    proc = merge(tmp_path, a, b)
    assert proc.returncode == 2, proc.stderr
    assert "different assignments" in proc.stderr
    assert f"{PS1.digest}: {a}" in proc.stderr and f"{other.digest}: {b}" in proc.stderr
    assert not (tmp_path / "merged").exists()


def test_merge_refuses_parts_of_different_seeds(tmp_path):
    a = make_part(tmp_path / "out-1", [row("ann")], shard="1/2", seed=1)
    b = make_part(tmp_path / "out-2", [row("bob")], shard="2/2", seed=2)
    proc = merge(tmp_path, a, b)
    assert proc.returncode == 2
    assert "different seeds" in proc.stderr and f"seed 1: {a}" in proc.stderr and f"seed 2: {b}" in proc.stderr


def test_merge_refuses_an_assignment_file_the_parts_were_not_graded_with(tmp_path):
    a = make_part(tmp_path / "out-1", [row("ann")], shard="1/1")
    other = write(PS1.with_(name="Problem set 2"), tmp_path / "assignment.toml")
    proc = merge(tmp_path, a, "--assignment", other)
    assert proc.returncode == 2 and "is not the assignment the parts were graded with" in proc.stderr


def test_merge_names_the_missing_shard_and_exits_1(tmp_path):
    a = make_part(tmp_path / "out-1", [row("ann")], shard="1/3")
    c = make_part(tmp_path / "out-3", [row("cat")], shard="3/3")
    proc = merge(tmp_path, a, c)
    assert proc.returncode == 1, proc.stderr
    assert "missing shard 2/3" in proc.stderr and "1/3" not in proc.stderr.split("missing")[1]
    assert set(gradebook_rows(tmp_path / "merged" / "gradebook.csv")) == {"ann", "cat"}  # still written
    whole = merge(tmp_path, a, make_part(tmp_path / "out-2", [row("bob")], shard="2/3"), c)
    assert whole.returncode == 0 and "missing" not in whole.stderr
    meta = json.loads((tmp_path / "merged" / "batch.json").read_text(encoding="utf-8"))
    assert meta["seed"] == 4242 and meta["assignment"]["digest"] == PS1.digest and meta["shard"] is None
    assert [p["shard"] for p in meta["merged_from"]] == ["1/3", "2/3", "3/3"]


def test_merge_names_a_duplicate_student_and_keeps_the_later_row(tmp_path):
    a = make_part(tmp_path / "out-1", [row("ann", score=3, topics={"alpha": 3}), row("bob")], shard="1/2")
    time.sleep(0.01)  # graded_at is the store's clock: the second part is graded later
    b = make_part(tmp_path / "out-2", [row("ann", score=9, topics={"alpha": 9}), row("cat")], shard="2/2")
    proc = merge(tmp_path, a, b)
    assert proc.returncode == 0, proc.stderr
    assert "1 student(s) in more than one part" in proc.stderr
    assert f"'ann' ({a}, {b}; kept {b})" in proc.stderr
    rows = gradebook_rows(tmp_path / "merged" / "gradebook.csv")
    assert set(rows) == {"ann", "bob", "cat"} and rows["ann"]["points_awarded"] == "9"


def test_a_part_without_batch_json_is_a_warning(tmp_path):
    a = make_part(tmp_path / "out-1", [row("ann")], shard="1/2")
    old = make_part(tmp_path / "old", [row("bob")], shard=None, meta=False)
    proc = merge(tmp_path, a, old)
    assert proc.returncode == 0, proc.stderr
    assert f"{old}: no batch.json from this gradekit" in proc.stderr
    assert "no part records shard 2/2; the part(s) without batch.json may hold it" in proc.stderr
    assert set(gradebook_rows(tmp_path / "merged" / "gradebook.csv")) == {"ann", "bob"}


def test_merge_writes_only_the_assignments_topics(tmp_path):
    """The rows' results hold a third topic (gamma); the assignment has two, and only they are columns."""
    a = make_part(tmp_path / "out-1", [row("ann"), row("bob")], shard="1/1")
    assert merge(tmp_path, a).returncode == 0
    header = read_csv(tmp_path / "merged" / "gradebook.csv")[0]
    assert "alpha" in header and "beta" in header and "gamma" not in header
    # an old part without an assignment: --topics chooses, and contradicting an assignment is refused
    old = make_part(tmp_path / "old", [row("cat")], shard=None, meta=False)
    assert merge(tmp_path, old, "--topics", "beta").returncode == 0
    header = read_csv(tmp_path / "merged" / "gradebook.csv")[0]
    assert "beta" in header and "alpha" not in header and "gamma" not in header
    proc = merge(tmp_path, a, "--topics", "alpha")
    assert proc.returncode == 2 and "--topics alpha (the assignment says alpha,beta)" in proc.stderr


def test_merge_refuses_to_overwrite_a_part(tmp_path):
    a = make_part(tmp_path / "out-1", [row("ann")], shard="1/1")
    proc = run_grade("merge", a, "--out", a, cwd=tmp_path)
    assert proc.returncode == 2 and "is one of the parts" in proc.stderr


# -- blanks, LMS files, hostile cells -----------------------------------------------------------------------------

CLASS = [
    row("ann", extra={"canvas_id": "101", "sis_user_id": "S1", "sis_login_id": "ann@uni", "section": "A",
                      "email": "ann@uni.example", "name": "Ann A"},
        grading={"deadline": "2026-11-30T23:59:00+08:00", "extended": False, "penalty_percent": 0.0,
                 "points_before_penalty": 18, "late_seconds": 0}),
    row("bob", "empty", extra={"canvas_id": "102", "email": "bob@uni.example"},
        grading={"deadline": "2026-12-02T23:59:00+08:00", "extended": True, "penalty_percent": 0.0,
                 "points_before_penalty": None}),
    row("cat", "no-repository", extra={"canvas_id": "103", "email": "cat@uni.example"}),
    row("dan", score=13.5, extra={"email": "dan@uni.example"},
        grading={"deadline": "2026-11-30T23:59:00+08:00", "extended": False, "penalty_percent": 25.0,
                 "points_before_penalty": 18, "late_seconds": 90000}),
]


@pytest.fixture()
def outputs(tmp_path):
    notes: list[str] = []
    paths = write_outputs(CLASS, tmp_path / "out", ["alpha", "beta"], assignment=PS1, notes=notes)
    return paths, notes


def test_the_gradebook_is_blank_for_students_not_graded(outputs):
    rows = gradebook_rows(outputs[0]["gradebook"])
    assert rows["ann"]["points_awarded"] == "18" and rows["ann"]["alpha"] == "8"
    for user in ("bob", "cat"):
        assert rows[user]["points_awarded"] == "" and rows[user]["alpha"] == rows[user]["beta"] == ""
        assert rows[user]["points_available"] == "20"
    assert rows["bob"]["status"] == "empty"
    assert rows["ann"]["assignment_name"] == "Problem set 1"
    # what the rows record of deadlines and penalties
    assert rows["dan"]["points_awarded"] == "13.5" and rows["dan"]["late_penalty_percent"] == "25"
    assert rows["dan"]["points_before_penalty"] == "18"
    assert (rows["bob"]["deadline"], rows["bob"]["extended"]) == ("2026-12-02T23:59:00+08:00", "yes")
    assert rows["bob"]["late_penalty_percent"] == ""
    assert rows["cat"]["deadline"] == rows["cat"]["extended"] == ""  # a row that records nothing


def test_canvas_file_has_the_documented_header_and_blanks(outputs):
    table = read_csv(outputs[0]["canvas"])
    assert table[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "Problem set 1"]
    assert table[1] == ["Points Possible", "", "", "", "", "20"]
    by_id = {r[0]: r for r in table[2:]}
    assert by_id["Ann A"] == ["Ann A", "101", "S1", "ann@uni", "A", "18"]
    assert by_id["bob"][5] == "" and by_id["cat"][5] == ""
    assert by_id["dan"][1:] == ["", "", "", "", "13.5"]  # no Canvas identifier: still written ...
    assert any("gradebook-canvas.csv" in n and "'dan'" in n for n in outputs[1])  # ... and named


def test_moodle_file_has_the_documented_header_and_blanks(outputs):
    table = read_csv(outputs[0]["moodle"])
    assert table[0] == ["email", "Problem set 1", "Feedback"]  # every row has an email: the most common kind
    by_email = {r[0]: r for r in table[1:]}
    assert by_email["ann@uni.example"][1] == "18" and by_email["ann@uni.example"][2] == ""
    assert by_email["bob@uni.example"][1] == "" and "not graded: the repository has no commits" in \
        by_email["bob@uni.example"][2] and "extended deadline: 2026-12-02 23:59 +08:00" in by_email["bob@uni.example"][2]
    assert by_email["cat@uni.example"][1] == ""
    assert by_email["dan@uni.example"][2] == "late: 25% off (18 points before the penalty)"


def test_moodle_leaves_out_a_row_without_its_identifier_and_says_so(tmp_path):
    rows = [row("ann", extra={"idnumber": "1"}), row("bob", extra={"idnumber": "2"}), row("zed")]
    table = read_csv_text(lms.moodle_csv(rows, PS1))
    assert table[0][0] == "idnumber" and [r[0] for r in table[1:]] == ["1", "2"]
    assert any("left out" in n and "'zed'" in n for n in lms.notes(rows))
    bare = read_csv_text(lms.moodle_csv([row("ann"), row("bob", "empty")], PS1))
    assert bare[0][0] == "username" and bare[1:] == [["ann", "18", ""], ["bob", "", "not graded: the repository "
                                                                          "has no commits"]]
    assert any("GitHub user names" in n for n in lms.notes([row("ann")]))


def test_moodle_feedback_is_in_the_assignments_language():
    table = read_csv_text(lms.moodle_csv([row("bob", "empty", extra={"email": "b@x"})], PS1.with_(lang="zh")))
    assert table[1][2] == "未评分：仓库里没有提交"


def read_csv_text(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_a_formula_in_the_roster_is_neutralised_in_all_three_files(tmp_path):
    hostile = row(HOSTILE, extra={"name": HOSTILE, "canvas_id": HOSTILE, "section": "@SUM(A1)",
                                  "moodle_username": HOSTILE})
    paths = write_outputs([hostile, row("ann", "empty", extra={"moodle_username": "+ann"})], tmp_path / "out",
                          ["alpha"], assignment=PS1.with_(name="-1+1"))
    for key in ("gradebook", "canvas", "moodle"):
        cells = [c for line in read_csv(paths[key]) for c in line]
        assert f"'{HOSTILE}" in cells, key
        assert not any(c.startswith(("=", "+", "-", "@")) for c in cells), (key, cells)
        assert "'-1+1" in cells, key  # the assignment's own name is text from a file, too
    # a roster name that Canvas would read as its "Points Possible" row
    fake = row("mallory", extra={"name": "Points Possible", "canvas_id": "7"})
    canvas = read_csv_text(lms.canvas_csv([fake], PS1))
    assert [r[0] for r in canvas] == ["Student", "Points Possible", "mallory"]


def test_gradebook_to_csv_without_assignment_keeps_the_old_columns():
    text = to_csv([row("ann")], ["alpha"], assignment_name="week3")
    table = read_csv_text(text)
    assert table[0][:10] == ["assignment_name", "assignment_url", "starter_code_url", "github_username",
                             "roster_identifier", "student_repository_name", "student_repository_url",
                             "submission_timestamp", "points_awarded", "points_available"]
    assert table[1][0] == "week3" and table[1][8] == "18"


# -- the real commands -------------------------------------------------------------------------------------------

def test_real_shards_merge_with_the_assignment(tmp_path):
    """Two real `grade batch --shard` runs with one seed, merged with --assignment: every file is written, the
    student without a submission is blank everywhere, and a missing shard is named."""
    template = tmp_path / "template"
    assert run_grade("release", template, "--kit", MINIKIT).returncode == 0
    repos = tmp_path / "repos"
    for user in ("ann", "bob", "cat", "dan"):
        subprocess.run(["git", "clone", "-q", str(template), str(repos / user)], check=True)
        if user != "dan":
            (repos / user / "starter" / "alpha.py").write_text(solution_text("alpha", MINIKIT), encoding="utf-8")
            subprocess.run(["git", "-C", str(repos / user), "-c", "user.name=S", "-c", "user.email=s@example.invalid",
                            "commit", "-qam", "solved"], check=True)
    (repos / "eve").mkdir()
    subprocess.run(["git", "init", "-q", str(repos / "eve")], check=True)  # no commit at all: "empty"
    assignment = write(Assignment(name="ps1", topics=("alpha",), points=7, lang="en", seed=99), tmp_path / "a.toml")
    parts = []
    for k in (1, 2):
        out = tmp_path / f"out-{k}"
        proc = run_grade("batch", repos, "--kit", MINIKIT, "--out", out, "--shard", f"{k}/2", "--seed", "99",
                         "--assignment", assignment, cwd=tmp_path)
        assert proc.returncode in (0, 1), proc.stderr
        parts.append(out)
    proc = run_grade("merge", *parts, "--out", tmp_path / "merged", "--assignment", assignment, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    merged = tmp_path / "merged"
    rows = gradebook_rows(merged / "gradebook.csv")
    # dan has only the template's commit: graded 0 by an older batch, blank once it is "no-student-commits"
    dan = "0" if rows["dan"]["status"] == "graded" else ""
    assert {u: r["points_awarded"] for u, r in rows.items()} == {"ann": "7", "bob": "7", "cat": "7", "dan": dan,
                                                                 "eve": ""}
    assert rows["eve"]["status"] == "empty" and rows["eve"]["alpha"] == ""
    canvas = read_csv(merged / "gradebook-canvas.csv")
    assert canvas[0][-1] == "ps1" and canvas[1][-1] == "7" and ["eve", "", "", "", "", ""] in canvas
    assert ["eve", "", "not graded: the repository has no commits"] in read_csv(merged / "gradebook-moodle.csv")
    assert "GitHub user names" in proc.stderr
    only_one = run_grade("merge", parts[0], "--out", tmp_path / "merged", "--assignment", assignment, cwd=tmp_path)
    meta = parts[0] / "batch.json"
    if meta.is_file() and json.loads(meta.read_text(encoding="utf-8")).get("shard"):  # the batch records its shard
        assert only_one.returncode == 1 and "missing shard 2/2" in only_one.stderr
    else:
        assert only_one.returncode == 0 and "no batch.json from this gradekit" in only_one.stderr
