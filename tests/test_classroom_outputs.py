"""Review findings of issue 13: nbgrader keeps the late penalty, merge reads each row's assignment digest,
Chinese reports do not repeat the English status message, and the dashboard's hardest checks leave out
students who never started the exercise."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINIKIT
from gradekit.model import Check, ExerciseResult, Result, Status, TopicResult
from gradekit.render import dashboard, report
from test_merge_lms import PS1, make_part, merge, row

OTHER = PS1.with_(points=30, topic_points={"alpha": 20, "beta": 10})


def check(cid: str, points: int, max_points: int, kind: str = "assert") -> Check:
    status = Status.PASS if points == max_points else Status.FAIL
    return Check(cid, cid.rsplit("::", 1)[-1], status, points, max_points, "public",
                 detail={} if status is Status.PASS else {"kind": kind})


def result(topics: dict[str, dict[str, list[Check]]]) -> dict:
    return Result("0", {"path": "", "commit": None, "id": "s"}, "2026-11-30T00:00:00+00:00", 0.1, 1, "en", "bwrap",
                  topics=[TopicResult(slug, slug, [ExerciseResult(ex, ex, checks) for ex, checks in exs.items()])
                          for slug, exs in topics.items()]).to_dict()


# -- 1. nbgrader: the late penalty is nbgrader's late_submission_penalty ---------------------------------------

def nbgrader_export(course: Path, db: Path) -> dict[str, dict]:
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(course / ".jupyter"), "JUPYTER_DATA_DIR": str(course / ".data")}
    proc = subprocess.run([sys.executable, "-m", "nbgrader", "export", "--db", f"sqlite:///{db}"], cwd=course,
                          capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    with open(course / "grades.csv", encoding="utf-8") as f:
        return {r["student_id"]: r for r in csv.DictReader(f)}


def penalised(user: str, percent: float) -> dict:
    """53 of 70 points before the penalty, over two topics (notebooks)."""
    res = result({"alpha": {"one": [check("alpha/test_a.py::t1", 20, 25), check("alpha/test_a.py::t2", 13, 15)]},
                  "beta": {"two": [check("beta/test_b.py::t3", 20, 30)]}})
    before = 53
    return {**row(user), "result": res, "max_score": 70, "commit_time": "2026-12-01T10:00:00+08:00",
            "score": round(before * (1 - percent / 100), 2),
            "grading": {"assignment": "ps1", "penalty_percent": percent, "points_before_penalty": before,
                        "late_seconds": 3600 if percent else 0}}


def test_nbgrader_export_takes_the_late_penalty(tmp_path):
    pytest.importorskip("nbgrader.api", reason="the nbgrader extra is not installed")
    from gradekit.course.kit import load_kit
    from gradekit.classroom.nbgrader import export_to_nbgrader

    rows = [penalised("ann", 20.0), penalised("bob", 0.0), row("cat", "empty")]
    assert rows[0]["score"] == 42.4
    db, course = tmp_path / "gradebook.db", tmp_path / "course"
    course.mkdir()
    kit = load_kit(MINIKIT)
    export_to_nbgrader(rows, kit, db, "ps1")
    got = nbgrader_export(course, db)
    assert float(got["ann"]["raw_score"]) == 53.0
    assert round(float(got["ann"]["late_submission_penalty"]), 2) == 10.6
    assert round(float(got["ann"]["score"]), 2) == 42.4
    assert float(got["bob"]["score"]) == float(got["bob"]["raw_score"]) == 53.0
    assert float(got["cat"]["score"]) == 0.0 and not got["cat"]["timestamp"]  # nbgrader's 0 for no submission
    # a regrade that drops the penalty (an extension) drops it in nbgrader too
    (course / "grades.csv").unlink()
    export_to_nbgrader([penalised("ann", 0.0), *rows[1:]], kit, db, "ps1")
    again = nbgrader_export(course, db)
    assert float(again["ann"]["late_submission_penalty"]) == 0.0 and float(again["ann"]["score"]) == 53.0


# -- 2. merge: the rows' assignment digests, not batch.json alone ----------------------------------------------

def graded_with(user: str, assignment) -> dict:
    return row(user, grading={"assignment": assignment.name, "assignment_digest": assignment.digest})


def test_merge_refuses_rows_of_different_assignments_without_batch_json(tmp_path):
    a = make_part(tmp_path / "out-1", [graded_with("ann", PS1)], shard="1/2")
    b = make_part(tmp_path / "out-2", [graded_with("bob", OTHER)], shard=None, meta=False)
    proc = merge(tmp_path, a, b)
    assert proc.returncode == 2, proc.stderr
    assert "different assignments" in proc.stderr
    assert f"{PS1.digest}: {a}" in proc.stderr and f"{OTHER.digest}: {b}" in proc.stderr
    assert not (tmp_path / "merged").exists()


def test_merge_refuses_one_part_whose_rows_mix_assignments(tmp_path):
    a = make_part(tmp_path / "out-1", [graded_with("ann", PS1), graded_with("bob", OTHER)], shard=None, meta=False)
    proc = merge(tmp_path, a)
    assert proc.returncode == 2, proc.stderr
    assert f"{PS1.digest}: {a}" in proc.stderr and f"{OTHER.digest}: {a}" in proc.stderr


def test_merge_of_rows_of_one_assignment_still_works(tmp_path):
    a = make_part(tmp_path / "out-1", [graded_with("ann", PS1), row("cat", "empty")], shard="1/2")
    b = make_part(tmp_path / "out-2", [graded_with("bob", PS1)], shard=None, meta=False)
    proc = merge(tmp_path, a, b)
    assert proc.returncode == 0, proc.stderr


# -- 3. Chinese reports: the status in Chinese, not followed by the English message ----------------------------

@pytest.mark.parametrize("render", [report.to_markdown, report.to_html])
def test_chinese_report_does_not_repeat_the_english_status_message(render):
    empty = {**row("ann", "empty"), "message": "the repository has no commits"}
    zh = render(empty, lang="zh")
    assert "仓库里没有提交" in zh and "the repository has no commits" not in zh
    assert "the repository has no commits" in render(empty, lang="en")
    failed = {**row("bob", "clone-failed"), "message": "fatal: could not read from remote"}
    assert "fatal: could not read from remote" in render(failed, lang="zh")


# -- 4. dashboard: hardest checks among the students who attempted the exercise -----------------------------

def student(user: str, started: bool, right: bool) -> dict:
    one = check("t/test.py::one", 1 if started else 0, 1, "assert" if started else "todo")
    two = check("t/test.py::two", 1 if right else 0, 1)
    res = result({"t": {"untouched": [one], "wrong": [two]}})
    return {**row(user), "result": res, "score": one.points + two.points, "max_score": 2}


def test_hardest_checks_leave_out_students_who_did_not_start():
    rows = [student("ann", True, True), student("bob", False, False), student("cat", False, True),
            student("dan", False, False)]
    rates = {name: (rate, n) for name, rate, n in dashboard.summarize(rows)["check_rates"]}
    assert rates["t · untouched · one"] == (1.0, 1)  # only ann started it, and she passed
    assert rates["t · wrong · two"] == (0.5, 4)
    assert dashboard.summarize(rows)["check_rates"][0][0] == "t · wrong · two"
