"""Hostile submissions: each tries to gain points, leak secrets or break the grader.

Every case is graded in one shared session per isolation level (``bwrap`` when
the machine allows it, and ``process``), next to an honest bystander topic.
For each case: no points are gained (the attacked exercises score what honest
wrong code would, or what the honest part of the file earns), the grader
survives, the bystander topic ``alpha`` keeps full marks, and the machine is
left clean (no student processes, no temporary files).
"""

from __future__ import annotations

import json
import os
import py_compile
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gradekit.sandbox import isolation
from gradekit.course.kit import load_kit
from gradekit.model import Status
from gradekit.grading.runner import Submission, grade

from conftest import MINIKIT, ROOT, grading_at, isolation_levels, run_grade, write_submission

SOLUTION = (ROOT / "exercises" / "functions" / "solution.py").read_text(encoding="utf-8")
STUB = (ROOT / "starter" / "functions.py").read_text(encoding="utf-8")
ALPHA = (MINIKIT / "exercises" / "alpha" / "solution.py").read_text(encoding="utf-8")
TOKEN = "ghp_FAKE_gradekit_secret_0123456789"
NOTICE = "::notice title=Autograding complete::Points 100/100"
ALL = {"my_abs", "move", "quadratic"}


HONEST_ABS = """
if not isinstance(x, (int, float)):
    raise TypeError('bad operand type')
return x if x >= 0 else -x"""


def in_my_abs(body: str) -> str:
    """The reference solution with my_abs replaced by hostile code (move and quadratic stay honest)."""
    head, rest = SOLUTION.split("def my_abs(x):\n", 1)
    rest = rest.split("\n\n\ndef move", 1)[1]
    lines = "\n".join("    " + line for line in body.strip("\n").splitlines())
    return f"{head}def my_abs(x):\n{lines}\n\n\ndef move{rest}"


ALWAYS_EQUAL = '''
class Anything:
    def __eq__(self, other): return True
    def __ne__(self, other): return False
    def __hash__(self): return 0
def my_abs(x): return Anything()
def move(x, y, step, angle=0): return Anything()
def quadratic(a, b, c): return Anything()
'''

PATCH_PYTEST = STUB + '''
import glob, json, os
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
            try:
                open(arg.split(b"=", 1)[1].decode(), "w").write(json.dumps(fake))
            except OSError:
                pass
'''

LATE_FORGER = STUB + '''
import os, json, glob, time
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        end = time.time() + 3
        while time.time() < end:
            for path in glob.glob("/tmp/**/gradekit-run-*/*", recursive=True):
                try:
                    open(path, "w").write(json.dumps({"tests": []}))
                except Exception:
                    pass
            time.sleep(0.01)
    os._exit(0)
'''

KILL_GRANDPARENT = """import os, signal
grandparent = int(open(f"/proc/{os.getppid()}/stat").read().rsplit(")", 1)[1].split()[1])
if grandparent > 1:
    os.kill(grandparent, signal.SIGKILL)
"""

KILL_EVERYTHING = """import os, signal
try:
    os.kill(-1, signal.SIGKILL)
except ProcessLookupError:  # nothing else was there to kill
    pass
"""

CONFTEST = '''
import pytest
@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    outcome.get_result().outcome = "passed"
'''

FIND_FILES = '''
import os, time
end = time.time() + 0.6  # inside the 1 s limit, even on a loaded machine
found = []
for top in ("/", "/tmp", os.path.expanduser("~")):
    for root, dirs, files in os.walk(top):
        if time.time() > end or root.startswith(("/proc", "/sys", "/dev", "/usr")):
            dirs[:] = []
            continue
        for f in files:
            if f.startswith("test_hidden") or f == "solution.py" or f.startswith("gradekit-"):
                found.append(os.path.join(root, f))
print("FOUND", len(found))
return None
'''

FIND_OTHERS = '''
import glob, os
mine = os.path.realpath(os.path.dirname(os.path.dirname(os.path.dirname(__file__))))  # gradekit-sub-*/src/functions/
found = {os.path.realpath(d) for d in glob.glob("/tmp/**/gradekit-sub-*", recursive=True)}
print("OTHERS", len(found - {mine}), "SELF", mine in found)  # finding its own proves the search works
return None
'''

FIND_TOKEN = f'''
import os
token = {TOKEN!r}
hits = [k for k, v in os.environ.items() if token in v]
for pid in os.listdir("/proc"):
    for part in ("environ", "cmdline"):
        try:
            if token.encode() in open(f"/proc/{{pid}}/{{part}}", "rb").read():
                hits.append(pid + "/" + part)
        except OSError:
            pass
print(token if hits else "NO-TOKEN", "HITS[" + " ".join(hits) + "]")
return None
'''

NETWORK = '''
import socket
try:
    socket.create_connection(("1.1.1.1", 53), timeout=0.5)
    print("NET open")
except OSError as exc:
    print("NET closed", type(exc).__name__)
return None
'''

#: name -> (files, expectation).  Expectation keys: score ("zero", "full" or a dict per level),
#: zero/full (exercise names), seen (a substring of some message), printed (per level: a substring of output).
CASES: dict[str, tuple[dict, dict]] = {
    # -- at import: the whole topic is lost, nothing else ------------------------------------
    "exit_at_import": ({"functions.py": "import os\nos._exit(0)\n" + SOLUTION}, {"score": "zero", "seen": "exited while being imported"}),
    "sys_exit_at_import": ({"functions.py": "import sys\nsys.exit(0)\n" + SOLUTION}, {"score": "zero", "seen": "exit()"}),
    "loop_at_import": ({"functions.py": "while True:\n    pass\n" + SOLUTION}, {"score": "zero", "seen": "importing your file was stopped"}),
    "input_at_import": ({"functions.py": "name = input()\n" + SOLUTION}, {"score": "zero", "seen": "input()"}),
    "memory_bomb_at_import": ({"functions.py": "hog = bytearray(10 * 1024 ** 3)\n" + SOLUTION}, {"score": "zero", "seen": "MemoryError"}),
    # The parent is the submission's fork server.  Under bubblewrap it is the namespace's PID 1, which a
    # signal from inside cannot kill.  At process level it dies, and the topic's children die with it a
    # moment later: how many checks answer first depends on timing, so only the correct code's score is
    # an upper bound there (the bystander and the grader must not notice).  At the portable level there is
    # no fork server: the parent is the grading process itself, which dies, and the runner regrades topic
    # by topic, so only this topic is lost.
    "kill_parent_at_import": ({"functions.py": "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\n" + SOLUTION},
                              {"score": {"process": None, "bwrap": "full", "portable": "zero"}}),
    # One step further up is the grading process itself: out of reach under bubblewrap; at process level it
    # dies, and the runner regrades topic by topic, so only this topic is lost.  (At the portable level one
    # step further up is whatever started the grader, here the test run: not a case to run.)
    "kill_grandparent_at_import": ({"functions.py": KILL_GRANDPARENT + SOLUTION},
                                   {"score": {"process": "zero", "bwrap": "full"}, "levels": {"process", "bwrap"}}),
    # Every process it may signal but itself: under bubblewrap, its own sandbox (the fork server is PID 1
    # and survives; children forked ahead die and are forked again).  At process level it would be every
    # process of the user (as root, of the machine), so it only runs where the namespace holds it.
    "kill_everything_at_import": ({"functions.py": KILL_EVERYTHING + SOLUTION},
                                  {"score": "full", "levels": {"bwrap"}}),
    "patch_pytest_and_report": ({"functions.py": PATCH_PYTEST}, {"score": "zero", "seen": "not done yet"}),
    # A daemon that left its process group: bubblewrap's PID namespace holds it; at process level the
    # fork server is its subreaper and kills it when its topic ends.
    "late_report_forger": ({"functions.py": LATE_FORGER}, {"score": "zero", "seen": "not done yet"}),
    "conftest_ini_and_pytest_py": ({"functions.py": STUB, "conftest.py": CONFTEST,
                                    "pytest.ini": "[pytest]\naddopts = -p no:gradekit.grading.plugin --co\n",
                                    "pytest.py": "raise SystemExit(0)\n", "_pytest.py": "x = 1\n"},
                                   {"score": "zero", "seen": "not done yet"}),
    "syntax_error": ({"functions.py": SOLUTION.replace("def move(x, y, step, angle=0):", "def move(x, y, step, angle=0)")},
                     {"score": "zero", "seen": "line 14"}),
    "shadow_json_module": ({"json.py": "raise SystemExit('hijacked')\n", "functions.py": "import json\n" + SOLUTION},
                           {"score": "full"}),
    "patch_protocol_encoder": ({"functions.py": "import gradekit.sandbox.protocol as p\np.encode = lambda *a, **k: 5\n" + SOLUTION},
                               {"score": "zero", "seen": "cannot accept"}),
    "always_equal": ({"functions.py": ALWAYS_EQUAL}, {"score": "zero", "seen": "expected"}),
    # -- inside one function: that exercise is lost, the others keep their points -------------
    "loop_in_function": ({"functions.py": in_my_abs("while True:\n    pass")}, {"zero": {"my_abs"}, "seen": "was stopped after"}),
    "frame_peek": ({"functions.py": in_my_abs('''
import sys
frame = sys._getframe(1)
while frame is not None:
    for name in ("expected", "expect", "want"):
        if name in frame.f_locals:
            return frame.f_locals[name]
    frame = frame.f_back
return "no expected value in reach"''')}, {"zero": {"my_abs"}, "seen": "no expected value in reach"}),
    "memory_bomb": ({"functions.py": in_my_abs("hog = bytearray(10 * 1024 ** 3)\nreturn abs(x)")}, {"zero": {"my_abs"}, "seen": "MemoryError"}),
    "fork_burst": ({"functions.py": in_my_abs('''
import os, time
for _ in range(40):
    if os.fork() == 0:
        time.sleep(30)
        os._exit(0)
return None''')}, {"zero": {"my_abs"}}),
    "stdout_flood": ({"functions.py": in_my_abs("import sys\nsys.stdout.write('x' * 20_000_000)" + HONEST_ABS)}, {"score": "full"}),
    "fd_flood_to_devnull": ({"functions.py": in_my_abs("import os\nos.write(1, b'x' * 20_000_000)" + HONEST_ABS)}, {"score": "full"}),
    "disk_fill": ({"functions.py": in_my_abs('''
with open("big.bin", "wb") as f:
    for _ in range(1024):
        f.write(b"x" * 1024 * 1024)
return abs(x)''')}, {"zero": {"my_abs"}, "seen": "OSError"}),
    "too_many_open_files": ({"functions.py": in_my_abs('''
handles = [open("f%d.txt" % i, "w") for i in range(5000)]
return abs(x)''')}, {"zero": {"my_abs"}, "seen": "Too many open files"}),
    "deep_recursion_crash": ({"functions.py": in_my_abs('''
import sys
sys.setrecursionlimit(10 ** 8)
def down(n):
    return down(n + 1) + 1
return down(0)''')}, {"zero": {"my_abs"}}),
    "swallow_every_signal": ({"functions.py": in_my_abs('''
import signal
for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGALRM, signal.SIGXCPU):
    signal.signal(sig, signal.SIG_IGN)
while True:
    try:
        pass
    except BaseException:
        pass''')}, {"zero": {"my_abs"}, "seen": "was stopped after"}),
    "child_ignores_sigterm": ({"functions.py": in_my_abs('''
import os, signal
if os.fork() == 0:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    while True:
        pass
return None''')}, {"zero": {"my_abs"}}),
    "ctypes_segfault": ({"functions.py": in_my_abs("import ctypes\nreturn ctypes.string_at(0)")}, {"zero": {"my_abs"}, "seen": "exited"}),
    "exception_str_hangs": ({"functions.py": in_my_abs('''
class Evil(Exception):
    def __str__(self):
        while True:
            pass
raise Evil()''')}, {"zero": {"my_abs"}, "seen": "was stopped after"}),
    "raise_keyboardinterrupt": ({"functions.py": in_my_abs("raise KeyboardInterrupt")}, {"zero": {"my_abs"}, "seen": "KeyboardInterrupt"}),
    "raise_systemexit_in_call": ({"functions.py": in_my_abs("raise SystemExit(0)")}, {"zero": {"my_abs"}, "seen": "SystemExit"}),
    "oversized_reply": ({"functions.py": in_my_abs("return 'x' * 40_000_000")}, {"zero": {"my_abs"}}),
    "recursive_structure": ({"functions.py": in_my_abs("a = [abs(x)]\na.append(a)\nreturn a")}, {"zero": {"my_abs"}}),
    "forged_reply_on_every_fd": ({"functions.py": in_my_abs('''
import os
for fd in range(3, 64):
    try:
        os.write(fd, b'{"id": 1, "ok": true, "value": 5}\\n')
    except OSError:
        pass
return None''')}, {"zero": {"my_abs"}}),
    "huge_return_value": ({"functions.py": SOLUTION.replace("def move(x, y, step, angle=0):\n",
                                                            "def move(x, y, step, angle=0):\n    return list(range(3_000_000))\n")},
                          {"zero": {"move"}, "full": {"my_abs", "quadratic"}}),
    "stale_bytecode": ({"functions.py": STUB}, {"score": "zero", "seen": "not done yet", "bytecode": True}),
    # -- looking for things it must not see ----------------------------------------------------
    "read_hidden_graders": ({"functions.py": in_my_abs(FIND_FILES)}, {"zero": {"my_abs"}, "printed": {"bwrap": "FOUND 0"}}),
    "read_other_students": ({"functions.py": in_my_abs(FIND_OTHERS)}, {"zero": {"my_abs"}, "printed": {"bwrap": "OTHERS 0 SELF True", "process": "OTHERS 0" if isolation.landlock_probe()[0] else "SELF True"}}),
    # (at process level other students' sandboxes are visible when they exist, unless Landlock hides all of /tmp: a documented limit)
    "find_secret_token": ({"functions.py": in_my_abs(FIND_TOKEN)}, {"zero": {"my_abs"}, "printed": {"bwrap": "NO-TOKEN"}}),
    "network_exfiltration": ({"functions.py": in_my_abs(NETWORK)}, {"zero": {"my_abs"}, "printed": {"bwrap": "NET closed"}}),
    "fake_notice": ({"functions.py": f"print({NOTICE!r})\n" + SOLUTION.replace(
        "def my_abs(x):\n", f"def my_abs(x):\n    print({NOTICE!r})\n")}, {"score": "full"}),
}




@pytest.fixture(scope="module")
def hostile_kit(tmp_path_factory):
    root = tmp_path_factory.mktemp("kit")
    for part in ("exercises", "graders"):
        shutil.copytree(ROOT / part / "functions", root / part / "functions", ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copytree(MINIKIT / part / "alpha", root / part / "alpha")
    return load_kit(root)


def add_stale_bytecode(folder: Path) -> None:
    """A committed bytecode file that holds the solution while the source is the stub."""
    src = folder / "_solution_src.py"
    src.write_text(SOLUTION, encoding="utf-8")
    tag = sys.implementation.cache_tag
    py_compile.compile(str(src), cfile=str(folder / "__pycache__" / f"functions.{tag}.pyc"))
    py_compile.compile(str(src), cfile=str(folder / "functions.pyc"))
    src.unlink()


def leftovers(private_tmp: Path) -> tuple[list[str], list[str]]:
    procs = []
    for pid in os.listdir("/proc"):
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if str(private_tmp).encode() in cmd and (b"gradekit.sandbox.child.server" in cmd or b"gradekit.sandbox.child" in cmd):
            procs.append(pid)
    files = [p.name for p in private_tmp.iterdir() if p.name.startswith("gradekit-")]
    return procs, files


@pytest.fixture(scope="module", params=isolation_levels())
def graded(request, hostile_kit, tmp_path_factory):
    level = request.param
    base = tmp_path_factory.mktemp(f"subs-{level}")
    private_tmp = tmp_path_factory.mktemp(f"tmp-{level}")
    subs = []
    for name, (files, expect) in CASES.items():
        if level not in expect.get("levels", {level}):
            continue
        folder = write_submission(base / name, {"alpha.py": ALPHA, **files})
        if expect.get("bytecode"):
            add_stale_bytecode(folder)
        subs.append(Submission(folder, name))
    # A process holding a secret in its environment, as the instructor's shell or CI runner would.
    holder = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                              env={"PATH": os.environ["PATH"], "GITHUB_TOKEN": TOKEN})
    try:
        with grading_at(level, private_tmp, GRADEKIT_TEST_TOKEN=TOKEN):
            started = time.monotonic()
            results = grade(hostile_kit, subs, seed=1234, lang="en", timeout=1.0)
            seconds = time.monotonic() - started
    finally:
        holder.stdin.close()
        holder.wait()
    return {"level": level, "results": {s.id: r for s, r in zip(subs, results)}, "seconds": seconds,
            "tmp": private_tmp, "holder": holder.pid}


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_submission_gains_nothing(graded, case):
    level = graded["level"]
    files, expect = CASES[case]
    if level not in expect.get("levels", {level}):
        pytest.skip(f"{case} is only meaningful with bubblewrap (see the case's comment)")
    result = graded["results"][case]
    assert result.isolation == level
    functions = next(t for t in result.topics if t.slug == "functions")
    alpha = next(t for t in result.topics if t.slug == "alpha")
    assert alpha.score == alpha.max_score == 7, f"bystander topic lost points: {[c.message for c in alpha.checks]}"
    score = expect.get("score")
    if isinstance(score, dict):
        score = score[level]
    if score == "zero":
        assert functions.score == 0, [(c.id, c.message) for c in functions.checks if c.status is Status.PASS]
    elif score == "full":
        assert functions.score == functions.max_score, [c.message for c in functions.checks if c.status is not Status.PASS]
    zero = expect.get("zero", set())
    full = expect.get("full", ALL - zero if zero else set())
    for ex in functions.exercises:
        if ex.name in zero:
            assert ex.score == 0, (ex.name, [c.message for c in ex.checks if c.status is Status.PASS])
        if ex.name in full:
            assert ex.score == ex.max_score, (ex.name, [c.message for c in ex.checks if c.status is not Status.PASS])
    if expect.get("seen"):
        assert expect["seen"] in "\n".join(c.message for c in functions.checks)
    printed = expect.get("printed", {}).get(level)
    if printed:
        assert printed in "".join(c.output + c.message for c in functions.checks)
    if case == "find_secret_token" and level in ("process", "portable") and os.geteuid() == 0:
        # Root may read any process's /proc/<pid>/environ, and without bubblewrap the student shares the
        # machine's PID space, so the instructor's own process is found.  Nothing gradekit started may be.
        hits = " ".join(re.findall(r"HITS\[([^\]]*)\]", "".join(c.output for c in functions.checks))).split()
        assert hits and {h.split("/")[0] for h in hits} == {str(graded["holder"])}, hits
    else:
        assert TOKEN not in json.dumps(result.to_dict())


def test_machine_is_left_clean(graded):
    # No waiting: even at process level, daemons that left their process group (late_report_forger)
    # were killed by their fork server when their topic ended.
    procs, files = leftovers(graded["tmp"])
    assert not procs, f"student processes left running: {procs}"
    assert not files, f"temporary folders left behind: {files}"


def test_hostile_session_stays_bounded(graded):
    # Looping and hanging cases cost one timeout per check; everything else is quick.
    assert graded["seconds"] < 300


def test_syntax_error_points_at_the_line(graded):
    functions = next(t for t in graded["results"]["syntax_error"].topics if t.slug == "functions")
    check = functions.checks[0]
    assert check.line == 14 and check.file == "functions.py"
    assert "syntax error" in functions.error


def test_fake_notice_never_reaches_the_log_as_a_command(hostile_kit, tmp_path):
    files, _ = CASES["fake_notice"]
    broken = dict(files)
    broken["functions.py"] = files["functions.py"].replace("return -x", "return x")  # a failing check shows output
    sub = write_submission(tmp_path / "sub", {"alpha.py": ALPHA, **broken})
    proc = run_grade("check", "--kit", hostile_kit.root, "--submission", sub, "--all", "--verbose")
    assert proc.returncode == 1, proc.stderr
    for line in proc.stdout.splitlines():
        assert not line.strip().startswith("::"), line
    assert "Points 100/100" in proc.stdout  # shown to the student, but defused
