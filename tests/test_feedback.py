"""Feedback to students: the per-student report as something to act on, and `grade feedback` pushing it.

Rows are built from a real `grade check --json` of the fixture kit, as a batch stores them; the push
goes to real bare repositories made with git in tmp_path, through the real `grade feedback` command.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import MINIKIT, run_grade, write_submission
from gradekit.course.kit import load_kit
from gradekit.render import report

WRONG_DOUBLE = "def double(x):\n    return x + 3\n\n\ndef greet(name):\n    raise NotImplementedError\n"
DEADLINE = "2026-11-30T23:59:00+08:00"


def graded_result(tmp_path: Path, source: str, lang: str, name: str = "sub") -> dict:
    sub = write_submission(tmp_path / name, {"alpha.py": source})
    out = tmp_path / f"{name}-{lang}.json"
    proc = run_grade("check", "--kit", MINIKIT, "--submission", sub, "--json", out, "--seed", "5", "--lang", lang)
    assert proc.returncode == 1, proc.stderr
    return json.loads(out.read_text(encoding="utf-8"))


def make_row(result: dict | None, **changes) -> dict:
    row = {"username": "ann", "status": "graded", "message": "", "score": result["score"] if result else None,
           "max_score": 7, "commit_sha": "0123456789abcdef0123456789abcdef01234567",
           "commit_time": "2026-11-30T16:10:00+00:00", "later_commits": 0, "flags": [],
           "student": {"username": "ann", "url": "", "folder": None}, "result": result, "graded_at": 0.0,
           "grading": {"assignment": "Week 4", "deadline": DEADLINE, "extended": False, "cutoff": None,
                       "late_seconds": 0, "penalty_percent": 0.0, "points_before_penalty": None, "timezone": ""}}
    row.update(changes)
    return row


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp("feedback-results")
    stub = (MINIKIT / "starter" / "alpha.py").read_text(encoding="utf-8")
    return {"wrong-zh": graded_result(tmp, WRONG_DOUBLE, "zh"), "wrong-en": graded_result(tmp, WRONG_DOUBLE, "en"),
            "stub-en": graded_result(tmp, stub, "en", "stub")}


def hints(lang: str) -> dict:
    return report.hints_from_kit(load_kit(MINIKIT), lang)


def test_zh_report_has_zh_headings_and_no_english_ones(results):
    row = make_row(results["wrong-zh"])
    md = report.to_markdown(row, lang="zh", hints=hints("zh"))
    html = report.to_html(row, lang="zh", hints=hints("zh"))
    assert "# 作业反馈：Week 4" in md and "## 需要修改的地方" in md and "## 各题得分" in md
    assert "截止时间" in md and "评分的提交" in md and "提示" in md
    for english in ("What to fix", "Deadline", "Commit graded", "Hint", "Scores"):
        assert english not in md and english not in html
    assert '<html lang="zh-CN">' in html and "<h2>需要修改的地方</h2>" in html
    en = report.to_markdown(make_row(results["wrong-en"]), lang="en", hints=hints("en"))
    assert "## What to fix" in en and "需要修改" not in en


def test_language_comes_from_the_assignment_when_not_given(results):
    from gradekit.course.assignment import Assignment, parse_when

    a = Assignment(name="Week 4", topics=("alpha",), points=7, lang="zh", deadline=parse_when(DEADLINE))
    assert "## 需要修改的地方" in report.to_markdown(make_row(results["wrong-zh"]), assignment=a, lang=None)


def test_deadline_and_commit_time_are_local_with_their_zone(results):
    row = make_row(results["wrong-en"])
    md = report.to_markdown(row, lang="en")
    # the deadline's own offset, and the commit (stored in UTC) shown in that zone, never in UTC
    assert "2026-11-30 23:59 +08:00" in md
    assert "2026-12-01 00:10 +08:00" in md and "16:10" not in md
    from gradekit.course.assignment import Assignment, parse_when

    a = Assignment(name="Set 1", topics=("alpha",), points=7, lang="en", deadline=parse_when(DEADLINE),
                   timezone="-05:00")
    md = report.to_markdown(row, assignment=a, lang="en")
    assert "# Feedback: Set 1" in md
    assert "2026-11-30 10:59 -05:00" in md and "2026-11-30 11:10 -05:00" in md


def test_extension_and_late_penalty_in_words(results):
    grading = {**make_row(None)["grading"], "extended": True, "late_seconds": 2 * 3600 + 30 * 60,
               "penalty_percent": 10.0, "points_before_penalty": 2}
    row = make_row(results["wrong-en"], score=1.8, grading=grading)
    md = report.to_markdown(row, lang="en")
    assert "(extended for you)" in md
    assert "2 h 30 min late: 10% taken off (before the penalty: 2)" in md
    assert "**1.8/7**" in md
    zh = report.to_markdown(row, lang="zh")
    assert "已为你延期" in zh and "迟交 2 小时 30 分钟：扣除 10%" in zh


def test_failure_has_file_line_and_the_exercises_first_hint(results):
    row = make_row(results["wrong-en"])
    md = report.to_markdown(row, lang="en", hints=hints("en"))
    block = md.split("### alpha · double", 1)[1].split("###", 1)[0]
    assert "at ` alpha.py:1 `" in block
    assert "expected: 42" in block and "got:      24" in block
    assert "💡 **Hint:** Return 2 \\* x." in block
    html = report.to_html(row, lang="en", hints=hints("en"))
    assert "<code>alpha.py:1</code>" in html and "Return 2 * x." in html
    # without hints the report still stands, just without the hint line
    assert "Hint" not in report.to_markdown(row, lang="en")


def test_untouched_stub_is_one_not_done_line_naming_every_exercise(results):
    row = make_row(results["stub-en"])
    md = report.to_markdown(row, lang="en", hints=hints("en"))
    lines = [line for line in md.splitlines() if "Not done yet" in line]
    assert lines == ["**Not done yet (still raising NotImplementedError):** alpha · double, alpha · greet"]
    assert "###" not in md  # no block per exercise, let alone per check
    assert md.count("NotImplementedError") == 1
    html = report.to_html(row, lang="en")
    assert html.count("Not done yet (still raising") == 1


def test_half_done_exercise_gets_a_block_and_the_untouched_one_the_line(results):
    md = report.to_markdown(make_row(results["wrong-en"]), lang="en")
    assert "### alpha · double" in md and "### alpha · greet" not in md
    assert "**Not done yet (still raising NotImplementedError):** alpha · greet" in md


def test_flags_in_words_with_the_note_and_escaped(results):
    flags = ["protected-changed:.github/workflows/classroom.yml", "missing-file:starter/beta.py",
             "commits-after-deadline", "shadows-module:random.py", "protected-added:graders/<script>x</script>.py"]
    row = make_row(results["wrong-en"], flags=flags)
    md = report.to_markdown(row, lang="en")
    assert "you changed ` .github/workflows/classroom.yml `, which the template protects" in md
    assert "` starter/beta.py ` is missing" in md
    assert "the last commit before it is the one graded" in md
    assert "a flag never changes your score" in md
    assert "protected-changed:" not in md
    assert "you added ` graders/<script>x</script>.py `" in md  # inside a code span: text, not HTML
    html = report.to_html(row, lang="en")
    assert "&lt;script&gt;" in html and "<script" not in html
    zh = report.to_markdown(row, lang="zh")
    assert "你修改了 ` .github/workflows/classroom.yml `，这是模板保护的文件" in zh and "从不改变你的分数" in zh
    assert "flag never" not in report.to_markdown(make_row(results["wrong-en"]), lang="en")


def test_hidden_check_inputs_never_reach_the_report(results):
    result = results["wrong-en"]
    hidden = next(c for t in result["topics"] for e in t["exercises"] for c in e["checks"]
                  if c["visibility"] == "hidden" and c["detail"].get("kind") == "returned")
    call, expected = hidden["detail"]["call"], hidden["detail"]["expected"]
    row = make_row(result)
    for text in (report.to_markdown(row, lang="en"), report.to_html(row, lang="en")):
        assert hidden["name"] in text and "hidden check" in text
        assert call not in text and f"expected: {expected}" not in text
    assert call in report.to_markdown(row, lang="en", full=True)  # the instructor's choice shows it


def test_ungraded_row_says_why_and_shows_no_score():
    row = make_row(None, status="no-student-commits", score=None, commit_sha=None, commit_time=None,
                   message="only the template's commits")
    md = report.to_markdown(row, lang="en")
    assert "## Not graded" in md and "none of yours" in md and "only the template's commits" in md
    assert "/7" not in md and "Score" not in md and "0/" not in md
    html = report.to_html(row, lang="en")
    assert "Not graded" in html and "/7" not in html
    assert "没有评分" in report.to_markdown(row, lang="zh")


def test_row_text_is_escaped_in_both_formats(results):
    row = make_row(results["wrong-en"], username="<img src=x onerror=alert(1)>*bold*",
                   grading={**make_row(None)["grading"], "assignment": "[click](http://evil)"})
    md = report.to_markdown(row, lang="en")
    assert "<img" not in md and "\\*bold\\*" in md and "\\[click\\](http://evil)" in md
    html = report.to_html(row, lang="en")
    assert "<img" not in html and "&lt;img" in html


def test_html_report_renders_in_headless_chromium(results, tmp_path):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("no chromium here")
    page = tmp_path / "report.html"
    page.write_text(report.to_html(make_row(results["wrong-en"], flags=["bytecode:x.pyc"]), lang="en",
                                   hints=hints("en")), encoding="utf-8")
    proc = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", page.as_uri()],
                          capture_output=True, text=True, timeout=120)
    assert "What to fix" in proc.stdout and "Return 2 * x." in proc.stdout and "compiled bytecode" in proc.stdout


# -- grade feedback ---------------------------------------------------------------------------------------------

def git(*args, cwd=None) -> str:
    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, check=True).stdout.strip()


def student_repo(root: Path, name: str) -> Path:
    """A bare repository with one commit on main, as a student's GitHub repository would be."""
    bare = root / f"{name}.git"
    git("init", "-q", "--bare", "-b", "main", bare)
    work = root / f"{name}-work"
    git("clone", "-q", bare, work)
    write_submission(work, {"starter/alpha.py": WRONG_DOUBLE})
    git("add", ".", cwd=work)
    git("commit", "-qm", "my work", cwd=work)
    git("push", "-q", "origin", "HEAD:main", cwd=work)
    return bare


def batch_out(tmp_path: Path, result: dict, students: dict[str, dict]) -> Path:
    """A batch output folder: Store rows and their reports, as `grade batch` leaves them."""
    from gradekit.classroom.store import Store, file_names

    out = tmp_path / "out"
    (out / "reports").mkdir(parents=True)
    store = Store(out / "grades.sqlite")
    rows = []
    for user, student in students.items():
        graded = student.pop("status", "graded") == "graded"
        row = make_row(result if graded else None, username=user, student={"username": user, **student},
                       status="graded" if graded else "empty", score=result["score"] if graded else None)
        store.save({**row, "result": json.dumps(row["result"]) if row["result"] else None})
        rows.append(row)
    store.close()
    stems = file_names(r["username"] for r in rows)
    for row in rows:
        (out / "reports" / f"{stems[row['username']]}.md").write_text(report.to_markdown(row, lang="en"),
                                                                       encoding="utf-8")
        (out / "reports" / f"{stems[row['username']]}.html").write_text(report.to_html(row, lang="en"),
                                                                         encoding="utf-8")
    return out


def ref(bare: Path, name: str) -> str:
    proc = subprocess.run(["git", "-C", str(bare), "rev-parse", "--verify", "-q", name], capture_output=True, text=True)
    return proc.stdout.strip()


@pytest.fixture
def classroom(tmp_path, results):
    repos = tmp_path / "repos"
    repos.mkdir()
    ann, bob = student_repo(repos, "ann"), student_repo(repos, "bob")
    # a hook in the student's repository must never run on our side
    marker = tmp_path / "hook-ran"
    for hook in ("pre-receive", "update", "post-receive", "reference-transaction"):
        path = ann / "hooks" / hook
        path.write_text(f"#!/bin/sh\necho {hook} >> {marker}\n")
        path.chmod(0o755)
    out = batch_out(tmp_path, results["wrong-en"], {
        "ann": {"url": str(ann)}, "bob": {"url": (bob.as_uri())},
        "gone": {"url": str(repos / "missing.git")}, "cat": {"url": str(repos / "cat.git"), "status": "empty"}})
    return {"out": out, "ann": ann, "bob": bob, "marker": marker, "main": {"ann": ref(ann, "main"), "bob": ref(bob, "main")}}


def test_dry_run_lists_and_pushes_nothing(classroom):
    proc = run_grade("feedback", classroom["out"])
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert any(line.startswith("would push") and "ann" in line and str(classroom["ann"]) in line
               and "gradekit-feedback" in line and "FEEDBACK.md" in line for line in lines)
    assert any(line.startswith("would push") and "bob" in line for line in lines)
    assert any(line.startswith("skipped") and "cat" in line and "not graded" in line for line in lines)
    assert "--push" in lines[-1]
    for name in ("ann", "bob"):
        assert ref(classroom[name], "refs/heads/gradekit-feedback") == ""


def test_push_commits_the_report_into_its_branch_and_nothing_else(classroom):
    proc = run_grade("feedback", classroom["out"], "--push")
    assert proc.returncode == 1, proc.stdout + proc.stderr  # one student's repository does not exist
    assert "2 pushed" in proc.stdout and "1 failed" in proc.stdout
    failed = [line for line in proc.stdout.splitlines() if line.startswith("failed")]
    assert len(failed) == 1 and "gone" in failed[0] and "missing.git" in failed[0]
    for name in ("ann", "bob"):
        bare = classroom[name]
        assert ref(bare, "main") == classroom["main"][name]
        pushed = git("--git-dir", bare, "show", "gradekit-feedback:FEEDBACK.md")
        expected = (classroom["out"] / "reports" / f"{name}.md").read_text(encoding="utf-8")
        assert pushed == expected.strip()
        assert git("--git-dir", bare, "ls-tree", "--name-only", "gradekit-feedback") == "FEEDBACK.md"
        assert git("--git-dir", bare, "rev-list", "--count", "gradekit-feedback") == "1"
    assert not classroom["marker"].exists(), classroom["marker"].read_text()


def test_rerun_adds_nothing_when_unchanged_and_one_commit_when_changed(classroom):
    out, ann = classroom["out"], classroom["ann"]
    run_grade("feedback", out, "--push")
    first = ref(ann, "gradekit-feedback")
    again = run_grade("feedback", out, "--push")
    assert "unchanged" in again.stdout and ref(ann, "gradekit-feedback") == first
    (out / "reports" / "ann.md").write_text("# regraded\n", encoding="utf-8")
    third = run_grade("feedback", out, "--push", "--html", "--message", "week 4 feedback\nsecond line \x1b[31m")
    assert third.returncode == 1
    tip = ref(ann, "gradekit-feedback")
    assert tip != first and git("--git-dir", ann, "rev-parse", "gradekit-feedback^") == first
    assert git("--git-dir", ann, "show", "gradekit-feedback:FEEDBACK.md") == "# regraded"
    assert git("--git-dir", ann, "ls-tree", "--name-only", "gradekit-feedback").split() == ["FEEDBACK.md",
                                                                                            "feedback.html"]
    assert git("--git-dir", ann, "log", "-1", "--format=%B", "gradekit-feedback") == "week 4 feedback second line [31m"
    assert ref(ann, "main") == classroom["main"]["ann"]


def test_folder_of_repositories_gets_the_branch_without_a_checkout(tmp_path, results):
    work = tmp_path / "class" / "dee"
    git("init", "-q", "-b", "main", work)
    write_submission(work, {"starter/alpha.py": WRONG_DOUBLE})
    git("add", ".", cwd=work)
    git("commit", "-qm", "mine", cwd=work)
    out = batch_out(tmp_path, results["wrong-en"], {"dee": {"folder": str(work)}})
    proc = run_grade("feedback", out, "--push")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert git("show", "gradekit-feedback:FEEDBACK.md", cwd=work).startswith("# Feedback: Week 4")
    assert git("rev-parse", "--abbrev-ref", "HEAD", cwd=work) == "main"
    assert not (work / "FEEDBACK.md").exists() and git("status", "--porcelain", cwd=work) == ""


def test_bad_branch_name_is_refused(classroom):
    proc = run_grade("feedback", classroom["out"], "--push", "--branch=--upload-pack=evil")
    assert proc.returncode == 2 and "plain branch name" in proc.stderr
    assert ref(classroom["ann"], "refs/heads/gradekit-feedback") == ""


def test_a_branch_holding_the_students_work_is_never_replaced(classroom):
    proc = run_grade("feedback", classroom["out"], "--push", "--branch", "main")
    assert proc.returncode == 1
    assert "2 pushed" not in proc.stdout and "holds the student's own files" in proc.stdout
    for name in ("ann", "bob"):
        assert ref(classroom[name], "main") == classroom["main"][name]


def test_a_real_batch_then_feedback_into_its_folder_of_repositories(tmp_path):
    classroom_dir = tmp_path / "class"
    work = classroom_dir / "erin"
    git("init", "-q", "-b", "main", work)
    write_submission(work, {"alpha.py": WRONG_DOUBLE})
    git("add", ".", cwd=work)
    git("commit", "-qm", "erin's work", cwd=work)
    head = git("rev-parse", "HEAD", cwd=work)
    out = tmp_path / "out"
    batch = run_grade("batch", classroom_dir, "--kit", MINIKIT, "--out", out, "--seed", "3")
    assert batch.returncode == 0, batch.stdout + batch.stderr
    proc = run_grade("feedback", out, "--push")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "1 pushed" in proc.stdout
    pushed = git("show", "gradekit-feedback:FEEDBACK.md", cwd=work)
    assert pushed == (out / "reports" / "erin.md").read_text(encoding="utf-8").strip()
    assert "alpha.py:1" in pushed and "Not done yet" in pushed
    assert git("rev-parse", "HEAD", cwd=work) == head and git("status", "--porcelain", cwd=work) == ""


def test_a_file_that_does_not_load_is_one_block_for_its_topic(tmp_path):
    broken = "def double(x):\n    return 2 * x\n\ndef greet(name)\n    pass\n"
    result = graded_result(tmp_path, broken, "en", "broken")
    md = report.to_markdown(make_row(result), lang="en")
    assert md.count("syntax error") == 1 and "### alpha" in md and "### alpha · " not in md
    assert "` double `, ` greet `" in md and "at ` alpha.py:4 `" in md
