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

from gradekit.course.assignment import topic_grader_files

from conftest import MINIKIT, ROOT, TEST_INSTALL, read_json, run_grade, solution_text, git
from gradekit import cli
from gradekit.instructor import doctor
from gradekit.instructor import release
from gradekit.sandbox import isolation
from gradekit.model import Result
from gradekit.render.markdown import cell, to_markdown

TOPICS = ["functions", "closures"]
NOTICE = "::notice title=Autograding complete::Points 100/100"
BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def released(released_template, tmp_path_factory) -> tuple[Path, Path]:
    hidden = tmp_path_factory.mktemp("release") / "hidden"
    return released_template("classroom/template", ",".join(TOPICS), "--name", "Week 3", "--hidden-out", hidden), hidden


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


RUNNER_OS = {"linux": "Linux", "darwin": "macOS", "win32": "Windows"}.get(sys.platform, sys.platform)
SANDBOX_STEP = "Allow the sandbox (Linux)"
SYSCTL = "-n sysctl -w kernel.apparmor_restrict_unprivileged_userns=0"


def fake_sudo(folder: Path, *, refuse: str | None = None) -> Path:
    """A ``sudo`` that records its arguments and runs nothing (no test may change this machine's kernel
    settings or packages); with ``refuse``, it fails the calls whose arguments contain that text."""
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / "sudo.log"
    log.write_text("", encoding="utf-8")
    check = f'case "$*" in *{refuse}*) exit 1;; esac\n' if refuse else ""
    script = folder / "sudo"
    script.write_text(f"#!/bin/sh\nprintf '%s\\n' \"$*\" >> '{log}'\n{check}exit 0\n", encoding="utf-8")
    script.chmod(0o755)
    return log


def run_workflow(repo: Path, tmp: Path, *, secrets: dict | None = None, variables: dict | None = None,
                 hidden_checkout: Path | None = None, env_extra: dict | None = None, path_first: Path | None = None) -> dict:
    """Execute the classroom workflow's `run:` steps the way the Actions runner would, with files for outputs.

    ``sudo`` is a recorder (``fake_sudo``): the sandbox step runs for real, its privileged calls do not."""
    workflow = yaml.safe_load((repo / ".github" / "workflows" / "classroom.yml").read_text(encoding="utf-8"))
    (job,) = workflow["jobs"].values()
    secrets, variables = secrets or {}, variables or {}
    sudo_log = fake_sudo(tmp / "fake-sudo")
    front = os.pathsep.join(str(p) for p in (path_first, tmp / "fake-sudo", BIN) if p)
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
            if expr == "runner.os":
                return RUNNER_OS
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
        if cond.startswith("runner.os == "):
            return cond == f"runner.os == '{RUNNER_OS}'"
        m = re.fullmatch(r"steps\.(\w+)\.outputs\.(\w+) == '(\w+)'", cond)
        assert m, f"unexpected condition {cond}"
        return outputs.get(m.group(1), {}).get(m.group(2)) == m.group(3)

    for step in job["steps"]:
        if not condition(step):
            continue
        env = {**os.environ, **(env_extra or {}), "PATH": f"{front}{os.pathsep}{os.environ['PATH']}",
               "GITHUB_STEP_SUMMARY": str(summary)}
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
    return {"outputs": outputs, "summary": summary.read_text(encoding="utf-8"), "logs": logs,
            "sudo": sudo_log.read_text(encoding="utf-8").splitlines()}


def check_classroom_schema(data: dict) -> None:
    assert data["version"] == 1 and data["status"] in ("pass", "fail", "error")
    assert type(data["max_score"]) is int and isinstance(data["tests"], list) and data["tests"]
    for t in data["tests"]:
        assert set(t) >= {"name", "status", "score", "message", "test_code", "filename", "line_no", "duration"}
        assert t["status"] in ("pass", "fail", "error") and type(t["score"]) is int and type(t["line_no"]) is int


def test_template_holds_no_secrets(template):
    files = [p for p in template.rglob("*") if p.is_file() and ".git" not in p.parts]
    names = {p.name for p in files}
    assert "solution.py" not in names and not any(p.name.startswith(("test_hidden", "_hidden_")) for p in files)
    assert not any("mutants" in p.parts for p in files)
    texts = "\n".join(p.read_text(encoding="utf-8") for p in files)
    for slug in TOPICS:
        # What is meant to be public: the stub, the statement, the hints and the public graders.
        public = "\n".join((ROOT / p).read_text(encoding="utf-8") for p in
                           (f"starter/{slug}.py", f"exercises/{slug}/README.md", f"exercises/{slug}/exercise.toml",
                            *(p.relative_to(ROOT) for p in topic_grader_files(ROOT / "graders" / slug, "public"))))
        # The hidden graders and the peer code only they run in the sandbox (``_hidden_sandbox_*.py``).
        hidden_graders = "\n".join(p.read_text(encoding="utf-8") for p in topic_grader_files(ROOT / "graders" / slug, "hidden"))
        for text in (solution_text(slug), hidden_graders):
            for line in text.splitlines():
                s = line.strip()
                if len(s) > 25 and s not in public and not s.startswith(("def ", "#", '"""', "import", "from ", "class ", "@")):
                    assert s not in texts, f"leaked into the template: {s}"
    assert git(template, "log", "--oneline").strip()
    assert set(read_json(template / "graders" / "functions" / "hidden.json")) == {"my_abs", "move", "quadratic"}


def test_peer_code_ships_with_the_graders_that_run_it(template, hidden_repo):
    # closures' public peers go to students with the public graders; its hidden peer only to the hidden repository.
    assert (template / "graders" / "closures" / "_shared.py").is_file()
    assert not list(template.glob("graders/*/_hidden_*.py"))
    assert (hidden_repo / "graders" / "closures" / "_hidden_sandbox_tools.py").is_file()
    assert not list(hidden_repo.glob("graders/*/test_public*.py"))


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


def test_own_ci_runs_the_student_side_on_windows_and_macos():
    """This repository's CI cannot run here; what can be checked is that it asks GitHub for the right jobs."""
    jobs = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))["jobs"]
    linux = "\n".join(step.get("run", "") for step in jobs["test"]["steps"])
    assert jobs["test"]["strategy"]["matrix"]["python-version"] == ["3.10", "3.11", "3.12", "3.13"]
    assert "apt-get install -y -qq bubblewrap tmux" in linux and "kernel.apparmor_restrict_unprivileged_userns=0" in linux
    student = jobs["student"]
    assert student["strategy"]["matrix"]["os"] == ["windows-latest", "macos-latest"]
    assert student["env"]["GRADEKIT_ISOLATION"] == "portable" and student["defaults"]["run"]["shell"] == "bash"
    assert any("-m pytest -m student" in step.get("run", "") for step in student["steps"])


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
    if RUNNER_OS == "Linux":  # the sandbox step ran, its privileged calls through sudo
        assert run["sudo"][0] == "-n true" and run["sudo"][-1] == SYSCTL
    else:
        assert run["sudo"] == []
    level = {"zh": "隔离级别：**{}**", "en": "Isolation level: **{}**"}
    assert sum(run["summary"].count(f.format(native["isolation"])) for f in level.values()) == 1


def workflow_step(template: Path, name: str) -> tuple[int, dict]:
    workflow = yaml.safe_load((template / ".github" / "workflows" / "classroom.yml").read_text(encoding="utf-8"))
    (job,) = workflow["jobs"].values()
    return next((i, step) for i, step in enumerate(job["steps"]) if step.get("name") == name)


def test_sandbox_step_runs_on_linux_before_grading(template):
    index, step = workflow_step(template, SANDBOX_STEP)
    assert step["if"] == "runner.os == 'Linux'" and "continue-on-error" not in step
    assert index < workflow_step(template, "Grade")[0]
    assert "kernel.apparmor_restrict_unprivileged_userns=0" in step["run"]


@pytest.mark.skipif(sys.platform == "win32", reason="the step is a POSIX shell script for Linux runners")
@pytest.mark.parametrize("sudo, bwrap, calls, said", [
    ("ok", True, ["-n true", SYSCTL], ""),
    ("ok", False, ["-n true", "-n apt-get update -qq", "-n apt-get install -y -qq bubblewrap", SYSCTL], ""),
    ("refuse:true", True, ["-n true"], "no passwordless sudo"),       # self-hosted: sudo wants a password
    ("absent", False, [], "no passwordless sudo"),                     # self-hosted: no sudo at all
    ("refuse:apt-get", False, ["-n true", "-n apt-get update -qq", SYSCTL], "could not install bubblewrap"),
    ("refuse:sysctl", True, ["-n true", SYSCTL], "no AppArmor user-namespace rule"),  # a kernel without the rule
])
def test_sandbox_step_never_fails_the_job(template, tmp_path, sudo, bwrap, calls, said):
    """The step's own script, under the shell GitHub uses for `run:` on Linux, with nothing on PATH but a
    recording ``sudo`` (and a ``bwrap`` stand-in): which privileged calls it makes, and that it exits 0."""
    _, step = workflow_step(template, SANDBOX_STEP)
    fake = tmp_path / "bin"
    log = fake_sudo(fake, refuse=sudo.split(":", 1)[1] if sudo.startswith("refuse:") else None)
    if sudo == "absent":
        (fake / "sudo").unlink()
    if bwrap:
        (fake / "bwrap").write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
        (fake / "bwrap").chmod(0o755)
    proc = subprocess.run([shutil.which("bash"), "--noprofile", "--norc", "-e", "-o", "pipefail", "-c", step["run"]],
                          cwd=tmp_path, env={"PATH": str(fake)}, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert log.read_text(encoding="utf-8").splitlines() == calls
    assert said in proc.stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="bubblewrap is Linux only")
def test_summary_says_once_why_bubblewrap_failed(template, tmp_path):
    """bubblewrap present but refused its namespaces, as on a runner whose sysctl could not be lifted."""
    fake = tmp_path / "refusing-bwrap"
    fake.mkdir()
    (fake / "bwrap").write_text("#!/bin/sh\necho 'bwrap: setting up uid map: Permission denied' >&2\nexit 1\n",
                                encoding="utf-8")
    (fake / "bwrap").chmod(0o755)
    repo = student_repo(template, tmp_path / "student", {"functions.py": solution_text("functions")})
    run = run_workflow(repo, tmp_path, path_first=fake, env_extra={"GRADEKIT_ISOLATION": "auto"})
    assert read_json(repo / "grade-results" / "gradekit.json")["isolation"] == "process"
    summary = run["summary"]
    assert "隔离级别：**process**" in summary  # the template's language
    note = doctor.process_note("", "zh").split("（", 1)[0]
    assert summary.count(note) == 1 and summary.count("setting up uid map: Permission denied") == 1
    assert summary.count(cell(isolation.FIX)) == 1


@pytest.mark.parametrize("level, note", [("bwrap", ""), ("process", "because")])
def test_markdown_summary_names_the_level(level, note):
    result = Result("0", {}, "", 0.0, 0, "en", level)
    text = to_markdown(result, "en", isolation_note=note)
    assert text.count(f"Isolation level: **{level}**") == 1 and text.count("⚠️ because") == (1 if note else 0)


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
