"""`grade check` as a student and an author run it: reports, JSON, exit codes, languages."""

from __future__ import annotations

import json
import os

import pytest

from gradekit.model import FORMAT, Result

from conftest import MINIKIT, read_json, run_grade, solution_text, write_submission

SOLVED = {"alpha.py": solution_text("alpha", MINIKIT)}


def test_stub_gives_a_friendly_zero(minikit):
    proc = run_grade("check", "--kit", minikit, "--lang", "en")
    assert proc.returncode == 1
    assert "0/7" in proc.stdout and "not done yet" in proc.stdout
    assert "Traceback" not in proc.stdout + proc.stderr


def test_messages_in_chinese(minikit):
    proc = run_grade("check", "--kit", minikit, "--lang", "zh")
    assert "还没有完成" in proc.stdout and "总分 0/7" in proc.stdout


def test_locale_picks_the_language(minikit):
    env = {**os.environ, "LANG": "zh_CN.UTF-8", "LC_ALL": ""}
    proc = run_grade("check", "--kit", minikit, env=env)
    assert "还没有完成" in proc.stdout


def test_solution_scores_full_marks_and_exits_0(minikit, tmp_path):
    sub = write_submission(tmp_path / "sub", SOLVED)
    proc = run_grade("check", "--kit", minikit, "--submission", sub)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "7/7" in proc.stdout


def test_wrong_answer_says_what_was_called_expected_and_got(minikit, tmp_path):
    sub = write_submission(tmp_path / "sub", {"alpha.py": SOLVED["alpha.py"].replace("2 * x", "x + 2")})
    proc = run_grade("check", "--kit", minikit, "--submission", sub, "--lang", "en", "--all")
    assert proc.returncode == 1
    assert "called double(21)" in proc.stdout and "expected: 42" in proc.stdout and "got:      23" in proc.stdout
    assert "(alpha.py:1)" in proc.stdout  # points at the student's own definition


def test_json_result_shape(minikit, tmp_path):
    out = tmp_path / "result.json"
    proc = run_grade("check", "--kit", minikit, "--json", out, "--seed", "77")
    assert proc.returncode == 1
    data = read_json(out)
    assert data["format"] == FORMAT and data["seed"] == 77 and data["score"] == 0 and data["max_score"] == 7
    (topic,) = data["topics"]
    assert topic["slug"] == "alpha" and [e["name"] for e in topic["exercises"]] == ["double", "greet"]
    check = topic["exercises"][0]["checks"][0]
    assert set(check) >= {"id", "status", "points", "max_points", "visibility", "message"}
    assert check["status"] in {"pass", "fail", "error", "timeout", "skipped"}
    assert {c["visibility"] for e in topic["exercises"] for c in e["checks"]} == {"public", "hidden"}
    assert Result.from_dict(data).to_dict()["score"] == 0


def test_public_only_counts_hidden_checks(minikit, tmp_path):
    sub = write_submission(tmp_path / "sub", SOLVED)
    proc = run_grade("check", "--kit", minikit, "--submission", sub, "--public-only", "--lang", "en")
    assert "public checks 2/2 passed · 2 hidden checks run at grading" in proc.stdout
    assert proc.returncode == 0


def test_seed_reproduces_random_inputs(minikit, tmp_path):
    sub = write_submission(tmp_path / "sub", {"alpha.py": SOLVED["alpha.py"].replace("2 * x", "x + 2")})
    runs = []
    for _ in range(2):
        out = tmp_path / "r.json"
        run_grade("check", "--kit", minikit, "--submission", sub, "--seed", "5", "--json", out)
        runs.append([c["message"] for e in read_json(out)["topics"][0]["exercises"] for c in e["checks"]])
    assert runs[0] == runs[1]


def test_caller_environment_cannot_steer_pytest(minikit, tmp_path):
    sub = write_submission(tmp_path / "sub", SOLVED)
    env = {**os.environ, "PYTEST_ADDOPTS": "--collect-only -p no:gradekit.grading.plugin", "PYTHONPATH": str(tmp_path)}
    # If the grading process honoured PYTHONPATH, this fake plugin would be loaded instead of the real one.
    write_submission(tmp_path, {"pytest_jsonreport/__init__.py": "raise SystemExit('hijacked')\n",
                                "pytest_jsonreport/plugin.py": "raise SystemExit('hijacked')\n"})
    proc = run_grade("check", "--kit", minikit, "--submission", sub, env=env)
    assert proc.returncode == 0 and "7/7" in proc.stdout, proc.stderr


@pytest.mark.parametrize("args, needle", [
    (["check", "nosuchtopic"], "unknown topic 'nosuchtopic'"),
    (["check", "--submission", "/nonexistent/folder"], "not a folder"),
])
def test_usage_errors_exit_2(minikit, args, needle):
    proc = run_grade(*args, "--kit", minikit)
    assert proc.returncode == 2 and needle in proc.stderr


def test_outside_a_kit_exit_2(tmp_path):
    proc = run_grade("check", cwd=tmp_path)
    assert proc.returncode == 2 and "no kit here" in proc.stderr


def test_bare_grade_checks_the_starter(minikit):
    proc = run_grade(cwd=minikit)
    assert proc.returncode == 1 and "0/7" in proc.stdout


def test_missing_file_is_explained(minikit, tmp_path):
    sub = write_submission(tmp_path / "sub", {"other.py": "x = 1\n"})
    proc = run_grade("check", "--kit", minikit, "--submission", sub, "--lang", "en")
    assert proc.returncode == 1 and "alpha.py is missing (deleted or renamed? run grade reset alpha" in " ".join(proc.stdout.split())


@pytest.mark.parametrize("text, offset_hours", [("2026-11-30T23:59Z", 0), ("2026-11-30T23:59:00z", 0),
                                                 ("2026-11-30T23:59+08:00", 8), (" 2026-11-30 23:59:00-05:00 ", -5)])
def test_deadline_reads_the_same_on_every_python(text, offset_hours):
    from datetime import timedelta

    from gradekit.cli import parse_deadline

    deadline = parse_deadline(text)
    assert (deadline.year, deadline.month, deadline.day, deadline.hour, deadline.minute) == (2026, 11, 30, 23, 59)
    assert deadline.utcoffset() == timedelta(hours=offset_hours)


@pytest.mark.parametrize("text", ["2026-11-30T23:59", "2026-11-30"])
def test_a_deadline_without_a_zone_or_time_is_refused_with_the_fix(text):
    from gradekit.cli import parse_deadline

    with pytest.raises(ValueError, match="2026-11-30T"):
        parse_deadline(text)
