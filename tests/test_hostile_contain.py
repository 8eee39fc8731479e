"""Process containment (issue 12, classes 1 and 2, and class 3's Landlock part), at every level it applies to.

Each level grades every case in one shared session, with an honest neighbour
graded after them, as a batch chunk would.  Levels: ``bwrap``; ``process`` and
``portable`` with Landlock where this kernel has it; and both again with
``GRADEKIT_LANDLOCK=off``, which is what GitHub's runners (kernels before 6.12)
give: there student code *can* stop the grading pytest process, and the
runner's own watchdog must notice, kill the session and blame the topic in flight.

Student signals are only ever aimed at this test's own grading processes (the
parent chain, or processes whose command line names this test's private
folder): the machine runs as root, and anything broader would hit its other
processes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import psutil
import pytest

from gradekit.sandbox import isolation
from gradekit.course.kit import load_kit
from gradekit.model import Status
from gradekit.grading.runner import Submission, grade
from gradekit.sandbox.digest import source_digest

from conftest import MINIKIT, bwrap_usable, grading_at, write_submission
from test_hostile import ALPHA, SOLUTION, hostile_kit, in_my_abs, leftovers  # noqa: F401 (a fixture)

LANDLOCK_ABI = isolation.landlock_probe()[0] if sys.platform.startswith("linux") else 0
LANDLOCK_SIGNALS = LANDLOCK_ABI >= isolation.LANDLOCK_SIGNALS_ABI
GRADER_KILLED = "your code stopped the grading process"


def contain_levels() -> list:
    needs_landlock = pytest.mark.skipif(LANDLOCK_ABI < 1, reason="this kernel offers no Landlock")
    return [
        pytest.param(("process", True), id="process-landlock", marks=needs_landlock),
        pytest.param(("process", False), id="process-nolandlock"),
        # GitHub's Ubuntu runners (kernels 6.8 and 6.11): files walled, signals not scoped.
        pytest.param(("process", 5), id="process-landlock-abi5", marks=needs_landlock),
        pytest.param(("portable", True), id="portable-landlock", marks=needs_landlock),
        pytest.param(("portable", False), id="portable-nolandlock"),
        pytest.param(("bwrap", False), id="bwrap",
                     marks=pytest.mark.skipif(not bwrap_usable(), reason="bubblewrap unavailable here")),
    ]


# What a student can reach: the grading pytest process (its command line names the plan) among its ancestors.
ANCESTORS = """
import os, signal
def ancestors(wanted):
    # Every process above this one whose command line ``wanted`` accepts.
    found, pid = [], os.getppid()
    while pid > 1:
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmd = f.read()
            with open(f"/proc/{pid}/stat", "rb") as f:
                ppid = int(f.read().rsplit(b")", 1)[1].split()[1])
        except (OSError, ValueError):
            break
        if wanted(cmd):
            found.append(pid)
        pid = ppid
    return found
def grading_ancestors():
    return ancestors(lambda cmd: b"--gradekit-plan" in cmd)
def python_ancestors():
    # The grading session and the runner (here, the test process itself), never the shell or init above them.
    return ancestors(lambda cmd: b"python" in cmd.split(b"\\0")[0])
def hit(pids, sig):
    for pid in pids:
        try:
            os.kill(pid, sig)
        except OSError:
            pass
"""


def by_cmdline(scope: str) -> str:
    """Code finding every grading process whose command line names ``scope`` (this test's folder)."""
    return f"""
import os
def graders_in_scope():
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{{name}}/cmdline", "rb") as f:
                cmd = f.read()
        except OSError:
            continue
        if b"--gradekit-plan" in cmd and {scope.encode()!r} in cmd and int(name) != os.getpid():
            found.append(int(name))
    return found
"""


SLEEP = shutil.which("sleep") or "/bin/sleep"


def daemon(marker: str, kill_forkserver: bool = False, respawn: bool = False) -> str:
    """A setsid double-forked daemon that execs ``sleep`` (or, ``respawn``, an interpreter that keeps
    forking itself away) with an empty environment (so no sandbox token) and ``marker`` in its
    command line; optionally after killing its fork server."""
    exec_line = f"os.execve({SLEEP!r}, [{marker!r}, '60'], {{}})"
    if respawn:
        body = ("import os, time\nend = time.time() + 60\nwhile time.time() < end:\n"
                "    if os.fork():\n        os._exit(0)\n    time.sleep(0.05)")
        exec_line = f"os.execve(sys.executable, [sys.executable, '-c', {body!r}, {marker!r}], {{}})"
    return f"""
import os, signal, sys
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        {exec_line}
    os._exit(0)
os.wait()
if {kill_forkserver!r}:
    parent = os.getppid()
    try:
        with open(f"/proc/{{parent}}/cmdline", "rb") as f:
            if b"gradekit.sandbox.child.forkserver" in f.read():
                os.kill(parent, signal.SIGKILL)
    except OSError:
        pass
"""


def fork_bomb(marker: str) -> str:
    """Forks until refused (RLIMIT_NPROC) or 30 processes a call, each asleep: bounded here, since the
    machine runs as root, whom the kernel's count exempts (``test_nproc_limit_binds_an_unprivileged_user``)."""
    return f"""
import os
for _ in range(30):
    try:
        pid = os.fork()
    except OSError:
        break
    if pid == 0:
        os.execve({SLEEP!r}, [{marker!r}, "60"], {{}})
"""


def cases(scope: str, victim: Path, hidden: Path, tag: str) -> dict:
    """name -> (files, expectation).  ``signal``: an attack on the grader (blamed where it works);
    ``marker``: processes that must not outlive grading; ``landlock``: file walls."""
    m = lambda name: f"gk-contain-{tag}-{name}"   # noqa: E731
    return {
        # class 1 -------------------------------------------------------------------------------
        "stop_ancestors_in_call": ({"functions.py": ANCESTORS + in_my_abs(
            "hit(grading_ancestors(), signal.SIGSTOP)\n" + HONEST)}, {"signal": True}),
        "stop_ancestors_at_import": ({"functions.py": ANCESTORS + "hit(grading_ancestors(), signal.SIGSTOP)\n"
                                      + SOLUTION}, {"signal": True}),
        # The runner itself (the process that watches pytest): nothing could wake it again.
        "stop_the_runner": ({"functions.py": ANCESTORS + in_my_abs(
            "hit(python_ancestors(), signal.SIGSTOP)\n" + HONEST)}, {"signal": True}),
        "tstp_ancestors": ({"functions.py": ANCESTORS + in_my_abs(
            "hit(grading_ancestors(), signal.SIGTSTP)\n" + HONEST)}, {"signal": True}),
        "stop_by_cmdline_then_hang": ({"functions.py": by_cmdline(scope) + "import os, signal\n" + in_my_abs(
            "for pid in graders_in_scope():\n    try:\n        os.kill(pid, signal.SIGSTOP)\n"
            "    except OSError:\n        pass\nwhile True:\n    pass")}, {"signal": True, "hangs": True}),
        "daemon_then_kill_grader": ({"functions.py": ANCESTORS + in_my_abs(
            daemon(m("d4")) + "hit(grading_ancestors(), signal.SIGKILL)\n" + HONEST)},
            {"signal": True, "marker": m("d4")}),
        # class 2 -------------------------------------------------------------------------------
        "daemon_in_call": ({"functions.py": in_my_abs(daemon(m("d1")) + HONEST)}, {"marker": m("d1")}),
        "kill_forkserver_then_daemon": ({"functions.py": in_my_abs(daemon(m("d2"), kill_forkserver=True) + HONEST)},
                                        {"marker": m("d2")}),
        "daemon_at_import_respawning": ({"functions.py": daemon(m("d3"), respawn=True) + SOLUTION},
                                        {"marker": m("d3")}),
        "fork_bomb": ({"functions.py": in_my_abs(fork_bomb(m("fb")) + HONEST)}, {"marker": m("fb")}),
        # class 3 (Landlock) --------------------------------------------------------------------
        "rewrite_neighbour": ({"functions.py": in_my_abs(
            f"try:\n    open({str(victim / 'functions.py')!r}, 'w').write('def my_abs(x): return 0\\n')\n"
            "except OSError:\n    pass\n" + HONEST)}, {"landlock": "write"}),
        "read_hidden_graders": ({"functions.py": in_my_abs(
            f"import os\ntry:\n    names = os.listdir({str(hidden)!r})\n    print('READ', len(names))\n"
            "except OSError:\n    print('READ denied')\n" + HONEST)}, {"landlock": "read"}),
    }


HONEST = textwrap.dedent("""
if not isinstance(x, (int, float)):
    raise TypeError('bad operand type')
return x if x >= 0 else -x""")


def alive_with(marker: str) -> list[int]:
    found = []
    for pid in os.listdir("/proc"):
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes()
            state = Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()[0]
        except OSError:
            continue
        if marker.encode() in cmd and state != b"Z":
            found.append(int(pid))
    return found


@pytest.fixture(scope="module", params=contain_levels())
def contained(request, hostile_kit, tmp_path_factory):
    level, landlock = request.param
    tag = f"{level}-{'ll' + str(landlock) if landlock else 'nl'}-{os.getpid()}"
    base = tmp_path_factory.mktemp(f"contain-{tag}")
    private_tmp = tmp_path_factory.mktemp(f"ctmp-{tag}")
    victim = base / "zz_honest_neighbour"
    table = cases(str(private_tmp), victim, hostile_kit.graders / "functions", tag)
    subs = [Submission(write_submission(base / name, {"alpha.py": ALPHA, **files}), name)
            for name, (files, _) in table.items()]
    write_submission(victim, {"alpha.py": ALPHA, "functions.py": SOLUTION})
    subs.append(Submission(victim, victim.name, digest=source_digest(victim)))
    with grading_at(level, private_tmp, GRADEKIT_LANDLOCK=None if landlock is True else str(landlock or "off")):
        started = time.monotonic()
        results = grade(hostile_kit, subs, seed=4321, lang="en", timeout=1.0)
        seconds = time.monotonic() - started
    markers = {name: expect["marker"] for name, (_, expect) in table.items() if "marker" in expect}
    left = {name: alive_with(marker) for name, marker in markers.items()}
    for pids in left.values():   # a failing run must not leave them for the next test
        for pid in pids:
            try:
                os.kill(pid, 9)
            except OSError:
                pass
    abi = min(LANDLOCK_ABI, 99 if landlock is True else int(landlock)) if level != "bwrap" else 0
    return {"level": level, "landlock": abi > 0, "signals_scoped": abi >= isolation.LANDLOCK_SIGNALS_ABI,
            "table": table, "seconds": seconds,
            "results": {s.id: r for s, r in zip(subs, results)}, "tmp": private_tmp, "left": left,
            "victim": victim.name}


def topic(result, slug):
    return next(t for t in result.topics if t.slug == slug)


def signals_reach_grader(graded, name: str) -> bool:
    """Whether this case's signal reaches the grading processes at this level.  Stop signals never do on
    Linux (``sandbox.child.seccomp``); SIGKILL does below bwrap unless Landlock scopes signals."""
    stops = "SIGKILL" not in graded["table"][name][0]["functions.py"]
    if stops and sys.platform.startswith("linux"):
        return False
    return graded["level"] != "bwrap" and not graded["signals_scoped"]


def test_signals_to_the_grader_blame_only_the_attacker(contained):
    for name, (_, expect) in contained["table"].items():
        if not expect.get("signal"):
            continue
        result = contained["results"][name]
        functions, alpha = topic(result, "functions"), topic(result, "alpha")
        assert alpha.score == alpha.max_score == 7, (name, [c.message for c in alpha.checks])
        if signals_reach_grader(contained, name):
            # The stall is noticed by the runner and pinned on this topic.
            assert functions.score == 0, name
            assert all(GRADER_KILLED in c.message for c in functions.checks), (name, functions.checks[0].message)
        elif expect.get("hangs"):
            assert functions.score < functions.max_score, name
            assert not any(GRADER_KILLED in c.message for c in functions.checks), name
        else:
            # The signal was refused (Landlock scope, or no such process in bubblewrap's PID space).
            assert functions.score == functions.max_score, (name, [c.message for c in functions.checks
                                                                   if c.status is not Status.PASS])


def test_honest_neighbour_keeps_full_marks(contained):
    if not contained["landlock"] and contained["level"] != "bwrap":
        pytest.skip("without Landlock the neighbour's files can be rewritten: the next test checks the signal")
    result = contained["results"][contained["victim"]]
    assert all(t.score == t.max_score for t in result.topics), [(t.slug, t.score) for t in result.topics]


def test_neighbour_rewritten_on_disk_is_not_scored_on_the_rewrite(contained):
    result = contained["results"][contained["victim"]]
    if contained["landlock"] or contained["level"] == "bwrap":
        # The attacker could not write outside its scratch folder.
        assert "changed_on_disk" not in result.submission
        assert topic(result, "functions").score == topic(result, "functions").max_score
    else:
        # Rewritten at the process level without Landlock: the digest check says so, and no check of the
        # submission is scored on the changed files (the batch exports and grades it again).
        assert result.submission.get("changed_on_disk") is True
        for t in result.topics:
            assert t.score == 0
            assert all(c.status is Status.ERROR and "changed after they were exported" in c.message for c in t.checks)


@pytest.mark.skipif(LANDLOCK_ABI < 1, reason="this kernel offers no Landlock")
def test_landlock_hides_the_kit_and_other_students(contained):
    result = contained["results"]["read_hidden_graders"]
    printed = "".join(c.output for c in topic(result, "functions").checks)
    if contained["landlock"] or contained["level"] == "bwrap":
        assert "READ denied" in printed
    else:
        assert "READ denied" not in printed   # the process level without Landlock cannot hide them


def test_no_process_outlives_grading(contained):
    assert not {name: pids for name, pids in contained["left"].items() if pids}
    procs, files = leftovers(contained["tmp"])
    assert not procs, f"student processes left running: {procs}"
    assert not files, f"temporary folders left behind: {files}"


def test_a_stopped_grader_costs_seconds_not_the_session_budget(contained):
    # Without the runner's watchdog, each stop would hold the session until its budget (minutes here).
    assert contained["seconds"] < 200, contained["seconds"]


# -- unit tests ------------------------------------------------------------------------------------

@pytest.mark.skipif(not sys.platform.startswith("linux") or os.geteuid() != 0,
                    reason="needs root to become an unprivileged user (RLIMIT_NPROC does not bind root)")
def test_nproc_limit_binds_an_unprivileged_user():
    code = textwrap.dedent("""
        import os, time
        from gradekit.sandbox.child.oslimits import apply_limits   # imported first: nobody cannot read this interpreter
        os.setgid(65534); os.setuid(65534)
        apply_limits({"nproc": 5})
        made = 0
        for _ in range(40):
            try:
                pid = os.fork()
            except OSError:
                break
            if pid == 0:
                time.sleep(1); os._exit(0)
            made += 1
        for _ in range(made):
            os.wait()
        print(made)
    """)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          start_new_session=True)
    assert proc.returncode == 0, proc.stderr
    assert 0 < int(proc.stdout.split()[-1]) <= 8


def test_digest_is_checked_over_the_bytes_copied(tmp_path):
    from gradekit.sandbox.forkserver import Sources, SubmissionChanged
    sub = write_submission(tmp_path / "sub", {"a.py": "x = 1\n", "b.py": "y = 2\n"})
    digest = source_digest(sub)
    Sources(sub, digest).copy(tmp_path / "ok", frozenset())
    assert (tmp_path / "ok" / "a.py").read_text() == "x = 1\n"
    changing = Sources(sub, digest)
    (sub / "b.py").write_text("y = 3\n")
    with pytest.raises(SubmissionChanged):
        changing.copy(tmp_path / "bad", frozenset({"a.py"}))   # b.py's change counts though a.py is skipped
    with pytest.raises(SubmissionChanged):
        changing.copy(tmp_path / "bad2", frozenset())          # and stays refused
    assert not (tmp_path / "bad2" / "b.py").exists()
    Sources(sub, None).copy(tmp_path / "plain", frozenset())   # no digest: copied as it is
    assert (tmp_path / "plain" / "b.py").read_text() == "y = 3\n"


def test_manifest_and_doctor_say_what_landlock_does():
    from gradekit.instructor import doctor
    iso = isolation.Isolation("process", "test", landlock=LANDLOCK_ABI)
    record = iso.record()
    assert record["landlock"]["abi"] == LANDLOCK_ABI
    assert record["landlock"]["signals"] is LANDLOCK_SIGNALS
    text = "\n".join(doctor.landlock_lines(iso))
    assert ("signals" in text) and (("ABI" in text) if LANDLOCK_ABI else ("no Landlock" in text))


def test_the_runner_kills_a_session_stopped_from_outside(tmp_path):
    """Where nothing refuses the stop (a kernel without seccomp, another user's signal), the runner's
    own watchdog notices the stopped session within seconds, kills it and grades again."""
    import threading

    sub = write_submission(tmp_path / "sub", {"alpha.py": ALPHA})
    kit = load_kit(MINIKIT)
    stopped: list[int] = []
    done = threading.Event()

    def stop_the_session_once():
        while not done.is_set() and not stopped:
            for child in psutil.Process().children(recursive=True):
                try:
                    if "--gradekit-plan" in child.cmdline():
                        child.suspend()
                        stopped.append(child.pid)
                        break
                except psutil.Error:
                    continue
            done.wait(0.01)

    def wake_it_after_all():   # without the watchdog: let the session go on after 90 s, not hang the suite
        if not done.wait(90):
            for pid in stopped:
                try:
                    psutil.Process(pid).resume()
                except psutil.Error:
                    pass

    threads = [threading.Thread(target=stop_the_session_once), threading.Thread(target=wake_it_after_all)]
    for t in threads:
        t.start()
    started = time.monotonic()
    try:
        with grading_at("process", tmp_path):
            result = grade(kit, [Submission(sub, "honest")], seed=1, lang="en", timeout=1.0)[0]
    finally:
        done.set()
        for t in threads:
            t.join()
    seconds = time.monotonic() - started
    assert stopped, "the session was never stopped: the test proves nothing"
    assert seconds < 60, f"a stopped session held grading for {seconds:.0f} s"
    assert result.score == result.max_score == 7, [c.message for c in result.checks]
