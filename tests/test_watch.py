"""Watch mode as a student meets it.

Two layers: ``Session`` driven directly (keys and saved files in, screen text
out), and the real ``grade`` in a real terminal: tmux runs it inside a template
released with ``grade release``, the test edits the stub wrongly and then
rightly, and reads the screen with ``tmux capture-pane``.  Waiting is
event-driven and bounded: the pane's output is piped to a file, and the screen
is read again whenever that file grows (watchfiles), until a condition holds
or the deadline passes.  Nothing sleeps.
"""

from __future__ import annotations

import io
import json
import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from rich.console import Console

from gradekit.kit import load_kit
from gradekit.stubs import definition_span
from gradekit.watch import Session

from conftest import ROOT, run_grade

TOPICS = "functions,closures"
MY_ABS_WRONG = '''def my_abs(x):
    if x >= 0:
        return x
    print(-x)
'''
MY_ABS_RIGHT = '''def my_abs(x):
    if not isinstance(x, (int, float)):
        raise TypeError('bad operand type')
    return x if x >= 0 else -x
'''


@pytest.fixture(scope="module")
def released(tmp_path_factory):
    dest = tmp_path_factory.mktemp("watch") / "template"
    proc = run_grade("release", dest, "--topics", TOPICS, "--kit", ROOT)
    assert proc.returncode == 0, proc.stderr
    return dest


@pytest.fixture
def template(released, tmp_path):
    dest = tmp_path / "course"
    shutil.copytree(released, dest, symlinks=True)
    return dest


def write_my_abs(template: Path, source: str, times: int = 1) -> None:
    """Replace my_abs in the student's file, as an editor saving it (``times`` writes of the same text)."""
    path = template / "starter" / "functions.py"
    text = path.read_text(encoding="utf-8")
    start, end = definition_span(text, "my_abs")
    lines = text.splitlines(keepends=True)
    lines[start - 1:end] = [source]
    for _ in range(times):
        path.write_text("".join(lines), encoding="utf-8")


def flat(text: str) -> str:
    return " ".join(text.split())


def squash(text: str) -> str:
    """Chinese text without the line breaks (and spaces) the terminal wraps it with."""
    return "".join(text.split())


# -- Session, without a terminal --------------------------------------------------------------------


def shown(session: Session) -> str:
    buf = io.StringIO()
    console = Console(file=buf, width=110, color_system=None, force_terminal=False)
    console.print(session.screen())
    console.print(session.prompt())
    return buf.getvalue()


def test_session_flow(template):
    session = Session(load_kit(template), "en", seed=1)
    session.start()
    screen = shown(session)
    assert "▶ functions · my_abs · Write your own abs" in screen
    assert "your file: starter/functions.py:10 · statement: exercises/functions/README.md" in screen
    assert "my_abs(7): not done yet" in screen and "0/6 exercises done" in screen
    assert "hidden checks" in screen and "the final grade includes them" in flat(screen)
    assert "n next · h hint · l list · c check all · r reset · q quit" in screen

    path = template / "starter" / "functions.py"
    assert session.changed([path]) is False and session.runs == 1  # saved without a change: no run
    write_my_abs(template, MY_ABS_WRONG, times=2)
    assert session.changed([path, path]) is True and session.runs == 2
    assert session.changed([path]) is False and session.runs == 2  # the editor's second write: same bytes
    screen = shown(session)
    assert "expected: 5" in screen and "got:      None (did you print instead of return?)" in screen

    write_my_abs(template, MY_ABS_RIGHT)
    session.changed([path])
    screen = shown(session)
    assert "✓ my_abs passes all 3 checks! Press n for the next exercise" in screen
    assert "1/6 exercises done" in screen and session.current.exercise.name == "my_abs"  # no automatic move

    session.key("n")
    assert session.current.exercise.name == "move"
    session.key("h")
    assert "hint 1/2: The angle is in radians" in shown(session)
    session.key("h")
    session.key("h")
    assert "that was the last hint" in flat(shown(session))
    session.key("l")
    screen = shown(session)
    assert session.mode == "list" and "✓ done" in screen and "▶" in screen
    session.key("c")
    assert session.mode == "all" and "gradekit report" in shown(session) and session.runs == 4
    session.key("r")
    assert "reset move in starter/functions.py to the original stub?" in flat(shown(session))
    session.key("x")
    assert "nothing was reset" in shown(session)
    assert session.key("q") is False


def test_session_follows_the_file_the_student_saves(template):
    session = Session(load_kit(template), "zh", seed=1)
    session.start()
    closures = template / "starter" / "closures.py"
    closures.write_text(closures.read_text(encoding="utf-8") + "\n# 开始写了\n", encoding="utf-8")
    session.changed([closures])
    assert session.current.topic.slug == "closures"
    screen = shown(session)
    assert "▶ closures · lazy_sum" in screen and "还没有完成" in screen
    assert "n 下一个 · h 提示 · l 列表 · c 全部检查 · r 重置 · q 退出" in screen


def test_session_reset_brings_the_stub_back(template):
    session = Session(load_kit(template), "en", seed=1)
    session.start()
    write_my_abs(template, MY_ABS_RIGHT)
    session.changed([template / "starter" / "functions.py"])
    assert session.progress.done(session.current)
    session.key("r")
    session.key("y")
    screen = shown(session)
    assert "my_abs in starter/functions.py is back to the original stub" in screen
    assert "my_abs(7): not done yet" in screen and not session.progress.done(session.current)


def test_session_when_everything_passes(template):
    for slug in TOPICS.split(","):
        shutil.copyfile(ROOT / "exercises" / slug / "solution.py", template / "starter" / f"{slug}.py")
    session = Session(load_kit(template), "en", seed=1)
    session.start()
    assert session.current is None
    screen = shown(session)
    assert "all 6 exercises pass!" in screen and "6/6 exercises done" in screen


# -- the real thing, in tmux -----------------------------------------------------------------------


class Pane:
    """``grade`` running in a private tmux server, read as a person reads a terminal."""

    def __init__(self, cwd: Path, args: list[str], tmp: Path, env: dict[str, str] | None = None):
        self.socket = f"gradekit-test-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.log = tmp / f"{self.socket}.log"
        self.log.write_text("", encoding="utf-8")
        env = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "GRADEKIT_LANG": "en", **(env or {})}
        command = shlex.join(["env", *(f"{k}={v}" for k, v in env.items()), sys.executable, "-m", "gradekit", *args])
        # The shell says how grade ended: tmux itself may notice a quick exit late.
        command += '; echo "[grade exited with $?]"'
        self.tmux("-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", "110", "-y", "50", "-c", str(cwd),
                  command, ";", "set-option", "-t", "main", "remain-on-exit", "on", ";",
                  "pipe-pane", "-t", "main", "-o", f"cat >> {shlex.quote(str(self.log))}")

    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-u", "-L", self.socket, *args], capture_output=True, text=True,
                              check=True, timeout=30).stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "main")

    def output(self) -> bytes:
        """Every byte the program wrote to the terminal so far, before the terminal decoded it."""
        return self.log.read_bytes()

    def press(self, key: str) -> None:
        self.tmux("send-keys", "-t", "main", "-l", key)

    def wait_for(self, condition, timeout: float = 90.0, read=None):
        """Read the screen (or ``read()``) each time the program writes to the terminal, until ``condition``."""
        import watchfiles

        read = read or self.screen
        deadline = time.monotonic() + timeout
        screen = read()
        if condition(screen):
            return screen
        for _ in watchfiles.watch(self.log, debounce=200, step=20, rust_timeout=300, yield_on_timeout=True,
                                  raise_interrupt=False):
            screen = read()
            if condition(screen):
                return screen
            if time.monotonic() > deadline:
                break
        raise AssertionError(f"the screen never got there within {timeout} s; it shows:\n{screen}")

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, timeout=30)
        self.log.unlink(missing_ok=True)


@pytest.fixture
def panes(tmp_path):
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed (.ci/run installs it)")
    opened = []

    def open_(cwd, *args, env=None):
        pane = Pane(cwd, list(args), tmp_path, env)
        opened.append(pane)
        return pane

    yield open_
    for pane in opened:
        pane.close()


PROMPT = "n next · h hint · l list · c check all · r reset · q quit"


def test_watch_mode_in_a_terminal(template, panes):
    pane = panes(template)
    screen = pane.wait_for(lambda s: PROMPT in s)
    assert "gradekit · watch mode" in screen and "(run 1)" in screen
    assert "0/6 exercises done" in screen and "▶ functions · my_abs · Write your own abs" in screen
    assert "my_abs(7): not done yet (it still raises NotImplementedError)" in screen
    assert "hidden checks" in screen and "the final grade includes them" in flat(screen)

    write_my_abs(template, MY_ABS_WRONG)
    screen = pane.wait_for(lambda s: "(run 2)" in s and PROMPT in s)
    assert "called my_abs(-5)" in screen and "expected: 5" in screen
    assert "got:      None (did you print instead of return?)" in screen
    assert "your program printed:" in screen

    write_my_abs(template, MY_ABS_RIGHT, times=2)  # an editor that writes the file twice
    screen = pane.wait_for(lambda s: "passes all" in s and PROMPT in s)
    assert "✓ my_abs passes all 3 checks!" in screen and "1/6 exercises done" in screen
    assert "(run 3)" in screen

    pane.press("l")
    screen = pane.wait_for(lambda s: "✓ done" in s and PROMPT in s)
    assert "(run 3)" in screen  # two writes of one save were graded once
    assert "· not started" in screen

    pane.press("n")
    screen = pane.wait_for(lambda s: "▶ functions · move" in s and PROMPT in s)
    assert "move(100, 100, 60, 0.5235987755982988): not done yet" in screen

    pane.press("h")
    screen = pane.wait_for(lambda s: "hint 1/2:" in s)
    assert "The angle is in radians" in screen

    path = template / "starter" / "functions.py"
    path.write_text(path.read_text(encoding="utf-8").replace("def move(x, y, step, angle=0):",
                                                             "def move(x, y, step, angle=0)"), encoding="utf-8")
    screen = pane.wait_for(lambda s: "syntax error" in s and PROMPT in s)
    lines = screen.splitlines()
    at = next(i for i, line in enumerate(lines) if "syntax error: expected ':'" in line)
    move_line = path.read_text(encoding="utf-8").splitlines().index("def move(x, y, step, angle=0)") + 1
    assert f"functions.py line {move_line}: syntax error" in lines[at]
    assert lines[at + 1].strip() == "def move(x, y, step, angle=0)" and lines[at + 2].strip() == "^"
    assert lines[at + 2].index("^") == len(lines[at + 1].rstrip())  # the caret right after the missing colon

    assert "0/6 exercises done" in screen  # a file that does not compile passes nothing, for now

    path.write_text(path.read_text(encoding="utf-8").replace("def move(x, y, step, angle=0)\n",
                                                             "def move(x, y, step, angle=0):\n"), encoding="utf-8")
    screen = pane.wait_for(lambda s: "syntax error" not in s and "1/6 exercises done" in s and PROMPT in s)
    pane.press("q")
    pane.wait_for(lambda s: "progress saved in .gradekit/progress.json" in s and "[grade exited with 0]" in s)
    data = json.loads((template / ".gradekit" / "progress.json").read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["current"] == "functions/move"
    assert data["exercises"]["functions/my_abs"]["done"] is True
    assert data["exercises"]["functions/move"]["hints"] == 1

    # Started again, it picks up where the student left off.
    pane = panes(template)
    screen = pane.wait_for(lambda s: PROMPT in s)
    assert "▶ functions · move" in screen and "1/6 exercises done" in screen and "hint 1/2:" in screen


def test_watch_mode_in_chinese(template, panes):
    pane = panes(template, "--lang", "zh")
    prompt = "n 下一个 · h 提示 · l 列表 · c 全部检查 · r 重置 · q 退出"
    screen = pane.wait_for(lambda s: prompt in s)
    assert "gradekit · 边写边查" in screen and "已完成 0/6 个练习" in screen
    assert "my_abs(7)：还没有完成（仍然只会抛出 NotImplementedError）" in screen
    assert "最终成绩包含它们" in squash(screen)

    write_my_abs(template, MY_ABS_WRONG)
    screen = pane.wait_for(lambda s: "期望返回" in s and prompt in s)
    assert "调用 my_abs(-5)" in screen and "实际返回：None（是不是用了 print 而没有 return？）" in screen

    write_my_abs(template, MY_ABS_RIGHT)
    screen = pane.wait_for(lambda s: "通过了全部" in s and prompt in s)
    assert "✓my_abs通过了全部3项检查！按n进入下一个练习" in squash(screen) and "已完成 1/6 个练习" in screen

    pane.press("r")
    screen = pane.wait_for(lambda s: "按y确认" in squash(s))
    assert "把starter/functions.py里的my_abs恢复成最初的样子？" in squash(screen)
    pane.press("y")
    screen = pane.wait_for(lambda s: "已恢复成最初的样子" in squash(s) and prompt in s)
    assert "还没有完成" in screen and "已完成 0/6 个练习" in screen
    assert "raise NotImplementedError" in (template / "starter" / "functions.py").read_text(encoding="utf-8")
    pane.press("q")
    pane.wait_for(lambda s: "进度已保存在.gradekit/progress.json" in squash(s) and "[grade exited with 0]" in s)


def test_check_only_flags_keep_grade_a_one_shot_report_in_a_terminal(template, panes):
    pane = panes(template, "--all")
    screen = pane.wait_for(lambda s: "[grade exited with" in s)
    assert "total 0/" in screen and "public checks 0/" in screen and PROMPT not in screen
    assert "[grade exited with 1]" in screen  # grade check's exit code: something did not pass
