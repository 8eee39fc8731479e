"""Text holds where students work: GBK and cp1252 consoles, files from Windows editors, folders named in Chinese.

The console tests run the real ``grade`` with ``PYTHONIOENCODING`` set and
stdout and stderr as pipes (what a Chinese Windows laptop gives a program
whose output is redirected), decode what it wrote strictly in that encoding,
and look for the real messages.  The student's files are written as Windows
editors write them: CRLF line endings, some with a UTF-8 BOM, in a folder
whose path holds Chinese characters and spaces (``C:\\Users\\名字\\My Course``).
"""

from __future__ import annotations

import codecs
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gradekit.render import console
from gradekit.student.stubs import definition_span

from conftest import ROOT, run_grade, solution_text

TOPICS = "basics,functions,closures,conditions"
BOM = codecs.BOM_UTF8
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>]")
MY_ABS_PRINTS = "def my_abs(x):\n    print(-x)\n"
MOVE_RAISES = "def move(x, y, step, angle=0):\n    return step / 0\n"


def windows(text: str, bom: bool = False) -> bytes:
    """``text`` as a Windows editor saves it: CRLF line endings, maybe a BOM."""
    return (BOM if bom else b"") + text.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8")


def replace_def(text: str, name: str, source: str) -> str:
    start, end = definition_span(text, name)
    lines = text.split("\n")
    lines[start - 1:end] = source.rstrip("\n").split("\n")
    return "\n".join(lines)


def line_of(text: str, prefix: str) -> int:
    return next(i for i, line in enumerate(text.split("\n"), 1) if line.startswith(prefix))


def grade_in(cwd: Path, *args, encoding: str) -> tuple[int, str, str]:
    """``grade`` with stdout and stderr as pipes in ``encoding``; its output decoded strictly in it."""
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    proc = subprocess.run([sys.executable, "-m", "gradekit", *map(str, args)], cwd=cwd, capture_output=True,
                          env=env, timeout=600)
    out, err = proc.stdout.decode(encoding), proc.stderr.decode(encoding)  # strict: it really is that encoding
    assert "Traceback" not in out + err and "UnicodeEncodeError" not in out + err, out + err
    return proc.returncode, out, err


# -- the stand-ins themselves ------------------------------------------------------------------------


def test_stand_ins_keep_what_the_encoding_can_write():
    assert console.degrade("✓ 通过 ✗ ▶ ⏱ · …", "utf-8") == "✓ 通过 ✗ ▶ ⏱ · …"
    assert console.degrade("✓ 通过 ✗ ▶ ⏱ · … 🎉", "gbk") == "√ 通过 × > T · … *"
    assert console.degrade("✓ ok ✗ ▶ · …", "cp1252") == "v ok × > · …"
    assert console.degrade("✓ ✗ · …", "ascii") == "v x . ..."
    assert console.degrade("全部：（x）", "cp1252") == "??:(x)"  # the compatibility form, else ?
    assert console.stand_in("✓", "gbk") == "√" and console.stand_in("✓", "cp437") == "√"


@pytest.mark.parametrize("encoding", ["gbk", "cp1252", "ascii"])
def test_configured_streams_write_stand_ins_instead_of_raising(encoding, monkeypatch):
    with pytest.raises(UnicodeEncodeError):
        io.TextIOWrapper(io.BytesIO(), encoding=encoding).write("✓")  # what Python does by itself
    out, err = io.BytesIO(), io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(out, encoding=encoding))
    monkeypatch.setattr(sys, "stderr", io.TextIOWrapper(err, encoding=encoding))
    console.configure_streams()
    print("✓ ok ✗ done 🎉")
    print("✗ oops", file=sys.stderr)
    sys.stdout.flush()
    sys.stderr.flush()
    stand = console.degrade("✓", encoding), console.degrade("✗", encoding)
    assert out.getvalue().decode(encoding).strip() == f"{stand[0]} ok {stand[1]} done *"
    assert err.getvalue().decode(encoding).strip() == f"{stand[1]} oops"


def test_a_windows_console_is_written_for_its_code_page(monkeypatch):
    """A real Windows console takes UTF-16 (the stream says UTF-8) but shows only its code page: 936 here."""
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", stream)
    monkeypatch.setattr(console, "windows_code_page", lambda s: "cp936" if s is stream else None)
    console.configure_streams()
    assert isinstance(sys.stdout, console.CodePageStream) and sys.stdout.encoding == "utf-8"
    print("✓ 通过 ▶ 下一个")
    sys.stdout.flush()
    assert raw.getvalue().decode("utf-8") == "√ 通过 > 下一个\n"
    assert console.windows_code_page(sys.__stdout__) is None  # not Windows: nothing to ask


# -- a student's template on a Windows laptop ---------------------------------------------------------


@pytest.fixture(scope="module")
def released(released_template):
    return released_template("名字 课程/My Course", TOPICS)   # a home folder as Windows users name it


class Laptop:
    """The template with files as Windows editors save them: one passing, one failing, one untouched, one broken."""

    def __init__(self, root: Path):
        self.root = root
        starter = root / "starter"
        (starter / "basics.py").write_bytes(windows(solution_text("basics"), bom=True))
        functions = (starter / "functions.py").read_text(encoding="utf-8")
        functions = replace_def(replace_def(functions, "my_abs", MY_ABS_PRINTS), "move", MOVE_RAISES)
        self.move_line = line_of(functions, "    return step / 0")
        (starter / "functions.py").write_bytes(windows(functions, bom=True))
        closures = starter / "closures.py"
        closures.write_bytes(windows(closures.read_text(encoding="utf-8")))  # a stub, only re-saved: not started
        conditions = (starter / "conditions.py").read_text(encoding="utf-8").replace(
            "def age_group(age):", "def age_group(age)")
        self.syntax_line = line_of(conditions, "def age_group(age)")
        (starter / "conditions.py").write_bytes(windows(conditions, bom=True))
        self.runs: dict[tuple, tuple[int, str, str]] = {}

    def grade(self, *args, encoding: str) -> tuple[int, str, str]:
        key = (*args, encoding)
        if key not in self.runs:
            self.runs[key] = grade_in(self.root, *args, encoding=encoding)
        return self.runs[key]


@pytest.fixture(scope="module")
def laptop(released, tmp_path_factory):
    dest = released.parent / "laptop"
    shutil.copytree(released, dest, symlinks=True)
    return Laptop(dest)


@pytest.fixture
def template(released, tmp_path):
    dest = released.parent / f"copy {tmp_path.name}"
    shutil.copytree(released, dest, symlinks=True)
    yield dest
    shutil.rmtree(dest, ignore_errors=True)


def test_check_in_a_gbk_console_in_chinese(laptop):
    code, out, err = laptop.grade("check", "--lang", "zh", "--all", encoding="gbk")
    assert code == 1
    assert "gradekit 评分报告" in out and "总分" in out and "需要修改的地方" in out
    assert re.search(r"basics .*√{5,}", out) and re.search(r"functions .*×", out)
    assert "✓" not in out and "✗" not in out
    assert "实际返回：None（是不是用了 print 而没有 return？）" in out
    assert f"(functions.py:{laptop.move_line})" in out and "ZeroDivisionError" in out
    assert "lazy_sum(1, 3, 5, 7, 9)：还没有完成（仍然只会抛出 NotImplementedError）" in out
    assert f"conditions.py 第 {laptop.syntax_line} 行有语法错误：这里缺少冒号 :" in out
    assert f"(conditions.py:{laptop.syntax_line})" in out


def test_check_in_a_gbk_console_in_english(laptop):
    code, out, err = laptop.grade("check", "--lang", "en", "--all", encoding="gbk")
    assert code == 1
    assert "gradekit report" in out and "what to fix:" in out and re.search(r"basics .*√{5,}", out)
    assert "got:      None (did you print instead of return?)" in out
    assert "lazy_sum(1, 3, 5, 7, 9): not done yet" in out
    assert f"conditions.py line {laptop.syntax_line}: syntax error: expected ':'" in out


def test_check_in_a_cp1252_console(laptop):
    code, out, err = laptop.grade("check", "--lang", "en", "--all", encoding="cp1252")
    assert code == 1
    assert re.search(r"basics .*v{5,}", out) and re.search(r"functions .*×", out)
    assert "got:      None (did you print instead of return?)" in out
    assert f"conditions.py line {laptop.syntax_line}: syntax error: expected ':'" in out
    assert f"(functions.py:{laptop.move_line})" in out


def test_a_crlf_bom_solution_scores_and_a_crlf_stub_is_not_started(laptop, tmp_path):
    out = tmp_path / "result.json"
    code, _, _ = grade_in(laptop.root, "check", "basics", "closures", "--json", out, encoding="gbk")
    result = json.loads(out.read_text(encoding="utf-8"))
    topics = {t["slug"]: t for t in result["topics"]}
    assert topics["basics"]["score"] == topics["basics"]["max_score"] > 0  # structure checks included
    assert any("structure" in c["id"] or "uses" in c["name"] for e in topics["basics"]["exercises"]
               for c in e["checks"])
    assert all(c["detail"].get("kind") == "todo" for e in topics["closures"]["exercises"] for c in e["checks"])


def test_list_hint_next_in_a_gbk_console(laptop):
    code, out, _ = laptop.grade("list", "--lang", "zh", encoding="gbk")
    rows = out.splitlines()
    assert any(re.search(r"^\s*is_leap_year .*√ 完成", row) for row in rows)
    assert any(re.search(r"^\s*lazy_sum .*· 未开始", row) for row in rows)  # CRLF stubs are not started
    assert any(re.search(r"^\s*my_abs .*× 未通过", row) for row in rows)
    assert any(row.startswith(">") and "age_group" in row for row in rows)  # ▶ marks the current exercise
    assert "已完成" in out

    code, out, _ = laptop.grade("hint", "functions/my_abs", "--lang", "zh", encoding="gbk")
    assert code == 0 and "functions · my_abs" in out and "提示 1/" in out

    code, out, _ = laptop.grade("next", "--lang", "zh", encoding="gbk")
    assert code == 0 and "下一个练习：conditions · age_group" in out
    assert "× conditions · age_group" in out and f"conditions.py 第 {laptop.syntax_line} 行有语法错误" in out


def test_list_in_a_cp1252_console(laptop):
    code, out, _ = laptop.grade("list", "--lang", "en", encoding="cp1252")
    assert "v done" in out and "· not started" in out and "× failing" in out
    assert any(row.startswith(">") and "age_group" in row for row in out.splitlines())


def test_errors_on_stderr_in_a_gbk_console(laptop):
    code, out, err = grade_in(laptop.root, "check", "--submission", laptop.root / "✓ 名字", encoding="gbk")
    assert code == 2 and "√ 名字: not a folder" in err
    code, out, err = grade_in(laptop.root, "check", "--submission", laptop.root / "✓ 名字", encoding="cp1252")
    assert code == 2 and "v ??: not a folder" in err


# -- files and folders from Windows -------------------------------------------------------------------------


def test_crlf_bom_solutions_in_a_chinese_folder_score_full_marks(tmp_path):
    folder = tmp_path / "名字 课程" / "作业 1"
    folder.mkdir(parents=True)
    for slug in ("basics", "functions"):
        (folder / f"{slug}.py").write_bytes(windows(solution_text(slug), bom=slug == "basics"))
    out = folder / "结果.json"
    proc = run_grade("check", "basics", "functions", "--submission", folder, "--json", out)
    assert proc.returncode == 0, proc.stdout + proc.stderr  # hidden checks and structure checks included
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["score"] == result["max_score"] > 0 and result["hidden"]["checks"] == 0


def test_a_kit_written_on_windows(minikit):
    """exercise.toml, statements, graders and solutions with CRLF: the kit loads, hints and checks read right."""
    for path in minikit.rglob("*"):
        if path.suffix in (".py", ".toml", ".md") and "__pycache__" not in path.parts:
            path.write_bytes(windows(path.read_text(encoding="utf-8"), bom=path.name == "solution.py"))
    code, out, err = grade_in(minikit, "hint", "alpha/double", "--lang", "en", encoding="cp1252")
    assert code == 0 and "hint 1/1: Return 2 * x." in out.splitlines() and "\r" not in out
    folder = minikit / "作业"
    folder.mkdir()
    shutil.copy(minikit / "exercises" / "alpha" / "solution.py", folder / "alpha.py")
    code, out, err = grade_in(minikit, "check", "--submission", folder, "--lang", "zh", encoding="gbk")
    assert code == 0, out + err
    assert "全部通过！" in out


def test_reset_keeps_a_crlf_bom_file_as_it_was(template):
    path = template / "starter" / "functions.py"
    solved = windows(solution_text("functions"), bom=True)
    path.write_bytes(solved)
    code, out, err = grade_in(template, "reset", "functions/my_abs", "--yes", "--lang", "zh", encoding="gbk")
    assert code == 0, err
    assert "已恢复" in out
    data = path.read_bytes()
    assert data.startswith(BOM) and data.count(b"\n") == data.count(b"\r\n") > 10
    text = data.decode("utf-8-sig").replace("\r\n", "\n")
    compile(data, str(path), "exec")
    start, end = definition_span(text, "my_abs")
    assert "raise NotImplementedError" in "\n".join(text.split("\n")[start - 1:end])
    assert text.replace("\n", "\r\n").encode("utf-8") != solved[3:]
    solution = solution_text("functions")
    s_start, s_end = definition_span(solution, "move")
    start, end = definition_span(text, "move")
    assert text.split("\n")[start - 1:end] == solution.split("\n")[s_start - 1:s_end]  # the rest is untouched

    out_json = template / "r.json"
    code, out, _ = grade_in(template, "check", "functions", "--json", out_json, encoding="gbk")
    exercises = {e["name"]: e for e in json.loads(out_json.read_text(encoding="utf-8"))["topics"][0]["exercises"]}
    assert all(c["detail"].get("kind") == "todo" for c in exercises["my_abs"]["checks"])
    assert all(c["status"] == "pass" for c in exercises["move"]["checks"])

    code, out, err = grade_in(template, "reset", "functions", "--yes", "--lang", "en", encoding="cp1252")
    assert code == 0, err
    data = path.read_bytes()
    assert data.startswith(BOM) and data.count(b"\n") == data.count(b"\r\n")
    stub = subprocess.run(["git", "show", "HEAD:starter/functions.py"], cwd=template, capture_output=True,
                          check=True).stdout
    assert data == BOM + stub.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def test_reset_of_a_file_saved_in_gbk_says_what_to_do(template):
    path = template / "starter" / "functions.py"
    text = "# 我的作业（用记事本保存）\n" + solution_text("functions")
    path.write_bytes(text.replace("\n", "\r\n").encode("gbk", "replace"))
    code, out, err = grade_in(template, "reset", "functions/my_abs", "--yes", "--lang", "zh", encoding="gbk")
    assert code == 2 and "没法只恢复一个练习" in err and "grade reset functions" in err


# -- watch mode in a GBK terminal -----------------------------------------------------------------------------


@pytest.mark.slow
def test_watch_mode_in_a_gbk_terminal(laptop, tmp_path):
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed (.ci/run installs it)")
    from test_watch import Pane

    pane = Pane(laptop.root, ["--lang", "zh"], tmp_path, env={"PYTHONIOENCODING": "gbk"})
    try:
        def written() -> str:
            return ANSI.sub("", pane.output().decode("gbk", "replace"))

        prompt = "n 下一个 · p 上一个 · h 提示 · l 列表 · c 全部检查 · r 重置 · q 退出"
        shown = pane.wait_for(lambda s: prompt in s, read=written)
        assert "gradekit · 边写边查" in shown and "> conditions · age_group" in shown
        assert f"conditions.py 第 {laptop.syntax_line} 行有语法错误" in shown
        pane.press("l")
        shown = pane.wait_for(lambda s: "未开始" in s and "Esc 或 q 关闭" in s, read=written)
        assert "√ 完成" in shown
        pane.press("q")  # closes the list
        pane.wait_for(lambda s: s.count(prompt) >= 2, read=written)
        pane.press("q")
        shown = pane.wait_for(lambda s: "[grade exited with 0]" in s, read=written)
        assert "进度已保存在" in shown
        raw = pane.output()
        raw.decode("gbk")  # strict: every byte the terminal got is GBK
        assert b"Traceback" not in raw and "✓".encode("utf-8") not in raw
    finally:
        pane.close()
