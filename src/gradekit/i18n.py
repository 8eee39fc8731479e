"""Every sentence a student reads, in Chinese and English.

Messages are catalogue entries keyed by name; failure details (from
``gradekit.grader.CheckFailure`` and the plugin's ``classify``) are worded here
and nowhere else, so a new language is one more column, not a hunt through the
code.  ``pick_lang`` decides the language: ``--lang`` wins, then the locale.
"""

from __future__ import annotations

import os

LANGS = ("zh", "en")

CATALOGUE: dict[str, dict[str, str]] = {
    # failure kinds -------------------------------------------------------------
    "returned": {
        "zh": "调用 {call}\n期望返回：{expected}\n实际返回：{actual}",
        "en": "called {call}\nexpected: {expected}\ngot:      {actual}",
    },
    "returned_none": {
        "zh": "调用 {call}\n期望返回：{expected}\n实际返回：None（是不是用了 print 而没有 return？）",
        "en": "called {call}\nexpected: {expected}\ngot:      None (did you print instead of return?)",
    },
    "type_differs": {
        "zh": "（类型不同：期望 {expected_type}，得到 {actual_type}）",
        "en": "(types differ: expected {expected_type}, got {actual_type})",
    },
    "raised": {
        "zh": "调用 {call} 时出错：{exc_type}: {exc_message}{at}",
        "en": "calling {call} raised {exc_type}: {exc_message}{at}",
    },
    "todo": {
        "zh": "{call}：还没有完成（仍然是 raise NotImplementedError）",
        "en": "{call}: not done yet (it still raises NotImplementedError)",
    },
    "no_raise": {
        "zh": "调用 {call} 应该抛出 {expected}，但它返回了 {actual}",
        "en": "calling {call} should raise {expected}, but it returned {actual}",
    },
    "wrong_exception": {
        "zh": "调用 {call} 应该抛出 {expected}，实际抛出了 {exc_type}: {exc_message}{at}",
        "en": "calling {call} should raise {expected}, but it raised {exc_type}: {exc_message}{at}",
    },
    "wrong_message": {
        "zh": "调用 {call} 抛出了 {exc_type}，但消息不对\n期望消息：{expected}\n实际消息：{actual}",
        "en": "calling {call} raised {exc_type} with the wrong message\nexpected: {expected}\ngot:      {actual}",
    },
    "printed": {
        "zh": "调用 {call}\n期望打印：{expected}\n实际打印：{actual}",
        "en": "called {call}\nexpected output: {expected}\nactual output:   {actual}",
    },
    "structure": {
        "zh": "{file}：{zh}",
        "en": "{file}: {en}",
    },
    "custom": {"zh": "{zh}", "en": "{en}"},
    "timeout": {
        "zh": "{call} 运行超过 {seconds} 秒被停止了（是不是有死循环？）",
        "en": "{call} was stopped after {seconds} s (an infinite loop?)",
    },
    "timeout_import": {
        "zh": "导入你的文件时运行超过 {seconds} 秒被停止了（顶层代码里有死循环或 input()？）",
        "en": "importing your file was stopped after {seconds} s (an infinite loop or input() at the top level?)",
    },
    "crashed": {
        "zh": "你的程序在运行 {call} 时退出了（退出码 {returncode}）",
        "en": "your program exited while running {call} (exit code {returncode})",
    },
    "crashed_import": {
        "zh": "你的程序在被导入时退出了（退出码 {returncode}）。不要在文件顶层调用 exit() 或 os._exit()",
        "en": "your program exited while being imported (exit code {returncode}); do not call exit() or os._exit() at the top level",
    },
    "stale": {
        "zh": "{call}：这个对象来自一次被停止的运行（前面的调用超时或退出了）",
        "en": "{call}: this object came from a run that was stopped (an earlier call timed out or exited)",
    },
    "protocol": {
        "zh": "{call}：你的程序送回了无法识别的数据（{reason}）",
        "en": "{call}: your program sent back data the grader cannot accept ({reason})",
    },
    "syntax": {
        "zh": "{file} 第 {line} 行有语法错误：{exc_message}{caret}",
        "en": "{file} line {line}: syntax error: {exc_message}{caret}",
    },
    "import_raised": {
        "zh": "导入 {file} 时出错：{exc_type}: {exc_message}{at}",
        "en": "importing {file} raised {exc_type}: {exc_message}{at}",
    },
    "no_file": {
        "zh": "找不到这个主题的文件（是不是被删除或改名了？用 grade reset 可以恢复）",
        "en": "this topic's file is missing (deleted or renamed? grade reset restores it)",
    },
    "missing": {
        "zh": "在你的文件里找不到 {call}（名字写对了吗？）",
        "en": "{call} is not defined in your file (is the name spelled right?)",
    },
    "assert": {"zh": "检查没有通过：{text}", "en": "check failed: {text}"},
    "skipped": {"zh": "跳过：{reason}", "en": "skipped: {reason}"},
    "grader_error": {
        "zh": "评分程序自身出错（不是你的错，请告诉老师）：{exc_type}: {exc_message}",
        "en": "the grader itself failed (not your fault, tell your teacher): {exc_type}: {exc_message}",
    },
    "not_reported": {
        "zh": "这一项检查没有产生结果（评分进程中途停止），记 0 分",
        "en": "this check produced no result (the grading process stopped), scored 0",
    },
    "hidden_failed": {
        "zh": "隐藏检查未通过（练习 {exercise}）：{short}",
        "en": "a hidden check failed (exercise {exercise}): {short}",
    },
    "at": {"zh": "（{file} 第 {line} 行）", "en": " ({file}, line {line})"},
    # report ---------------------------------------------------------------------
    "title": {"zh": "gradekit 评分报告", "en": "gradekit report"},
    "col_topic": {"zh": "主题", "en": "topic"},
    "col_score": {"zh": "得分", "en": "score"},
    "col_checks": {"zh": "检查", "en": "checks"},
    "total": {"zh": "总分 {score}/{max_score}", "en": "total {score}/{max_score}"},
    "public_line": {
        "zh": "公开检查 {passed}/{total} 通过 · 另有 {hidden} 项隐藏检查将在最终评分时运行",
        "en": "public checks {passed}/{total} passed · {hidden} hidden checks run at grading",
    },
    "all_line": {"zh": "检查 {passed}/{total} 通过", "en": "checks {passed}/{total} passed"},
    "failures": {"zh": "需要修改的地方", "en": "what to fix"},
    "more_failures": {"zh": "……还有 {n} 项未通过（用 --all 查看全部）", "en": "... and {n} more failing (see all with --all)"},
    "hint": {"zh": "提示", "en": "hint"},
    "printed_label": {"zh": "你的程序打印了", "en": "your program printed"},
    "all_passed": {"zh": "全部通过！", "en": "all checks passed!"},
    "topic_error": {"zh": "无法评分", "en": "could not be graded"},
    "seed": {"zh": "随机种子", "en": "seed"},
}


def pick_lang(explicit: str | None = None, env=None) -> str:
    """``--lang`` if given, else ``GRADEKIT_LANG``, else the locale (LC_ALL, LC_MESSAGES, LANG, LANGUAGE), else English."""
    if explicit in LANGS:
        return explicit
    env = os.environ if env is None else env
    if env.get("GRADEKIT_LANG") in LANGS:
        return env["GRADEKIT_LANG"]
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


class _Blank(dict):
    def __missing__(self, key):
        return "?"


def t(key: str, lang: str, **fields) -> str:
    """One catalogue entry in ``lang`` with ``fields`` filled in (missing fields show as ?)."""
    return CATALOGUE[key][lang].format_map(_Blank(fields))


def _at(detail: dict, lang: str) -> str:
    if detail.get("file") and detail.get("line"):
        return t("at", lang, file=detail["file"], line=detail["line"])
    return ""


def word_failure(detail: dict, lang: str) -> str:
    """The sentence(s) for one failed check's detail, in ``lang``."""
    kind = detail.get("kind", "assert")
    fields = dict(detail)
    fields["at"] = _at(detail, lang)
    if kind == "returned" and detail.get("actual") == "None" and detail.get("expected") != "None":
        return t("returned_none", lang, **fields)
    if kind == "returned":
        text = t("returned", lang, **fields)
        if (detail.get("expected_type") and detail.get("actual_type")
                and detail["expected_type"] != detail["actual_type"]):
            text += "\n" + t("type_differs", lang, **fields)
        return text
    if kind == "timeout" and detail.get("call") == "import":
        return t("timeout_import", lang, **fields)
    if kind == "crashed" and detail.get("call") == "import":
        return t("crashed_import", lang, **fields)
    if kind == "syntax":
        caret = ""
        if detail.get("text"):
            line = detail["text"].rstrip("\n")
            caret = f"\n    {line}"
            if detail.get("offset"):
                caret += "\n    " + " " * (detail["offset"] - 1) + "^"
        fields["caret"] = caret
    if kind not in CATALOGUE:
        kind = "assert"
        fields.setdefault("text", str(detail))
    return t(kind, lang, **fields)


def short_kind(detail: dict, lang: str) -> str:
    """A one-phrase summary for hidden checks (no inputs, no expected values)."""
    kind = detail.get("kind", "")
    words = {
        "returned": ("返回值不对", "wrong return value"),
        "todo": ("还没有完成", "not done yet"),
        "raised": (f"抛出了 {detail.get('exc_type', '?')}", f"raised {detail.get('exc_type', '?')}"),
        "no_raise": ("应该抛出异常但没有", "should have raised an exception"),
        "wrong_exception": ("抛出的异常类型不对", "raised the wrong exception type"),
        "wrong_message": ("异常消息不对", "wrong exception message"),
        "printed": ("打印的内容不对", "printed the wrong text"),
        "timeout": ("运行超时", "timed out"),
        "crashed": ("程序退出了", "the program exited"),
        "missing": ("缺少定义", "something is not defined"),
        "syntax": ("语法错误", "syntax error"),
    }.get(kind, ("未通过", "did not pass"))
    return words[0] if lang == "zh" else words[1]
