"""Soak: 200 students, honest and hostile mixed, graded by `grade batch --jobs 2`.

Every honest student must score exactly as their submission scores when graded
alone, check by check: nothing a hostile neighbour does in the same batch (or
the same pytest session) may change another student's grade.
"""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest

from gradekit.course.kit import load_kit
from gradekit.grading.runner import Submission, grade
from gradekit.course.mutants import program

from conftest import MINIKIT, ROOT, run_grade, write_submission
from test_hostile import ALPHA, CASES, SOLUTION, STUB

HOSTILE = ["exit_at_import", "sys_exit_at_import", "always_equal", "frame_peek", "memory_bomb", "fork_burst",
           "stdout_flood", "disk_fill", "too_many_open_files", "ctypes_segfault", "oversized_reply",
           "recursive_structure", "forged_reply_on_every_fd", "patch_protocol_encoder", "kill_parent_at_import",
           "conftest_ini_and_pytest_py", "fake_notice", "find_secret_token"]
STUDENTS = 200


def honest_variants() -> dict[str, dict[str, str]]:
    mutants = sorted((ROOT / "exercises" / "functions" / "mutants").glob("*.py"))
    half = SOLUTION.split("\n\n\ndef quadratic")[0] + "\n\n\ndef quadratic" + STUB.split("def quadratic", 1)[1]
    variants = {"solution": {"functions.py": SOLUTION, "alpha.py": ALPHA},
                "stub": {"functions.py": STUB, "alpha.py": (MINIKIT / "starter" / "alpha.py").read_text()},
                "half": {"functions.py": half, "alpha.py": ALPHA}}
    for m in mutants:
        variants[f"mutant-{m.stem}"] = {"functions.py": program(m), "alpha.py": ALPHA}
    return variants


@pytest.fixture(scope="module")
def soak(tmp_path_factory):
    root = tmp_path_factory.mktemp("kit")
    for part in ("exercises", "graders", "starter"):
        for src in (ROOT / part / "functions", MINIKIT / part / "alpha"):
            if src.is_dir():
                shutil.copytree(src, root / part / src.name, ignore=shutil.ignore_patterns("__pycache__"))
        for src in (ROOT / part / "functions.py", MINIKIT / part / "alpha.py"):
            if src.is_file():
                (root / part).mkdir(exist_ok=True)
                shutil.copyfile(src, root / part / src.name)
    kit = load_kit(root)
    variants = honest_variants()
    names = list(variants)
    cls = tmp_path_factory.mktemp("class")
    who = {}
    for i in range(STUDENTS):
        user = f"s{i:03d}"
        if i % 4 == 3:
            case = HOSTILE[(i // 4) % len(HOSTILE)]
            write_submission(cls / user, {"alpha.py": ALPHA, **CASES[case][0]})
            who[user] = ("hostile", case)
        else:
            variant = names[i % len(names)]
            write_submission(cls / user, variants[variant])
            who[user] = ("honest", variant)
    out = tmp_path_factory.mktemp("out")
    proc = run_grade("batch", cls, "--kit", root, "--out", out, "--jobs", "2", "--seed", "11", timeout=3000)
    assert proc.returncode in (0, 1), proc.stderr[-3000:]
    alone_subs = [Submission(write_submission(tmp_path_factory.mktemp("alone") / v, files), v)
                  for v, files in variants.items()]
    alone = {s.id: r for s, r in zip(alone_subs, grade(kit, alone_subs, seed=11))}
    return {"out": out, "who": who, "alone": alone}


def per_check(result: dict) -> dict[str, tuple[str, int]]:
    return {c["id"]: (c["status"], c["points"]) for t in result["topics"] for e in t["exercises"] for c in e["checks"]}


def test_every_student_has_a_row(soak):
    with sqlite3.connect(soak["out"] / "grades.sqlite") as db:
        rows = dict(db.execute("SELECT username, status FROM grades"))
    assert len(rows) == STUDENTS and set(rows.values()) == {"graded"}


def test_honest_students_score_exactly_as_alone(soak):
    mismatches = []
    for user, (kind, variant) in soak["who"].items():
        if kind != "honest":
            continue
        batch_result = json.loads((soak["out"] / "results" / f"{user}.json").read_text(encoding="utf-8"))
        alone = soak["alone"][variant].to_dict()
        if per_check(batch_result) != per_check(alone):
            mismatches.append((user, variant, batch_result["score"], alone["score"]))
    assert not mismatches


def test_hostile_students_gain_nothing(soak):
    solution_score = soak["alone"]["solution"].score
    for user, (kind, case) in soak["who"].items():
        if kind != "hostile":
            continue
        result = json.loads((soak["out"] / "results" / f"{user}.json").read_text(encoding="utf-8"))
        alpha = next(t for t in result["topics"] if t["slug"] == "alpha")
        assert alpha["score"] == alpha["max_score"], (user, case)
        assert result["score"] <= solution_score, (user, case)
