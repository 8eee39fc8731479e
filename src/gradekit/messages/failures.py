"""How a failed check is worded for the student: the rules that turn a failure's detail into a sentence.

The sentences themselves are the catalogue's (``messages.catalogue``); this module decides which
ones a detail needs and in what order: what was called, what was expected, what came back, and
the student's file and line.  It also knows what Python's own messages say (its commonest syntax
errors in Chinese, a caret under the error aligned even after tabs and CJK text) and what a
hidden check may say without giving its inputs away (``hidden_reason``).
"""

from __future__ import annotations

import re

from gradekit.grading.contract import Failure
from gradekit.messages.catalogue import CATALOGUE, t, translated


#: How the sandbox child words a refused coding line (``gradekit.sandbox.child.scripts.CODING_MESSAGE``).
CODING_COOKIE_CHILD = re.compile(r"^this file declares the encoding ([-\w.]+); save it as UTF-8")


def _at(detail: dict, lang: str) -> str:
    if detail.get("file") and detail.get("line"):
        return t("at", lang, file=detail["file"], line=detail["line"])
    return ""


def _cells(text: str) -> int:
    """Terminal columns of ``text``: Chinese characters and full-width punctuation take two."""
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _caret(detail: dict) -> str:
    """The offending line and a caret under the error, aligned even after tabs and CJK text."""
    if not detail.get("text"):
        return ""
    line = detail["text"].rstrip("\n").replace("\t", "    ")
    raw = detail["text"].rstrip("\n")
    caret = f"\n    {line}"
    offset = detail.get("offset")
    if isinstance(offset, int) and offset > 0:
        before = raw[:offset - 1].replace("\t", "    ")
        end = detail.get("end_offset")
        span = raw[offset - 1:end - 1] if isinstance(end, int) and end > offset else raw[offset - 1:offset]
        caret += "\n    " + " " * _cells(before) + "^" * max(1, min(_cells(span.replace("\t", "    ")), 80))
    return caret


def _is_fullwidth_char(message: str) -> bool:
    """"invalid character '：' (U+FF1A)": a Chinese punctuation mark typed with the IME on."""
    import re
    m = re.search(r"U\+([0-9A-Fa-f]{4,6})", message or "")
    return bool(m) and (0x3000 <= int(m.group(1), 16) <= 0x303F or 0xFF00 <= int(m.group(1), 16) <= 0xFFEF
                        or 0x2018 <= int(m.group(1), 16) <= 0x201D)


#: Python's commonest syntax messages (3.10-3.13), in Chinese; one not here is shown as Python wrote it.
SYNTAX_ZH = (
    (r"expected ':'", "这里缺少冒号 :"),
    (r"invalid syntax", "这一行的写法 Python 看不懂"),
    (r"invalid syntax\. Perhaps you forgot a comma\?", "这一行的写法 Python 看不懂：是不是少了一个逗号？"),
    (r"invalid syntax\. Maybe you meant '==' or ':=' instead of '='\?", "这里不能用 =：比较是否相等要写 =="),
    (r"unterminated string literal \(detected at line (\d+)\)", "字符串没有结束：少了一个引号"),
    (r"unterminated triple-quoted string literal \(detected at line (\d+)\)", "三引号字符串没有结束：少了结尾的三个引号"),
    (r"'(.)' was never closed", "'{0}' 没有配对的右括号"),
    (r"unmatched '(.)'", "多了一个 '{0}'，前面没有和它配对的左括号"),
    (r"closing parenthesis '(.)' does not match opening parenthesis '(.)'.*", "右括号 '{0}' 和左括号 '{1}' 不配对"),
    (r"unexpected indent", "这一行多了缩进"),
    (r"unindent does not match any outer indentation level", "这一行的缩进和上面任何一层都对不齐"),
    (r"expected an indented block after '(\w+)' statement on line (\d+)", "第 {1} 行的 {0} 语句后面要有缩进的代码"),
    (r"expected an indented block after function definition on line (\d+)", "第 {0} 行的函数定义后面要有缩进的函数体"),
    (r"expected an indented block", "这里要有缩进的代码"),
    (r"invalid character '(.)' \((U\+[0-9A-F]+)\)", "无效的字符 '{0}'（{1}）"),
    (r"invalid decimal literal", "数字的写法不对（数字后面紧跟着字母？）"),
    (r"Missing parentheses in call to 'print'\. Did you mean print\(\.\.\.\)\?", "调用 print 要加括号：print(...)"),
    (r"cannot assign to (.+?)(?: here)?\. Maybe you meant '==' instead of '='\?", "不能给 {0} 赋值：比较是否相等要写 =="),
    (r"'return' outside function", "return 只能写在函数里面"),
)


def syntax_words(message: str, lang: str) -> str:
    """A SyntaxError's message for a beginner reading ``lang``."""
    return translated(message, lang, SYNTAX_ZH)


def _differs(detail: dict, lang: str) -> str:
    """The line that names the first character two texts part at (``grader.first_difference``), or ''."""
    if not isinstance(detail.get("diff_at"), int):
        return ""
    ended = t("string_ended", lang)
    return "\n" + t("differs_at", lang, n=detail["diff_at"], want=detail.get("diff_expected") or ended,
                    got=detail.get("diff_actual") or ended)


def _main_sentence(kind: str, detail: dict, fields: dict, lang: str) -> str:
    exc_type = detail.get("exc_type")
    if kind == Failure.RETURNED and detail.get("actual") == "None" and detail.get("expected") != "None":
        text = t("returned_none", lang, **fields)
        if detail.get("print_line") and detail.get("file"):
            text += "\n" + t("printed_instead", lang, file=detail["file"], line=detail["print_line"])
        return text
    if kind == Failure.RETURNED:
        text = t("returned", lang, **fields) + _differs(detail, lang)
        if (detail.get("expected_type") and detail.get("actual_type")
                and detail["expected_type"] != detail["actual_type"]):
            text += "\n" + t("type_differs", lang, **fields)
        return text
    if kind == Failure.TIMEOUT and detail.get("line"):
        function = detail.get("function")
        plain = not isinstance(function, str) or function.startswith("<")
        fields["in_function"] = "" if plain else t("in_function", lang, function=function)
        text = t("timeout_import_at" if detail.get("call") == "import" else "timeout_at", lang, **fields)
        stack = detail.get("stack")
        if isinstance(stack, list) and len(stack) > 1:
            text += "\n" + t("timeout_stack", lang)
            for file, line, function in reversed(stack):
                top = not isinstance(function, str) or function.startswith("<")
                text += "\n" + t("stack_top" if top else "stack_frame", lang, file=file, line=line, function=function)
        return text
    if kind == Failure.TIMEOUT and detail.get("call") == "import":
        return t("timeout_import", lang, **fields)
    if kind == Failure.NO_FILE and detail.get("topic"):
        return t("no_file_topic", lang, **fields)
    if kind == Failure.TODO and detail.get("stub") == "empty":
        return t("todo_empty", lang, **fields)
    if kind == Failure.CRASHED and detail.get("call") == "import":
        return t("crashed_import", lang, **fields)
    if kind == Failure.SYNTAX:
        fields["caret"] = _caret(detail)
        cookie = CODING_COOKIE_CHILD.match(str(detail.get("exc_message") or ""))
        if cookie:
            fields["exc_message"] = t("coding_cookie_why", lang, encoding=cookie.group(1))
        else:
            fields["exc_message"] = syntax_words(str(detail.get("exc_message") or ""), lang)
        text = t("syntax", lang, **fields)
        if exc_type in ("IndentationError", "TabError"):
            text += "\n" + t("indent_help", lang)
        elif _is_fullwidth_char(detail.get("exc_message", "")):
            text += "\n" + t("fullwidth_help", lang)
        return text
    if kind == Failure.RAISED:
        if exc_type == "TypeError" and detail.get("signature"):
            inside = detail.get("line") and not detail.get("arity_at_call")
            return t("arity_inside" if inside else "arity_call", lang, **fields)
        if exc_type == "RecursionError":
            return t("recursion", lang, **fields)
        if exc_type == "RuntimeError" and "generator raised StopIteration" in (detail.get("exc_message") or ""):
            return t("generator_stop", lang, **fields)
        if exc_type == "EOFError":
            return t("input_in_call", lang, **fields)
        if exc_type == "SystemExit":
            return t("exit_in_call", lang, **fields)
    if kind == Failure.IMPORT_RAISED:
        fields.setdefault("file", "?")
        if exc_type == "EOFError":
            return t("input_at_import", lang, **fields)
        if exc_type == "SystemExit":
            return t("exit_at_import", lang, **fields)
    if kind == Failure.PRINTED:
        return t("printed", lang, **fields) + _differs(detail, lang)
    if kind not in CATALOGUE:
        kind = "assert"
        fields.setdefault("text", str(detail))
    return t(kind, lang, **fields)


def word_failure(detail: dict, lang: str) -> str:
    """The sentence(s) for one failed check's detail, in ``lang``.

    The detail holds facts (what was called, expected, got, the exception and
    what the sandbox child found out about it); the wording for a beginner is
    chosen here, so every message exists in every language.
    """
    kind = detail.get("kind", "assert")
    fields = dict(detail)
    fields["at"] = _at(detail, lang)
    lines = [_main_sentence(kind, detail, fields, lang)]
    if kind in (Failure.RAISED, Failure.WRONG_EXCEPTION, Failure.IMPORT_RAISED, Failure.MISSING):
        if detail.get("suggestion"):
            lines.append(t("did_you_mean", lang, suggestion=detail["suggestion"]))
        elif detail.get("exc_type") == "NameError":
            lines.append(t("name_unknown", lang))
    if detail.get("shadowed"):
        lines.append(t("shadowed", lang, shadowed=detail["shadowed"], first=detail["shadowed"].split(",")[0].strip()))
    return "\n".join(lines)


_HIDDEN_REASON = {
    Failure.RETURNED: "hv_returned", Failure.TODO: "hv_todo", Failure.NO_RAISE: "hv_no_raise",
    Failure.WRONG_EXCEPTION: "hv_wrong_exception", Failure.WRONG_MESSAGE: "hv_wrong_message",
    Failure.PRINTED: "hv_printed", Failure.TIMEOUT: "hv_timeout", Failure.CRASHED: "hv_crashed",
    Failure.MISSING: "hv_missing", Failure.SYNTAX: "hv_syntax", Failure.IMPORT_RAISED: "hv_import",
    Failure.NO_FILE: "hv_no_file", Failure.STALE: "hv_stale", Failure.PROTOCOL: "hv_protocol",
    Failure.GRADER_ERROR: "hv_grader", Failure.NOT_REPORTED: "hv_not_reported",
    Failure.GRADER_KILLED: "hv_grader_killed", Failure.SKIPPED: "hv_skipped",
}


def builtin_exception(name) -> str | None:
    """``name`` if it is a builtin exception's name (one a student's code cannot have made up), else None."""
    import builtins

    if isinstance(name, str) and name.isidentifier():
        obj = getattr(builtins, name, None)
        if isinstance(obj, type) and issubclass(obj, BaseException):
            return name
    return None


def hidden_reason(detail: dict, lang: str) -> str:
    """Why a hidden check did not pass, in general terms (see the block comment above)."""
    kind = detail.get("kind", "")
    if kind == Failure.RAISED:
        exc_type = builtin_exception(detail.get("exc_type"))
        return t("hv_raised", lang, exc_type=exc_type) if exc_type else t("hv_raised_other", lang)
    return t(_HIDDEN_REASON.get(kind, "hv_other"), lang)
