"""Write a batch into an nbgrader gradebook database (the ``nbgrader`` extra).

The mapping, through ``nbgrader.api.Gradebook`` only:

* assignment = the release (``assignment_name``);
* notebook = a topic (its slug);
* grade cell = a check (its id made a valid nbgrader cell name), ``max_score`` =
  the check's points, ``cell_type`` "code";
* student = a row (every row, graded or not);
* submission = a graded row, with one grade per check whose ``auto_score`` is
  the points earned;
* a late penalty = each submitted notebook's ``late_submission_penalty``: the
  topic's points earned times the row's ``penalty_percent``, so nbgrader's
  score (raw minus the penalties) is gradekit's score after the penalty and its
  raw score the points before it.

As nbgrader's own autograder does, an export never overwrites a manual score:
it sets ``auto_score`` and marks a grade for review only when a manual score is
already there.  Exporting again (a regrade, a merge) updates the database in
place: new checks and topics are added, checks and topics no longer graded are
removed, and a student whose row is no longer graded loses their submission, so
``nbgrader export`` always agrees with gradekit's gradebook.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import sysconfig
import warnings
import zlib
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

MAX_NAME = 128  # nbgrader's cell name column is String(128)
INSTALL_HINT = "nbgrader is not installed: pip install gradekit[nbgrader]"


class NbgraderMissing(ImportError):
    pass


def require_nbgrader():
    try:
        from nbgrader import api
    except ImportError as exc:
        raise NbgraderMissing(INSTALL_HINT) from exc
    return api


@contextmanager
def _alembic_on_path():
    """nbgrader stamps a new database by running the ``alembic`` command it depends on.

    That command sits beside this Python; when the environment is not activated
    (``.venv/bin/grade ...``) it is not on PATH, so put it there while we work.
    """
    if shutil.which("alembic"):
        yield
        return
    saved = os.environ.get("PATH")
    extra = [sysconfig.get_path("scripts"), os.path.dirname(sys.executable)]
    os.environ["PATH"] = os.pathsep.join([*extra, *([saved] if saved else [])])
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("PATH", None)
        else:
            os.environ["PATH"] = saved


def db_url(db_url_or_path: str | Path) -> str:
    """``sqlite:///...`` and other SQLAlchemy URLs pass through; a file path becomes an SQLite URL."""
    text = str(db_url_or_path)
    if "://" in text:
        return text
    path = Path(text).expanduser().resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def cell_name(check_id: str, topic: str = "") -> str:
    """A valid nbgrader cell name for a check: letters, digits, ``-`` and ``_``, at most 128 characters.

    ``alpha/test_public.py::test_double[3]`` in topic ``alpha`` becomes
    ``test_public-test_double_3``.  A name that had to be shortened ends with a
    checksum of the full id, so different checks keep different names.
    """
    text = check_id
    if topic and text.startswith(topic + "/"):
        text = text[len(topic) + 1:]
    text = text.replace(".py::", "-").replace("::", "-")
    safe = re.sub(r"[^A-Za-z0-9_-]+", "_", text).strip("_-") or "check"
    if len(safe) > MAX_NAME:
        safe = f"{safe[:MAX_NAME - 9]}-{zlib.crc32(check_id.encode('utf-8')):08x}"
    return safe


def check_assignment_name(name: str) -> str:
    """nbgrader refuses ``+`` in assignment names, strips spaces, and its CSV export does not quote commas."""
    name = (name or "").strip()
    if not name:
        raise ValueError("an nbgrader assignment needs a name")
    bad = sorted(set(name) & set('+,"\n'))
    if bad:
        raise ValueError(f"nbgrader assignment name {name!r} must not contain {' '.join(map(repr, bad))}")
    return name


def structure(rows: list[dict], kit) -> dict[str, dict[str, tuple[str, int]]]:
    """topic slug -> {cell name: (check id, max points)}, in course order, from the graded results.

    The checks come from what was graded, so the maximum always matches the
    scores; with no graded row at all, from the kit's graders.
    """
    slugs = [t.slug for t in kit.topics]
    found: dict[str, dict[str, int]] = {}
    for row in rows:
        result = row.get("result")
        if row.get("status") != "graded" or not result:
            continue
        for topic in result["topics"]:
            checks = found.setdefault(topic["slug"], {})
            for exercise in topic["exercises"]:
                for check in exercise["checks"]:
                    checks.setdefault(check["id"], int(check["max_points"]))
    if not found and slugs:
        from gradekit.grading.runner import collect

        for entry in collect(kit):
            found.setdefault(entry.topic, {}).setdefault(entry.check, entry.points)
    order = slugs + sorted(s for s in found if s not in slugs)
    out: dict[str, dict[str, tuple[str, int]]] = {}
    for slug in order:
        if slug not in found:
            continue
        cells: dict[str, tuple[str, int]] = {}
        for check_id, points in found[slug].items():
            name = cell_name(check_id, slug)
            if name in cells and cells[name][0] != check_id:  # two ids that read alike once made safe
                name = f"{name[:MAX_NAME - 9]}-{zlib.crc32(check_id.encode('utf-8')):08x}"
            cells[name] = (check_id, points)
        out[slug] = cells
    return out


def earned(result: dict) -> dict[tuple[str, str], float]:
    """(topic slug, check id) -> points earned."""
    return {(t["slug"], c["id"]): float(c["points"])
            for t in result["topics"] for e in t["exercises"] for c in e["checks"]}


def export_to_nbgrader(rows: list[dict], kit, db_url_or_path: str | Path, assignment_name: str, *,
                       duedate: datetime | str | None = None, course_id: str = "default_course") -> dict:
    """Write the batch's rows into the nbgrader database; returns counts for a summary line.

    ``rows`` are the store's rows (``Store.rows()``: ``result`` already decoded).
    Raises ``NbgraderMissing`` when nbgrader is not installed.
    """
    api = require_nbgrader()
    assignment_name = check_assignment_name(assignment_name)
    with warnings.catch_warnings():
        # nbgrader's own add_submission trips SQLAlchemy's autoflush warnings; they are harmless
        warnings.filterwarnings("ignore", module=r"nbgrader\.", message=r".*not in session")
        return _export(api, rows, kit, db_url_or_path, assignment_name, duedate, course_id)


def _export(api, rows, kit, db_url_or_path, assignment_name, duedate, course_id) -> dict:
    layout = structure(rows, kit)
    graded = {r["username"]: r for r in rows if r.get("status") == "graded" and r.get("result")}
    with _alembic_on_path():
        gb = api.Gradebook(db_url(db_url_or_path), course_id=course_id)
    with gb:
        kwargs = {"duedate": duedate} if duedate is not None else {}
        gb.update_or_create_assignment(assignment_name, **kwargs)

        # The assignment's structure: one notebook per topic, one grade cell per check.
        assignment = gb.find_assignment(assignment_name)
        for notebook in list(assignment.notebooks):
            if notebook.name not in layout:
                gb.remove_notebook(notebook.name, assignment_name)
        for slug, cells in layout.items():
            notebook = gb.update_or_create_notebook(slug, assignment_name)
            for cell in list(notebook.grade_cells):
                if cell.name not in cells:
                    for grade in list(cell.grades):
                        gb.db.delete(grade)
                    gb.db.delete(cell)
            gb.db.commit()
            for name, (_, points) in cells.items():
                gb.update_or_create_grade_cell(name, slug, assignment_name, max_score=float(points), cell_type="code")

        # Students, and a submission for each graded one.
        for row in rows:
            gb.update_or_create_student(row["username"], **_student_fields(row))
        for submission in list(gb.assignment_submissions(assignment_name)):
            if submission.student.id not in graded:
                gb.remove_submission(assignment_name, submission.student.id)
        for user, row in graded.items():
            timestamp = {"timestamp": row["commit_time"]} if row.get("commit_time") else {}
            submission = gb.update_or_create_submission(assignment_name, user, **timestamp)
            _mirror(api, gb, submission)
            points = earned(row["result"])
            percent = float((row.get("grading") or {}).get("penalty_percent") or 0)
            for submitted in submission.notebooks:
                slug = submitted.notebook.name
                if slug in layout:
                    # nbgrader's score is raw minus the notebooks' penalties: this makes it gradekit's score
                    topic_points = sum(points.get((slug, check_id), 0.0) for check_id, _ in layout[slug].values())
                    submitted.late_submission_penalty = topic_points * percent / 100
                for grade in submitted.grades:
                    if grade.cell.name not in layout.get(slug, {}):
                        continue  # a cell nbgrader itself made (a task cell): not ours
                    check_id = layout[slug][grade.cell.name][0]
                    grade.auto_score = points.get((slug, check_id), 0.0)
                    # as nbgrader's autograder does: a manual score stays, and asks for review
                    grade.needs_manual_grade = grade.manual_score is not None
            gb.db.commit()
        return {"assignment": assignment_name, "students": len(rows), "submissions": len(graded),
                "notebooks": len(layout), "cells": sum(len(c) for c in layout.values()),
                "max_score": float(sum(p for cells in layout.values() for _, p in cells.values()))}


def _student_fields(row: dict) -> dict:
    """What the roster knows about a student that nbgrader has a field for."""
    extra = (row.get("student") or {}).get("extra") or {}
    fields = {}
    for key, names in (("first_name", ("first_name", "given_name")), ("last_name", ("last_name", "family_name")),
                       ("email", ("email",))):
        value = next((extra[n] for n in names if extra.get(n)), None)
        if value:
            fields[key] = str(value)
    return fields


def _mirror(api, gb, submission) -> None:
    """Give an existing submission the notebooks and grades of cells added since it was made.

    ``Gradebook.add_submission`` mirrors the assignment when a submission is
    created; this does the same for one that already exists, with the same
    ``SubmittedNotebook`` and ``Grade`` objects.
    """
    have = {nb.notebook.name: nb for nb in submission.notebooks}
    for notebook in submission.assignment.notebooks:
        nb = have.get(notebook.name)
        if nb is None:
            nb = api.SubmittedNotebook(notebook=notebook, assignment=submission)
            gb.db.add(nb)
        graded_cells = {g.cell_id for g in nb.grades}
        for cell in notebook.grade_cells:
            if cell.id not in graded_cells:
                gb.db.add(api.Grade(cell_id=cell.id, notebook=nb))
    gb.db.commit()
