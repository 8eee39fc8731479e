"""Hostile submissions against ``grade ci``'s step files and secrets, at the process level.

``grade ci`` is run as the workflow runs it: a fresh process whose environment names
``$GITHUB_OUTPUT`` and ``$GITHUB_STEP_SUMMARY`` (temporary files here) and holds a fake
secret.  The student's file hunts for them through ``/proc``, starts a daemon that
appends a forged ``result=`` line later, overwrites the summary, and prints workflow
commands.  Whatever it tries: the last ``result=`` line is the true result, the summary
carries it, the secret appears nowhere, and no process of the submission is left.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from pathlib import Path

import psutil
import pytest

from gradekit.sandbox import isolation

from conftest import MINIKIT, read_json, write_submission

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc and the subreaper are Linux's")

SECRET = "ghs_FAKE_ci_step_secret_424242"
ALPHA = (MINIKIT / "exercises" / "alpha" / "solution.py").read_text(encoding="utf-8")
FORGED = base64.b64encode(json.dumps({"version": 1, "status": "pass", "max_score": 7, "tests": [
    {"name": "forged", "status": "pass", "score": 7, "message": "", "test_code": "", "filename": "",
     "line_no": 0, "duration": 0}]}).encode()).decode()

# Every case runs at import (once per check, so at most a few times).  ``{report}`` is a file
# outside the submission the test reads afterwards; ``{known_output}``/``{known_summary}`` are
# the step files' paths, as a student who guessed them (the runner's layout is public) would know.
HUNT = '''
import os
found = []
pid = os.getppid()
while pid > 1:  # every ancestor, up to init
    try:
        env = open(f"/proc/{{pid}}/environ", "rb").read()
        for var in env.split(b"\\0"):
            if var.startswith((b"GITHUB_OUTPUT=", b"GITHUB_STEP_SUMMARY=")) or {secret!r}.encode() in var:
                found.append((pid, var.decode("utf-8", "replace")))
    except OSError:
        pass
    try:
        status = open(f"/proc/{{pid}}/status").read()
        pid = int(status.split("PPid:", 1)[1].split()[0])
    except (OSError, IndexError, ValueError):
        break
with open({report!r}, "a") as f:
    f.write(f"OWN {{os.environ.get('GITHUB_OUTPUT')}} {{os.environ.get('CI_SECRET')}} {{os.environ.get('GITHUB_TOKEN')}}\\n")
    for pid, var in found:
        f.write(f"{{pid}} {{var}}\\n")
for pid, var in found:
    if var.startswith("GITHUB_OUTPUT="):
        with open(var.split("=", 1)[1], "a") as out:
            out.write("result={forged}\\n")
'''

DAEMON = '''
import os, time
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        with open({pidfile!r}, "a") as f:
            f.write(f"{{os.getpid()}}\\n")
        time.sleep(3)
        paths = [{known_output!r}] + [os.environ.get(n) for n in ("GITHUB_OUTPUT", "OUTPUT", "GITHUB_ENV", "RUNNER_TEMP")]
        for path in paths:
            if path:
                try:
                    with open(path, "a") as out:
                        out.write("result={forged}\\n")
                except OSError:
                    pass
    os._exit(0)
'''

RIGHT_AWAY = '''
with open({known_output!r}, "a") as out:
    out.write("result={forged}\\n")
with open({known_summary!r}, "w") as summary:
    summary.write("# gradekit\\n\\nPoints 7/7 \\u2705\\n")
'''

SUMMARY_SYMLINK = '''
import os
try:
    os.unlink({known_summary!r})
    os.symlink({report!r}, {known_summary!r})
except OSError:
    pass
'''

COMMANDS = '''
print("::set-output name=result::{forged}")
print("::add-mask::Points")
print("::notice title=Autograding complete::Points 7/7")
print("::stop-commands::x")
'''

CASES = {"hunt": HUNT, "daemon": DAEMON, "right_away": RIGHT_AWAY, "summary_symlink": SUMMARY_SYMLINK,
         "commands": COMMANDS, "all_at_once": HUNT + DAEMON + RIGHT_AWAY + COMMANDS}


def broken_alpha(code: str) -> str:
    """The solution with ``double`` wrong, so the true score (4/7... less than 7) differs from the forged one."""
    return code + "\n" + ALPHA.replace("return 2 * x", "return 2 * x + 1")


def run_ci(tmp_path: Path, case: str, landlock: str = "off") -> dict:
    """``grade ci`` at process level; by default without Landlock (a kernel without it), where the
    student's code can write the step files and start daemons, so every later defence is tested."""
    output, summary = tmp_path / "github_output", tmp_path / "step_summary"
    output.write_text("before=1\n", encoding="utf-8")
    summary.write_text("earlier step\n", encoding="utf-8")
    report, pidfile = tmp_path / "found.txt", tmp_path / "pids.txt"
    code = CASES[case].format(report=str(report), pidfile=str(pidfile), known_output=str(output),
                              known_summary=str(summary), forged=FORGED, secret=SECRET)
    sub = write_submission(tmp_path / "sub", {"alpha.py": broken_alpha(code)})
    env = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", str(tmp_path)), "GRADEKIT_ISOLATION": "process",
           "GITHUB_OUTPUT": str(output), "GITHUB_STEP_SUMMARY": str(summary), "CI_SECRET": SECRET,
           "GITHUB_TOKEN": SECRET, "TMPDIR": str(tmp_path), "GRADEKIT_LANDLOCK": landlock}
    proc = subprocess.run([sys.executable, "-m", "gradekit", "ci", "--kit", str(MINIKIT), "--submission", str(sub),
                           "--out", str(tmp_path / "grade-results"), "--lang", "en"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    lines = [line for line in output.read_text(encoding="utf-8").splitlines() if line.startswith("result=")]
    return {"proc": proc, "results": lines, "summary": summary, "report": report, "pidfile": pidfile,
            "native": read_json(tmp_path / "grade-results" / "gradekit.json"), "tmp": tmp_path}


def alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


@pytest.mark.parametrize("case", list(CASES))
def test_the_last_result_line_is_the_true_result(tmp_path, case):
    run = run_ci(tmp_path, case)
    assert run["proc"].returncode == 0, run["proc"].stdout + run["proc"].stderr
    native = run["native"]
    assert native["isolation"] == "process" and 0 < native["score"] < native["max_score"] == 7
    assert run["results"], "no result line written"
    data = json.loads(base64.b64decode(run["results"][-1].split("=", 1)[1]))
    assert sum(t["score"] for t in data["tests"]) == native["score"] and data["max_score"] == 7
    assert FORGED not in "\n".join(run["results"])
    text = run["summary"].read_text(encoding="utf-8")
    assert not run["summary"].is_symlink() and text.startswith("earlier step\n")
    assert "Points 7/7" not in text and "| topic | score |" in text


@pytest.mark.parametrize("case", ["daemon", "all_at_once"])
def test_no_process_of_the_submission_is_left(tmp_path, case):
    run = run_ci(tmp_path, case)
    pids = [int(p) for p in run["pidfile"].read_text().split()] if run["pidfile"].exists() else []
    assert pids, "the daemon never started: the case proves nothing"
    assert not [p for p in pids if alive(p)]


@pytest.mark.parametrize("case", ["right_away", "summary_symlink", "all_at_once"])
def test_tampering_is_reported_and_the_score_stands(tmp_path, case):
    run = run_ci(tmp_path, case)
    out = run["proc"].stdout
    assert [line for line in out.splitlines() if line.startswith("::error title=gradekit::something other than")]
    assert "the score stands" in run["summary"].read_text(encoding="utf-8")
    assert run["native"]["submission"]["ci_tampered"]
    assert run["native"]["score"] < 7


def test_landlock_walls_keep_the_step_files_untouched(tmp_path):
    if not isolation.landlock_probe()[0]:
        pytest.skip("no Landlock on this kernel")
    run = run_ci(tmp_path, "all_at_once", landlock="on")
    assert run["proc"].returncode == 0, run["proc"].stdout + run["proc"].stderr
    assert "ci_tampered" not in run["native"]["submission"]          # nothing got through to report
    assert not run["pidfile"].exists() and not run["report"].exists()  # the child could not write outside scratch
    assert (tmp_path / "github_output").read_text(encoding="utf-8").startswith("before=1\nresult=")
    assert FORGED not in (tmp_path / "github_output").read_text(encoding="utf-8")


def test_an_untouched_run_reports_no_tampering(tmp_path):
    run = run_ci(tmp_path, "commands")
    assert "ci_tampered" not in run["native"]["submission"]
    assert "something other than" not in run["proc"].stdout
    assert (tmp_path / "github_output").read_text(encoding="utf-8").startswith("before=1\nresult=")


def test_the_secret_and_the_step_files_are_out_of_reach(tmp_path):
    run = run_ci(tmp_path, "hunt")
    lines = run["report"].read_text(encoding="utf-8").splitlines()
    own = {line for line in lines if line.startswith("OWN ")}
    assert own == {"OWN None None None"}, own  # nothing of the step's in the student's own environment
    found = [line for line in lines if not line.startswith("OWN ")]
    # The only ancestor holding them is `grade ci` itself, which is undumpable: as any user but root it cannot
    # be read.  Root reads every process's environment, so here (as root) it may be found, and only there:
    # the worker, the grading session and the sandbox between them hold neither.
    readers = {int(line.split(" ", 1)[0]) for line in found}
    if os.geteuid() != 0:
        assert not found, found
    assert len(readers) <= 1, found
    # Everything the run wrote holds neither the secret nor the step file's path.
    everything = run["proc"].stdout + run["proc"].stderr + json.dumps(run["native"])
    everything += "".join(p.read_text(encoding="utf-8", errors="replace") for p in (tmp_path / "grade-results").iterdir())
    assert SECRET not in everything and str(tmp_path / "github_output") not in everything


def test_the_worker_environment_holds_no_secret(monkeypatch):
    from gradekit.classroom import ci
    monkeypatch.setenv("GITHUB_OUTPUT", "/tmp/x")
    monkeypatch.setenv("CI_SECRET", SECRET)
    monkeypatch.setenv("GITHUB_TOKEN", SECRET)
    env = ci.worker_env()
    assert SECRET not in json.dumps(env) and not [k for k in env if k.startswith("GITHUB_")]


def test_fake_workflow_commands_never_reach_the_log(tmp_path):
    run = run_ci(tmp_path, "commands")
    for line in run["proc"].stdout.splitlines():
        assert not line.lstrip().startswith(("::set-output", "::add-mask", "::stop-commands", "::notice")), line
