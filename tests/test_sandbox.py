"""The sandbox boundary as a grader author meets it: proxies, values, exceptions, limits."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from gradekit.grader import call, helper, printed, remote_callable, remote_isinstance, run_script, type_name
from gradekit.sandbox.proxy import Proxy, StudentError, load_module
from gradekit.sandbox.topic import ChildProtocolError, Sandbox, SandboxCrashed, SandboxTimeout, StaleHandle

from conftest import write_submission

MODULE = '''
import os, sys
print("imported")
def ident(x):
    return x
def values():
    return [1, (2, 3), {4}, frozenset([5]), {"k": (6,)}, b"\\x00", None, True, 2.5]
class Point:
    def __init__(self, x):
        self.x = x
    def __str__(self):
        return f"P({self.x})"
class Liar:
    def __eq__(self, other):
        return True
def liar():
    return Liar()
class LiarList(list):
    def __eq__(self, other):
        return True
def liar_list():
    return LiarList([1, 2, 3])
def gen():
    yield 1
    yield 2
    return "done"
def boom():
    raise ValueError("bad value")
class Custom(Exception):
    pass
def custom():
    raise Custom("mine")
def loop():
    while True:
        pass
def swallow():
    while True:
        try:
            pass
        except BaseException:
            pass
def die():
    os._exit(7)
def env():
    return dict(os.environ)
def say(x):
    print("said", x)
    return x
def forge(rid):
    import array, fcntl, termios
    line = ('{"id": %d, "ok": true, "value": "forged"}\\n' % rid).encode()
    written = []
    for fd in range(3, 64):
        try:
            os.write(fd, line)
            written.append(fd)
        except OSError:
            pass
    # Wait until the grader has read the forged line, so it is alone and not followed by the real reply.
    unread = array.array("i", [0])
    for _ in range(1_000_000):
        waiting = 0
        for fd in written:
            try:
                fcntl.ioctl(fd, termios.FIONREAD, unread)
                waiting += unread[0]
            except OSError:
                pass
        if not waiting:
            break
    return written
def huge_output():
    for _ in range(50_000):
        print("x" * 100)
    return "ok"
def fds():
    return sorted(int(n) for n in os.listdir("/proc/self/fd"))
def cwd_file():
    before = sorted(os.listdir("."))
    with open("f.txt", "w") as f:
        f.write("x")
    return os.getcwd(), before
if __name__ == "__main__":
    print("args", sys.argv[1:], input().strip())
'''


@pytest.fixture
def box(tmp_path):
    sub = write_submission(tmp_path / "sub", {"mod.py": MODULE})
    b = Sandbox(sub, "mod", timeout=1.0)
    b.begin_check()
    yield b
    b.close()


@pytest.fixture
def mod(box):
    return load_module(box)


def test_plain_values_keep_their_types(mod):
    got = mod.values()
    assert got == [1, (2, 3), {4}, frozenset([5]), {"k": (6,)}, b"\x00", None, True, 2.5]
    assert [type(v) for v in got] == [int, tuple, set, frozenset, dict, bytes, type(None), bool, float]


def test_arguments_cross_and_come_back(mod):
    assert mod.ident((1, [2, {3: "x"}])) == (1, [2, {3: "x"}])
    assert mod.ident(mod.Point) == mod.Point  # a handle sent back is the same remote object


def test_objects_stay_behind_handles(mod):
    p = mod.Point(3)
    assert isinstance(p, Proxy) and type_name(p) == "Point"
    assert p.x == 3 and str(p) == "P(3)"
    p.x = 4
    assert p.x == 4
    assert remote_isinstance(p, mod.Point)


def test_lying_eq_cannot_pass(mod):
    assert (mod.liar() == 5) is False
    assert mod.liar_list() != [1, 2, 3]  # a list subclass is not a list: it stays a handle
    with pytest.raises(AssertionError):
        call(mod.liar).returns(5)


def test_generators_iterate_and_keep_stopiteration_value(mod):
    g = mod.gen()
    assert next(g) == 1 and next(g) == 2
    with pytest.raises(StopIteration) as info:
        next(g)
    assert info.value.value == "done"
    assert list(mod.gen()) == [1, 2]


def test_exceptions_come_back_by_type(mod):
    with pytest.raises(ValueError, match="bad value") as info:
        mod.boom()
    assert info.value._gk_origin["line"] > 0 and info.value._gk_origin["file"] == "mod.py"
    with pytest.raises(StudentError) as info:
        mod.custom()
    assert info.value.type_name == "Custom"


def test_output_is_captured_per_request(mod):
    assert printed(mod) == "imported\n"
    assert mod.say(5) == 5
    assert printed(mod) == "said 5\n"
    assert printed(mod) == ""


def test_output_flood_is_capped(mod):
    assert mod.huge_output() == "ok"
    text = printed(mod)
    assert len(text) < 2 * 1024 * 1024 and "dropped" in text


def test_timeout_kills_and_the_next_check_restarts(box, mod):
    started = time.monotonic()
    with pytest.raises(SandboxTimeout):
        mod.loop()
    assert time.monotonic() - started < 3
    with pytest.raises(StaleHandle):
        mod.ident(1)
    fresh = load_module(box)
    assert fresh.ident(2) == 2


def test_a_loop_that_swallows_every_exception_is_still_killed(box, mod):
    with pytest.raises(SandboxTimeout):
        mod.swallow()
    assert load_module(box).ident(1) == 1


def test_exit_is_a_crash_not_a_pass(box, mod):
    with pytest.raises(SandboxCrashed) as info:
        mod.die()
    assert info.value.returncode == 7
    assert load_module(box).ident(3) == 3


def test_environment_is_scrubbed(box, monkeypatch):
    monkeypatch.setenv("GRADEKIT_FAKE_TOKEN", "ghp_secret_value")
    box.close()
    env = load_module(box).env()
    assert "GRADEKIT_FAKE_TOKEN" not in env
    assert not any("secret" in v for v in env.values())


def test_forged_reply_is_rejected(box, mod):
    fds = mod.fds()
    assert len(fds) <= 6, "the child should inherit only its two pipes and stdio"
    # A reply to the request after this one, written ahead on every fd the child holds past stdio, so on
    # its reply pipe whichever fd that is.  Accepted, the call would return "forged" or a count of fds.
    with pytest.raises(ChildProtocolError):
        mod.forge(box._next_id + 2)
    assert load_module(box).ident(3) == 3  # a new child, not the one that forged


def test_each_check_gets_its_own_working_directory(box, mod):
    first = mod.cwd_file()
    second = load_module(box).cwd_file()
    assert first[0] != second[0] and first[1] == second[1] == []  # a fresh, empty folder each check


def test_helpers_run_next_to_student_code(mod):
    twice = helper(mod, "import mod\ndef twice(x):\n    return mod.ident(x) * 2\n", "twice")
    assert twice(21) == 42


def test_scripts_run_with_stdin_and_argv(mod):
    run = run_script(mod, ["a", "b"], " bob \n")
    assert run.returncode == 0 and run.stdout.splitlines()[-1] == "args ['a', 'b'] bob"


def test_bytecode_in_the_submission_is_never_used(tmp_path):
    import py_compile
    sub = write_submission(tmp_path / "sub", {"mod.py": "def f():\n    return 'source'\n"})
    cache = sub / "__pycache__"
    fake = write_submission(tmp_path / "fake", {"mod.py": "def f():\n    return 'bytecode'\n"})
    py_compile.compile(str(fake / "mod.py"), cfile=str(cache / "mod.cpython-311.pyc"))
    py_compile.compile(str(fake / "mod.py"), cfile=str(sub / "mod.pyc"))
    b = Sandbox(sub, "mod")
    try:
        assert load_module(b).f() == "source"
    finally:
        b.close()


PLANTER = '''
import os
def plant():
    """Plant files wherever a later topic of the same student might work, and leave a process running."""
    planted = 0
    scratch = os.path.dirname(os.path.dirname(os.getcwd()))   # <scratch>/first-N/checkM-xxx
    for root, dirs, files in os.walk(scratch):
        for n in range(1, 4):
            try:
                os.makedirs(os.path.join(root, f"check{n}"), exist_ok=True)
                with open(os.path.join(root, f"check{n}", "answer.txt"), "w") as f:
                    f.write("planted")
                planted += 1
            except OSError:
                pass
    if os.fork() == 0:
        os.setsid()
        while True:
            pass
    return planted
'''

LISTER = '''
import os
def look():
    return sorted(os.listdir("."))
'''


def running(marker: str) -> list[str]:
    """Processes on this machine, busy right now, whose command line holds ``marker``."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            cmd = open(f"/proc/{pid}/cmdline", "rb").read()
            state = open(f"/proc/{pid}/stat", "rb").read().rsplit(b")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if marker.encode() in cmd and state == b"R":
            found.append(pid)
    return found


@pytest.fixture
def two_topics(tmp_path):
    """Sandboxes of two topics of one student, sharing one fork server; ``second`` is forked ahead."""
    from contextlib import contextmanager

    from gradekit.sandbox.forkserver import ForkServer
    from gradekit.sandbox.isolation import detect
    from gradekit.sandbox.topic import Limits

    @contextmanager
    def make(first_source: str):
        sub = write_submission(tmp_path / "sub", {"first.py": first_source, "second.py": LISTER})
        server = ForkServer(sub, detect(), Limits().as_config(), ("first", "second"))
        try:
            first, second = Sandbox(sub, "first", server=server), Sandbox(sub, "second", server=server)
            second.start()
            first.begin_check()
            yield server, first, second
        finally:
            server.close()
    return make


def test_a_topic_cannot_leave_anything_for_the_next(two_topics):
    # Two topics of one student share the fork server and its scratch space.  The next topic's
    # child is already forked (started ahead) while the first one's code plants files and a
    # daemon; the next topic still starts each check in an empty folder, and alone.
    with two_topics(PLANTER) as (server, first, second):
        assert load_module(first).plant() >= 3
        assert running(server.workdir), "the daemon should be running while its topic is"
        first.close()
        time.sleep(0.2)
        assert not running(server.workdir), "the first topic's daemon outlived its topic"
        second.begin_check()
        assert load_module(second).look() == []


def test_a_topic_killing_its_whole_sandbox_spares_the_fork_server(two_topics):
    # kill(-1) reaches every process in the student's sandbox but its PID 1 (the fork server) and the
    # caller: the next topic's child, forked ahead and killed, is forked again when its turn comes.
    from gradekit.sandbox.isolation import detect
    if detect().level != "bwrap":
        pytest.skip("outside bubblewrap, kill(-1) would reach every process of this user")
    with two_topics("import os, signal\ndef boom():\n    os.kill(-1, signal.SIGKILL)\n") as (server, first, second):
        assert load_module(first).boom() is None  # Linux spares the caller itself
        assert second.child.poll(wait=2), "the child forked ahead should have been killed"
        first.close()
        second.begin_check()
        assert load_module(second).look() == []


def test_commands_that_grade_nothing_do_not_load_the_child():
    # `grade hint`, `list` and `next` import the runner; the child's modules (and the bytecode cache the
    # trusted side writes for them) are for the first sandbox, not for every command.
    code = "import sys, gradekit.cli, gradekit.grading.runner; print(sorted(m for m in sys.modules if 'child' in m))"
    proc = subprocess.run([sys.executable, "-I", "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout.strip() == "[]", proc.stdout + proc.stderr


def test_remote_callable_asks_the_child(mod):
    # Every proxy has __call__ on the grader's side, so only the child can say what its object is.
    assert remote_callable(mod.ident) is True
    assert remote_callable(mod) is False and remote_callable(mod.values()) is False
