"""A call label is one string shown inside both the Chinese and the English message (``调用 {call}`` /
``called {call}``), so it must be in no language at all: code only.  An English comment in a label
(``str(s)  # after s.name = 'Bob'``) puts an English sentence in the middle of the Chinese report; words
the student needs belong in a zh/en message instead.

The rule, checked statically on every ``graders/*/*.py`` so that a new check cannot slip past it:

* A label is a string given to ``.as_(...)``, to ``call=``, to ``label=``, assigned to a name ``label``,
  or passed where a function defined in a grader file has a parameter named ``label``, ``call`` or
  ``after`` (the code that ran before).  Its text is built from the string constants of the expression;
  every f-string hole or other non-constant part becomes the name ``HOLE`` (a value; ``a if c else b``
  gives both texts).
* The label must be Python source: ``ast.parse`` accepts it.  An English word next to code
  (``client 1.recvfrom(1024)``) does not parse.
* Its ``#`` comment, if any, must be Python source too (``# f = Fib()``, ``# 'a\\nb\\n'``,
  ``# def ticks(): yield 1``), and not only bare names: a comment like ``# again`` or ``# name, age``
  parses but is English.  ``HOLE`` alone is a value, so ``# HOLE`` is fine.

And every ``zh=`` string: no ASCII ``:`` next to a Chinese character, and no ASCII ``( )`` around Chinese
prose (full-width ``：（）``); see ``bad_zh``.
"""
from __future__ import annotations

import ast
import io
import itertools
import re
import tokenize
from pathlib import Path

import pytest

from gradekit.course.mutants import program

from conftest import ROOT as KIT, read_json, run_grade, write_submission

ROOT = Path(__file__).resolve().parent.parent  # the checked tree (a copy of an old one works too)
GRADERS = ROOT / "graders"
HOLE = "HOLE"
CJK = "\u4e00-\u9fff"  # ideographs; full-width ：（ may well touch code
BAD_COLON = re.compile(rf"[{CJK}]:|:[{CJK}]")
GROUP = re.compile(r"\(([^()]*)\)")
CODE_SIGN = re.compile(r"[,=+\-*/%<>\[\]]")


def bad_zh(text: str) -> bool:
    """ASCII ``:`` touching Chinese, or ASCII ``( )`` around Chinese prose.  A group holding a comma or an
    operator is code and keeps ASCII parentheses even with Chinese names in it: ``sendto(回复, addr)``."""
    prose = any(re.search(f"[{CJK}]", g) and not CODE_SIGN.search(g) for g in GROUP.findall(text))
    return bool(BAD_COLON.search(text)) or prose


def texts(node: ast.AST) -> list[str]:
    """Every text the expression can produce, each hole written as ``HOLE``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        parts = [texts(v) if isinstance(v, ast.Constant) else [HOLE] for v in node.values]
        return ["".join(p) for p in itertools.product(*parts)]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return [a + b for a in texts(node.left) for b in texts(node.right)]
    if isinstance(node, ast.IfExp):
        return texts(node.body) + texts(node.orelse)
    return [HOLE]


def comment_of(label: str) -> str | None:
    """The text after the label's ``#`` comment sign (not a ``#`` inside a quoted literal)."""
    try:
        for tok in tokenize.generate_tokens(io.StringIO(label).readline):
            if tok.type == tokenize.COMMENT:
                return tok.string[1:]
    except (tokenize.TokenError, SyntaxError):
        return None
    return None


def only_names(stmt: ast.stmt) -> bool:
    """``again`` / ``name, age`` : words, not code."""
    if not isinstance(stmt, ast.Expr):
        return False
    value = stmt.value
    items = value.elts if isinstance(value, ast.Tuple) else [value]
    return all(isinstance(i, ast.Name) and i.id != HOLE for i in items)


def problem(label: str) -> str | None:
    try:
        ast.parse(label)
    except SyntaxError:
        return "is not Python code"
    comment = comment_of(label)
    if comment is None or not comment.strip():
        return None
    try:
        tree = ast.parse(comment.strip())
    except SyntaxError:
        return f"has a comment that is not code: #{comment}"
    if any(only_names(s) for s in tree.body):
        return f"has a comment of bare words: #{comment}"
    return None


def helper_params() -> dict[str, int]:
    """Grader helper name -> index of its label parameter."""
    found = {}
    for path in GRADERS.glob("*/*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef):
                names = [a.arg for a in node.args.args]
                for i, name in enumerate(names):
                    if name in ("label", "call", "after"):
                        found[node.name] = i
    return found


def label_nodes(tree: ast.AST, helpers: dict[str, int]):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if name == "as_" and node.args:
                yield node.args[0]
            for kw in node.keywords:
                if kw.arg in ("call", "label"):
                    yield kw.value
            if name in helpers and len(node.args) > helpers[name]:
                yield node.args[helpers[name]]
        elif isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "label" for t in node.targets):
            yield node.value


def grader_files():
    return sorted(GRADERS.glob("*/*.py"))


def test_the_rule_tells_code_from_words():
    ok = ["str(s)", "s.name = 'Bob'; str(s)", "f[4]  # f = Fib()", "tail('t.txt', 0)  # 'a\\nb\\nc\\n'",
          "kind_of(ticks)  # def ticks(): yield 1", "count_lines('e.txt')  # HOLE", "add_end()  # 1",
          "next(a), next(b)  # a, b = Fib(), Fib()", "tail('x # y', 2)"]
    bad = ["str(s)  # after s.name = 'Bob'", "tail('log.txt', 2)  # line 1 ... line 5", "f[4]  # again",
           "HOLE  # name, age, score", "client HOLE.recvfrom(1024)", "attr_or(t, 'kind', 'x')  # a class attribute"]
    assert [x for x in ok if problem(x)] == []
    assert [x for x in bad if not problem(x)] == []
    assert bad_zh("期望返回(列表)") and bad_zh("提示:") and bad_zh("(注意)")
    assert not bad_zh("调用 f(x) 之后：(1, 2)") and not bad_zh("用 sock.sendto(回复, addr) 发回")


@pytest.mark.parametrize("path", grader_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_labels_are_code_only(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bad = []
    for node in label_nodes(tree, helper_params()):
        for text in texts(node):
            why = problem(text)
            if why:
                bad.append(f"line {node.lineno}: {text!r} {why}")
    assert bad == []


@pytest.mark.parametrize("path", grader_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_chinese_text_uses_full_width_punctuation(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bad = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            for kw in node.keywords:
                if kw.arg == "zh":
                    bad += [f"line {kw.value.lineno}: {t!r}" for t in texts(kw.value) if bad_zh(t)]
    assert bad == []


# topic -> (mutant, the public check it fails, the label its message must show as it is in both languages)
SHOWN_AS_CODE = {
    "special_methods": ("student_text_at_init", "test_current_name", "s = Student('Ann'); s.name = 'Eve'; str(s)"),
    "threads": ("increment_no_lock", "test_one_shared_lock",
                "c.value  # [Thread(target=lambda: [c.increment() for _ in range(50)]).start() for _ in range(4)]"),
}


def test_a_student_reads_the_same_code_label_in_both_languages(tmp_path):
    """Real grading: the rewritten label reaches the report whole, and the Chinese message around it has no
    English in it (the words that used to be in the label are now the hint, in each language)."""
    sub = write_submission(tmp_path / "sub", {
        f"{topic}.py": program(KIT / "exercises" / topic / "mutants" / f"{mutant}.py")
        for topic, (mutant, _, _) in SHOWN_AS_CODE.items()})
    messages = {}
    for lang in ("zh", "en"):
        out = tmp_path / f"{lang}.json"
        proc = run_grade("check", "--lang", lang, "--submission", sub, "--json", out, *SHOWN_AS_CODE)
        assert out.exists(), proc.stdout[-3000:] + proc.stderr[-2000:]
        for topic in read_json(out)["topics"]:
            check_name, label = SHOWN_AS_CODE[topic["slug"]][1:]
            check, = [c for e in topic["exercises"] for c in e["checks"]
                      if c["name"] == check_name and c["visibility"] == "public"]
            assert check["status"] == "fail" and label in check["message"], (lang, check)
            messages[lang, topic["slug"]] = check["message"].replace(label, "")
    for topic in SHOWN_AS_CODE:
        zh, en = messages["zh", topic], messages["en", topic]
        assert "调用" in zh and "called" in en
        assert not re.search(r"[A-Za-z]{3,}", re.sub(r"'[^']*'", "", zh)), zh  # values are data
        assert "after" not in en and "switching" not in en, en
