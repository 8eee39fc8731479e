"""Hostile text in what gradekit writes, and hidden checks in what a student can read.

Issue 12, classes 6, 8 and 9: everything a submission or a roster chooses (messages,
output, file names, flags, exception names, user and repository names) must stay
inert in every Markdown, HTML, CSV and workflow-command output; nothing of a
hidden check but its name and reason reaches anything a student can see; and no
gradebook cell is a spreadsheet formula.  Markdown is checked by rendering it the
way a CommonMark renderer does (markdown-it, raw HTML allowed as GitHub allows
its safe subset) and looking at the elements that come out.
"""

from __future__ import annotations

import base64
import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from gradekit.course.kit import load_kit
from gradekit.model import Check, ExerciseResult, Result, Status, TopicResult
from gradekit.render import annotations, classroom, classroom50, gradebook, gradescope, markdown, native, report, terminal
from gradekit.render.dashboard import to_html as dashboard_html
from gradekit.render.redact import student_view
from gradekit.render.safe import csv_cell, csv_value, md_code, md_fence, md_text, neutralize
from gradekit.grading.runner import Submission, grade
from gradekit.grading.contract import Entry, Outcome
from gradekit.grading.scoring import make_check

from conftest import MINIKIT, ROOT, grading_at, isolation_levels, write_submission

XSS = '<img src=x onerror=alert(1)><script>alert(2)</script><a href="javascript:alert(3)">x</a>'
#: File names a student's code can give a traceback through ``compile(src, name, "exec")``.
HOSTILE_FILES = [f"alpha.py\n```\n{XSS}", "/etc/passwd", "../x.py", "a`b.py", "x.py\r\n::error::pwned",
                 "<b>bold</b>.py", "alpha.py\u202e"]


# -- reading what was rendered -------------------------------------------------------------


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text, of an HTML document."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.code: list[str] = []          # the text inside <code> elements
        self._in_code = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_code += tag == "code"

    def handle_endtag(self, tag):
        self._in_code -= tag == "code" and self._in_code > 0

    def handle_data(self, data):
        self.text.append(data)
        if self._in_code:
            self.code.append(data)

    def names(self) -> set[str]:
        return {tag for tag, _ in self.tags}


def commonmark(text: str) -> Elements:
    """``text`` rendered as GitHub renders Markdown (CommonMark, tables, strikethrough, raw HTML passed)."""
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    return Elements(md.render(text))


def assert_inert(elements: Elements, allowed: set[str]) -> None:
    injected = elements.names() - allowed
    assert not injected, f"student text became markup: {injected}"
    for tag, attrs in elements.tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert not (value or "").strip().lower().startswith("javascript:"), (tag, name, value)


def fence_runs(n: int) -> list[str]:
    bar = "`" * n
    return [f"x\n{bar}\n{XSS}\n{bar}", f"{bar}python\n{XSS}", f"a{bar}b", f"{bar}\r{XSS}\r{bar}",
            f"~~~\n{XSS}\n~~~", f"{bar}\n~~~~\n{XSS}"]


HOSTILE_TEXTS = [text for n in range(3, 11) for text in fence_runs(n)] + [
    XSS, "| a | b |\n|---|---|\n| <b>x</b> |", "**bold** _it_ [link](javascript:alert(1)) ![img](http://t/x.png)",
    "\\`escaped\\`", "line\u2028sep <i>x</i>", "nul\x00<b>x</b>", "<!-- open comment", "&lt;script&gt;",
    "\x1b[31mred\x1b[0m \u202eevil"]


# -- 6. Markdown, inline and fenced ------------------------------------------------------------


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_a_fence_holds_any_text_whole(text):
    doc = commonmark(md_fence(text))
    assert doc.names() == {"pre", "code"}
    expected = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "\ufffd")
    expected = expected.replace("\x1b", "\\x1b").replace("\u202e", "\\u202e")  # shown, never obeyed
    assert "".join(doc.code) == expected + "\n"


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_a_fence_inside_a_list_item_stays_inside_it(text):
    doc = commonmark("- item\n\n" + md_fence(text, indent="  ") + "\n\n  after\n\nend")
    assert_inert(doc, {"ul", "li", "p", "pre", "code"})
    assert [t for t, _ in doc.tags].count("pre") == 1
    assert [t.strip() for t in doc.text if t.strip()][-2:] == ["after", "end"]


@pytest.mark.parametrize("text", HOSTILE_TEXTS + HOSTILE_FILES)
def test_inline_text_and_code_spans_stay_text(text):
    for rendered, allowed in ((md_text(text), {"p"}), (md_code(text), {"p", "code"})):
        doc = commonmark(f"| a | b |\n|---|---|\n| {md_text(text)} | x |\n\nbefore {rendered} after")
        assert_inert(doc, {"table", "thead", "tbody", "tr", "th", "td", *allowed})
        cells = [t for t, _ in doc.tags if t == "td"]
        assert len(cells) == 2, "a pipe or line break in the text split the table"


def result_with(message: str = "", *, file: str | None = None, name: str = "test_x", output: str = "",
                visibility: str = "public", detail: dict | None = None, slug: str = "alpha") -> Result:
    check = Check(f"{slug}/test_public.py::{name}", name, Status.FAIL, 0, 2, visibility, message=message,
                  detail=detail or {"kind": "assert", "text": message}, output=output, file=file, line=3 if file else None)
    return Result("0", {"id": "s0", "path": "/x"}, "2026-01-01T00:00:00", 1.0, 7, "en", "bwrap",
                  topics=[TopicResult(slug, "Alpha", [ExerciseResult("double", "Double", [check])])])


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_the_step_summary_shows_any_message_as_text(text):
    summary = markdown.to_markdown(result_with(text), "en")
    doc = commonmark(summary)
    assert_inert(doc, {"h2", "h3", "table", "thead", "tbody", "tr", "th", "td", "p", "strong", "ul", "li", "pre", "code"})
    shown = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "\ufffd")
    shown = shown.replace("\x1b", "\\x1b").replace("\u202e", "\\u202e")  # control characters shown, not obeyed
    assert shown in "".join(doc.text), summary


@pytest.mark.parametrize("file", HOSTILE_FILES)
def test_the_step_summary_names_a_file_as_a_code_span(file):
    doc = commonmark(markdown.to_markdown(result_with("wrong", file=file, name=f"n<i>{file}</i>"), "en"))
    assert_inert(doc, {"h2", "h3", "table", "thead", "tbody", "tr", "th", "td", "p", "strong", "ul", "li", "pre", "code"})


def report_row(username: str = "ann", **over) -> dict:
    row = {"username": username, "status": "graded", "message": "", "score": 0, "max_score": 2,
           "commit_sha": "abc", "commit_time": "2026-01-01", "later_commits": 0, "flags": [],
           "result": result_with("wrong").to_dict(), "student": {}}
    row.update(over)
    return row


ROSTER_NAMES = [f"u{XSS}", "`a`\n# heading\n<b>x</b>", "x|y", "**z**", "=HYPERLINK(\"http://x\",\"Bob\")", "-erin"]


@pytest.mark.parametrize("variant", range(len(HOSTILE_TEXTS)))
def test_a_student_report_shows_messages_flags_and_names_as_text(variant):
    text = HOSTILE_TEXTS[variant]
    name = ROSTER_NAMES[variant % len(ROSTER_NAMES)]
    row = report_row(name, message=text, status=text[:20], commit_sha=text, flags=[
        f"shadows-module:starter/{f}" for f in HOSTILE_FILES] + [f"missing-file:{text}"],
        result=result_with(text, file=HOSTILE_FILES[variant % len(HOSTILE_FILES)]).to_dict())
    md = report.to_markdown(row)
    assert_inert(commonmark(md), {"h1", "h2", "h3", "ul", "li", "p", "strong", "code", "pre", "table", "thead",
                                  "tbody", "tr", "th", "td"})
    html_doc = Elements(report.to_html(row))
    assert_inert(html_doc, {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "small", "ul", "li",
                            "strong", "code", "table", "tr", "th", "td", "pre"})
    if "<img" in text:
        assert "&lt;img" in report.to_html(row) and "<img src=x" in "".join(html_doc.text)


def test_the_dashboard_links_to_reports_with_names_that_cannot_leave_the_folder():
    rows = [report_row(name, flags=[f"protected-changed:{XSS}"]) for name in
            ["javascript:alert(1)", "../../etc/passwd", f"a\"onmouseover=\"alert(1){XSS}", "b?x=1#y", "普通"]]
    page = dashboard_html(rows)
    charts = re.findall(r"<figure[^>]*>.*?</figure>", page, re.S)
    assert len(charts) == 4  # matplotlib's own SVG, of the kit's names only
    doc = Elements(re.sub(r"<figure[^>]*>.*?</figure>", "", page, flags=re.S))
    # The one script is the page's own sort and filter (its hash is the only one the page's CSP lets run).
    assert_inert(doc, {"html", "head", "meta", "title", "style", "body", "h1", "h2", "div", "b", "table", "thead",
                       "tbody", "tr", "th", "td", "a", "code", "p", "button", "input", "span", "script"})
    hrefs = [attrs["href"] for tag, attrs in doc.tags if tag == "a"]
    assert len(hrefs) == 10
    for href in hrefs:
        assert re.fullmatch(r"reports/[^/?#:\"]+\.html", href), href


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed")
def test_chromium_builds_no_injected_element_from_a_report(tmp_path):
    row = report_row(f"u{XSS}", message=XSS, flags=[f"bytecode:{XSS}"], result=result_with(XSS, file=XSS).to_dict())
    page = tmp_path / "r.html"
    page.write_text(report.to_html(row), encoding="utf-8")
    proc = subprocess.run([shutil.which("chromium"), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                           "--disable-background-networking", f"--user-data-dir={tmp_path / 'p'}", "--dump-dom",
                           page.as_uri()], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    dom = Elements(proc.stdout)
    assert not dom.names() & {"img", "script", "a"}
    assert "<img src=x onerror=alert(1)>" in "".join(dom.text)


# -- 6. workflow commands and logs ----------------------------------------------------------


def runner_parse(line: str) -> tuple[str, dict, str]:
    """A workflow command the way the Actions runner reads it (ActionCommand.TryParseV2)."""
    assert line.startswith("::") and "\n" not in line and "\r" not in line
    head, _, data = line[2:].partition("::")
    command, _, props = head.partition(" ")

    def unescape(text: str, prop: bool) -> str:
        if prop:
            text = text.replace("%3A", ":").replace("%2C", ",")
        return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")

    properties = dict(p.split("=", 1) for p in props.split(",") if p) if props else {}
    return command, {k: unescape(v, True) for k, v in properties.items()}, unescape(data, False)


COMMANDS = ["::error::pwned", "::set-output name=x::1", "::add-mask::x", "##[error]old", "%0A::warning::x", "a,b:c",
            "100%\r\n::notice::x", "::stop-commands::tok", "\x1b[2K\x1b[1Gscore 100/100", "\r::error::x"]


@pytest.mark.parametrize("text", COMMANDS)
def test_an_annotation_carries_any_message_title_and_file_as_data(text):
    lines = annotations.lines(result_with(text, file=f"x{text}.py", name=text, slug="alpha"), "en", prefix=f"p{text}/")
    assert len(lines) == 1
    command, props, data = runner_parse(lines[0])
    assert command == "error" and set(props) == {"file", "line", "title"}
    assert "::" not in data and "##[" not in data and "\x1b" not in data
    assert data == neutralize(text)
    assert props["file"] == neutralize(f"p{text}/x{text}.py")


@pytest.mark.parametrize("text", COMMANDS)
def test_the_log_and_the_reporter_never_hold_a_command_or_an_escape(text):
    result = result_with(text, file=text, output=text, name=text)
    log = terminal.to_text(result, "en", verbose=True, show_all=True)
    assert not re.search(r"^\s*(::|##\[)", log, re.M) and "\x1b" not in log and "\r" not in log
    data = classroom.decode(classroom.encode(classroom.build(result, "en")))
    for test in data["tests"]:
        for key in ("name", "message", "filename"):
            assert "::" not in test[key] and "\x1b" not in test[key] and "\r" not in test[key]


# -- 6. file names are believed only when they are the submission's own ------------------------


ENTRY = Entry(nodeid="alpha/test_public.py::test_x[s0]", check="alpha/test_public.py::test_x", name="test_x",
              submission="s0", topic="alpha", exercise="double", points=2, visibility="public")


@pytest.mark.parametrize("file", HOSTILE_FILES + ["other.py", 7, None])
def test_a_reported_file_that_is_not_the_submissions_own_becomes_the_topics(file):
    detail = {"kind": "raised", "call": "double(1)", "exc_type": "ValueError", "exc_message": "bad",
              "file": file, "line": 40, "def_file": file, "def_line": 2, "signature": "double(x)",
              "shadowed": f"{file}, random.py"}
    check = make_check(ENTRY, Outcome("fail", detail), "en", frozenset({"alpha.py", "random.py"}))
    assert check.file == "alpha.py" and check.line is None
    assert "def_file" not in check.detail and "signature" not in check.detail
    assert check.detail["shadowed"] == "random.py"
    for bad in ("<img", "passwd", "..", "`", "::", "\u202e"):
        assert bad not in check.message


def test_a_reported_file_that_is_the_submissions_own_is_kept_with_its_line():
    detail = {"kind": "raised", "call": "double(1)", "exc_type": "ValueError", "exc_message": "bad",
              "file": "helpers.py", "line": 4}
    check = make_check(ENTRY, Outcome("fail", detail), "en", frozenset({"alpha.py", "helpers.py"}))
    assert (check.file, check.line) == ("helpers.py", 4) and "helpers.py, line 4" in check.message
    check = make_check(ENTRY, Outcome("fail", {**detail, "line": "4<b>"}), "en", frozenset({"helpers.py"}))
    assert (check.file, check.line) == ("helpers.py", None)


# -- 9. spreadsheets ----------------------------------------------------------------------


FORMULAS = ['=HYPERLINK("http://x","Bob")', "+1+1", "-erin", "@frank", "\t=1+1", "\r=1+1", "=cmd|' /C calc'!A0",
            "'=already quoted"]


def gradebook_rows() -> list[dict]:
    rows = []
    for i, text in enumerate(FORMULAS):
        rows.append({"username": text, "status": "graded", "message": text, "score": -2 if i == 0 else i,
                     "max_score": 7, "commit_sha": text, "commit_time": text, "later_commits": 0, "flags": [text, text],
                     "result": None, "student": {"roster_identifier": text, "url": f"https://h/{text}",
                                                 "repository_name": text, "extra": {"assignment_name": text}}})
    return rows


def test_no_gradebook_cell_is_a_formula_and_every_value_comes_back():
    text = gradebook.to_csv(gradebook_rows(), [f"=topic"], assignment_name="")
    table = list(csv.reader(io.StringIO(text)))
    header, body = table[0], table[1:]
    for i, line in enumerate(table):
        for column, value in zip(header, line):
            if (i, column) != (1, "points_awarded"):
                assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    assert csv_value(header[10]) == "=topic"
    for line, original in zip(body, FORMULAS):
        record = dict(zip(header, line))
        for column in ("github_username", "roster_identifier", "student_repository_name", "assignment_name",
                       "submission_timestamp", "message", "graded_commit"):
            assert csv_value(record[column]) == original, column
        assert csv_value(record["flags"]) == f"{original};{original}"
    # Numbers gradekit computes are numbers: a negative score is not quoted.
    assert dict(zip(header, body[0]))["points_awarded"] == "-2"


@pytest.mark.parametrize("value, written", [("=1", "'=1"), ("-1", "'-1"), ("ok", "ok"), ("", ""), (-1, -1),
                                            (3.5, 3.5), ("a=b", "a=b"), ("''", "'''")])
def test_a_cell_is_quoted_only_when_a_spreadsheet_would_run_it(value, written):
    assert csv_cell(value) == written
    if isinstance(value, str):
        assert csv_value(csv_cell(value)) == value


# -- 8. hidden checks in everything a student can read ------------------------------------------

MARKERS = ["QXINPUTQX", "QXEXPECTEDQX", "QXRAISEQX", "QXFILEQX", "QXGREETINQX", "QXGREETEXPQX", "QXSLOWQX",
           "QXDICTQX", "QXCUSTOMQX"]

HIDDEN_GRADERS = '''
from gradekit.grader import call, exercise, points


@points(2)
@exercise("double")
def test_hidden_returns(alpha):
    call(alpha.double, "QXINPUTQX").returns("QXEXPECTEDQX")


@points(1)
@exercise("double")
def test_hidden_type_named_after_input(alpha):
    call(alpha.double, "QXRAISEQX").returns(0)


@points(1)
@exercise("double")
def test_hidden_file_and_line(alpha):
    call(alpha.double, "QXFILEQX").returns(0)


@points(1)
@exercise("double")
def test_hidden_slow(alpha):
    call(alpha.double, "QXSLOWQX").returns(0)


@points(1)
@exercise("double")
def test_hidden_assert(alpha):
    assert alpha.double({"k": "QXDICTQX"}) == "QXCUSTOMQX", "expected QXCUSTOMQX for QXDICTQX"


@points(1)
@exercise("greet")
def test_hidden_prints(alpha):
    call(alpha.greet, "QXGREETINQX").prints("QXGREETEXPQX\\n")
'''

#: A wrong submission that puts each hidden input wherever a student can read it back.
HOSTILE_ALPHA = '''
import os
import time

HERE = os.path.dirname(__file__)
# Inside the student's folder, so the child names it as the student's file.
FILE = os.path.join(HERE, "alpha.py\\n```\\n<img src=x onerror=alert(1)>")


SEEN = __import__("builtins").__dict__.setdefault("_seen", [])
STASH = os.path.join(__import__("tempfile").gettempdir(), "stash.txt")


def remember(x):
    """Keep every input for a later check: in the interpreter, and in a file."""
    SEEN.append(x)
    try:
        with open(STASH, "a") as f:
            f.write(repr(x) + "\\n")
    except OSError:
        pass


def recall():
    try:
        with open(STASH) as f:
            return repr(SEEN) + f.read()
    except OSError:
        return repr(SEEN)


def double(x):
    remember(x)
    print("echo", x, "::error::x")
    if x == 21:
        return "```\\n<img src=x onerror=alert(1)>\\n~~~\\n" + "`" * 7
    text = str(x)
    if "QXRAISEQX" in text:
        raise type(text + "Error", (Exception,), {})(text)
    if "QXFILEQX" in text:
        exec(compile("\\n" * 40 + "raise ValueError(" + repr(text) + ")", FILE, "exec"))
    if "QXSLOWQX" in text:
        time.sleep(60)
    return [text, "~~~", "`" * 4]


def greet(name):
    remember(name)
    if name == "ann":
        # A public check: whatever hidden inputs came before would be in its message.
        exec(compile("raise KeyError('<b>ann</b>' + recall())", os.path.join(HERE, "../x.py"), "exec"))
    print(name, name)
'''




@pytest.fixture(scope="module", params=isolation_levels())
def graded(request, tmp_path_factory):
    level = request.param
    root = tmp_path_factory.mktemp(f"kit-{level}")
    for part in ("exercises", "graders", "starter"):
        shutil.copytree(MINIKIT / part, root / part)
    (root / "graders" / "alpha" / "test_hidden.py").write_text(HIDDEN_GRADERS, encoding="utf-8")
    sub = write_submission(tmp_path_factory.mktemp(f"sub-{level}"), {"alpha.py": HOSTILE_ALPHA})
    with grading_at(level, tmp_path_factory.mktemp(f"tmp-{level}")):
        result = grade(load_kit(root), [Submission(sub)], seed=5, lang="en", timeout=1.0)[0]
    return result


def student_outputs(result: Result, lang: str) -> dict[str, str]:
    row = student_row(result)
    return {
        "gradekit.json": native.to_json(result, student=True),
        "result.json": classroom50.to_json(result),
        "results.json": gradescope.to_json(result),
        "classroom": json.dumps(classroom.decode(classroom.encode(classroom.build(result, lang))), ensure_ascii=False),
        "summary": markdown.to_markdown(result, lang),
        "annotations": "\n".join(annotations.lines(result, lang)),
        "log": terminal.to_text(result, lang, narrow_hidden=True, verbose=True, show_all=True),
        "report.md": report.to_markdown(row),
        "report.html": report.to_html(row),
        "student_view": repr(student_view(result, lang)),
    }


def test_the_wrong_submission_was_graded_as_expected(graded):
    hidden = {c.name: c for c in graded.checks if c.visibility == "hidden"}
    assert len(hidden) == 6 and all(c.status is not Status.PASS for c in hidden.values())
    assert hidden["test_hidden_slow"].status is Status.TIMEOUT
    assert graded.score == 0
    # The instructor's full result keeps every detail.
    full = native.to_json(graded) + report.to_markdown(student_row(graded), full=True)
    for marker in ("QXINPUTQX", "QXEXPECTEDQX", "QXRAISEQX", "QXFILEQX", "QXGREETINQX", "QXGREETEXPQX", "QXDICTQX"):
        assert marker in full, marker


def student_row(result: Result) -> dict:
    return {"username": "ann", "status": "graded", "message": "", "score": result.score,
            "max_score": result.max_score, "commit_sha": "", "commit_time": "", "later_commits": 0, "flags": [],
            "result": result.to_dict()}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_hidden_input_expected_value_or_output_in_anything_a_student_reads(graded, lang):
    outputs = student_outputs(graded, lang)
    for name, text in outputs.items():
        for marker in MARKERS:
            assert marker not in text, f"{marker} in {name}"
        assert "line 41" not in text and '"line": 41' not in text, name  # the line the student's code chose
    hidden = [c for c in student_view(graded, lang).checks if c.visibility == "hidden"]
    reasons = {c.name: c.message for c in hidden}
    if lang == "en":
        assert "returned a wrong value" in reasons["test_hidden_returns"]
        assert reasons["test_hidden_type_named_after_input"].endswith("raised an exception")
        assert "raised ValueError" in reasons["test_hidden_file_and_line"]
        assert "timed out" in reasons["test_hidden_slow"]
        assert "printed the wrong output" in reasons["test_hidden_prints"]
    else:
        assert "返回值不对" in reasons["test_hidden_returns"] and "运行超时" in reasons["test_hidden_slow"]
    assert all(c.output == "" and c.line is None and c.duration == 0 for c in hidden)


def test_public_checks_keep_their_detail_but_not_a_hostile_file(graded):
    public = {c.name: c for c in student_view(graded).checks if c.visibility == "public"}
    assert "<img src=x" in public["test_double"].message  # the student sees their own value
    # Every public check runs before any hidden one: nothing the code kept from a hidden input comes back.
    assert "KeyError" in public["test_greet"].message and "21" in public["test_greet"].message
    assert public["test_greet"].file == "alpha.py" and public["test_greet"].line is None
    for c in graded.checks:
        assert c.file in (None, "alpha.py"), c.file
    # The child did name the hostile file (the traceback the instructor keeps shows it); scoring refused it.
    chosen = next(c for c in graded.checks if c.name == "test_hidden_file_and_line")
    assert "onerror" in chosen.detail.get("traceback", "") and "onerror" not in chosen.message
    doc = commonmark(markdown.to_markdown(graded, "en"))
    assert_inert(doc, {"h2", "h3", "table", "thead", "tbody", "tr", "th", "td", "p", "strong", "ul", "li", "pre",
                       "code", "sub"})


def test_batch_reports_hide_hidden_detail_unless_asked(graded, tmp_path):
    from gradekit.classroom.outputs import write_outputs

    row = student_row(graded)
    write_outputs([row], tmp_path / "student", ["alpha"])
    write_outputs([row], tmp_path / "full", ["alpha"], full_feedback=True)
    for suffix in ("md", "html"):
        shown = (tmp_path / "student" / "reports" / f"ann.{suffix}").read_text(encoding="utf-8")
        assert not [m for m in MARKERS if m in shown]
        assert "a hidden check failed" in shown
        full = (tmp_path / "full" / "reports" / f"ann.{suffix}").read_text(encoding="utf-8")
        assert "QXEXPECTEDQX" in full
    # The instructor's own JSON keeps everything.
    assert "QXEXPECTEDQX" in (tmp_path / "student" / "results" / "ann.json").read_text(encoding="utf-8")


def run_grade_ci(tmp_path: Path, out: Path, hidden: bool = True) -> subprocess.CompletedProcess:
    """``grade ci`` as the classroom workflow runs it, hidden graders checked out beside the repository."""
    kit = tmp_path / "repo"
    for part in ("exercises", "graders", "starter"):
        shutil.copytree(MINIKIT / part, kit / part)
    write_submission(kit, {"alpha.py": HOSTILE_ALPHA})
    hidden_dir = tmp_path / "hidden" / "alpha"
    hidden_dir.mkdir(parents=True)
    (hidden_dir / "test_hidden.py").write_text(HIDDEN_GRADERS, encoding="utf-8")
    (tmp_path / "github_output").write_text("", encoding="utf-8")
    (tmp_path / "summary.md").write_text("", encoding="utf-8")
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path), "GRADEKIT_ISOLATION": "process", "TMPDIR": str(tmp_path),
           "GITHUB_OUTPUT": str(tmp_path / "github_output"), "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md")}
    args = ["--hidden-graders", str(tmp_path / "hidden")] if hidden else []
    return subprocess.run([sys.executable, "-m", "gradekit", "ci", "--kit", str(kit), "--submission", str(kit),
                           "--out", str(out), "--lang", "en", "--timeout", "1", *args],
                          cwd=kit, env=env, capture_output=True, text=True, timeout=600)


def test_grade_ci_names_failed_hidden_checks_without_their_inputs(tmp_path):
    out = tmp_path / "repo" / "grade-results"
    proc = run_grade_ci(tmp_path, out)
    assert proc.returncode == 0, proc.stderr
    visible = {name: (out / name).read_text(encoding="utf-8") for name in ("gradekit.json", "result.json", "results.json")}
    visible["summary"] = (tmp_path / "summary.md").read_text(encoding="utf-8")
    visible["log"] = proc.stdout + proc.stderr
    result = base64.b64decode(
        (tmp_path / "github_output").read_text(encoding="utf-8").split("result=")[-1]).decode("utf-8")
    visible["classroom"] = result
    for name, text in visible.items():
        assert not [m for m in MARKERS if m in text], name
    native = json.loads(visible["gradekit.json"])
    hidden = [c for t in native["topics"] for e in t["exercises"] for c in e["checks"] if c["visibility"] == "hidden"]
    assert hidden and any(c["status"] != "pass" for c in hidden)
    assert all(c["message"] for c in hidden if c["status"] != "pass")   # named and explained, in general terms


def test_grade_ci_never_follows_a_committed_symlink_out_of_its_folder(tmp_path):
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "keep.txt").write_text("mine", encoding="utf-8")
    out = tmp_path / "repo" / "grade-results"
    out.parent.mkdir(parents=True)
    out.symlink_to(victim, target_is_directory=True)
    proc = run_grade_ci(tmp_path, out, hidden=False)
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in victim.iterdir()) == ["keep.txt"]
    assert not out.is_symlink() and (out / "gradekit.json").is_file()


STASHER = '''import os
def my_abs(x):
    try:
        if isinstance(x, float) or (isinstance(x, int) and abs(x) > 10**6):
            with open({path!r}, "a") as f:
                f.write(repr(x) + ";")
    except OSError:
        pass
    if not isinstance(x, (int, float)):
        raise TypeError("bad operand type")
    return x if x >= 0 else -x
'''

ECHOER = '''import time
def progress_message(name, improvement):
    end = time.time() + 1.9
    while time.time() < end:
        try:
            data = open({path!r}).read()
            if data.count(";") >= 3:
                return "LEAK:" + data
        except OSError:
            pass
        time.sleep(0.05)
    return "none yet"
'''


@pytest.mark.parametrize("level", ["process", "portable"])
def test_hidden_inputs_never_reach_a_public_check_of_a_parallel_session(tmp_path, level):
    """A whole-kit submission is split over sessions only under bubblewrap: below it, sessions share
    /dev/shm, so one session's hidden inputs could be read by the other's public checks."""
    stash = f"/dev/shm/gk-test-leak-{os.getpid()}-{level}"
    sub = tmp_path / "sub"
    shutil.copytree(ROOT / "starter", sub)
    for slug in ("basics", "lists", "tuples", "conditions", "loops", "dicts", "sets"):
        shutil.copyfile(ROOT / "exercises" / slug / "solution.py", sub / f"{slug}.py")
    (sub / "functions.py").write_text(STASHER.format(path=stash), encoding="utf-8")
    (sub / "formatting.py").write_text(ECHOER.format(path=stash), encoding="utf-8")
    topics = ["basics", "formatting", "lists", "tuples", "conditions", "loops", "dicts", "sets", "functions"]
    try:
        with grading_at(level, tmp_path, GRADEKIT_LANDLOCK=None):
            result = grade(load_kit(ROOT), [Submission(sub)], topics=topics, seed=9, lang="en", timeout=2.0)[0]
        try:
            stashed = [v for v in Path(stash).read_text(encoding="utf-8").split(";") if v]
        except OSError:
            stashed = []
    finally:
        Path(stash).unlink(missing_ok=True)
    assert stashed, "no hidden input was stashed: the case proves nothing"
    shown = json.dumps(student_view(result).to_dict())
    assert "LEAK:" not in shown and not [v for v in stashed if v in shown]
