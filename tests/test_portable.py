"""The portable level, as a Windows or macOS laptop gets it, forced on Linux.

Each topic's child is a fresh interpreter (no fork), talking over its standard
input and output; a topic that ends is killed with its whole process tree, even
the parts that detached from it.  The protocol, proxies and graders are the same
as at the other levels, so most of what a student meets is covered by rerunning
the student-side tests with ``GRADEKIT_ISOLATION=portable`` (``.ci/run``); these
tests pin what is particular to the level.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

import psutil
import pytest

from gradekit import cli

from gradekit.instructor import doctor
from gradekit.sandbox import isolation
from gradekit.sandbox.isolation import Isolation
from gradekit.sandbox.proxy import load_module
from gradekit.sandbox import proctree
from gradekit.sandbox.portable import PortableServer
from gradekit.sandbox.topic import Sandbox, SandboxTimeout

from conftest import ROOT, run_grade, solution_text, write_submission

PORTABLE = Isolation("portable", "GRADEKIT_ISOLATION=portable")

MODULE = '''
import os, subprocess, sys, time
def pid():
    return os.getpid()
def parent():
    return os.getppid()
def can_fork_server():
    return "gradekit.sandbox.child.forkserver" in sys.modules
def daemon():
    """Detach a grandchild from this process's group and session, as a stray daemon would."""
    r, w = os.pipe()
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            os.write(w, str(os.getpid()).encode() + b"\\n")
            time.sleep(60)
        os._exit(0)
    os.wait()
    return int(os.read(r, 64))
def spin():
    while True:
        pass
def stdin_text():
    import sys
    return sys.stdin.read()
'''


@pytest.fixture
def box(tmp_path):
    sub = write_submission(tmp_path / "sub", {"mod.py": MODULE})
    b = Sandbox(sub, "mod", timeout=2.0, isolation=PORTABLE)
    b.begin_check()
    yield b
    b.close()


def test_each_topic_child_is_a_fresh_interpreter_not_a_fork(box):
    mod = load_module(box)
    assert mod.parent() == os.getpid()   # started by the grader itself, no fork server between
    assert mod.can_fork_server() is False
    assert isinstance(box.server, PortableServer)


def test_a_detached_daemon_dies_with_its_topic(box):
    mod = load_module(box)
    daemon = mod.daemon()
    assert psutil.pid_exists(daemon)
    assert psutil.Process(daemon).ppid() != mod.pid()   # nobody's descendant any more
    box.close()
    gone = not psutil.pid_exists(daemon) or psutil.Process(daemon).status() == psutil.STATUS_ZOMBIE
    assert gone, "the daemon outlived its topic"


def test_a_timeout_kills_the_whole_tree_and_the_next_check_starts_afresh(box):
    mod = load_module(box)
    first = mod.pid()
    with pytest.raises(SandboxTimeout):
        mod.spin()
    assert not psutil.pid_exists(first) or psutil.Process(first).status() == psutil.STATUS_ZOMBIE
    box.begin_check()
    assert load_module(box).pid() != first


def test_student_code_cannot_read_the_request_pipe(box):
    # The requests arrive on the child's standard input: student code must see an empty stdin instead.
    assert load_module(box).stdin_text() == ""


def test_kill_tree_reaches_a_process_marked_with_the_token():
    token = "t" * 32
    env = {**os.environ, proctree.TOKEN_VAR: token}
    stray = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"], env=env, start_new_session=True)
    owner = subprocess.Popen([sys.executable, "-c", "pass"])
    owner.wait()
    proctree.kill_tree(owner, token)
    stray.wait(timeout=10)   # ended long before its sleep (psutil may have reaped it, so no exit code)
    assert not psutil.pid_exists(stray.pid)


def test_auto_picks_portable_on_windows_and_macos(monkeypatch):
    monkeypatch.delenv(isolation.ENV, raising=False)
    for platform, name in (("win32", "Windows"), ("darwin", "macOS")):
        monkeypatch.setattr(isolation.sys, "platform", platform)
        isolation.detect.cache_clear()
        try:
            got = isolation.detect()
        finally:
            isolation.detect.cache_clear()
        assert got.level == "portable" and name in got.reason
        assert got.missing == isolation.missing_limits(platform)


def test_process_level_is_refused_where_it_cannot_run(monkeypatch):
    monkeypatch.setattr(isolation.sys, "platform", "win32")
    monkeypatch.setenv(isolation.ENV, "process")
    isolation.detect.cache_clear()
    try:
        with pytest.raises(isolation.IsolationUnavailable, match="portable"):
            isolation.detect()
    finally:
        isolation.detect.cache_clear()


def test_missing_limits_are_named_per_system():
    assert "CPU time" in isolation.missing_limits("win32")
    assert isolation.missing_limits("linux") == []


@pytest.mark.parametrize("lang, words", [("en", ["portable level", "CPU time", "bwrap"]),
                                         ("zh", ["便携级别", "CPU time", "bwrap"])])
def test_the_portable_note_says_what_it_cannot_apply(monkeypatch, capsys, lang, words):
    iso = Isolation("portable", "Windows")
    monkeypatch.setattr(isolation, "detect", lambda: iso)
    monkeypatch.setattr(Isolation, "missing", property(lambda self: isolation.missing_limits("win32")))

    class Graded:
        isolation = "portable"

    cli.note_isolation(Graded(), lang)
    err = capsys.readouterr().err
    assert err.count("\n") == 1   # said once
    for word in words:
        assert word in err
    assert doctor.portable_note(iso, lang).strip() == err.strip()


def test_processes_topic_forks_under_portable(tmp_path):
    # `processes` makes multiprocessing use fork, inside a child that was itself started without it.
    sub = write_submission(tmp_path / "sub", {"processes.py": solution_text("processes")})
    env = {**os.environ, "GRADEKIT_ISOLATION": "portable"}
    proc = run_grade("check", "processes", "--submission", sub, "--json", tmp_path / "r.json", env=env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    import json
    result = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert result["isolation"] == "portable" and result["score"] == result["max_score"] > 0


def test_scripts_run_in_a_fresh_interpreter_with_lf_line_ends(tmp_path):
    script = "import os, sys\nprint('pid', os.getpid())\nprint('args', sys.argv[1:])\nprint(input())\n"
    sub = write_submission(tmp_path / "sub", {"prog.py": script})
    box = Sandbox(sub, "prog", timeout=5.0, isolation=PORTABLE)
    box.begin_check()
    try:
        load_module_error = None
        try:
            load_module(box)
        except Exception as exc:  # input() at import: EOF, the topic's own business
            load_module_error = exc
        assert load_module_error is not None
        box.load_failure = None
        box.begin_check()
        run = box.run_script(["a"], "hello\n")
    finally:
        box.close()
    lines = run.stdout.split("\n")
    assert run.returncode == 0 and "\r" not in run.stdout
    assert lines[1:3] == ["args ['a']", "hello"]
    assert int(lines[0].split()[1]) != os.getpid()


def test_the_wall_time_stays_within_reason(tmp_path):
    # Not a speed goal (bench/ measures those): a guard against a portable child that never comes up.
    sub = write_submission(tmp_path / "sub", {"basics.py": solution_text("basics")})
    env = {**os.environ, "GRADEKIT_ISOLATION": "portable"}
    started = time.monotonic()
    proc = run_grade("check", "basics", "--submission", sub, env=env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert time.monotonic() - started < 120
    assert ROOT.is_dir()
