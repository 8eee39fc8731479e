"""The class dashboard (issue 13, bullet 8): the assignment, a per-exercise view that keeps "not attempted"
apart from "wrong", ungraded students apart from graded ones (blank, never 0), and a student table that
sorts and filters in the page itself, proved by loading it in headless Chromium.

Rows are built from real ``grade check --json`` results on the fixture kit: a solution, a mutant (double
wrong, greet right), the untouched stub, a half-done file and a missing file.
"""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
import subprocess
from datetime import datetime, timezone
from html.parser import HTMLParser

import pytest

from gradekit.course.assignment import Assignment, LatePolicy, parse_when
from gradekit.render import dashboard
from gradekit.course.mutants import program

from conftest import MINIKIT, read_json, run_grade, write_submission

XSS = "<img src=x onerror=alert(1)>"
SOLUTION = (MINIKIT / "exercises" / "alpha" / "solution.py").read_text(encoding="utf-8")
MUTANT = program(MINIKIT / "exercises" / "alpha" / "mutants" / "double_adds.py")
STUB = (MINIKIT / "starter" / "alpha.py").read_text(encoding="utf-8")
HALF = SOLUTION.split("def greet")[0] + "def greet(name):\n    raise NotImplementedError\n"
SUBMISSIONS = {"good": SOLUTION, "wrong": MUTANT, "stub": STUB, "half": HALF, "missing": None}
MADE = datetime(2026, 12, 2, 1, 30, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> dict[str, dict]:
    root = tmp_path_factory.mktemp("subs")
    out = {}
    for name, text in SUBMISSIONS.items():
        folder = write_submission(root / name, {} if text is None else {"alpha.py": text})
        proc = run_grade("check", "--kit", MINIKIT, "--submission", folder, "--json", root / f"{name}.json",
                         "--seed", "5", "--lang", "en")
        assert proc.returncode in (0, 1), proc.stderr[-2000:]
        out[name] = read_json(root / f"{name}.json")
    return out


def row(username: str, result: dict | None, *, status: str = "graded", score=None, flags=(), grading=None,
        message: str = "", identifier: str | None = None) -> dict:
    """A batch row as the store gives it (the shared contract), graded from ``result`` unless told otherwise."""
    graded = status == "graded"
    return {"username": username, "status": status, "message": message,
            "score": (result["score"] if score is None else score) if graded else None, "max_score": 7,
            "commit_sha": "0123456789abcdef" if graded else None,
            "commit_time": "2026-11-30T14:00:00+00:00" if graded else None, "later_commits": 0, "flags": list(flags),
            "student": {"username": username, "roster_identifier": identifier or username, "extra": {}},
            "result": result if graded else None, "graded_at": "2026-12-02T01:00:00+00:00", "grading": grading or {}}


@pytest.fixture(scope="module")
def rows(results) -> list[dict]:
    late = {"assignment": "PS1", "deadline": "2026-12-01T23:59:00+08:00", "extended": True, "cutoff": None,
            "late_seconds": 3 * 3600 + 60, "penalty_percent": 10.0, "points_before_penalty": 7, "timezone": ""}
    return [
        row("ann", results["good"], identifier="Ann A", flags=[]),
        row("bob", results["wrong"], flags=["protected-changed:alpha.py"]),
        row("cyd", results["stub"]),
        row("dan", results["half"]),
        row("eve", results["missing"], flags=["missing-file:alpha.py"]),
        row(XSS, results["good"], score=6.3, grading=late),
        row("fay", None, status="empty", message="the repository has no commits"),
        row("gus", None, status="no-repository", message="no repository for this student"),
    ]


def assignment(**changes) -> Assignment:
    a = Assignment(name="Problem set 1", topics=("alpha",), points=7, lang="zh",
                   deadline=parse_when("2026-11-30T23:59+08:00"), timezone="Asia/Shanghai",
                   late=LatePolicy("per_day", 10, 50, parse_when("2026-12-03T23:59+08:00")))
    return a.with_(**changes)


class Page(HTMLParser):
    """The rows of each table (by id) as lists of cell texts, and which rows carry ``hidden``."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tables: dict[str, list[dict]] = {}
        self.tags: list[tuple[str, dict]] = []
        self._table = None
        self._row = None
        self._cell = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "table":
            self._table = self.tables.setdefault(attrs.get("id") or f"table{len(self.tables)}", [])
        elif tag == "tr" and self._table is not None:
            self._row = {"cells": [], "hidden": "hidden" in attrs, "attrs": attrs}
        elif tag in ("td", "th") and self._row is not None:
            self._cell = [attrs.get("data-sort")]
            self._row["cells"].append(self._cell)

    def handle_endtag(self, tag):
        if tag == "tr" and self._row is not None:
            self._table.append({"cells": ["".join(c[1:]).strip() for c in self._row["cells"]],
                                "keys": [c[0] for c in self._row["cells"]], "hidden": self._row["hidden"],
                                "attrs": self._row["attrs"]})
            self._row = None
        elif tag in ("td", "th"):
            self._cell = None
        elif tag == "table":
            self._table = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)

    def body(self, table: str) -> list[dict]:
        return self.tables[table][1:]  # the first row is the heading

    def header(self, table: str) -> list[str]:
        return self.tables[table][0]["cells"]


# -- the page, as rendered -----------------------------------------------------------------------------------

def test_each_exercise_counts_passed_wrong_and_not_attempted_apart(rows):
    page = Page(dashboard.to_html(rows, assignment=assignment(), now=MADE))
    counts = {r["attrs"]["data-exercise"]: r["cells"][2:] for r in page.body("exercises")}
    assert page.header("exercises")[2:] == ["passed", "wrong", "not attempted", "students"]
    # double: ann, dan and the XSS-named student pass; bob's mutant is wrong; cyd's stub and eve's missing
    # file are not attempted.  greet: bob passes too; dan left it as the stub.
    assert counts == {"alpha/double": ["3", "1", "2", "6"], "alpha/greet": ["3", "0", "3", "6"]}


def test_a_student_who_could_not_be_graded_is_blank_and_counted_nowhere(rows):
    html = dashboard.to_html(rows, assignment=assignment(), now=MADE)
    page = Page(html)
    cards = {label: value for value, label in re.findall(r'<div class="card"><b>([^<]*)</b>([^<]*)</div>', html)}
    assert cards["students"] == "8" and cards["graded"] == "6" and cards["not graded"] == "2"
    # the mean and median of the six graded (7, 2, 0, 5, 0, 6.3 of 7), not of eight with two zeros
    assert cards["mean score"] == "48%" and cards["median score"] == "50%"
    assert all(r["cells"][-1] == "6" for r in page.body("exercises"))  # eight rows, six students counted
    ungraded = {r["cells"][0]: r["cells"] for r in page.body("not-graded")}
    assert set(ungraded) == {"fay", "gus"}
    assert ungraded["fay"][1].startswith("empty") and ungraded["fay"][2] == "the repository has no commits"
    assert ungraded["gus"][1].startswith("no-repository")
    students = {r["cells"][0]: r for r in page.body("students")}
    score = page.header("students").index("score")
    for name in ("fay", "gus"):
        assert students[name]["cells"][score] == "" and students[name]["keys"][score] == ""
    assert students["cyd"]["cells"][score] == "0/7" and students["cyd"]["keys"][score] == "0.0"


def test_the_page_names_the_assignment_its_deadline_in_its_zone_and_when_it_was_made(rows):
    flat = re.sub(r"\s+", " ", dashboard.to_html(rows, assignment=assignment(), now=MADE))
    assert "<title>Problem set 1</title>" in flat and '<b id="assignment-name">Problem set 1</b>' in flat
    assert '<b id="deadline">2026-11-30 23:59 +08:00 (Asia/Shanghai)</b>' in flat
    assert "late: 10% off per day started, at most 50%" in flat
    assert "nothing committed after 2026-12-03 23:59 +08:00 (Asia/Shanghai) is graded" in flat
    assert '<span id="made">2026-12-02 09:30 +08:00 (Asia/Shanghai)</span>' in flat
    in_utc = assignment(timezone="", deadline=parse_when("2026-11-30T15:59Z"))
    utc = dashboard.to_html(rows, assignment=in_utc, now=MADE)
    assert '<b id="deadline">2026-11-30 15:59 +00:00</b>' in utc and "2026-12-02 01:30 +00:00" in utc
    none = dashboard.to_html(rows, now=MADE)
    assert "no assignment.toml was given" in none and "gradekit class dashboard" in none


def test_late_penalty_and_extension_come_from_the_rows_grading(rows):
    page = Page(dashboard.to_html(rows, assignment=assignment(), now=MADE))
    head = page.header("students")
    late = {r["cells"][0]: dict(zip(head, r["cells"])) for r in page.body("students")}[XSS]
    assert late["score"] == "6.3/7" and late["late by"] == "3 h 1 min" and late["penalty"] == "10%"
    assert late["before penalty"] == "7" and late["extended to"] == "2026-12-01 23:59 +08:00 (Asia/Shanghai)"
    on_time = {r["cells"][0]: dict(zip(head, r["cells"])) for r in page.body("students")}["ann"]
    assert on_time["late by"] == on_time["penalty"] == on_time["extended to"] == ""
    assert on_time["roster"] == "Ann A"


def test_the_fixed_text_is_in_the_instructors_language(rows):
    zh = dashboard.to_html(rows, assignment=assignment(), lang="zh", now=MADE)
    assert '<html lang="zh-CN">' in zh and "各练习情况" in zh and "未尝试" in zh and "截止时间" in zh
    assert "Per exercise" not in zh and "not attempted" not in zh
    en = dashboard.to_html(rows, assignment=assignment(), now=MADE)  # the default, whatever the students read
    assert '<html lang="en">' in en and "未尝试" not in en


def test_roster_text_is_escaped_and_only_the_pages_own_script_may_run(rows):
    hostile = [*rows, row("hal", None, status="grading-error", message=f"</td></table><script>alert(2)</script>")]
    html = dashboard.to_html(hostile, assignment=assignment(name="</title><script>alert(3)</script>"), now=MADE)
    page = Page(html)
    assert [tag for tag, _ in page.tags].count("script") == 1 and "img" not in {tag for tag, _ in page.tags}
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and "&lt;/title&gt;&lt;script&gt;" in html
    script = re.search(r"<script>(.*?)</script>", html, re.S)[1]
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script and "document.write" not in script
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)[1]
    assert f"script-src 'sha256-{digest}'" in csp and "default-src 'none'" in csp


def test_an_exercise_is_not_attempted_only_when_every_check_is_untouched():
    from gradekit.model import Check, ExerciseResult, Status

    def check(status, kind=None):
        return Check("c", "test_c", Status(status), 0, 1, "public", detail={"kind": kind} if kind else {})

    def state(*checks):
        return dashboard.exercise_state(ExerciseResult("double", "", list(checks)))

    assert state(check("fail", "todo"), check("fail", "no_file")) == "not_attempted"
    assert state(check("fail", "todo"), check("pass")) == "wrong"
    assert state(check("fail", "todo"), check("fail", "returned")) == "wrong"
    assert state(check("fail", "todo"), check("timeout", "timeout")) == "wrong"
    assert state(check("pass"), check("error", "grader_error")) == "error"
    assert state(check("pass"), check("skipped")) == "passed"
    assert state() == "not_attempted"


# -- the script, in a real browser ---------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)")


@pytest.fixture(scope="module")
def page_file(rows, tmp_path_factory):
    path = tmp_path_factory.mktemp("dash") / "dashboard.html"
    path.write_text(dashboard.to_html(rows, assignment=assignment(), now=MADE), encoding="utf-8")
    return path


def in_chromium(path, fragment: str, tmp_path) -> Page:
    """The page's DOM after its script ran, opened at ``#fragment`` (the view the script applies on load)."""
    proc = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                           "--disable-component-update", "--disable-sync", "--no-first-run",
                           f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", f"{path.as_uri()}#{fragment}"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "</html>" in proc.stdout
    return Page(proc.stdout)


def shown(page: Page) -> list[str]:
    return [r["cells"][0] for r in page.body("students") if not r["hidden"]]


@needs_chromium
def test_sorting_by_score_puts_the_best_first_and_blanks_last_both_ways(page_file, tmp_path):
    page = in_chromium(page_file, "sort=score:desc", tmp_path)
    assert shown(page) == ["ann", XSS, "dan", "bob", "cyd", "eve", "fay", "gus"]
    assert [a.get("aria-sort") for t, a in page.tags if t == "th" and a.get("data-key") == "score"] == ["descending"]
    page = in_chromium(page_file, "sort=score:asc", tmp_path)
    assert shown(page)[:4] == ["cyd", "eve", "bob", "dan"] and shown(page)[-2:] == ["fay", "gus"]


@needs_chromium
def test_numbers_sort_as_numbers_and_names_as_text(page_file, tmp_path):
    page = in_chromium(page_file, "sort=percent:asc", tmp_path)  # as text, "100%" would come before "29%"
    assert shown(page)[-3:] == ["ann", "fay", "gus"] and shown(page)[2] == "bob"
    page = in_chromium(page_file, "sort=student:desc", tmp_path)
    assert shown(page)[:2] == ["gus", "fay"] and shown(page)[-1] == XSS


@needs_chromium
def test_the_filter_keeps_only_matching_rows_by_name_flag_or_status(page_file, tmp_path):
    for fragment, expected in (("filter=ann", ["ann"]), ("filter=protected-changed", ["bob"]),
                               ("filter=no-repository", ["gus"]), ("filter=Ann%20A", ["ann"]),
                               ("filter=onerror", [XSS]), ("filter=graded%20missing-file", ["eve"])):
        page = in_chromium(page_file, fragment, tmp_path)
        assert shown(page) == expected, fragment
        assert len(page.body("students")) == 8  # the others are hidden, not removed
        assert "hidden" in {a for t, attrs in page.tags if t == "tr" for a in attrs}


@needs_chromium
def test_a_hostile_name_stays_text_in_the_browser(page_file, tmp_path):
    page = in_chromium(page_file, "sort=score:desc&filter=img", tmp_path)
    assert shown(page) == [XSS]
    assert "img" not in {tag for tag, _ in page.tags}
    assert [tag for tag, _ in page.tags].count("script") == 1
