"""`grade release` writes assignment.toml (template commit and instructor's copy); `grade ci` obeys it."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINIKIT, read_json, run_grade, git
from gradekit import cli
from gradekit.course import assignment as assignment_file

BIN = Path(sys.executable).parent
INSTALL = "gradekit==0.1.0"
DEADLINE = "2026-11-30 23:59 +08:00"
CUTOFF = "2026-12-03T23:59+08:00"


def release(dest: Path, *extra, kit: Path = MINIKIT, expect: int = 0):
    proc = run_grade("release", dest, "--kit", kit, "--install", INSTALL, *extra)
    assert proc.returncode == expect, proc.stdout + proc.stderr
    return proc


@pytest.fixture(scope="module")
def released(tmp_path_factory) -> tuple[Path, Path, Path]:
    base = tmp_path_factory.mktemp("assignment")
    extensions = base / "private" / "extensions.csv"
    extensions.parent.mkdir()
    extensions.write_text("student,deadline\ndave,2026-12-02T23:59+08:00\n", encoding="utf-8")
    dest, hidden = base / "template", base / "hidden"
    release(dest, "--name", "Week 4", "--lang", "en", "--deadline", DEADLINE, "--timezone", "Asia/Shanghai",
            "--late", "per_day:10", "--late-cap", "50", "--cutoff", CUTOFF, "--seed", "1234",
            "--extensions", extensions, "--hidden-out", hidden)
    return dest, hidden, extensions


def test_release_records_the_assignment_in_the_template_commit_and_beside_the_hidden_graders(released):
    dest, hidden, _ = released
    a = assignment_file.load(dest / "assignment.toml")
    assert (a.name, a.topics, a.lang, a.seed, a.install) == ("Week 4", ("alpha",), "en", 1234, INSTALL)
    assert a.deadline == assignment_file.parse_when("2026-11-30T23:59+08:00") and a.timezone == "Asia/Shanghai"
    assert (a.late.kind, a.late.penalty, a.late.cap) == ("per_day", 10.0, 50.0)
    assert a.late.cutoff == assignment_file.parse_when(CUTOFF)
    released_config = assignment_file.tomllib.loads((dest / "gradekit.toml").read_text(encoding="utf-8"))
    assert a.points == released_config["assignment"]["max_points"] == a.topic_points["alpha"] == 7  # public + hidden
    assert a.graders == {kind: assignment_file.graders_digest(assignment_file.grader_files(MINIKIT / "graders",
                                                                                           ["alpha"], kind))
                         for kind in ("public", "hidden")}
    committed = git(dest, "show", "HEAD:assignment.toml")
    assert committed == (dest / "assignment.toml").read_text(encoding="utf-8")
    assert git(dest, "status", "--porcelain") == ""
    assert (hidden / "assignment.toml").read_text(encoding="utf-8") == committed
    assert assignment_file.load(hidden / "assignment.toml").digest == a.digest
    head = committed.splitlines()[:4]
    assert all(line.startswith("#") for line in head) and "do not edit" in committed and "请勿修改" in committed


def test_extensions_are_named_for_the_instructor_and_never_shipped(released):
    dest, hidden, extensions = released
    instructor = assignment_file.load(hidden / "assignment.toml")
    assert instructor.extensions == "../private/extensions.csv"
    assert instructor.extensions_path().resolve() == extensions.resolve()
    assert set(instructor.read_extensions()) == {"dave"}
    shipped = git(dest, "ls-files").splitlines()
    assert "assignment.toml" in shipped and not any(name.endswith(".csv") for name in shipped)
    assert "dave" not in "".join(p.read_text(encoding="utf-8", errors="replace")
                                 for p in dest.rglob("*") if p.is_file() and ".git" not in p.parts)


def test_readme_shows_the_deadline_with_its_zone_and_the_rule(released):
    readme = (released[0] / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# Week 4\n")
    when = "2026-11-30 23:59 +08:00 (Asia/Shanghai)"
    assert f"截止时间：**{when}**" in readme and f"Deadline: **{when}**" in readme
    cutoff = "2026-12-03 23:59 +08:00 (Asia/Shanghai)"
    assert f"The last commit at or before {cutoff} is graded" in readme and f"评分取 {cutoff} 或之前的最后一次提交" in readme
    assert "10% of its score is taken off per day late" in readme and "at most 50%" in readme
    assert "每晚一天" in readme and "最多扣 50%" in readme
    assert "`graders/`, `assignment.toml` and `gradekit.toml` unchanged" in readme
    assert "`graders/`、`assignment.toml` 和 `gradekit.toml`" in readme


def test_no_deadline_says_so_and_a_seed_is_drawn_and_recorded(tmp_path):
    seeds = []
    for n in (1, 2):
        proc = release(tmp_path / f"t{n}")
        a = assignment_file.load(tmp_path / f"t{n}" / "assignment.toml")
        assert a.deadline is None and a.late.kind == "none" and isinstance(a.seed, int)
        assert f"seed {a.seed}" in proc.stdout
        seeds.append(a.seed)
        readme = (tmp_path / f"t{n}" / "README.md").read_text(encoding="utf-8")
        assert "This assignment has no deadline" in readme and "这份作业没有设定截止时间" in readme
        assert "Deadline: **" not in readme
    assert seeds[0] != seeds[1]


def test_on_time_rule_without_a_late_policy(tmp_path):
    release(tmp_path / "t", "--deadline", "2026-11-30T23:59Z")
    readme = (tmp_path / "t" / "README.md").read_text(encoding="utf-8")
    assert "Deadline: **2026-11-30 23:59 +00:00**. The last commit at or before the deadline is graded" in readme
    assert "评分取截止时间或之前的最后一次提交" in readme


def test_graders_digest_follows_the_hidden_graders(minikit, tmp_path):
    release(tmp_path / "before", kit=minikit)
    hidden = minikit / "graders" / "alpha" / "test_hidden.py"
    hidden.write_text(hidden.read_text(encoding="utf-8").replace("range(5)", "range(6)"), encoding="utf-8")
    release(tmp_path / "after", kit=minikit)
    before, after = (assignment_file.load(tmp_path / n / "assignment.toml") for n in ("before", "after"))
    assert before.graders["public"] == after.graders["public"]
    assert before.graders["hidden"] != after.graders["hidden"]
    assert before.points == after.points


@pytest.mark.parametrize("options, says", [
    (["--deadline", "2026-11-30"], "e.g. 2026-11-30T23:59"),
    (["--deadline", "2026-11-30 23:59"], "add it, e.g. 2026-11-30T23:59+08:00"),
    (["--late", "per_day:10"], "add --deadline"),
    (["--late", "weekly", "--deadline", "2026-11-30T23:59Z"], "--late per_day:10"),
    (["--late-cap", "50", "--deadline", "2026-11-30T23:59Z"], "add --late per_day:PCT"),
    (["--deadline", "2026-11-30T23:59Z", "--cutoff", "2026-11-29T23:59Z"], "at or after the deadline"),
    (["--timezone", "Nowhere/Atall"], "unknown time zone"),
])
def test_a_bad_option_is_refused_with_the_fix_and_nothing_is_written(tmp_path, options, says):
    dest, hidden = tmp_path / "new" / "template", tmp_path / "new" / "hidden"
    proc = release(dest, *options, "--hidden-out", hidden, expect=2)
    assert proc.stderr.count("\n") == 1 and says in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "new").exists()


def test_release_help_lists_only_options_that_act(capsys):
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if a.dest == "command").choices["release"]
    options = {s for a in sub._actions for s in a.option_strings}
    assert "--timeout" not in options
    assert {"--deadline", "--late", "--late-cap", "--cutoff", "--extensions", "--seed", "--timezone"} <= options
    assert all(a.help for a in sub._actions)
    with pytest.raises(SystemExit):
        cli.main(["release", "--help"])
    assert "--timeout" not in capsys.readouterr().out


# -- grade ci in a clone of the template ---------------------------------------------------------------------

def ci(repo: Path, tmp: Path, *args: str, lang_env: str = "zh") -> tuple[subprocess.CompletedProcess, dict]:
    files = {"GITHUB_OUTPUT": tmp / "output", "GITHUB_STEP_SUMMARY": tmp / "summary.md"}
    for f in files.values():
        f.write_text("", encoding="utf-8")
    env = {**os.environ, "GRADEKIT_LANG": lang_env, **{k: str(v) for k, v in files.items()}}
    proc = subprocess.run([str(BIN / "grade"), "ci", *args], cwd=repo, env=env, capture_output=True, text=True,
                          timeout=600)
    encoded = files["GITHUB_OUTPUT"].read_text(encoding="utf-8").split("result=", 1)[1].strip()
    return proc, {"classroom": json.loads(base64.b64decode(encoded)),
                  "summary": files["GITHUB_STEP_SUMMARY"].read_text(encoding="utf-8")}


def clone(template: Path, dest: Path) -> Path:
    subprocess.run(["git", "clone", "-q", str(template), str(dest)], check=True)
    return dest


def test_ci_uses_the_assignments_language_and_seed(released, tmp_path):
    repo = clone(released[0], tmp_path / "student")
    proc, _ = ci(repo, tmp_path, lang_env="zh")  # the workflow's GRADEKIT_LANG loses to the file
    assert proc.returncode == 0, proc.stdout + proc.stderr
    native = read_json(repo / "grade-results" / "gradekit.json")
    assert (native["lang"], native["seed"]) == ("en", 1234)
    assert [t["slug"] for t in native["topics"]] == ["alpha"]
    assert read_json(repo / "grade-results" / "result.json")["max-score"] == native["max_score"]
    proc, _ = ci(repo, tmp_path, "--lang", "zh", "--seed", "99", lang_env="en")  # explicit options win
    assert proc.returncode == 0, proc.stdout + proc.stderr
    native = read_json(repo / "grade-results" / "gradekit.json")
    assert (native["lang"], native["seed"]) == ("zh", 99)


@pytest.fixture(scope="module")
def two_topics(tmp_path_factory) -> Path:
    from conftest import ROOT

    dest = tmp_path_factory.mktemp("two") / "template"
    release(dest, "--topics", "functions,closures", "--lang", "en", kit=ROOT)
    return dest


def test_ci_grades_only_the_assignments_topics(two_topics, tmp_path):
    repo = clone(two_topics, tmp_path / "student")
    proc, _ = ci(repo, tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert [t["slug"] for t in read_json(repo / "grade-results" / "gradekit.json")["topics"]] == ["functions",
                                                                                                  "closures"]
    a = assignment_file.load(repo / "assignment.toml")
    points = a.topic_points["closures"]
    assignment_file.write(a.with_(topics=("closures",), points=points, topic_points={"closures": points}),
                          repo / "assignment.toml")
    proc, _ = ci(repo, tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    native = read_json(repo / "grade-results" / "gradekit.json")
    assert [t["slug"] for t in native["topics"]] == ["closures"] and native["lang"] == "en"
    assert "file=starter/functions.py" not in proc.stdout


@pytest.mark.parametrize("edit, key", [
    (lambda text: text.replace("points = 7", 'points = "seven"'), "assignment.points"),
    (lambda text: text.replace('lang = "en"', 'lang = "fr"'), "assignment.lang"),
    (lambda text: text.replace('"alpha"', '"omega"').replace('alpha = 7', 'omega = 7'), "assignment.topics"),
    (lambda text: text.replace("[assignment]", "[assignment"), "not valid TOML"),
])
def test_ci_with_a_broken_assignment_file_says_grading_could_not_run(released, tmp_path, edit, key):
    repo = clone(released[0], tmp_path / "student")
    path = repo / "assignment.toml"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    proc, out = ci(repo, tmp_path, lang_env="en")
    assert proc.returncode == 2
    (line,) = [line for line in proc.stdout.splitlines() if line.startswith("::error")]
    assert "grading could not run: assignment.toml: " in line and key in line and str(repo) not in line
    assert out["classroom"]["status"] == "error" and out["classroom"]["max_score"] == 7
    assert "grading could not run" in out["summary"] and not (repo / "grade-results" / "gradekit.json").exists()
    proc, _ = ci(repo, tmp_path, lang_env="zh")
    assert proc.returncode == 2 and "无法评分：assignment.toml: " in proc.stdout
    if key == "assignment.topics":   # the unknown topic is worded in the message's language too
        assert "没有叫 'omega' 的主题" in proc.stdout and "unknown topic" not in proc.stdout


def test_ci_without_assignment_toml_grades_the_whole_kit_as_before(released, tmp_path):
    repo = clone(released[0], tmp_path / "student")
    (repo / "assignment.toml").unlink()
    proc, _ = ci(repo, tmp_path, lang_env="zh")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert read_json(repo / "grade-results" / "gradekit.json")["lang"] == "zh"


@pytest.mark.parametrize("late, en, zh", [
    (dict(cutoff="2026-12-01T12:00+08:00"),
     "The last commit at or before 2026-12-01 12:00 +08:00 is graded: commits after the deadline are still accepted "
     "until then, without a penalty", "截止之后、2026-12-01 12:00 +08:00 之前的提交仍然接受，不扣分"),
    (dict(kind="per_hour", penalty=2.5, cap=30),
     "The last commit is graded. If it was made after the deadline, 2.5% of its score is taken off per hour late",
     "每晚一小时（不足一小时按一小时算）扣该次得分的 2.5%，最多扣 30%"),
])
def test_readme_words_each_late_policy(late, en, zh):
    from gradekit.instructor.release import readme_deadline

    if "cutoff" in late:
        late = {**late, "cutoff": assignment_file.parse_when(late["cutoff"])}
    a = assignment_file.Assignment(name="x", topics=("alpha",), points=1,
                                   deadline=assignment_file.parse_when("2026-11-30T23:59+08:00"),
                                   late=assignment_file.LatePolicy(**late))
    words = readme_deadline(a)
    assert en in words["deadline_en"] and zh in words["deadline_zh"]


def test_a_students_own_check_uses_the_assignments_seed_and_language(released, tmp_path):
    """As CI does: randomised public checks ask the same on the laptop as in the workflow."""
    repo = clone(released[0], tmp_path / "laptop")
    env = {k: v for k, v in os.environ.items() if k != "GRADEKIT_LANG"}
    env["LANG"] = "zh_CN.UTF-8"  # the file (en) wins over the locale...
    proc = run_grade("check", "--json", tmp_path / "r.json", cwd=repo, env=env)
    assert (read_json(tmp_path / "r.json")["seed"], read_json(tmp_path / "r.json")["lang"]) == (1234, "en"), proc.stderr
    proc = run_grade("check", "--json", tmp_path / "r.json", cwd=repo, env={**env, "GRADEKIT_LANG": "zh"})
    assert read_json(tmp_path / "r.json")["lang"] == "zh"  # ...and the student's own GRADEKIT_LANG over the file
    proc = run_grade("check", "--seed", "5", "--json", tmp_path / "r.json", cwd=repo, env=env)
    assert read_json(tmp_path / "r.json")["seed"] == 5
