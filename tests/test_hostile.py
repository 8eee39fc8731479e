"""Hostile submissions: each tries to gain points or break the grader.

Every case is graded in one shared session next to honest topics. For each:
no points are gained (the attacked exercises score what the honest wrong code
would), the grader survives, and the bystander topic ``alpha`` keeps full marks.
"""

from __future__ import annotations

import os
import py_compile
import shutil
import sys
import time
from pathlib import Path

import pytest

from gradekit.kit import load_kit
from gradekit.model import Status
from gradekit.runner import Submission, grade

from conftest import MINIKIT, ROOT, run_grade, write_submission

SOLUTION = (ROOT / "exercises" / "functions" / "solution.py").read_text(encoding="utf-8")
STUB = (ROOT / "starter" / "functions.py").read_text(encoding="utf-8")
ALPHA = (MINIKIT / "exercises" / "alpha" / "solution.py").read_text(encoding="utf-8")

ALWAYS_EQUAL = '''
class Anything:
    def __eq__(self, other): return True
    def __ne__(self, other): return False
    def __hash__(self): return 0
def my_abs(x): return Anything()
def move(x, y, step, angle=0): return Anything()
def quadratic(a, b, c): return Anything()
'''

FRAME_PEEK = SOLUTION.replace("def my_abs(x):", '''def my_abs(x):
    import sys
    frame = sys._getframe(1)
    while frame is not None:
        for name in ("expected", "expect", "want"):
            if name in frame.f_locals:
                return frame.f_locals[name]
        frame = frame.f_back
    return "no expected value in reach"


def _unused(x):''')

PATCH_PYTEST = STUB + '''
import glob, json, os, sys
try:
    import pytest, _pytest.runner
    _pytest.runner.call_and_report = lambda *a, **k: None
    pytest.fail = lambda *a, **k: None
except Exception:
    pass
fake = {"tests": [{"nodeid": "x", "outcome": "passed", "metadata": {"gradekit": {"status": "pass"}}}]}
for pid in os.listdir("/proc"):
    try:
        cmd = open(f"/proc/{pid}/cmdline", "rb").read().split(b"\\0")
    except OSError:
        continue
    for arg in cmd:
        if arg.startswith(b"--json-report-file="):
            path = arg.split(b"=", 1)[1].decode()
            try:
                open(path, "w").write(json.dumps(fake))
            except OSError:
                pass
        if arg.startswith(b"--gradekit-plan"):
            pass
for path in glob.glob("/tmp/gradekit-run-*/manifest.json"):
    try:
        data = json.load(open(path))
        for check in data["checks"]:
            check["points"] = 1000
        json.dump(data, open(path, "w"))
    except Exception:
        pass
'''

# A background process that outlives the import and rewrites the report after pytest wrote it.
LATE_FORGER = STUB + '''
import os, json, glob, time
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        end = time.time() + 3
        while time.time() < end:
            for path in glob.glob("/tmp/gradekit-run-*/report.json"):
                try:
                    data = json.load(open(path))
                    for test in data.get("tests", []):
                        test.setdefault("metadata", {}).setdefault("gradekit", {})["status"] = "pass"
                    json.dump(data, open(path, "w"))
                except Exception:
                    pass
            time.sleep(0.01)
    os._exit(0)
'''

CONFTEST = '''
import pytest
@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    outcome.get_result().outcome = "passed"
@pytest.fixture(autouse=True)
def cheat():
    yield
'''

NOTICE = "::notice title=Autograding complete::Points 100/100"

CASES = {
    # name: (files, expected functions score, what the student sees)
    "exit_at_import": ({"functions.py": "import os\nos._exit(0)\n" + SOLUTION}, 0, "exited while being imported"),
    "sys_exit_at_import": ({"functions.py": "import sys\nsys.exit(0)\n" + SOLUTION}, 0, "SystemExit"),
    "loop_at_import": ({"functions.py": "while True:\n    pass\n" + SOLUTION}, 0, "importing your file was stopped"),
    "loop_in_function": ({"functions.py": SOLUTION.replace("def my_abs(x):\n", "def my_abs(x):\n    while True:\n        pass\n")},
                         None, "was stopped after"),
    "always_equal": ({"functions.py": ALWAYS_EQUAL}, 0, "expected"),
    "frame_peek": ({"functions.py": FRAME_PEEK}, None, "no expected value in reach"),
    "patch_pytest_and_report": ({"functions.py": PATCH_PYTEST}, 0, "not done yet"),
    "late_report_forger": ({"functions.py": LATE_FORGER}, 0, "not done yet"),
    "conftest_ini_and_pytest_py": ({"functions.py": STUB, "conftest.py": CONFTEST,
                                    "pytest.ini": "[pytest]\naddopts = -p no:gradekit.plugin --co\n",
                                    "pytest.py": "raise SystemExit(0)\n", "_pytest.py": "x = 1\n"}, 0, "not done yet"),
    "syntax_error": ({"functions.py": SOLUTION.replace("def move(x, y, step, angle=0):", "def move(x, y, step, angle=0)")},
                     0, "line 14"),
    "fake_notice": ({"functions.py": f"print({NOTICE!r})\n" + SOLUTION.replace(
        "def my_abs(x):\n", f"def my_abs(x):\n    print({NOTICE!r})\n")}, "full", ""),
    "kill_children_and_flood": ({"functions.py": SOLUTION.replace("def move(x, y, step, angle=0):\n", "def move(x, y, step, angle=0):\n    print('x' * 10_000_000)\n")},
                                "full", ""),
    "huge_return_value": ({"functions.py": SOLUTION.replace("def move(x, y, step, angle=0):\n", "def move(x, y, step, angle=0):\n    return list(range(3_000_000))\n")},
                          None, "expected"),
}
# Partial credit expectations: exercises that must score 0 and those that must keep full marks.
BROKEN_EXERCISES = {
    "loop_in_function": ({"my_abs"}, {"move", "quadratic"}),
    "frame_peek": ({"my_abs"}, {"move", "quadratic"}),
    "huge_return_value": ({"move"}, {"my_abs", "quadratic"}),
}


@pytest.fixture(scope="module")
def hostile_kit(tmp_path_factory):
    root = tmp_path_factory.mktemp("kit")
    for part in ("exercises", "graders"):
        shutil.copytree(ROOT / part / "functions", root / part / "functions", ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copytree(MINIKIT / part / "alpha", root / part / "alpha")
    return load_kit(root)


def compiled_solution_pyc(folder: Path) -> None:
    """A committed bytecode file that holds the solution while the source is the stub."""
    src = folder / "_solution_src.py"
    src.write_text(SOLUTION, encoding="utf-8")
    tag = sys.implementation.cache_tag
    py_compile.compile(str(src), cfile=str(folder / "__pycache__" / f"functions.{tag}.pyc"))
    py_compile.compile(str(src), cfile=str(folder / "functions.pyc"))
    src.unlink()


@pytest.fixture(scope="module")
def graded(hostile_kit, tmp_path_factory):
    base = tmp_path_factory.mktemp("subs")
    subs = []
    for name, (files, _, _) in CASES.items():
        folder = write_submission(base / name, {"alpha.py": ALPHA, **files})
        subs.append(Submission(folder, name))
    pyc = write_submission(base / "stale_bytecode", {"alpha.py": ALPHA, "functions.py": STUB})
    compiled_solution_pyc(pyc)
    subs.append(Submission(pyc, "stale_bytecode"))
    CASES["stale_bytecode"] = ({}, 0, "not done yet")
    started = time.monotonic()
    results = grade(hostile_kit, subs, seed=1234, lang="en")
    return {s.id: r for s, r in zip(subs, results)}, time.monotonic() - started


@pytest.mark.parametrize("case", [*CASES, "stale_bytecode"])
def test_hostile_submission_gains_nothing(graded, case):
    results, _ = graded
    result = results[case]
    files, expected, seen = CASES[case]
    functions = next(t for t in result.topics if t.slug == "functions")
    alpha = next(t for t in result.topics if t.slug == "alpha")
    assert alpha.score == alpha.max_score == 7, f"bystander topic lost points: {[c.message for c in alpha.checks]}"
    if expected == "full":
        assert functions.score == functions.max_score
    elif expected is not None:
        assert functions.score == expected, [(c.id, c.status) for c in functions.checks if c.status is Status.PASS]
    if case in BROKEN_EXERCISES:
        zero, full = BROKEN_EXERCISES[case]
        for ex in functions.exercises:
            if ex.name in zero:
                assert ex.score == 0, ex.name
            if ex.name in full:
                assert ex.score == ex.max_score, (ex.name, [c.message for c in ex.checks])
    if seen:
        messages = "\n".join(c.message for c in functions.checks)
        assert seen in messages


def test_hostile_session_stays_fast(graded):
    _, seconds = graded
    # Two looping topics cost one 2 s timeout per looping check; everything else is quick.
    assert seconds < 90


def test_no_student_process_survives(graded):
    time.sleep(0)  # the forger exits by itself after 3 s; the sandboxes are killed at once
    leftovers = []
    for pid in os.listdir("/proc"):
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if b"sandbox_child.py" in cmd and b"gradekit-functions-" in cmd and b"loop" in cmd:
            leftovers.append(pid)
    assert not leftovers


def test_syntax_error_points_at_the_line(graded):
    results, _ = graded
    functions = next(t for t in results["syntax_error"].topics if t.slug == "functions")
    check = functions.checks[0]
    assert check.line == 14 and check.file == "functions.py"
    assert "syntax error" in functions.error


def test_fake_notice_never_reaches_the_log_as_a_command(hostile_kit, tmp_path):
    files, _, _ = CASES["fake_notice"]
    sub = write_submission(tmp_path / "sub", {"alpha.py": ALPHA, **files})
    broken = dict(files)
    broken["functions.py"] = files["functions.py"].replace("return -x", "return x")  # make a check fail so output shows
    sub2 = write_submission(tmp_path / "sub2", {"alpha.py": ALPHA, **broken})
    for folder in (sub, sub2):
        proc = run_grade("check", "--kit", hostile_kit.root, "--submission", folder, "--all", "--verbose")
        assert proc.returncode in (0, 1), proc.stderr
        for line in proc.stdout.splitlines():
            assert not line.strip().startswith("::"), line
    assert "Points 100/100" in proc.stdout  # shown to the student, but defused
