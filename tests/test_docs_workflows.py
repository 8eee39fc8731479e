"""The workflows documented for instructors (docs/workflows/): actionlint-clean, manual-only, and their grading
and merging scripts work when run as the workflow runs them."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import MINIKIT, ROOT, run_grade, solution_text

DOCS = ROOT / "docs" / "workflows"
WORKFLOWS = sorted(DOCS.glob("*.yml"))
BIN = Path(sys.executable).parent


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as True
    return data


def test_there_are_documented_workflows():
    assert DOCS / "batch-matrix.yml" in WORKFLOWS


def test_actionlint_is_clean():
    actionlint = shutil.which("actionlint", path=str(BIN)) or shutil.which("actionlint")
    assert actionlint, "actionlint is a dev dependency"
    proc = subprocess.run([actionlint, "-no-color", *map(str, WORKFLOWS)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_runs_only_when_an_instructor_asks(path):
    assert set(load(path)["on"]) == {"workflow_dispatch"}
    assert load(path)["permissions"] == {"contents": "read"}


def steps(workflow: dict, job: str) -> dict[str, dict]:
    return {s["name"]: s for s in workflow["jobs"][job]["steps"]}


def test_matrix_shards_then_merge():
    wf = load(DOCS / "batch-matrix.yml")
    shard, merge = wf["jobs"]["shard"], wf["jobs"]["merge"]
    shards = shard["strategy"]["matrix"]["shard"]
    assert shards == list(range(1, len(shards) + 1)) and shard["strategy"]["fail-fast"] is False
    grade = next(s for n, s in steps(wf, "shard").items() if n.startswith("Grade"))
    assert grade["env"]["SHARD"] == "${{ matrix.shard }}/${{ strategy.job-total }}"
    # one seed, picked once, for every shard; the assignment file in every grading command
    assert shard["needs"] == "plan" and wf["jobs"]["plan"]["outputs"]["seed"] == "${{ steps.seed.outputs.seed }}"
    assert grade["env"]["SEED"] == "${{ needs.plan.outputs.seed }}" and '--seed "$SEED"' in grade["run"]
    assert '--assignment "$ASSIGNMENT"' in grade["run"]
    assert '--assignment "$ASSIGNMENT"' in steps(wf, "merge")["Merge"]["run"]
    assert "GRADEKIT_CLASS_TOKEN" in grade["env"]
    upload = steps(wf, "shard")["Keep this shard's output"]
    assert upload["if"] == "always()" and upload["with"]["name"] == "out-${{ matrix.shard }}"
    assert merge["needs"] == "shard" and "cancelled()" in merge["if"]
    assert steps(wf, "merge")["Download every shard's output"]["with"] == {"pattern": "out-*", "path": "shards"}
    kept = steps(wf, "merge")["Keep the gradebook, the dashboard and the reports"]["with"]["path"].split()
    assert {"merged/gradebook.csv", "merged/gradebook-canvas.csv", "merged/gradebook-moodle.csv",
            "merged/dashboard.html"} <= set(kept)


def run_seed_step(kit: Path, assignment: str, tmp_path: Path) -> str:
    step = steps(load(DOCS / "batch-matrix.yml"), "plan")["One seed for every shard"]
    assert "${{" not in step["run"]
    output = tmp_path / "github_output"
    output.write_text("", encoding="utf-8")
    env = {**os.environ, "PATH": os.pathsep.join([str(BIN), os.environ["PATH"]]), "ASSIGNMENT": assignment,
           "GITHUB_OUTPUT": str(output)}
    proc = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=kit, capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    (line,) = output.read_text(encoding="utf-8").splitlines()
    assert line.startswith("seed=") and int(line[5:]) > 0
    return line[5:]


def test_the_seed_step_takes_the_assignments_seed_or_draws_one(tmp_path):
    from gradekit.course.assignment import Assignment, write

    write(Assignment(name="ps1", topics=("alpha",), points=7, seed=1234), tmp_path / "seeded.toml")
    write(Assignment(name="ps1", topics=("alpha",), points=7), tmp_path / "unseeded.toml")
    assert run_seed_step(tmp_path, "seeded.toml", tmp_path) == "1234"
    assert run_seed_step(tmp_path, "unseeded.toml", tmp_path) != ""


def test_the_grading_and_merging_scripts_work(tmp_path):
    """Run the seed, shard and merge steps' scripts as Actions would, on a local roster of three students."""
    from gradekit.course.assignment import Assignment, write

    wf = load(DOCS / "batch-matrix.yml")
    grade_step = next(s for n, s in steps(wf, "shard").items() if n.startswith("Grade"))
    merge_step = steps(wf, "merge")["Merge"]
    assert "${{" not in grade_step["run"] + merge_step["run"]  # inputs reach scripts through env, never spliced in
    kit = tmp_path / "kit"  # the instructor's private kit checkout
    shutil.copytree(MINIKIT, kit, ignore=shutil.ignore_patterns("__pycache__"))
    template = tmp_path / "template"
    assert run_grade("release", template, "--kit", MINIKIT).returncode == 0
    roster = ["username,repo_url"]
    for user in ("ann", "bob", "dan"):
        repo = tmp_path / "repos" / user
        subprocess.run(["git", "clone", "-q", str(template), str(repo)], check=True)
        if user == "ann":
            (repo / "starter" / "alpha.py").write_text(solution_text("alpha", MINIKIT), encoding="utf-8")
            subprocess.run(["git", "-C", str(repo), "-c", "user.name=S", "-c", "user.email=s@example.invalid",
                            "commit", "-qam", "solved"], check=True)
        roster.append(f"{user},{repo.as_uri()}")
    roster.append(f"zed,{(tmp_path / 'repos' / 'zed').as_uri()}")  # an unreachable repository: a row, not a failure
    (kit / "roster.csv").write_text("\n".join(roster) + "\n", encoding="utf-8")
    write(Assignment(name="ps1", topics=("alpha",), points=7, seed=77), kit / "assignment.toml")
    seed = run_seed_step(kit, "assignment.toml", tmp_path)
    env = {**os.environ, "PATH": os.pathsep.join([str(BIN), os.environ["PATH"]]), "ASSIGNMENT": "assignment.toml",
           "ROSTER": "roster.csv", "SEED": seed, "TEMPLATE_REPO": "", "NBGRADER": "false",
           "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md")}
    for k in (1, 2):
        proc = subprocess.run(["bash", "-e", "-c", grade_step["run"]], cwd=kit, capture_output=True, text=True,
                              env={**env, "SHARD": f"{k}/2", "OUT": f"out-{k}"}, timeout=300)
        assert proc.returncode == 0, proc.stderr
        shutil.copytree(kit / f"out-{k}", kit / "shards" / f"out-{k}", ignore=shutil.ignore_patterns("workspace"))
    proc = subprocess.run(["bash", "-e", "-c", merge_step["run"]], cwd=kit, capture_output=True, text=True, env=env,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    with open(kit / "merged" / "gradebook.csv", encoding="utf-8") as f:
        rows = {r["github_username"]: r for r in csv.DictReader(f)}
    # bob and dan have only the template's commit: 0 from an older batch, blank once "no-student-commits"
    untouched = {u: ("0" if rows[u]["status"] == "graded" else "", rows[u]["status"]) for u in ("bob", "dan")}
    assert {u: (r["points_awarded"], r["status"]) for u, r in rows.items()} == {
        "ann": ("7", "graded"), **untouched, "zed": ("", "clone-failed")}
    assert {r["status"] for u, r in rows.items() if u in ("bob", "dan")} <= {"graded", "no-student-commits"}
    for name in ("dashboard.html", "gradebook-canvas.csv", "gradebook-moodle.csv", "batch.json"):
        assert (kit / "merged" / name).is_file(), name
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "2 shards merged" in summary and "4 students in gradebook.csv" in summary


RELEASE = ROOT / ".github" / "workflows" / "release.yml"


def test_release_workflow_is_actionlint_clean():
    actionlint = shutil.which("actionlint", path=str(BIN)) or shutil.which("actionlint")
    assert actionlint, "actionlint is a dev dependency"
    proc = subprocess.run([actionlint, "-no-color", str(RELEASE)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_release_workflow_builds_checks_and_publishes_with_trusted_publishing():
    wf = load(RELEASE)
    assert wf["on"] == {"push": {"tags": ["v*"]}} and wf["permissions"] == {"contents": "read"}
    build = steps(wf, "build")
    runs = " ".join(s.get("run", "") for s in build.values())
    assert "python -m build" in runs and "twine check --strict dist/*" in runs
    assert build["Keep the distributions"]["with"]["name"] == "dist"
    publish = wf["jobs"]["publish"]
    assert publish["needs"] == "build" and publish["environment"]["name"] == "pypi"
    assert publish["permissions"] == {"id-token": "write"}  # no token secret: PyPI trusts this workflow
    uses = [s.get("uses", "") for s in publish["steps"]]
    assert "pypa/gh-action-pypi-publish@release/v1" in uses and "secrets." not in RELEASE.read_text(encoding="utf-8")


@pytest.mark.parametrize("tag, ok", [("v{version}", True), ("v{version}.post1", False), ("{version}", False)])
def test_release_workflow_refuses_a_tag_that_is_not_the_version(tag, ok):
    from gradekit import __version__

    step = steps(load(RELEASE), "build")["The tag names the package's version"]
    assert "${{" not in step["run"]  # the tag reaches the script through env, never spliced in
    env = {**os.environ, "TAG": tag.format(version=__version__), "PATH": os.pathsep.join([str(BIN), os.environ["PATH"]])}
    proc = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=ROOT, env=env, capture_output=True, text=True)
    assert (proc.returncode == 0) == ok, proc.stdout + proc.stderr
