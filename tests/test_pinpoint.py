"""Issue 14, engine side: an untouched stub is "not started" for every check, and failures point at the
line that is wrong (where a stopped child was, the recursive call, the ``print``), in both languages.

Everything runs through real ``grade`` subprocesses and real sandboxes, as a student meets it.
"""

from __future__ import annotations

import json
import os
import shutil
import time

import pytest

from gradekit.messages.failures import word_failure
from gradekit.model import Check
from gradekit.render.report import _state

from conftest import MINIKIT, ROOT, bwrap_usable, read_json, run_grade, write_submission

GREET = "\n\ndef greet(name):\n    print(f'hello, {name}!')\n"
#: Topics whose stubs used to fail a structural rule or a shape check instead of being "not started".
STRUCTURAL = ["basics", "user_input", "matching", "lambdas", "partials", "modules", "enums", "file_io"]


def env_at(level: str | None = None) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "GRADEKIT_ISOLATION"}
    if level:
        env["GRADEKIT_ISOLATION"] = level
    return env


LEVELS = ["portable", pytest.param("bwrap", marks=pytest.mark.skipif(not bwrap_usable(), reason="no bubblewrap"))]


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """A copy of the course kit with its untouched starter files (``grade list`` keeps progress in the kit)."""
    kit = tmp_path_factory.mktemp("course") / "kit"
    for part in ("exercises", "graders", "starter"):
        shutil.copytree(ROOT / part, kit / part, ignore=shutil.ignore_patterns("__pycache__"))
    return kit


def exercises(data: dict):
    for topic in data["topics"]:
        for ex in topic["exercises"]:
            yield topic["slug"], ex


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_untouched_starter_is_not_started_in_list_and_check(course, tmp_path, lang):
    listed = run_grade("list", "--kit", course, "--lang", lang, *STRUCTURAL, cwd=tmp_path)
    assert listed.returncode in (0, 1), listed.stderr
    rows = [line for line in listed.stdout.splitlines() if line.startswith("  ") and ("·" in line or "✗" in line)]
    assert rows and "✗" not in listed.stdout, listed.stdout
    assert all(("未开始" if lang == "zh" else "not started") in row for row in rows), listed.stdout

    out = tmp_path / "r.json"
    checked = run_grade("check", "--kit", course, "--lang", lang, "--json", out, *STRUCTURAL, cwd=tmp_path)
    assert checked.returncode != 2, checked.stderr
    data = read_json(out)
    for slug, ex in exercises(data):
        checks = [Check.from_dict(c) for c in ex["checks"]]
        assert _state(checks) == "todo", (slug, ex["name"], [c.message for c in checks])
    by_name = {ex["name"]: ex for _, ex in exercises(data)}
    rule = next(c for c in by_name["is_leap_year"]["checks"] if c["name"] == "test_uses_boolean_operators")
    month = by_name["Month"]["checks"][0]
    if lang == "en":
        assert rule["message"] == "is_leap_year: not done yet (it still raises NotImplementedError)"
        assert month["message"] == "Month: not done yet (enums.py, line 13 is still the empty stub)"
    else:
        assert rule["message"] == "is_leap_year：还没有完成（仍然只会抛出 NotImplementedError）"
        assert month["message"] == "Month：还没有完成（enums.py 第 13 行还是题目给的空壳）"
    assert "and / or" not in checked.stdout


def test_a_written_function_still_meets_the_rule(course, tmp_path):
    """The rule is only put off while the body is the stub: written code is judged by it."""
    starter = (course / "starter" / "basics.py").read_text(encoding="utf-8")
    nested = ("def is_leap_year(year):\n    if year % 400 == 0:\n        return True\n"
              "    if year % 100 == 0:\n        return False\n    return year % 4 == 0\n")
    sub = write_submission(tmp_path / "s", {"basics.py": starter.replace(
        'def is_leap_year(year):\n    """', 'def _old(year):\n    """') + "\n\n" + nested})
    out = tmp_path / "r.json"
    run_grade("check", "--kit", course, "--submission", sub, "--lang", "en", "--json", out, "basics", cwd=tmp_path)
    ex = next(e for _, e in exercises(read_json(out)) if e["name"] == "is_leap_year")
    rule = next(c for c in ex["checks"] if c["name"] == "test_uses_boolean_operators")
    assert rule["status"] == "fail" and rule["detail"]["kind"] == "structure", rule
    assert "join the conditions with and / or" in rule["message"]
    assert _state([Check.from_dict(c) for c in ex["checks"]]) == "failing"


def flat(text: str) -> str:
    return " ".join(text.split())


def squash(text: str) -> str:
    """Text without any white space: the terminal wraps Chinese text anywhere."""
    return "".join(text.split())


def grade_alpha(tmp_path, files: dict, lang: str, *extra, level: str | None = None):
    kit = tmp_path / "kit"
    if not kit.exists():
        shutil.copytree(MINIKIT, kit)
    sub = write_submission(tmp_path / f"sub-{lang}", files)
    out = tmp_path / f"r-{lang}.json"
    started = time.monotonic()
    proc = run_grade("check", "--kit", kit, "--submission", sub, "--lang", lang, "--json", out, "--public-only",
                     *extra, cwd=tmp_path, env=env_at(level))
    took = time.monotonic() - started
    assert proc.returncode != 2, proc.stderr
    data = read_json(out)
    double = next(e for _, e in exercises(data) if e["name"] == "double")
    return double["checks"][0], flat(proc.stdout), took


LOOP = ("def spin(n):\n    total = 0\n    while n > 0:\n        total += 1\n    return total\n\n\n"
        "def double(x):\n    y = 2 * x\n    return spin(y)\n" + GREET)


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_timeout_names_the_line_it_was_stopped_at(tmp_path, lang, level):
    check, shown, _ = grade_alpha(tmp_path, {"alpha.py": LOOP}, lang, level=level)
    assert check["status"] == "timeout"
    assert (check["detail"]["file"], check["detail"]["line"], check["detail"]["function"]) == ("alpha.py", 3, "spin")
    assert check["detail"]["stack"] == [["alpha.py", 3, "spin"], ["alpha.py", 10, "double"]]
    if lang == "en":
        assert ("double(21) was stopped after 2.0 s, while running alpha.py, line 3 (in spin): an infinite loop? "
                "the calls it was in, innermost last: alpha.py, line 10, in double alpha.py, line 3, in spin") in shown
    else:
        assert squash("double(21) 运行超过 2.0 秒被停止了，停下时正在执行 alpha.py 第 3 行（函数 spin）：是不是有死循环？ "
                      "停下时的调用，最里面的在最后： alpha.py 第 10 行，函数 double alpha.py 第 3 行，函数 spin") in squash(shown)
    assert "sandbox/child" not in shown and "server.py" not in shown and "watchdog" not in shown


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_import_timeout_names_the_line_and_the_top_level_call(tmp_path, lang):
    files = {"alpha.py": "def double(x):\n    return 2 * x\n\n\ndef spin():\n    while True:\n        pass\n\n\n"
                         "spin()\n" + GREET}
    check, shown, _ = grade_alpha(tmp_path, files, lang, "--timeout", "0.5")
    detail = check["detail"]
    assert check["status"] == "timeout" and detail["file"] == "alpha.py" and detail["function"] == "spin"
    line = detail["line"]
    assert line in (6, 7) and detail["stack"] == [["alpha.py", line, "spin"], ["alpha.py", 10, "<module>"]]
    if lang == "en":
        assert (f"importing your file was stopped after 1.5 s, while running alpha.py, line {line} (in spin): "
                "an infinite loop or input() at the top level? the calls it was in, innermost last: "
                f"alpha.py, line 10, at the top level alpha.py, line {line}, in spin") in shown
    else:
        assert squash(f"导入你的文件时运行超过 1.5 秒被停止了，停下时正在执行 alpha.py 第 {line} 行（函数 spin）："
                      "顶层代码里有死循环或 input()？停下时的调用，最里面的在最后："
                      f"alpha.py 第 10 行，文件顶层 alpha.py 第 {line} 行，函数 spin") in squash(shown)


#: A student who writes forged notes on every pipe it can find, from a thread, while it loops forever.
FORGER = '''
import os, stat, threading, time

def forge():
    junk = [b'{"note":"where","id":%d,"frames":[["evil.py",7,"f"],["evil.py",8,"g"]]}\\n' % i for i in range(1, 60)]
    junk += [b'{"note":"where","id":3,"frames":[["/etc/passwd",1,"x"]]}\\n', b'{"note":' + b'x' * 100000 + b'\\n']
    while True:
        for fd in range(3, 40):
            try:
                if not stat.S_ISFIFO(os.fstat(fd).st_mode):
                    continue
                for line in junk:
                    os.write(fd, line)
            except OSError:
                continue
        time.sleep(0.01)


def double(x):
    threading.Thread(target=forge, daemon=True).start()
    while True:
        pass
''' + GREET


@pytest.mark.parametrize("level", LEVELS)
def test_forged_notes_are_data_and_the_child_is_still_stopped_on_time(tmp_path, level):
    check, shown, took = grade_alpha(tmp_path, {"alpha.py": FORGER}, "en", level=level)
    assert check["status"] in ("timeout", "fail"), check   # a protocol error is a fair end too
    assert took < 20
    assert "evil.py" not in shown and "/etc/passwd" not in shown
    assert check["detail"].get("file", "alpha.py") == "alpha.py"
    if "line" not in check["detail"]:   # the forged frame was dropped whole, its function name too
        assert "function" not in check["detail"]
    assert "evil.py" not in str(check["detail"].get("stack", ""))


RECURSES = ("def double(x):\n    if len(str(x)) == 0:\n        return 0\n    return double(x - 1) + 2\n" + GREET)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_recursion_error_points_at_the_recursive_call(tmp_path, lang):
    check, shown, _ = grade_alpha(tmp_path, {"alpha.py": RECURSES}, lang)
    assert check["detail"]["exc_type"] == "RecursionError" and check["line"] == 4
    if lang == "en":
        assert "calling double(21) never stopped (alpha.py, line 4): the function keeps calling itself" in shown
    else:
        assert squash("调用 double(21) 停不下来（alpha.py 第 4 行）：函数一直在调用自己") in squash(shown)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_print_instead_of_return_points_at_the_print(tmp_path, lang):
    files = {"alpha.py": "def double(x):\n    y = 2 * x\n    if y:\n        print(y)\n" + GREET}
    check, shown, _ = grade_alpha(tmp_path, files, lang)
    assert check["detail"]["kind"] == "returned" and check["line"] == 4 and check["detail"]["def_line"] == 1
    if lang == "en":
        assert ("got: None (did you print instead of return?) alpha.py, line 4 calls print: print only shows the "
                "result, a function gives it back with return") in shown
    else:
        assert squash("实际返回：None（是不是用了 print 而没有 return？） alpha.py 第 4 行调用了 print：print "
                      "只是把结果显示出来，函数要用 return 把它交回给调用者") in squash(shown)


def test_no_print_no_print_line(tmp_path):
    """A function that forgot its return and prints nothing is not told about a print it does not have."""
    check, shown, _ = grade_alpha(tmp_path, {"alpha.py": "def double(x):\n    y = 2 * x\n" + GREET}, "en")
    assert check["line"] == 1 and "print_line" not in check["detail"]
    assert "calls print" not in shown
    assert "calls print" not in word_failure(check["detail"], "en")


@pytest.mark.parametrize("lang, words", [
    ("en", "alpha.py is missing (deleted or renamed? run grade reset alpha to bring back the original file)"),
    ("zh", "找不到 alpha.py（是不是被删除或改名了？运行 grade reset alpha 可以把原来的文件找回来）")], ids=["en", "zh"])
def test_a_deleted_file_names_the_grade_reset_that_brings_it_back(tmp_path, lang, words):
    check, shown, _ = grade_alpha(tmp_path, {"notes.txt": "my alpha.py is gone\n"}, lang)
    assert check["detail"]["kind"] == "no_file" and check["detail"]["topic"] == "alpha"
    assert "".join(words.split()) in "".join(shown.split())  # the terminal may wrap it anywhere


@pytest.mark.parametrize("function", ["x\n::error file=a.py,line=1::FORGED", "spin\x1b[31m", "[bold red]spin", "a b", ""])
def test_a_renamed_code_object_cannot_write_into_the_timeout_message(function):
    """co_name is the student's to set (code.replace): a name that is no identifier drops the note."""
    from gradekit.sandbox.notes import frames_of

    note = {"note": "where", "id": 3, "frames": [["alpha.py", 3, function], ["alpha.py", 10, "double"]]}
    assert frames_of(json.dumps(note).encode(), 3) == []
    note["frames"][0][2] = "<listcomp>"
    assert frames_of(json.dumps(note).encode(), 3) == [["alpha.py", 3, "<listcomp>"], ["alpha.py", 10, "double"]]


@pytest.mark.parametrize("lang, words", [
    ("en", "they differ from character 6: expected ',', got '，'"),
    ("zh", "从第 6 个字符开始不同：期望 ','，实际 '，'")], ids=["en", "zh"])
def test_text_that_looks_alike_names_the_first_character_that_differs(tmp_path, lang, words):
    """A full-width comma typed by the input method looks like the ASCII one: the failure says where they part."""
    files = {"alpha.py": "def double(x):\n    return str(2 * x)\n\n\ndef greet(name):\n    print(f'hello，{name}!')\n"}
    double, shown, _ = grade_alpha(tmp_path, files, lang)
    assert "from character" not in double["message"] and "个字符" not in double["message"]  # 42 vs '42': no characters to name
    assert words in shown
    sub = tmp_path / f"sub-{lang}"
    (sub / "alpha.py").write_text("def double(x):\n    return 2 * x\n\n\ndef greet(name):\n    print(f'hello, {name}')\n",
                                  encoding="utf-8")
    ended = run_grade("check", "--kit", tmp_path / "kit", "--submission", sub, "--lang", lang, "--public-only")
    assert ("from character 11: expected '!', got '\\n'" if lang == "en" else "从第 11 个字符开始不同：期望 '!'，实际 '\\n'") \
        in flat(ended.stdout)


SYNTAX_MISTAKES = ["def f(x)\n  pass\n", "x = (1,\n", "print 'a'\n", "s = 'abc\n", "if x = 1:\n  pass\n",
                   "def f():\nreturn 1\n", "x = 1)\n", "x = 1abc\n", "return 3\n", "if True:\n    x=1\n  y=2\n",
                   "x = [1, 2}\n", "f(a b)\n", "def f(x)：\n  pass\n", "if x:\n        y = 1\n    z = 2\n"]


@pytest.mark.parametrize("source", SYNTAX_MISTAKES)
def test_a_beginners_syntax_error_reads_in_chinese(source):
    """The messages this Python really gives for the commonest slips: in Chinese, no English word is left
    (only the code they quote)."""
    import re

    from gradekit.messages.failures import syntax_words

    try:
        compile(source, "x.py", "exec")
    except SyntaxError as exc:
        message = exc.msg
    words = syntax_words(message, "zh")
    assert words != message and not re.search(r"[A-Za-z]{3,}", re.sub(r"'[^']*'|print|return|Python|==", "", words)), \
        (message, words)
    assert syntax_words(message, "en") == message
