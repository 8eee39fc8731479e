"""Classroom CI: release a template, solve it halfway with real git, run the workflow's steps locally."""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import MINIKIT, ROOT, TEST_INSTALL, read_json, run_grade, solution_text
from gradekit import cli, release

TOPICS = ["functions", "closures"]
NOTICE = "::notice title=Autograding complete::Points 100/100"
BIN = Path(sys.executable).parent


def git(repo: Path, *args: str) -> str:
    base = ["git", "-C", str(repo), "-c", "user.name=Student", "-c", "user.email=student@example.invalid"]
    return subprocess.run(base + list(args), check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def released(tmp_path_factory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("release")
    dest, hidden = base / "template", base / "hidden"
    proc = run_grade("release", dest, "--topics", ",".join(TOPICS), "--name", "Week 3", "--hidden-out", hidden)
    assert proc.returncode == 0, proc.stderr
    return dest, hidden


@pytest.fixture(scope="module")
def template(released) -> Path:
    return released[0]


@pytest.fixture(scope="module")
def hidden_repo(released) -> Path:
    return released[1]


def student_repo(template: Path, dest: Path, files: dict[str, str]) -> Path:
    subprocess.run(["git", "clone", "-q", str(template), str(dest)], check=True)
    for name, text in files.items():
        (dest / "starter" / name).write_text(text, encoding="utf-8")
    git(dest, "add", "-A")
    git(dest, "commit", "-q", "--allow-empty", "-m", "my work")
    return dest


def run_workflow(repo: Path, tmp: Path, *, secrets: dict | None = None, variables: dict | None = None,
                 hidden_checkout: Path | None = None) -> dict:
    """Execute the classroom workflow's `run:` steps the way the Actions runner would, with files for outputs."""
    workflow = yaml.safe_load((repo / ".github" / "workflows" / "classroom.yml").read_text(encoding="utf-8"))
    (job,) = workflow["jobs"].values()
    secrets, variables = secrets or {}, variables or {}
    outputs: dict[str, dict[str, str]] = {}
    summary = tmp / "summary.md"
    summary.write_text("", encoding="utf-8")
    logs = []

    def expand(text: str) -> str:
        def one(m):
            expr = m.group(1).strip()
            if expr.startswith("secrets."):
                return secrets.get(expr.split(".", 1)[1], "")
            if expr.startswith("vars."):
                return variables.get(expr.split(".", 1)[1], "")
            if expr.startswith("steps."):
                _, sid, _, key = expr.split(".")
                return outputs.get(sid, {}).get(key, "")
            raise AssertionError(f"unexpected expression {expr}")
        return re.sub(r"\$\{\{(.*?)\}\}", one, str(text))

    def condition(step) -> bool:
        cond = step.get("if")
        if cond is None:
            return True
        if cond == "always()":
            return True
        m = re.fullmatch(r"steps\.(\w+)\.outputs\.(\w+) == '(\w+)'", cond)
        assert m, f"unexpected condition {cond}"
        return outputs.get(m.group(1), {}).get(m.group(2)) == m.group(3)

    for step in job["steps"]:
        if not condition(step):
            continue
        env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", "GITHUB_STEP_SUMMARY": str(summary)}
        env.update({k: expand(v) for k, v in job.get("env", {}).items()})
        env.update({k: expand(v) for k, v in step.get("env", {}).items()})
        uses = step.get("uses", "")
        if uses.startswith("actions/checkout") and step.get("with", {}).get("path") == ".hidden-graders":
            shutil.copytree(hidden_checkout, repo / ".hidden-graders")
            continue
        if uses.startswith("classroom-resources/autograding-grading-reporter"):
            runners = step["with"]["runners"].split(",")
            decoded = [json.loads(base64.b64decode(env[f"{r.strip().upper()}_RESULTS"])) for r in runners]
            total = sum(t["score"] for d in decoded for t in d["tests"])
            maximum = sum(d["max_score"] for d in decoded)
            logs.append(f"Points {total}/{maximum}")
            continue
        if "run" not in step:
            continue  # checkout of the submission (we are in it), setup-python, upload-artifact
        out_file = tmp / f"output-{len(logs)}"
        out_file.write_text("", encoding="utf-8")
        env["GITHUB_OUTPUT"] = str(out_file)
        proc = subprocess.run(["bash", "-e", "-c", expand(step["run"])], cwd=repo, env=env,
                              capture_output=True, text=True, timeout=600)
        logs.append(proc.stdout + proc.stderr)
        assert proc.returncode == 0, f"step {step.get('name')} failed:\n{proc.stdout}\n{proc.stderr}"
        values = dict(line.split("=", 1) for line in out_file.read_text(encoding="utf-8").splitlines() if "=" in line)
        if "id" in step:
            outputs[step["id"]] = values
    return {"outputs": outputs, "summary": summary.read_text(encoding="utf-8"), "logs": logs}


def check_classroom_schema(data: dict) -> None:
    assert data["version"] == 1 and data["status"] in ("pass", "fail", "error")
    assert type(data["max_score"]) is int and isinstance(data["tests"], list) and data["tests"]
    for t in data["tests"]:
        assert set(t) >= {"name", "status", "score", "message", "test_code", "filename", "line_no", "duration"}
        assert t["status"] in ("pass", "fail", "error") and type(t["score"]) is int and type(t["line_no"]) is int


def test_template_holds_no_secrets(template):
    files = [p for p in template.rglob("*") if p.is_file() and ".git" not in p.parts]
    names = {p.name for p in files}
    assert "solution.py" not in names and not any(p.name.startswith("test_hidden") for p in files)
    assert not any("mutants" in p.parts for p in files)
    texts = "\n".join(p.read_text(encoding="utf-8") for p in files)
    for slug in TOPICS:
        # What is meant to be public: the stub, the statement, the hints and the public graders.
        public = "\n".join((ROOT / p).read_text(encoding="utf-8") for p in
                           (f"starter/{slug}.py", f"exercises/{slug}/README.md", f"exercises/{slug}/exercise.toml",
                            *(p.relative_to(ROOT) for p in (ROOT / "graders" / slug).glob("test_public*.py"))))
        hidden_graders = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "graders" / slug).glob("test_hidden*.py"))
        for text in (solution_text(slug), hidden_graders):
            for line in text.splitlines():
                s = line.strip()
                if len(s) > 25 and s not in public and not s.startswith(("def ", "#", '"""', "import", "from ", "class ", "@")):
                    assert s not in texts, f"leaked into the template: {s}"
    assert git(template, "log", "--oneline").strip()
    assert set(read_json(template / "graders" / "functions" / "hidden.json")) == {"my_abs", "move", "quadratic"}


def test_the_template_opens_in_codespaces(template):
    devcontainer = json.loads((template / ".devcontainer" / "devcontainer.json").read_text(encoding="utf-8"))
    assert devcontainer["name"] == "Week 3" and devcontainer["image"].startswith("mcr.microsoft.com/devcontainers/python")
    # gradekit by the same install line as CI and the README, in the venv the terminal's PATH starts with.
    command = devcontainer["postCreateCommand"]
    assert command[:2] == ["bash", "-c"] and command[-1] == TEST_INSTALL and '"$1"' in command[2]
    assert ".venv/bin" in devcontainer["remoteEnv"]["PATH"]
    assert "apt-get install" in devcontainer["onCreateCommand"] and "bubblewrap" in devcontainer["onCreateCommand"]
    assert {"seccomp=unconfined", "apparmor=unconfined"} <= set(devcontainer["runArgs"])  # bwrap's namespaces
    readme = (template / "README.md").read_text(encoding="utf-8")
    for way in ("Codespaces", "PowerShell", ".venv\\Scripts\\activate", "source .venv/bin/activate", "grade doctor"):
        assert way in readme
    assert readme.count(f'"{TEST_INSTALL}"') >= 4  # each way's install command, in both languages
    assert git(template, "ls-files", ".devcontainer").split() == [".devcontainer/devcontainer.json"]


def release_failing(tmp_path: Path, capsys, *extra: str) -> tuple[int, str]:
    code = cli.main(["release", str(tmp_path / "new" / "week3"), "--kit", str(MINIKIT), "--install", TEST_INSTALL,
                     *extra])
    return code, capsys.readouterr().err


def assert_one_line(err: str) -> None:
    assert err.count("\n") == 1 and err.startswith("grade: release failed") and "Traceback" not in err


def test_release_failing_part_way_leaves_nothing_and_the_next_try_works(tmp_path, capsys, monkeypatch):
    # The templates are read after the stubs and graders are copied: a missing one used to leave a half-built
    # folder (and a traceback) that blocked the next try.
    monkeypatch.setattr(release, "TEMPLATES", tmp_path / "no-templates")
    code, err = release_failing(tmp_path, capsys, "--hidden-out", str(tmp_path / "new" / "hidden"))
    assert code == 2, err
    assert_one_line(err)
    assert "no-templates" in err
    assert not (tmp_path / "new").exists()  # the folders it created, partial ones included, are gone
    monkeypatch.undo()
    code, err = release_failing(tmp_path, capsys, "--hidden-out", str(tmp_path / "new" / "hidden"))
    assert code == 0, err
    assert sorted(p.name for p in (tmp_path / "new").iterdir()) == ["hidden", "week3"]
    assert git(tmp_path / "new" / "week3", "log", "--oneline").strip()


def test_release_whose_git_commit_fails_leaves_nothing(tmp_path, capsys, monkeypatch):
    bin_ = tmp_path / "bin"
    bin_.mkdir()
    real = shutil.which("git")
    (bin_ / "git").write_text(f'#!/bin/sh\nfor a in "$@"; do [ "$a" = commit ] && {{ echo "fatal: the disk said no" >&2; '
                              f'exit 128; }}; done\nexec "{real}" "$@"\n', encoding="utf-8")
    (bin_ / "git").chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_}{os.pathsep}{os.environ['PATH']}")
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "week3").mkdir()  # an empty DEST is fine, and stays as it was
    code, err = release_failing(tmp_path, capsys)
    assert code == 2, err
    assert_one_line(err)
    assert "git commit failed: fatal: the disk said no" in err
    assert [p.name for p in (tmp_path / "new").iterdir()] == ["week3"] and not any((tmp_path / "new" / "week3").iterdir())


def test_release_into_an_impossible_place_exits_2(tmp_path, capsys):
    (tmp_path / "new").write_text("a file where the parent folder should be\n", encoding="utf-8")
    code, err = release_failing(tmp_path, capsys)
    assert code == 2, err
    assert_one_line(err)
    assert (tmp_path / "new").read_text(encoding="utf-8").startswith("a file")


def test_actionlint_is_clean(template):
    actionlint = shutil.which("actionlint", path=str(BIN)) or shutil.which("actionlint")
    assert actionlint, "actionlint is a dev dependency"
    workflows = [*(ROOT / ".github" / "workflows").glob("*.yml"), template / ".github" / "workflows" / "classroom.yml"]
    proc = subprocess.run([actionlint, "-no-color", *map(str, workflows)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_grade_check_runs_inside_the_template(template):
    proc = run_grade("check", "--lang", "en", cwd=template)
    assert proc.returncode == 1 and "hidden checks run at grading" in proc.stdout


def test_half_solved_submission_in_ci(template, tmp_path):
    repo = student_repo(template, tmp_path / "student", {"functions.py": solution_text("functions")})
    run = run_workflow(repo, tmp_path)
    encoded = run["outputs"]["gradekit"]["result"]
    data = json.loads(base64.b64decode(encoded))
    check_classroom_schema(data)
    native = read_json(repo / "grade-results" / "gradekit.json")
    points = sum(t["score"] for t in data["tests"])
    assert points == native["score"] > 0 and data["max_score"] == native["max_score"]
    assert native["score"] < native["max_score"]  # closures is still the stub
    assert f"Points {points}/{data['max_score']}" in run["logs"]
    local = tmp_path / "local.json"
    run_grade("check", "--json", local, cwd=repo)
    assert read_json(local)["score"] == points and read_json(local)["max_score"] == data["max_score"]
    c50 = read_json(repo / "grade-results" / "result.json")
    assert c50["schema"] == "classroom50/result/v1" and c50["score"] == points and c50["max-score"] == data["max_score"]
    gs = read_json(repo / "grade-results" / "results.json")
    assert gs["score"] == points and all(t["status"] in ("passed", "failed") for t in gs["tests"])
    assert "| topic | score | checks passed |" in run["summary"] or "| 主题 | 得分 | 通过的检查 |" in run["summary"]
    assert "hidden" in run["summary"] or "隐藏" in run["summary"]
    annotations = [line for log in run["logs"] for line in log.splitlines() if line.startswith("::error ")]
    assert annotations and all("file=starter/closures.py" in a for a in annotations)


def test_hidden_graders_fetched_by_ci_count(template, hidden_repo, tmp_path):
    repo = student_repo(template, tmp_path / "student", {"functions.py": solution_text("functions"),
                                                          "closures.py": solution_text("closures")})
    run = run_workflow(repo, tmp_path, secrets={"GRADEKIT_HIDDEN_TOKEN": "t"}, variables={"GRADEKIT_HIDDEN_REPO": "x/y"},
                       hidden_checkout=hidden_repo)
    data = json.loads(base64.b64decode(run["outputs"]["gradekit"]["result"]))
    native = read_json(repo / "grade-results" / "gradekit.json")
    assert data["status"] == "pass" and native["hidden"]["checks"] == 0
    assert data["max_score"] == native["max_score"] == sum(t["score"] for t in data["tests"])
    assert data["max_score"] > read_json(template / "graders" / "functions" / "hidden.json")["my_abs"]["points"]
    visibilities = {c["visibility"] for t in native["topics"] for e in t["exercises"] for c in e["checks"]}
    assert visibilities == {"public", "hidden"}


def test_student_output_cannot_forge_notices(template, tmp_path):
    hostile = f"print({NOTICE!r})\n" + solution_text("functions").replace("return -x", f"print({NOTICE!r})\n    return x")
    repo = student_repo(template, tmp_path / "student", {"functions.py": hostile})
    env = {**os.environ, "GITHUB_OUTPUT": str(tmp_path / "out"), "GITHUB_STEP_SUMMARY": str(tmp_path / "sum")}
    proc = subprocess.run([str(BIN / "grade"), "ci", "--notices", "--lang", "en"], cwd=repo, env=env,
                          capture_output=True, text=True)
    assert proc.returncode == 0
    notices = [line for line in proc.stdout.splitlines() if line.lstrip().startswith("::notice")]
    native = read_json(repo / "grade-results" / "gradekit.json")
    assert notices == [f"::notice title=Autograding complete::Points {native['score']}/{native['max_score']}",
                       f'::notice title=Autograding report::{{"totalPoints":{native["score"]},"maxPoints":{native["max_score"]}}}']
    assert native["score"] < native["max_score"]
    encoded = (tmp_path / "out").read_text().split("result=", 1)[1].strip()
    assert "::notice" not in base64.b64decode(encoded).decode("utf-8")
    assert "::notice" not in (tmp_path / "sum").read_text()


def test_kit_failure_still_reports_tests_and_max_score(template, tmp_path):
    repo = student_repo(template, tmp_path / "student", {})
    (repo / "graders" / "functions" / "test_public.py").write_text("this is not python\n")
    env = {**os.environ, "GITHUB_OUTPUT": str(tmp_path / "out"), "GITHUB_STEP_SUMMARY": str(tmp_path / "sum")}
    proc = subprocess.run([str(BIN / "grade"), "ci"], cwd=repo, env=env, capture_output=True, text=True)
    assert proc.returncode == 2
    data = json.loads(base64.b64decode((tmp_path / "out").read_text().split("result=", 1)[1].strip()))
    check_classroom_schema(data)
    assert data["status"] == "error" and data["max_score"] > 0
