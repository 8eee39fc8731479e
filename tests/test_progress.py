"""The student's progress file and the commands around it: grade hint, reset, list and next.

Run as a student would: in a template released with ``grade release``, with
real git history, through the installed ``grade`` command (not a terminal, so
bare ``grade`` is ``grade check``).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from gradekit.course.kit import KitError, load_kit
from gradekit.model import Check, ExerciseResult, Result, Status, TopicResult
from gradekit.student.progress import FORMAT, VERSION, Progress, course, resolve
from gradekit.student.stubs import definition_span

from conftest import MINIKIT, ROOT, run_grade, student_copy

SOLVED_MY_ABS = '''def my_abs(x):
    if not isinstance(x, (int, float)):
        raise TypeError('bad operand type')
    return x if x >= 0 else -x
'''


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def released(released_template):
    return released_template("progress/template", "functions")


@pytest.fixture
def template(released, tmp_path):
    return student_copy(released, tmp_path / "mine")


def solve_my_abs(template):
    path = template / "starter" / "functions.py"
    text = path.read_text(encoding="utf-8")
    start, end = definition_span(text, "my_abs")
    lines = text.splitlines(keepends=True)
    lines[start - 1:end] = [SOLVED_MY_ABS]
    path.write_text("".join(lines), encoding="utf-8")


# -- the file ---------------------------------------------------------------------------------


def minikit_result(double_ok: bool) -> Result:
    def check(ok):
        return Check("c", "t", Status.PASS if ok else Status.FAIL, 1 if ok else 0, 1, "public")
    topic = TopicResult("alpha", "Alpha", [ExerciseResult("double", "Double", [check(double_ok), check(True)]),
                                           ExerciseResult("greet", "Greet", [check(False)])])
    return Result("0", {}, "now", 0.1, 1, "en", "process", topics=[topic])


def test_file_format(tmp_path):
    kit = load_kit(MINIKIT)
    refs = course(kit)
    progress = Progress(tmp_path)
    progress.record(minikit_result(True))
    assert progress.reveal_hint(refs[1]) == 1
    assert progress.reveal_hint(refs[1]) == 1  # greet has one hint: it stays at one
    progress.set_current(refs[1])
    data = json.loads((tmp_path / ".gradekit" / "progress.json").read_text(encoding="utf-8"))
    assert data["format"] == FORMAT and data["version"] == VERSION == 1
    assert data["current"] == "alpha/greet"
    assert data["exercises"]["alpha/double"]["done"] is True
    assert data["exercises"]["alpha/double"]["score"] == 2 and data["exercises"]["alpha/double"]["max_score"] == 2
    assert data["exercises"]["alpha/greet"]["done"] is False and data["exercises"]["alpha/greet"]["hints"] == 1
    assert not any(str(tmp_path) in json.dumps(v) for v in data.values())  # nothing tied to this machine


def test_copied_file_is_read_on_another_machine(tmp_path):
    kit = load_kit(MINIKIT)
    Progress(tmp_path / "a").record(minikit_result(True))
    shutil.copytree(tmp_path / "a" / ".gradekit", tmp_path / "b" / ".gradekit")
    progress = Progress(tmp_path / "b")
    refs = course(kit)
    assert progress.done(refs[0]) and not progress.done(refs[1])
    assert progress.current(refs) == refs[1] and progress.done_count(refs) == 1


def test_a_later_pass_and_a_later_break_are_both_recorded(tmp_path):
    refs = course(load_kit(MINIKIT))
    progress = Progress(tmp_path)
    progress.record(minikit_result(True))
    progress.record(minikit_result(False))
    assert not progress.done(refs[0])


def test_damaged_file_is_set_aside(tmp_path):
    path = tmp_path / ".gradekit" / "progress.json"
    path.parent.mkdir()
    path.write_text("{not json", encoding="utf-8")
    progress = Progress(tmp_path)
    assert progress.problem and "progress.json.bad" in progress.problem
    assert (tmp_path / ".gradekit" / "progress.json.bad").read_text(encoding="utf-8") == "{not json"
    progress.record(minikit_result(True))
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == FORMAT


def test_a_newer_file_is_read_but_never_overwritten(tmp_path):
    path = tmp_path / ".gradekit" / "progress.json"
    path.parent.mkdir()
    newer = {"format": FORMAT, "version": 2, "current": None, "future": [1],
             "exercises": {"alpha/double": {"done": True, "hints": 1, "stars": 3}}}
    path.write_text(json.dumps(newer), encoding="utf-8")
    refs = course(load_kit(MINIKIT))
    progress = Progress(tmp_path)
    assert progress.done(refs[0]) and progress.hints(refs[0]) == 1 and progress.read_only
    progress.record(minikit_result(False))
    progress.reveal_hint(refs[1])
    assert json.loads(path.read_text(encoding="utf-8")) == newer


def test_changes_reread_the_file_so_two_commands_do_not_undo_each_other(tmp_path):
    refs = course(load_kit(MINIKIT))
    watch_side, cli_side = Progress(tmp_path), Progress(tmp_path)
    cli_side.reveal_hint(refs[0])
    watch_side.record(minikit_result(True))  # an older copy in memory must not drop the hint
    assert Progress(tmp_path).hints(refs[0]) == 1


def test_current_and_next(tmp_path):
    refs = course(load_kit(ROOT))
    progress = Progress(tmp_path)
    assert progress.current(refs) == refs[0]
    progress.data["exercises"] = {refs[0].key: {"done": True}, refs[2].key: {"done": True}}
    assert progress.current(refs) == refs[1]
    assert progress.next_after(refs[1], refs) == refs[3]
    progress.data["current"] = refs[5].key
    assert progress.current(refs) == refs[5]  # a skipped-to exercise stays current until done
    progress.data["exercises"] = {r.key: {"done": True} for r in refs}
    assert progress.current(refs) is None and progress.next_after(refs[0], refs) is None


def test_exercise_names_resolve():
    kit = load_kit(ROOT)
    assert [r.exercise.name for r in resolve(kit, "functions", "en")] == ["my_abs", "move", "quadratic"]
    assert resolve(kit, "my_abs", "en")[0].key == "functions/my_abs"
    assert resolve(kit, "functions/quadratic", "en")[0].exercise.name == "quadratic"
    assert resolve(kit, "MY_ABS", "en")[0].key == "functions/my_abs"
    duplicated = [r.exercise.name for r in course(kit)]
    name = next(n for n in duplicated if duplicated.count(n) > 1)
    with pytest.raises(KitError, match="several exercises are called"):
        resolve(kit, name, "en")
    with pytest.raises(KitError, match="有好几个练习叫"):
        resolve(kit, name, "zh")
    with pytest.raises(KitError, match=r"no exercise or topic is called 'my_abz': did you mean .*my_abs"):
        resolve(kit, "my_abz", "en")
    with pytest.raises(KitError, match="没有叫 'my_abz' 的练习或主题：你是不是想写 .*my_abs"):
        resolve(kit, "my_abz", "zh")
    for lang, words in (("en", "none has a similar name: grade list shows them all"), ("zh", "也没有名字相近的")):
        with pytest.raises(KitError, match=words):
            resolve(kit, "qqqqqqqq", lang)


# -- finding a definition ---------------------------------------------------------------


SOURCE = '''import math


def f(x):
    return x


@staticmethod
@other
def g():
    pass


h = lambda x: x


class Student:
    def __init__(self):
        self._score = 0

    @property
    def score(self):
        return self._score

    @score.setter
    def score(self, value):
        self._score = value

    def other(self):
        pass
'''


def test_definition_spans():
    assert definition_span(SOURCE, "f") == (4, 5)
    assert definition_span(SOURCE, "g") == (8, 11)          # decorators included
    assert definition_span(SOURCE, "h") == (14, 14)         # a lambda assigned to a name
    assert definition_span(SOURCE, "Student.score") == (21, 27)  # getter and setter together
    assert definition_span(SOURCE, "Student") == (17, 30)
    assert definition_span(SOURCE, "nope") is None and definition_span(SOURCE, "Nope.x") is None
    split = SOURCE.replace("    def other(self):\n        pass\n", "").replace(
        "    @score.setter", "    def other(self):\n        pass\n\n    @score.setter")
    assert definition_span(split, "Student.score") is None  # do not guess across another method


# -- the commands ---------------------------------------------------------------------------


def test_hint_reveals_one_more_each_time_and_remembers(template):
    first = run_grade("hint", "--lang", "en", cwd=template)
    assert first.returncode == 0, first.stderr
    assert "functions · my_abs (Write your own abs)" in first.stdout
    assert "hint 1/2: First check the argument with isinstance" in flat(first.stdout)
    assert "hint 2/2" not in first.stdout and "hints left: 1" in first.stdout
    second = run_grade("hint", "--lang", "zh", cwd=template)
    assert "提示 1/2：先用 isinstance" in second.stdout and "提示 2/2：x >= 0 时返回 x" in second.stdout
    assert "提示已经全部显示了" in second.stdout
    data = json.loads((template / ".gradekit" / "progress.json").read_text(encoding="utf-8"))
    assert data["exercises"]["functions/my_abs"]["hints"] == 2
    other = run_grade("hint", "functions/move", "--lang", "en", cwd=template)
    assert "functions · move" in other.stdout and "hint 1/2" in other.stdout
    missing = run_grade("hint", "nosuch", "--lang", "en", cwd=template)
    assert missing.returncode == 2 and "no exercise or topic is called 'nosuch'" in missing.stderr
    assert "Traceback" not in missing.stderr


def stub_of(template) -> str:
    return subprocess.run(["git", "show", "HEAD:starter/functions.py"], cwd=template, capture_output=True,
                          text=True, check=True).stdout


def student_commit(template, message="my work"):
    git = ["git", "-c", "user.name=Student", "-c", "user.email=s@example.invalid"]
    subprocess.run(git + ["commit", "-qam", message], cwd=template, check=True)


def test_reset_one_exercise_keeps_the_rest(template):
    stub = stub_of(template)
    path = template / "starter" / "functions.py"
    solve_my_abs(template)
    path.write_text(path.read_text(encoding="utf-8").replace(
        "def quadratic(a, b, c):", "def helper():\n    return 1\n\n\ndef quadratic(a, b, c):"), encoding="utf-8")
    quadratic_work = path.read_text(encoding="utf-8")
    path.write_text(quadratic_work.replace("def move(x, y, step, angle=0):", "def move(x, y):\n    return 0\n\n\ndef _m(x, y, step, angle=0):"), encoding="utf-8")
    student_commit(template)  # the student's own commits do not change what "original" means
    proc = run_grade("reset", "move", "--yes", "--lang", "en", cwd=template)
    assert proc.returncode == 0, proc.stderr
    assert "reset: move in starter/functions.py" in proc.stdout
    text = path.read_text(encoding="utf-8")
    assert SOLVED_MY_ABS in text and "def helper():" in text          # the rest is untouched
    stub_move = stub[slice(*[sum(len(x) for x in stub.splitlines(keepends=True)[:n])
                             for n in (definition_span(stub, "move")[0] - 1, definition_span(stub, "move")[1])])]
    assert stub_move in text and "def move(x, y):" not in text
    proc = run_grade("reset", "functions", "--yes", "--lang", "zh", cwd=template)
    assert proc.returncode == 0 and "已恢复：整个 starter/functions.py" in proc.stdout
    assert path.read_text(encoding="utf-8") == stub


def test_reset_asks_first(template):
    solve_my_abs(template)
    path = template / "starter" / "functions.py"
    before = path.read_text(encoding="utf-8")
    no = subprocess.run([sys.executable, "-m", "gradekit", "reset", "my_abs", "--lang", "en"], cwd=template,
                        input="n\n", capture_output=True, text=True)
    assert no.returncode == 1 and "reset my_abs in starter/functions.py to the original stub?" in no.stdout
    assert "nothing was reset" in no.stdout and path.read_text(encoding="utf-8") == before
    closed = subprocess.run([sys.executable, "-m", "gradekit", "reset", "my_abs"], cwd=template,
                            stdin=subprocess.DEVNULL, capture_output=True, text=True)
    assert closed.returncode == 1 and path.read_text(encoding="utf-8") == before
    yes = subprocess.run([sys.executable, "-m", "gradekit", "reset", "my_abs", "--lang", "zh"],
                         cwd=template, input="y\n", capture_output=True, text=True)
    assert yes.returncode == 0 and "恢复成最初的样子？" in yes.stdout
    assert path.read_text(encoding="utf-8") == stub_of(template)


def test_reset_in_a_repository_made_from_the_template_without_its_history(template):
    """GitHub's "use this template" starts a fresh history: the first commit holds the stubs."""
    shutil.rmtree(template / ".git")
    git = ["git", "-c", "user.name=GitHub", "-c", "user.email=gh@example.invalid"]
    subprocess.run(["git", "init", "-q"], cwd=template, check=True)
    subprocess.run(git + ["add", "-A"], cwd=template, check=True)
    subprocess.run(git + ["commit", "-qm", "Initial commit"], cwd=template, check=True)
    stub = (template / "starter" / "functions.py").read_text(encoding="utf-8")
    solve_my_abs(template)
    student_commit(template)
    assert run_grade("reset", "my_abs", "-y", cwd=template).returncode == 0
    assert (template / "starter" / "functions.py").read_text(encoding="utf-8") == stub


def test_reset_without_history_says_where_to_get_the_stub(template):
    shutil.rmtree(template / ".git")
    for lang, needle in (("en", "cannot find the original starter/functions.py"), ("zh", "找不到 starter/functions.py 最初的样子")):
        proc = run_grade("reset", "my_abs", "--yes", "--lang", lang, cwd=template)
        assert proc.returncode == 2 and needle in proc.stderr and "Traceback" not in proc.stderr


def test_reset_of_a_broken_file_offers_the_whole_topic(template):
    path = template / "starter" / "functions.py"
    path.write_text(path.read_text(encoding="utf-8").replace("def my_abs(x):", "def my_abs(x)"), encoding="utf-8")
    proc = run_grade("reset", "move", "--yes", "--lang", "en", cwd=template)
    assert proc.returncode == 2 and "grade reset functions resets the whole file" in flat(proc.stderr)


def test_list_and_next(template):
    solve_my_abs(template)
    listed = run_grade("list", "--lang", "en", cwd=template)
    assert listed.returncode == 1, listed.stderr
    rows = {line.replace("▶", " ").split()[0]: line for line in listed.stdout.splitlines() if line.strip()}
    assert "✓ done" in rows["my_abs"] and "4/4" in rows["my_abs"]
    assert "· not started" in rows["move"] and "0/3" in rows["move"]
    assert "1/3 exercises done" in listed.stdout
    assert "hidden checks" in listed.stdout and "the final grade includes them" in flat(listed.stdout)
    nxt = run_grade("next", "--lang", "zh", cwd=template)
    assert nxt.returncode == 0, nxt.stderr
    assert "下一个练习：functions · move" in nxt.stdout and "题目：exercises/functions/README.md" in nxt.stdout
    assert "还没有完成" in nxt.stdout  # what fails in it, worded as usual
    data = json.loads((template / ".gradekit" / "progress.json").read_text(encoding="utf-8"))
    assert data["current"] == "functions/move" and data["exercises"]["functions/my_abs"]["done"] is True


def test_bare_grade_without_a_terminal_is_grade_check(template):
    bare = run_grade("--lang", "en", "--seed", "3", cwd=template)
    check = run_grade("check", "--lang", "en", "--seed", "3", cwd=template)
    assert bare.returncode == check.returncode == 1
    assert bare.stdout == check.stdout and "gradekit report" in bare.stdout
    assert not (template / ".gradekit").exists()  # grade check keeps no progress
