"""nbgrader export: a sharded batch of real git repositories written into an nbgrader gradebook, read back by
the real `nbgrader export`, and the totals compared with gradekit's gradebook."""

from __future__ import annotations

import copy
import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINIKIT, run_grade, solution_text, git
from gradekit.classroom.batch import in_shard
from gradekit.course.kit import load_kit
from gradekit.classroom.nbgrader import cell_name, check_assignment_name, export_to_nbgrader
from gradekit.classroom.store import Store

api = pytest.importorskip("nbgrader.api", reason="the nbgrader extra is not installed")

SOLVED = solution_text("alpha", MINIKIT)
STUB = (MINIKIT / "starter" / "alpha.py").read_text(encoding="utf-8")
HALF = STUB.replace("def double(x):\n    raise NotImplementedError", "def double(x):\n    return 2 * x")
# dan: an empty repository; bob committed, but nothing that scores (the stub alone would be no submission)
STUDENTS = {"ann": SOLVED, "bob": STUB + "\n# started\n", "cat": HALF, "dan": None, "eve": SOLVED}


def nbgrader_export(course: Path, *args: str) -> dict[str, dict]:
    """Run the real `nbgrader export` in a course folder; its grades.csv by student."""
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(course / ".jupyter"), "JUPYTER_DATA_DIR": str(course / ".data")}
    proc = subprocess.run([sys.executable, "-m", "nbgrader", "export", *args], cwd=course, capture_output=True,
                          text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    with open(course / "grades.csv", encoding="utf-8") as f:
        return {r["student_id"]: r for r in csv.DictReader(f)}


def gradebook(out: Path) -> dict[str, dict]:
    with open(out / "gradebook.csv", encoding="utf-8") as f:
        return {r["github_username"]: r for r in csv.DictReader(f)}


def same_totals(exported: dict[str, dict], ours: dict[str, dict]) -> None:
    assert set(exported) == set(ours)
    for user, row in ours.items():
        got = exported[user]
        assert got["assignment"] == "ps1"
        ours = float(row["points_awarded"] or 0)  # blank in ours (nothing graded) is nbgrader's 0 with no submission
        assert float(got["raw_score"]) == ours, user
        assert float(got["score"]) == ours, user
        assert float(got["max_score"]) == float(row["points_available"]) == 7.0, user
        assert bool(got["timestamp"]) == (row["status"] == "graded"), user  # a submission only when graded


@pytest.fixture(scope="module")
def shards(tmp_path_factory) -> dict:
    """Two shards of a five-student class; shard 1 exports to nbgrader as it finishes, then the merge exports all."""
    base = tmp_path_factory.mktemp("nbclass")
    template = base / "template"
    assert run_grade("release", template, "--kit", MINIKIT, "--name", "ps1", "--seed", "7").returncode == 0
    repos = base / "repos"
    repos.mkdir()
    for user, text in STUDENTS.items():
        dest = repos / user
        if text is None:
            dest.mkdir()
            git(dest, "init", "-q")
            continue
        subprocess.run(["git", "clone", "-q", str(template), str(dest)], check=True)
        (dest / "starter" / "alpha.py").write_text(text, encoding="utf-8")
        git(dest, "commit", "-q", "--allow-empty", "-am", "work")
    first = {u for u in STUDENTS if in_shard(u, (1, 2))}
    assert first and first != set(STUDENTS), "the class must span both shards"
    db = base / "db" / "gradebook.db"
    runs = {}
    for k in (1, 2):
        extra = ["--nbgrader", db] if k == 1 else []
        runs[k] = run_grade("batch", repos, "--kit", MINIKIT, "--out", base / f"out-{k}", "--shard", f"{k}/2",
                            "--template", template, *extra)
    course = base / "course"
    course.mkdir()
    after_shard = nbgrader_export(course, "--db", f"sqlite:///{db}")
    merge = run_grade("merge", base / "out-1", base / "out-2", "--kit", MINIKIT, "--out", base / "merged",
                      "--assignment", template / "assignment.toml", "--nbgrader", db)
    return {"base": base, "db": db, "runs": runs, "merge": merge, "first": first, "course": course,
            "after_shard": after_shard}


def test_batch_writes_its_shard_into_nbgrader(shards):
    run = shards["runs"][1]
    assert run.returncode in (0, 1), run.stderr
    assert "nbgrader: assignment 'ps1'" in run.stderr
    exported = shards["after_shard"]
    assert set(exported) == shards["first"]
    same_totals(exported, gradebook(shards["base"] / "out-1"))


def test_merge_exports_the_whole_class_and_nbgrader_export_agrees(shards):
    merge = shards["merge"]
    assert merge.returncode == 0, merge.stderr
    assert "nbgrader: assignment 'ps1', 4 submissions of 5 students, 4 grade cells in 1 notebooks" in merge.stdout
    ours = gradebook(shards["base"] / "merged")
    assert {u: ours[u]["points_awarded"] for u in ours} == {"ann": "7", "bob": "0", "cat": "5", "dan": "", "eve": "7"}
    assert ours["dan"]["status"] == "empty"
    # nbgrader finds its database from nbgrader_config.py in the course folder (CourseDirectory.db_url) ...
    course = shards["course"]
    (course / "nbgrader_config.py").write_text(
        f"c = get_config()\nc.CourseDirectory.db_url = {'sqlite:///' + str(shards['db'])!r}\n", encoding="utf-8")
    same_totals(nbgrader_export(course), ours)
    # ... or from --db, which overrides the file
    (course / "grades.csv").unlink()
    same_totals(nbgrader_export(course, "--db", f"sqlite:///{shards['db']}"), ours)


def test_the_gradebook_holds_one_cell_per_check(shards):
    with api.Gradebook(f"sqlite:///{shards['db']}") as gb:
        assignment = gb.find_assignment("ps1")
        assert [nb.name for nb in assignment.notebooks] == ["alpha"]
        cells = {c.name: c.max_score for c in gb.find_notebook("alpha", "ps1").grade_cells}
        assert cells == {"test_public-test_double": 2.0, "test_hidden-test_double_random": 3.0,
                         "test_public-test_greet": 1.0, "test_hidden-test_greet_returns_none": 1.0}
        assert sorted(s.id for s in gb.students) == sorted(STUDENTS)
        cat = gb.find_submission("ps1", "cat")
        assert cat.score == 5.0 and cat.max_score == 7.0 and not cat.needs_manual_grade
        assert gb.find_grade("test_public-test_double", "alpha", "ps1", "cat").auto_score == 2.0
        assert gb.find_grade("test_public-test_greet", "alpha", "ps1", "cat").auto_score == 0.0
        with pytest.raises(api.MissingEntry):
            gb.find_submission("ps1", "dan")


# -- the export function on its own: re-exports keep the database in step ------------------------------------------

@pytest.fixture(scope="module")
def fresh_db(tmp_path_factory) -> Path:
    """An empty nbgrader database, made once (nbgrader stamps each new one with a slow `alembic heads`)."""
    path = tmp_path_factory.mktemp("nbempty") / "empty.db"
    from gradekit.classroom.nbgrader import _alembic_on_path

    with _alembic_on_path():
        api.Gradebook(f"sqlite:///{path}").close()
    return path


@pytest.fixture
def db(fresh_db, tmp_path) -> Path:
    dest = tmp_path / "gradebook.db"
    shutil.copy(fresh_db, dest)
    return dest


@pytest.fixture(scope="module")
def rows(shards) -> list[dict]:
    store = Store(shards["base"] / "merged" / "grades.sqlite")
    try:
        return store.rows()
    finally:
        store.close()


def totals(db: Path) -> dict[str, float]:
    with api.Gradebook(f"sqlite:///{db}") as gb:
        return {s.student.id: s.score for s in gb.assignment_submissions("ps1")}


def test_reexport_adds_new_checks_to_existing_submissions(rows, db):
    kit = load_kit(MINIKIT)
    fewer = copy.deepcopy(rows)
    for row in fewer:
        for topic in (row["result"] or {}).get("topics", []):
            for exercise in topic["exercises"]:
                exercise["checks"] = [c for c in exercise["checks"] if "hidden" not in c["id"]]
    first = export_to_nbgrader(fewer, kit, db, "ps1")
    assert first["cells"] == 2 and first["max_score"] == 3.0
    assert totals(db) == {"ann": 3.0, "bob": 0.0, "cat": 2.0, "eve": 3.0}
    again = export_to_nbgrader(rows, kit, str(db), "ps1")
    assert again["cells"] == 4 and again["max_score"] == 7.0
    assert totals(db) == {"ann": 7.0, "bob": 0.0, "cat": 5.0, "eve": 7.0}
    export_to_nbgrader(fewer, kit, f"sqlite:///{db}", "ps1")  # and checks no longer graded go away
    assert totals(db) == {"ann": 3.0, "bob": 0.0, "cat": 2.0, "eve": 3.0}
    with api.Gradebook(f"sqlite:///{db}") as gb:
        assert gb.find_assignment("ps1").max_score == 3.0


def test_reexport_keeps_manual_scores_and_drops_students_no_longer_graded(rows, db):
    kit = load_kit(MINIKIT)
    export_to_nbgrader(rows, kit, db, "ps1")
    with api.Gradebook(f"sqlite:///{db}") as gb:
        grade = gb.find_grade("test_public-test_greet", "alpha", "ps1", "cat")
        grade.manual_score = 1.0
        gb.db.commit()
    changed = copy.deepcopy(rows)
    for row in changed:
        if row["username"] == "bob":
            row.update(status="grading-error", result=None, score=0)
    export_to_nbgrader(changed, kit, db, "ps1")
    with api.Gradebook(f"sqlite:///{db}") as gb:
        grade = gb.find_grade("test_public-test_greet", "alpha", "ps1", "cat")
        assert grade.manual_score == 1.0 and grade.auto_score == 0.0 and grade.needs_manual_grade
        assert gb.find_submission("ps1", "cat").score == 6.0  # nbgrader: a manual score wins
        with pytest.raises(api.MissingEntry):
            gb.find_submission("ps1", "bob")
        assert "bob" in {s.id for s in gb.students}


def test_topics_become_notebooks_and_odd_check_ids_become_valid_cell_names(rows, db):
    kit = load_kit(MINIKIT)
    two = copy.deepcopy([r for r in rows if r["username"] in ("ann", "cat")])
    for row in two:
        beta = copy.deepcopy(row["result"]["topics"][0])
        beta["slug"] = "beta"
        for exercise in beta["exercises"]:
            for check in exercise["checks"]:
                check["id"] = "beta/" + check["id"].split("/", 1)[1] + "[a b/ç]"
        row["result"]["topics"].append(beta)
    export_to_nbgrader(two, kit, db, "ps1")
    with api.Gradebook(f"sqlite:///{db}") as gb:
        assert [nb.name for nb in gb.find_assignment("ps1").notebooks] == ["alpha", "beta"]
        names = {c.name for c in gb.find_notebook("beta", "ps1").grade_cells}
        assert "test_public-test_double_a_b" in names
        assert gb.find_submission("ps1", "cat").score == 10.0
        assert gb.find_assignment("ps1").max_score == 14.0


def test_cell_names():
    assert cell_name("alpha/test_public.py::test_double", "alpha") == "test_public-test_double"
    assert cell_name("alpha/test_x.py::TestA::test_b[1-x y]", "alpha") == "test_x-TestA-test_b_1-x_y"
    long = cell_name("t/test.py::" + "x" * 300, "t")
    assert len(long) == 128 and long != cell_name("t/test.py::" + "x" * 299, "t")
    assert check_assignment_name(" ps1 ") == "ps1"
    for bad in ("", "a+b", "a,b"):
        with pytest.raises(ValueError):
            check_assignment_name(bad)


BLOCK_NBGRADER = "raise ImportError('No module named nbgrader (blocked by the test)')\n"


def test_without_nbgrader_the_option_says_how_to_install_it(shards, tmp_path):
    fake = tmp_path / "site" / "nbgrader"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text(BLOCK_NBGRADER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(fake.parent), os.environ.get("PYTHONPATH", "")])}
    out = tmp_path / "merged"
    proc = run_grade("merge", shards["base"] / "out-1", "--kit", MINIKIT, "--out", out, "--nbgrader",
                     tmp_path / "x.db", env=env)
    assert proc.returncode == 2
    assert "pip install gradekit[nbgrader]" in proc.stderr
    assert not out.exists()  # said before doing anything
