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
import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from rich.console import Console

from gradekit.course.kit import KitError, load_kit
from gradekit.student.stubs import definition_span
from gradekit.student.watch.app import Session
from gradekit.student.watch.events import split_keys

from conftest import ROOT, run_grade, student_copy

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
def released(released_template):
    return released_template("watch/template", TOPICS)


@pytest.fixture
def template(released, tmp_path):
    return student_copy(released, tmp_path / "course")


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


@pytest.fixture
def sessions():
    """``Session``s that are closed (their warm grading session ended) when the test is over."""
    made = []

    def make(*args, **kwargs):
        made.append(Session(*args, **kwargs))
        return made[-1]

    yield make
    for session in made:
        session.close()


@pytest.mark.parametrize("warm", [False, True], ids=["fresh", "warm"])
def test_session_flow(template, sessions, warm):
    session = sessions(load_kit(template), "en", seed=1, warm=warm)
    session.start()
    assert (session.warm is not None) is warm and (not warm or session.warm.rounds == 1)
    screen = shown(session)
    assert "▶ functions · my_abs · Write your own abs" in screen
    assert "your file: starter/functions.py:10 · statement: exercises/functions/README.md" in screen
    assert "my_abs(7): not done yet" in screen and "0/6 exercises done" in screen
    assert "hidden checks" in screen and "the final grade includes them" in flat(screen)
    assert "n next · p previous · h hint · l list · c check all · r reset · q quit" in screen

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
    assert "✓ my_abs passes all 4 checks! Press n for the next exercise" in screen
    assert "1/6 exercises done" in screen and session.current.exercise.name == "my_abs"  # no automatic move

    session.key("n")
    assert session.current.exercise.name == "move"
    session.key("h")
    assert "hint 1/2: The angle is in radians" in shown(session)
    session.lang = "zh"
    assert "提示 1/2：" in shown(session) and "提示 1/2:" not in shown(session)  # the catalogue's full-width colon
    session.lang = "en"
    narrow = io.StringIO()
    Console(file=narrow, width=40, color_system=None, force_terminal=False).print(session.screen())
    hint_rows = narrow.getvalue().split("hint 1/2:", 1)[1].splitlines()[1:3]
    assert all(row.startswith(" " * 12) for row in hint_rows if row.strip()), hint_rows  # under the hint's text
    session.key("h")
    session.key("h")
    assert "that was the last hint" in flat(shown(session))
    session.key("l")
    screen = shown(session)
    assert session.mode == "list" and "✓ done" in screen and "▶" in screen and "exercises 1–6 of 6" in screen
    assert "arrows or j k move · PgUp PgDn page · Enter open · Esc or q close" in screen
    session.key("c")  # a command key closes the list and runs
    assert session.mode == "all" and "gradekit report" in shown(session) and session.runs == 4
    session.key("r")
    assert "reset move in starter/functions.py to the original stub?" in flat(shown(session))
    session.key("x")
    assert "nothing was reset" in shown(session)
    assert session.key("q") is False
    if warm:
        assert session.warm.rounds == 4 and session.warm.failures == 0  # every grading was a round of one session


def test_session_follows_the_file_the_student_saves(template):
    session = Session(load_kit(template), "zh", seed=1)
    session.start()
    closures = template / "starter" / "closures.py"
    closures.write_text(closures.read_text(encoding="utf-8") + "\n# 开始写了\n", encoding="utf-8")
    session.changed([closures])
    assert session.current.topic.slug == "closures"
    screen = shown(session)
    assert "▶ closures · lazy_sum" in screen and "还没有完成" in screen
    assert "n 下一个 · p 上一个 · h 提示 · l 列表 · c 全部检查 · r 重置 · q 退出" in screen


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


def test_session_opens_the_exercise_named_on_the_command_line(template):
    kit = load_kit(template)
    session = Session(kit, "en", topics=["functions/move"], seed=1)
    session.start()
    assert session.slugs == ["functions"] and session.current.key == "functions/move"
    assert "▶ functions · move" in shown(session)
    assert Session(kit, "en", topics=["closures"]).slugs == ["closures"]
    bare = Session(kit, "en", topics=["move"])  # an exercise's own name, as grade hint and grade reset take it
    assert bare.slugs == ["functions"] and bare.opening.key == "functions/move"
    for lang, words in (("en", "did you mean functions"), ("zh", "你是不是想写 functions")):
        with pytest.raises(KitError, match=words):
            Session(kit, lang, topics=["functons"])  # a topic's typo in the student's language
    with pytest.raises(KitError) as exc:
        Session(kit, "en", topics=["functions/mvoe"])
    assert "no exercise or topic is called 'functions/mvoe'" in str(exc.value) and "functions/move" in str(exc.value)
    with pytest.raises(KitError) as exc:
        Session(kit, "zh", topics=["functions/mvoe"])
    assert "没有叫 'functions/mvoe' 的练习或主题" in str(exc.value) and "functions/move" in str(exc.value)


@pytest.mark.parametrize("lang, words", [("en", "my_abs is the first exercise; there is none before it."),
                                         ("zh", "my_abs 已经是第一个练习，前面没有别的练习了。")], ids=["en", "zh"])
def test_session_previous_stops_at_the_first_exercise(template, lang, words):
    session = Session(load_kit(template), lang, seed=1)
    session.start()
    session.key("p")
    assert session.current.exercise.name == "my_abs" and words in shown(session)
    session.key("n")
    session.key("p")
    assert session.current.exercise.name == "my_abs" and words not in shown(session)


def test_terminal_keys_are_split_into_names():
    # What one read from a terminal holds: held-down arrows arrive together, in either cursor mode.
    assert split_keys("\x1b[B\x1b[B\x1bOA") == ["<down>", "<down>", "<up>"]
    assert split_keys("\x1b[5~\x1b[6~\x1b[H\x1bOF") == ["<pgup>", "<pgdn>", "<home>", "<end>"]
    assert split_keys("\x1b") == ["\x1b"] and split_keys("jk\r") == ["j", "k", "\r"]
    assert split_keys("\x1b[15~\x1b[1;5Cq") == ["q"]  # F5 and Ctrl+Right: dropped whole, never read as letters


# -- the real thing, in tmux -----------------------------------------------------------------------


REVERSE = re.compile(r"\x1b\[(?:[0-9;]*;)?7(?:;[0-9;]*)?m")


class Pane:
    """``grade`` running in a private tmux server, read as a person reads a terminal."""

    def __init__(self, cwd: Path, args: list[str], tmp: Path, env: dict[str, str] | None = None,
                 size: tuple[int, int] = (110, 50)):
        self.socket = f"gradekit-test-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.log = tmp / f"{self.socket}.log"
        self.log.write_text("", encoding="utf-8")
        env = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "GRADEKIT_LANG": "en", **(env or {})}
        command = shlex.join(["env", *(f"{k}={v}" for k, v in env.items()), sys.executable, "-m", "gradekit", *args])
        # The shell says how grade ended: tmux itself may notice a quick exit late.
        command += '; echo "[grade exited with $?]"'
        self.tmux("-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", str(size[0]), "-y", str(size[1]), "-c", str(cwd),
                  command, ";", "set-option", "-t", "main", "remain-on-exit", "on", ";",
                  "pipe-pane", "-t", "main", "-o", f"cat >> {shlex.quote(str(self.log))}")

    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-u", "-L", self.socket, *args], capture_output=True, text=True,
                              check=True, timeout=30).stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "main")

    def highlighted(self) -> list[str]:
        """The visible lines drawn in reverse video (the list's highlight), as text."""
        lines = self.tmux("capture-pane", "-p", "-e", "-t", "main").splitlines()
        return [re.sub(r"\x1b\[[0-9;]*m", "", line).strip() for line in lines if REVERSE.search(line)]

    def output(self) -> bytes:
        """Every byte the program wrote to the terminal so far, before the terminal decoded it."""
        return self.log.read_bytes()

    def press(self, key: str) -> None:
        self.tmux("send-keys", "-t", "main", "-l", key)

    def press_key(self, name: str) -> None:
        """A key by tmux's name for it (Down, NPage, Escape...): what the terminal sends for that key."""
        self.tmux("send-keys", "-t", "main", name)

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

    def open_(cwd, *args, env=None, size=(110, 50)):
        pane = Pane(cwd, list(args), tmp_path, env, size)
        opened.append(pane)
        return pane

    yield open_
    for pane in opened:
        pane.close()


PROMPT = "n next · p previous · h hint · l list · c check all · r reset · q quit"
PROMPT_ZH = "n 下一个 · p 上一个 · h 提示 · l 列表 · c 全部检查 · r 重置 · q 退出"
LIST_KEYS = "arrows or j k move · PgUp PgDn page · Enter open · Esc or q close"
LIST_KEYS_ZH = "↑↓ 或 j k 移动 · PgUp PgDn 翻页 · Enter 打开 · Esc 或 q 关闭"


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
    assert "✓ my_abs passes all 4 checks!" in screen and "1/6 exercises done" in screen
    assert "(run 3)" in screen

    pane.press("l")
    screen = pane.wait_for(lambda s: "✓ done" in s and LIST_KEYS in s)
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
    prompt = PROMPT_ZH
    screen = pane.wait_for(lambda s: prompt in s)
    assert "gradekit · 边写边查" in screen and "已完成 0/6 个练习" in screen
    assert "my_abs(7)：还没有完成（仍然只会抛出 NotImplementedError）" in screen
    assert "最终成绩包含它们" in squash(screen)

    write_my_abs(template, MY_ABS_WRONG)
    screen = pane.wait_for(lambda s: "期望返回" in s and prompt in s)
    assert "调用 my_abs(-5)" in screen and "实际返回：None（是不是用了 print 而没有 return？）" in screen

    write_my_abs(template, MY_ABS_RIGHT)
    screen = pane.wait_for(lambda s: "通过了全部" in s and prompt in s)
    assert "✓my_abs通过了全部4项检查！按n进入下一个练习" in squash(screen) and "已完成 1/6 个练习" in screen

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


LIST_TOPICS = "loops,dicts,functions,closures"  # 14 exercises: more than a 15-line terminal shows at once


@pytest.fixture(scope="module")
def released_more(released_template):
    return released_template("watch-list/template", LIST_TOPICS)


@pytest.fixture
def course(released_more, tmp_path):
    return student_copy(released_more, tmp_path / "course")


def test_list_pages_and_scrolls_on_a_small_terminal(course, panes):
    pane = panes(course, size=(80, 15))
    screen = pane.wait_for(lambda s: PROMPT in s)
    assert "▶ loops · sum_to" in screen

    pane.press("l")
    screen = pane.wait_for(lambda s: "exercises 1–9 of 14" in s and LIST_KEYS in s)
    lines = screen.splitlines()
    assert lines[0].startswith("gradekit · watch mode")  # nothing scrolled off the top
    assert pane.highlighted() == [next(line.strip() for line in lines if "sum_to" in line)]
    assert "▶ loops" in screen and "collatz_steps" in screen and "lazy_sum" not in screen

    pane.press("jj")
    pane.wait_for(lambda s: any("odd_squares_sum" in h for h in pane.highlighted()))
    pane.press("k")
    pane.wait_for(lambda s: any("first_negative" in h for h in pane.highlighted()))
    pane.press_key("NPage")
    screen = pane.wait_for(lambda s: "exercises 6–14 of 14" in s)
    assert "createCounter" in screen and "sum_to" not in screen
    assert pane.screen().splitlines()[0].startswith("gradekit · watch mode")
    assert pane.highlighted()[0].split()[0] == "quadratic"  # first_negative (row 2) and a page of 9 rows: row 11
    pane.press_key("Down")
    pane.wait_for(lambda s: any("lazy_sum" in h for h in pane.highlighted()))
    pane.press_key("Down")
    pane.press_key("Down")
    pane.press_key("Down")  # past the last row: the highlight stays on it
    pane.wait_for(lambda s: any("createCounter" in h for h in pane.highlighted()))
    pane.press_key("NPage")
    pane.press_key("Up")
    pane.wait_for(lambda s: [h.split()[0] for h in pane.highlighted()] == ["count"])
    pane.press_key("PPage")
    pane.wait_for(lambda s: "exercises 1–9 of 14" in s)
    assert pane.highlighted()[0].split()[0] == "collatz_steps"  # count (row 13) less a page of 9 rows: row 4
    pane.press_key("NPage")
    pane.wait_for(lambda s: "exercises 6–14 of 14" in s and [h.split()[0] for h in pane.highlighted()] == ["count"])

    pane.press_key("Enter")
    screen = pane.wait_for(lambda s: "▶ closures · count" in s and PROMPT in s)
    assert "count(): not done yet" in screen

    pane.press("l")
    screen = pane.wait_for(lambda s: LIST_KEYS in s)
    assert any(line.split()[:2] == ["▶", "count"] for line in screen.splitlines())  # opens on the current one
    pane.press_key("Escape")
    pane.wait_for(lambda s: "▶ closures · count" in s and PROMPT in s)
    pane.press("l")
    pane.wait_for(lambda s: LIST_KEYS in s)
    pane.press("q")  # q closes the list; it does not quit
    pane.wait_for(lambda s: "▶ closures · count" in s and PROMPT in s)

    pane.press("p")
    pane.wait_for(lambda s: "▶ closures · lazy_sum" in s and PROMPT in s)
    pane.press("p")
    screen = pane.wait_for(lambda s: "▶ functions · quadratic" in s and PROMPT in s)
    assert "[grade exited" not in screen
    pane.press("q")
    pane.wait_for(lambda s: "[grade exited with 0]" in s)
    data = json.loads((course / ".gradekit" / "progress.json").read_text(encoding="utf-8"))
    assert data["current"] == "functions/quadratic"


def test_list_in_chinese(course, panes):
    pane = panes(course, "--lang", "zh", size=(80, 15))
    pane.wait_for(lambda s: PROMPT_ZH in s)
    pane.press("l")
    screen = pane.wait_for(lambda s: "第 1–9 个练习，共 14 个" in s and LIST_KEYS_ZH in s)
    assert screen.splitlines()[0].startswith("gradekit · 边写边查")
    assert "练习" in screen and "状态" in screen and "· 未开始" in screen
    pane.press_key("End")
    screen = pane.wait_for(lambda s: "第 6–14 个练习，共 14 个" in s and any("createCounter" in h for h in pane.highlighted()))
    pane.press_key("Enter")
    pane.wait_for(lambda s: "▶ closures · createCounter" in s and PROMPT_ZH in s)
    pane.press("l")
    pane.wait_for(lambda s: LIST_KEYS_ZH in s)
    pane.press_key("Home")
    pane.wait_for(lambda s: "第 1–9 个练习，共 14 个" in s and any("sum_to" in h for h in pane.highlighted()))
    pane.press_key("Enter")
    pane.wait_for(lambda s: "▶ loops · sum_to" in s and PROMPT_ZH in s)
    pane.press("p")
    screen = pane.wait_for(lambda s: "已经是第一个练习" in s)
    assert "sum_to已经是第一个练习，前面没有别的练习了。" in squash(screen)


@pytest.mark.parametrize("lang, more, prompt", [
    ("en", "... and {n} more failing: press a to see every failure", PROMPT),
    ("zh", "……还有 {n} 项未通过：按 a 查看全部", PROMPT_ZH),
], ids=["en", "zh"])
def test_check_all_offers_a_key_for_every_failure(template, panes, lang, more, prompt):
    pane = panes(template, "--lang", lang)
    pane.wait_for(lambda s: prompt in s)
    pane.press("c")
    head, tail = more.split("{n}")
    screen = pane.wait_for(lambda s: head in s and prompt in s)
    line = next(line for line in screen.splitlines() if head in line)
    assert re.fullmatch(re.escape(head) + r"\d+" + re.escape(tail), line.strip())
    assert "--all" not in screen
    assert "closures · createCounter" not in screen  # only the first failures so far
    pane.press("a")
    screen = pane.wait_for(lambda s: "closures · createCounter" in s and prompt in s)
    assert head not in screen and "--all" not in screen


@pytest.mark.parametrize("lang, gone, ask, back, prompt", [
    ("en", "starter/functions.py is missing (deleted or renamed?). Run grade reset functions to bring back the "
           "original file, or press r here.", "bring back starter/functions.py as the original stub?",
     "starter/functions.py is back, as the original stub.", PROMPT),
    ("zh", "找不到 starter/functions.py（是不是被删除或改名了？）。运行 grade reset functions 可以恢复最初的文件，"
           "也可以在这里按 r。", "把 starter/functions.py 恢复成最初的样子？", "starter/functions.py 已恢复成最初的样子。",
     PROMPT_ZH),
], ids=["en", "zh"])
def test_a_deleted_file_names_the_reset_command(template, panes, lang, gone, ask, back, prompt):
    pane = panes(template, "--lang", lang)
    pane.wait_for(lambda s: prompt in s)
    path = template / "starter" / "functions.py"
    original = path.read_text(encoding="utf-8")
    path.unlink()
    flatten = flat if lang == "en" else squash  # the terminal wraps long lines
    screen = pane.wait_for(lambda s: flatten(gone) in flatten(s) and prompt in s)
    pane.press("r")
    screen = pane.wait_for(lambda s: flatten(ask) in flatten(s))
    pane.press("y")
    screen = pane.wait_for(lambda s: flatten(back) in flatten(s) and prompt in s)
    assert path.read_text(encoding="utf-8") == original and "my_abs(7)" in screen


def test_grade_watch_topic_slash_exercise_on_the_command_line(template, panes):
    pane = panes(template, "watch", "functions/move", "--lang", "en")
    screen = pane.wait_for(lambda s: PROMPT in s)
    assert "▶ functions · move" in screen
    wrong = panes(template, "watch", "functions/mvoe", "--lang", "zh")
    wrong.wait_for(lambda s: "[grade exited with 2]" in s)
    said = wrong.output().decode("utf-8", "replace")
    assert "没有叫 'functions/mvoe' 的练习或主题" in said and "functions/move" in said and "Traceback" not in said
    assert "\x1b[?1049h" not in said  # refused before the screen was taken over


def test_a_resized_terminal_is_redrawn_to_fit(template, panes):
    pane = panes(template, "--lang", "en", size=(110, 40))
    pane.wait_for(lambda s: PROMPT in s)
    drawn = pane.output().count("gradekit · watch mode".encode())
    pane.tmux("resize-window", "-t", "main", "-x", "70", "-y", "20")
    pane.wait_for(lambda s: pane.output().count("gradekit · watch mode".encode()) > drawn)  # no key, no save
    screen = pane.wait_for(lambda s: PROMPT.split(" · ")[0] in s)
    assert all(len(line) <= 70 for line in screen.splitlines())


# -- the warm grading session (watch_session, grading.rounds) --------------------------------------------


def checks_of(result) -> list[tuple]:
    return [(c.id, c.status, c.points, c.message, c.output, c.file, c.line) for topic in result.topics for c in topic.checks]


def test_a_warm_round_grades_as_a_fresh_session_does(template):
    from gradekit.grading.runner import Submission, grade
    from gradekit.student.watch.session import WarmSession

    kit = load_kit(template)
    path = template / "starter" / "functions.py"
    stub = path.read_text(encoding="utf-8")
    warm = WarmSession(kit, ["functions", "closures"])
    try:
        variants = (stub, None, MY_ABS_WRONG, MY_ABS_RIGHT, "import os\nos._exit(3)\n",
                    stub.replace("def move(x, y, step, angle=0):", "def move(x, y, step, angle=0)"))
        for i, source in enumerate(variants):
            if source in (MY_ABS_WRONG, MY_ABS_RIGHT):
                path.write_text(stub, encoding="utf-8")
                write_my_abs(template, source)
            elif source is None:
                path.unlink()
            else:
                path.write_text(source, encoding="utf-8")
            topics = ["functions", "closures"] if i % 2 else ["functions"]
            fresh = grade(kit, [Submission(kit.starter, "s0")], topics=topics, seed=7, lang="en")[0]
            round_ = warm.grade(topics, 7)
            assert round_ is not None, "".join(warm.output)
            assert [t.slug for t in round_.topics] == topics and round_.seed == 7
            assert round_.isolation == fresh.isolation and checks_of(round_) == checks_of(fresh)
            assert (round_.score, round_.max_score, round_.hidden.checks) == (
                fresh.score, fresh.max_score, fresh.hidden.checks)
        assert warm.failures == 0 and warm.rounds == 6
    finally:
        warm.close()
    assert warm.proc is None


def sandbox_processes(pid: int) -> dict[int, tuple[int, bool]]:
    """Every process below ``pid``: its parent, and whether it is Python running the fork server's code (a fork
    server, or a topic's child forked from one; not bubblewrap, whose arguments name it too)."""
    import psutil

    found = {}
    try:
        for proc in psutil.Process(pid).children(recursive=True):
            try:
                cmd = proc.cmdline()
                found[proc.pid] = (proc.ppid(), bool(cmd) and Path(cmd[0]).name != "bwrap"
                                   and "gradekit.sandbox.child.forkserver" in cmd)
            except psutil.Error:
                continue
    except psutil.Error:
        pass
    return found


def test_every_save_is_graded_by_a_fork_server_of_its_own(template):
    """Started ahead, between two saves: each round's children come from a fork server that has forked nothing
    before, and nothing the round started outlives it."""
    from gradekit.sandbox import isolation
    from gradekit.student.watch.session import WarmSession

    if isolation.detect().level == "portable":
        pytest.skip("the portable level has no fork server: each topic's child is a fresh interpreter anyway")
    warm = WarmSession(load_kit(template), ["functions"])
    try:
        seen: list[set[int]] = []
        for i in range(3):
            write_my_abs(template, MY_ABS_WRONG if i % 2 else MY_ABS_RIGHT)
            result = warm.grade(["functions"], 1)
            assert result is not None and result.topics[0].exercises[0].score == (1 if i % 2 else 4)
            # A round of no topic is answered once the session is done with the last one (its sandboxes gone).
            assert warm.grade([], 1) is not None
            idle = sandbox_processes(warm.proc.pid)
            assert idle, "the next round's fork server is started ahead"
            topic_children = [p for p, (parent, forked) in idle.items() if forked and idle.get(parent, (0, False))[1]]
            assert not topic_children, "a topic's child outlived its round"
            seen.append(set(idle))
        # The fork server waiting for the next save is never one that graded an earlier save.
        assert not seen[0] & seen[1] and not seen[1] & seen[2] and not seen[0] & seen[2]
    finally:
        warm.close()


def test_a_warm_session_that_dies_is_replaced_and_the_save_still_graded(template, sessions):
    session = sessions(load_kit(template), "en", seed=1, warm=True)
    session.start()
    first = session.warm.proc.pid
    session.warm.proc.kill()
    session.warm.proc.wait()
    write_my_abs(template, MY_ABS_RIGHT)
    assert session.changed([template / "starter" / "functions.py"]) and session.error is None
    assert "✓ my_abs passes all 4 checks!" in shown(session)   # graded afresh (runner.grade)
    assert session.warm.failures == 1 and session.warm.proc is None
    write_my_abs(template, MY_ABS_WRONG)
    session.changed([template / "starter" / "functions.py"])
    assert "expected: 5" in shown(session) and session.runs == 3
    assert session.warm.failures == 0 and session.warm.proc.pid != first   # a new warm session graded it


def test_an_edited_grader_is_collected_again(template):
    from gradekit.student.watch.session import WarmSession

    warm = WarmSession(load_kit(template), ["functions"])
    try:
        before = warm.grade(["functions"], 1)
        pid = warm.proc.pid
        grader = template / "graders" / "functions" / "test_public.py"
        grader.write_text(grader.read_text(encoding="utf-8") + '''

@exercise("my_abs")
@public
@points(1)
def test_added_while_watching(functions):
    call(functions.my_abs, 1).returns(1)
''', encoding="utf-8")
        after = warm.grade(["functions"], 1)
        assert warm.proc.pid != pid
        assert len(after.topics[0].checks) == len(before.topics[0].checks) + 1
        assert "test_added_while_watching" in {c.name for c in after.topics[0].checks}
    finally:
        warm.close()


def test_a_record_that_is_not_the_round_asked_for_is_refused(template):
    from gradekit.grading.contract import ContractError, Record
    from gradekit.student.watch.session import WarmSession

    warm = WarmSession(load_kit(template), ["functions", "closures"])
    entry = {"nodeid": "functions/test_public.py::TestMyAbs::test_negative[s0]", "topic": "functions",
             "submission": "s0", "check": "functions/test_public.py::TestMyAbs::test_negative", "name": "test_negative",
             "exercise": "my_abs", "points": 1, "visibility": "public", "hint": None}
    good = {"submission": "s0", "checks": [entry], "tests": [], "hidden_not_run": {}, "isolation": {}, "round": 1}
    assert warm._verified(Record.from_json(good), ["functions"]) is not None
    # Sealed, but of another submission or topic than the round asked for: not this round's result.
    for other in ({**good, "submission": "s1", "checks": [{**entry, "submission": "s1"}]},
                  {**good, "checks": [{**entry, "topic": "closures"}]}):
        assert warm._verified(Record.from_json(other), ["functions"]) is None
    # Not a record's shape at all: refused before anyone reads it.
    for bad in ({**good, "checks": [entry, entry]}, {**good, "tests": None}, {**good, "checks": "all"},
                {**good, "checks": [{**entry, "submission": "s1"}]}):
        with pytest.raises(ContractError):
            Record.from_json(bad)


@pytest.fixture(scope="module")
def hostile_course(tmp_path_factory):
    from conftest import MINIKIT

    root = tmp_path_factory.mktemp("warm-hostile")
    for part in ("exercises", "graders"):
        shutil.copytree(ROOT / part / "functions", root / part / "functions", ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copytree(MINIKIT / part / "alpha", root / part / "alpha")
    (root / "starter").mkdir()
    return root


WARM_HOSTILE = ["exit_at_import", "kill_parent_at_import", "kill_grandparent_at_import", "patch_pytest_and_report",
                "late_report_forger", "conftest_ini_and_pytest_py", "always_equal", "frame_peek", "fork_burst",
                "forged_reply_on_every_fd", "loop_in_function", "stale_bytecode"]


def test_hostile_saves_in_a_warm_session(hostile_course, tmp_path):
    """Hostile files saved one after another into the folder a warm session grades: each gains nothing, the
    bystander topic keeps its points, and the honest file saved after each one scores full marks again (nothing
    a save did outlives its round)."""
    from gradekit.sandbox import isolation
    from gradekit.model import Status

    from conftest import grading_at
    from test_hostile import ALPHA, ALL, CASES, SOLUTION, add_stale_bytecode, leftovers

    level = isolation.detect().level
    kit = load_kit(hostile_course)
    starter = kit.starter
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    with grading_at(level, private_tmp):
        session = Session(kit, "en", seed=1234, timeout=1.0, warm=True)
        try:
            for case in WARM_HOSTILE:
                files, expect = CASES[case]
                if level not in expect.get("levels", {level}):
                    continue
                for old in starter.iterdir():
                    shutil.rmtree(old) if old.is_dir() else old.unlink()
                write_submission_files(starter, {"alpha.py": ALPHA, **files})
                if expect.get("bytecode"):
                    add_stale_bytecode(starter)
                result = session.grade(session.slugs)
                assert result is not None, (case, session.error)
                functions, alpha = (next(t for t in result.topics if t.slug == slug) for slug in ("functions", "alpha"))
                assert alpha.score == alpha.max_score == 7, (case, [c.message for c in alpha.checks])
                score = expect.get("score")
                score = score.get(level) if isinstance(score, dict) else score
                zero = expect.get("zero", set())
                if score == "zero":
                    zero = ALL
                full = ALL if score == "full" else expect.get("full", ALL - zero if zero else set())
                for ex in functions.exercises:
                    if ex.name in zero:
                        assert ex.score == 0, (case, ex.name, [c.message for c in ex.checks if c.status is Status.PASS])
                    if ex.name in full:
                        assert ex.score == ex.max_score, (case, ex.name, [c.message for c in ex.checks])
                if expect.get("seen"):
                    assert expect["seen"] in "\n".join(c.message for c in functions.checks), case
                for old in starter.iterdir():
                    shutil.rmtree(old) if old.is_dir() else old.unlink()
                write_submission_files(starter, {"alpha.py": ALPHA, "functions.py": SOLUTION})
                honest = session.grade(session.slugs)
                assert honest is not None and honest.score == honest.max_score, (
                    case, [c.message for c in honest.checks if c.status is not Status.PASS])
        finally:
            session.close()
        procs, temporary = leftovers(private_tmp)
    assert not procs and not temporary, (procs, temporary)


def write_submission_files(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
