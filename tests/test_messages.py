"""What a beginner reads for the mistakes beginners make, in Chinese and in English.

Each case is a real submission of the fixture kit's ``alpha`` topic (``double(x)``
returns ``2 * x``, ``greet(name)`` prints ``hello, <name>!``), graded through the
real runner and sandbox in one shared session.  For each, the first failing
check of the exercise is worded in both languages and compared with what a
student should see: what was called, what was expected or went wrong, where in
their file, and what to do about it.
"""

from __future__ import annotations

import shutil

import pytest

from gradekit.messages.catalogue import CATALOGUE, LANGS
from gradekit.messages.failures import word_failure
from gradekit.course.kit import load_kit
from gradekit.model import Check, Status
from gradekit.render.terminal import around_first_difference, display_message, shadow_warning, to_text
from gradekit.grading.runner import Submission, grade

from conftest import MINIKIT, write_submission

GREET = "\n\ndef greet(name):\n    print(f'hello, {name}!')\n"

#: name -> (files, exercise, {lang: [lines the message must contain, in order]}, fields of the detail)
CASES = {
    "stub": (
        {"alpha.py": (MINIKIT / "starter" / "alpha.py").read_text(encoding="utf-8")}, "double",
        {"en": ["double(21): not done yet (it still raises NotImplementedError)"],
         "zh": ["double(21)：还没有完成（仍然只会抛出 NotImplementedError）"]},
        {"kind": "todo"},
    ),
    "syntax": (
        {"alpha.py": "def double(x)\n    return 2 * x\n" + GREET}, "double",
        {"en": ["alpha.py line 1: syntax error: expected ':'", "    def double(x)", "                 ^"],
         "zh": ["alpha.py 第 1 行有语法错误：这里缺少冒号 :", "    def double(x)", "                 ^"]},
        {"kind": "syntax", "line": 1},
    ),
    "indentation": (
        {"alpha.py": "def double(x):\n    y = 2 * x\n      return y\n" + GREET}, "double",
        {"en": ["alpha.py line 3: syntax error: unexpected indent", "          return y",
                "every line of one block must start at the same column: indent each level by 4 spaces"],
         "zh": ["alpha.py 第 3 行有语法错误：这一行多了缩进", "          return y",
                "同一个代码块里的每一行要从同一列开始：每一层缩进用 4 个空格"]},
        {"kind": "syntax", "exc_type": "IndentationError", "line": 3},
    ),
    "fullwidth": (
        {"alpha.py": "def double(x)：\n    return 2 * x\n" + GREET}, "double",
        {"en": ["alpha.py line 1: syntax error: invalid character '：' (U+FF1A)", "    def double(x)：",
                "                 ^", "this looks like a Chinese (full-width) punctuation mark"],
         "zh": ["alpha.py 第 1 行有语法错误：无效的字符 '：'（U+FF1A）", "                 ^",
                "这像是中文标点（全角字符）：写代码时把输入法切换到英文"]},
        {"kind": "syntax", "line": 1},
    ),
    "name_error": (
        {"alpha.py": "def double(x):\n    twice = 2 * x\n    return twcie\n" + GREET}, "double",
        {"en": ["calling double(21) raised NameError: name 'twcie' is not defined (alpha.py, line 3)",
                "did you mean twice?"],
         "zh": ["调用 double(21) 时出错：NameError: name 'twcie' is not defined（alpha.py 第 3 行）",
                "你是不是想写 twice？"]},
        {"kind": "raised", "suggestion": "twice", "line": 3},
    ),
    "name_error_builtin": (
        {"alpha.py": "def double(x):\n    Print(x)\n    return 2 * x\n" + GREET}, "double",
        {"en": ["raised NameError: name 'Print' is not defined (alpha.py, line 2)", "did you mean print?"],
         "zh": ["NameError: name 'Print' is not defined（alpha.py 第 2 行）", "你是不是想写 print？"]},
        {"suggestion": "print"},
    ),
    "name_error_far": (
        {"alpha.py": "def double(x):\n    return zzz\n" + GREET}, "double",
        {"en": ["raised NameError: name 'zzz' is not defined (alpha.py, line 2)",
                "Python does not know this name: check spelling and capitals"],
         "zh": ["NameError: name 'zzz' is not defined（alpha.py 第 2 行）", "Python 不认识这个名字：检查拼写和大小写"]},
        {"kind": "raised"},
    ),
    "arity_call": (
        {"alpha.py": "def double(x, y):\n    return 2 * x\n" + GREET}, "double",
        {"en": ["called double(21)",
                "but your definition is double(x, y) (alpha.py, line 1), so Python says: "
                "double() missing 1 required positional argument: 'y'",
                "the call above is how the exercise uses it"],
         "zh": ["调用 double(21)", "但你的定义是 double(x, y)（alpha.py 第 1 行），所以 Python 报错：",
                "上面的调用就是题目要求的用法"]},
        {"signature": "double(x, y)", "def_line": 1, "line": 1, "file": "alpha.py"},
    ),
    "arity_inside": (
        {"alpha.py": "def helper(a, b=1, *rest, key):\n    return a\n\n\ndef double(x):\n    return helper(x, 1, 2)\n"
         + GREET}, "double",
        {"en": ["calling double(21) raised TypeError (alpha.py, line 6): helper() missing 1 required keyword-only "
                "argument: 'key'", "helper(a, b=1, *rest, key) is defined in alpha.py, line 1"],
         "zh": ["调用 double(21) 时出错（alpha.py 第 6 行）：helper() missing 1 required keyword-only argument",
                "helper(a, b=1, *rest, key) 定义在 alpha.py 第 1 行"]},
        {"signature": "helper(a, b=1, *rest, key)", "line": 6},
    ),
    "print_not_return": (
        {"alpha.py": "def double(x):\n    print(2 * x)\n" + GREET}, "double",
        {"en": ["called double(21)", "expected: 42", "got:      None (did you print instead of return?)"],
         "zh": ["调用 double(21)", "期望返回：42", "实际返回：None（是不是用了 print 而没有 return？）"]},
        {"kind": "returned", "actual": "None"},
    ),
    "recursion": (
        {"alpha.py": "def double(x):\n    return double(x) + 0\n" + GREET}, "double",
        {"en": ["calling double(21) never stopped (alpha.py, line 2): the function keeps calling itself (RecursionError).",
                "make sure one case returns without calling itself"],
         "zh": ["调用 double(21) 停不下来（alpha.py 第 2 行）：函数一直在调用自己（RecursionError）。",
                "要有一个不再调用自己、直接 return 的情况"]},
        {"exc_type": "RecursionError"},
    ),
    "generator_stop": (
        {"alpha.py": "def double(x):\n    def twice():\n        it = iter([])\n        yield next(it)\n"
                     "    return sum(twice()) + 2 * x\n" + GREET}, "double",
        {"en": ["calling double(21): a StopIteration escaped from your generator (alpha.py, line 4)",
                "end a generator with return; catch StopIteration around next() inside it"],
         "zh": ["调用 double(21) 时，StopIteration 从你的生成器里跑了出来（alpha.py 第 4 行）",
                "在生成器里用 return 结束"]},
        {"exc_type": "RuntimeError", "line": 4},
    ),
    "input_at_import": (
        {"alpha.py": "name = input('name? ')\n\n\ndef double(x):\n    return 2 * x\n" + GREET}, "double",
        {"en": ["importing alpha.py stopped at input() (alpha.py, line 1): the grader imports your file and nobody "
                "types anything.", "move input() into a function, or under if __name__ == '__main__':"],
         "zh": ["导入 alpha.py 时停在了 input()（alpha.py 第 1 行）：评分程序导入你的文件时没有人输入。",
                "放到 if __name__ == '__main__': 下面"]},
        {"kind": "import_raised", "exc_type": "EOFError"},
    ),
    "exit_at_import": (
        {"alpha.py": "def double(x):\n    return 2 * x\n" + GREET + "\nexit()\n"}, "double",
        {"en": ["importing alpha.py: your file calls exit() or sys.exit() at the top level (alpha.py, line 8)"],
         "zh": ["导入 alpha.py 时你的文件在顶层调用了 exit() 或 sys.exit()（alpha.py 第 8 行）"]},
        {"kind": "import_raised", "exc_type": "SystemExit"},
    ),
    "input_in_call": (
        {"alpha.py": "def double(x):\n    return 2 * int(input())\n" + GREET}, "double",
        {"en": ["calling double(21) ran input() (alpha.py, line 2), but nobody types anything"],
         "zh": ["调用 double(21) 时执行了 input()（alpha.py 第 2 行），但没有人输入"]},
        {"exc_type": "EOFError"},
    ),
    "exit_in_call": (
        {"alpha.py": "import sys\n\n\ndef double(x):\n    sys.exit(2 * x)\n" + GREET}, "double",
        {"en": ["calling double(21) ran exit() or sys.exit() (alpha.py, line 5): a function should return its result"],
         "zh": ["调用 double(21) 时执行了 exit() 或 sys.exit()（alpha.py 第 5 行）：函数应该用 return 交回结果"]},
        {"exc_type": "SystemExit"},
    ),
    "attribute": (
        {"alpha.py": "import math\n\n\ndef double(x):\n    return math.fabss(2 * x)\n" + GREET}, "double",
        {"en": ["AttributeError: module 'math' has no attribute 'fabss' (alpha.py, line 5)", "did you mean fabs?"],
         "zh": ["AttributeError: module 'math' has no attribute 'fabss'（alpha.py 第 5 行）", "你是不是想写 fabs？"]},
        {"suggestion": "fabs"},
    ),
    "shadowed": (
        {"alpha.py": "import random\n\n\ndef double(x):\n    return random.choice([2 * x])\n" + GREET,
         "random.py": "def shuffle(x):\n    pass\n"}, "double",
        {"en": ["module 'random' has no attribute 'choice'",
                "note: Python imported your random.py instead of the standard module of that name; "
                "rename it (e.g. my_random.py)"],
         "zh": ["module 'random' has no attribute 'choice'",
                "注意：Python 导入了你的 random.py，而不是同名的标准库模块；请给它改个名字（比如 my_random.py）"]},
        {"shadowed": "random.py"},
    ),
}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """Every case graded in one session (one pytest process, one sandbox per case)."""
    base = tmp_path_factory.mktemp("messages")
    kit_dir = base / "kit"
    shutil.copytree(MINIKIT, kit_dir)
    kit = load_kit(kit_dir)
    subs = [Submission(write_submission(base / name, files), name) for name, (files, *_rest) in CASES.items()]
    results = grade(kit, subs, seed=7, lang="en")
    return {sub.id: result for sub, result in zip(subs, results)}


def flat(text: str) -> str:
    """Text without the line breaks the report adds to fit the terminal."""
    return " ".join(text.split())


def first_failure(result, exercise: str) -> Check:
    (topic,) = result.topics
    ex = next(e for e in topic.exercises if e.name == exercise)
    return next(c for c in ex.checks if c.status is not Status.PASS)


def contains_in_order(text: str, needles: list[str]) -> bool:
    at = 0
    for needle in needles:
        at = text.find(needle, at)
        if at < 0:
            return False
        at += len(needle)
    return True


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", list(CASES))
def test_message(graded, case, lang):
    files, exercise, expected, fields = CASES[case]
    check = first_failure(graded[case], exercise)
    for key, value in fields.items():
        assert check.detail.get(key) == value, (key, check.detail)
    text = word_failure(check.detail, lang)
    assert contains_in_order(text, expected[lang]), f"{case} ({lang}):\n{text}"
    assert "Traceback" not in text
    if lang == "en":
        assert check.message == text  # the stored message is the same wording


def test_untouched_stub_is_not_done_not_an_error(graded):
    check = first_failure(graded["stub"], "double")
    assert check.status is Status.FAIL and check.detail["kind"] == "todo"


def test_locations_point_at_the_students_file(graded):
    for case in ("name_error", "recursion", "generator_stop", "input_at_import", "exit_at_import", "syntax"):
        check = first_failure(graded[case], "double")
        assert check.file == "alpha.py" and check.line, (case, check.detail)


def test_the_child_sends_only_plain_fields(graded):
    check = first_failure(graded["arity_call"], "double")
    assert isinstance(check.detail["signature"], str) and isinstance(check.detail["def_line"], int)


def test_report_warns_about_a_file_shadowing_a_standard_module(graded, tmp_path):
    folder = write_submission(tmp_path / "s", CASES["shadowed"][0])
    assert shadow_warning(folder, "en").startswith("warning: random.py in your folder has the name of a standard module")
    assert shadow_warning(folder, "zh").startswith("注意：你的文件夹里的 random.py 和标准库模块同名")
    assert shadow_warning(write_submission(tmp_path / "ok", {"alpha.py": ""}), "en") is None
    text = flat(to_text(graded["shadowed"], "en", notes=[shadow_warning(folder, "en")]))
    assert "warning: random.py in your folder" in text and "rename it (e.g. my_random.py)" in text


def test_every_message_exists_in_both_languages():
    for key, texts in CATALOGUE.items():
        assert set(texts) == set(LANGS), key
        assert all(texts[lang].strip() for lang in LANGS), key


# -- long values ----------------------------------------------------------------------


def long_check(expected: str, actual: str) -> Check:
    detail = {"kind": "returned", "call": "shout(s)", "expected": repr(expected), "actual": repr(actual),
              "expected_type": "str", "actual_type": "str"}
    return Check("x::t", "t", Status.FAIL, 0, 1, "public", word_failure(detail, "en"), detail)


def test_long_values_are_cut_around_the_first_difference():
    expected = "a" * 3000 + "XYZ" + "b" * 2000
    actual = "a" * 3000 + "xyz" + "b" * 2000
    check = long_check(expected, actual)
    for lang in LANGS:
        shown = display_message(check, lang)
        exp_line = next(line for line in shown.splitlines() if "XYZ" in line)
        got_line = next(line for line in shown.splitlines() if "xyz" in line)
        assert exp_line.count("a") < 100 and "…" in exp_line and "…" in got_line
        assert len(shown) < 600
    assert "first difference, at character 3002" in display_message(check, "en")
    assert "第 3002 个字符" in display_message(check, "zh")
    assert check.message.count("a") > 5000  # the stored message keeps the whole values


def test_short_values_are_shown_whole():
    check = long_check("hello", "hallo")
    assert display_message(check, "en") == check.message
    assert around_first_difference("'hello'", "'hallo'") is None


def test_difference_at_the_end_of_the_shorter_value():
    exp, got, first = around_first_difference("x" * 500, "x" * 400)
    assert first == 400 and exp.startswith("…") and got.startswith("…") and len(got) < len(exp)


def test_verbose_report_shows_values_whole(tmp_path):
    from gradekit.model import ExerciseResult, Result, TopicResult

    check = long_check("a" * 3000 + "X", "a" * 3000 + "Y")
    result = Result("0", {"path": str(tmp_path)}, "now", 0.1, 1, "en", "process",
                    topics=[TopicResult("alpha", "Alpha", [ExerciseResult("double", "Double", [check])])])
    assert "first difference" in to_text(result, "en") and "a" * 2000 not in to_text(result, "en")
    assert to_text(result, "en", verbose=True).replace("\n", "").count("a") > 6000


def test_report_says_the_final_grade_includes_hidden_checks(tmp_path):
    from gradekit.model import ExerciseResult, Hidden, Result, TopicResult

    check = Check("x::t", "t", Status.PASS, 1, 1, "public")
    result = Result("0", {"path": str(tmp_path)}, "now", 0.1, 1, "en", "process",
                    topics=[TopicResult("alpha", "Alpha", [ExerciseResult("double", "Double", [check])],
                                        Hidden(checks=4, points=9))])
    assert "4 hidden checks run at grading (9 points; the final grade includes them)" in flat(to_text(result, "en"))
    assert "另有 4 项隐藏检查将在最终评分时运行（9 分，计入最终成绩）" in flat(to_text(result, "zh"))


@pytest.mark.parametrize("lang,encoding", [("zh", "gbk"), ("en", "cp1252"), ("en", "gbk")])
def test_only_symbols_degrade_in_a_legacy_console(lang, encoding):
    """Every sentence survives a GBK (or cp1252) console: its words are all there, only symbols get stand-ins."""
    from gradekit.render.console import STAND_INS, UNKNOWN, degrade

    for key, texts in CATALOGUE.items():
        text = texts[lang]
        shown = degrade(text, encoding)
        assert shown.count(UNKNOWN) == text.count(UNKNOWN), (key, shown)
        assert shown == text or any(ch in text for ch in STAND_INS), (key, shown)
