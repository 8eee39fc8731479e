"""The class gradebook CSV.

The retired GitHub Classroom grade download's columns come first, in its order,
so spreadsheets built on it keep working; then one column per topic (points);
then what the regrade adds (status, flags, graded commit, later commits), then
what the row's ``grading`` records: the deadline applied, whether an extension
set it, the late penalty in percent and the points before it.

A student who was not graded (no submission, no repository, a clone that
failed...) has blank cells for the points and every topic, never 0: a blank
says "no grade" to a spreadsheet's average and to an LMS import, a 0 says
"scored nothing".  Their ``status`` and ``message`` say why.

Every text cell passes through ``render.safe.csv_cell``: roster identifiers,
user and repository names, messages and flags come from students or the
roster, and a spreadsheet runs a cell starting with ``=``, ``+``, ``-``, ``@``,
a tab or CR as a formula.  Such a cell (and one starting with ``'``) gets one
leading ``'``; strip it to recover the value.  Scores and counts gradekit
computes are written as numbers, so a negative number stays a number.  Every
text cell is quoted (``QUOTE_NONNUMERIC``): with the minimal quoting a bare CR
inside a value is written unquoted and starts a new row in a spreadsheet.
"""

from __future__ import annotations

import csv
import io

from gradekit.classroom.lms import graded, score_cell
from gradekit.model import Result
from gradekit.render.safe import csv_cell
from gradekit.classroom.sources import CLASSROOM_COLUMNS

EXTRA = ["status", "message", "flags", "graded_commit", "later_commits"]
GRADING = ["deadline", "extended", "late_penalty_percent", "points_before_penalty"]


def _number(value):
    if value is None or value == "":
        return ""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def grading_cells(row: dict) -> list:
    """What the row records of its deadline and penalty; blank where an older batch recorded nothing."""
    grading = row.get("grading") or {}
    if not grading:
        return ["", "", "", ""]
    return [grading.get("deadline") or "", "yes" if grading.get("extended") else "no",
            _number(grading.get("penalty_percent", 0)) if graded(row) else "",
            _number(grading.get("points_before_penalty")) if graded(row) else ""]


def to_csv(rows: list[dict], slugs: list[str], *, assignment=None, assignment_name: str = "", assignment_url: str = "",
           starter_code_url: str = "") -> str:
    """``assignment`` (a ``course.assignment.Assignment``) names the column and gives the points available."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow([csv_cell(c) for c in CLASSROOM_COLUMNS + slugs + EXTRA + GRADING])
    name = (assignment.name if assignment is not None else "") or assignment_name
    for row in rows:
        student = row.get("student") or {}
        extra = student.get("extra") or {}
        result = Result.from_dict(row["result"]) if graded(row) and row.get("result") else None
        topic_points = {t.slug: t.score for t in result.topics} if result is not None else {}
        url = student.get("url") or ""
        repo_name = student.get("repository_name") or (url.rstrip("/").rsplit("/", 1)[-1].removesuffix(".git") if url else "")
        available = row.get("max_score") or (assignment.points if assignment is not None else 0)
        writer.writerow([csv_cell(value) for value in [
            name or extra.get("assignment_name", ""),
            assignment_url or extra.get("assignment_url", ""),
            starter_code_url or extra.get("starter_code_url", ""),
            row["username"],
            student.get("roster_identifier", ""),
            repo_name,
            url,
            row.get("commit_time") or "",
            score_cell(row),
            available,
            *[_number(topic_points.get(s)) for s in slugs],
            row["status"], row.get("message", ""), ";".join(row.get("flags") or []),
            row.get("commit_sha") or "", row.get("later_commits", 0),
            *grading_cells(row),
        ]])
    return buf.getvalue()
