"""The class gradebook CSV.

The retired GitHub Classroom grade download's columns come first, in its order,
so spreadsheets built on it keep working; then one column per topic (points);
then what the regrade adds (status, flags, graded commit, later commits).

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

from gradekit.render.safe import csv_cell
from gradekit.sources import CLASSROOM_COLUMNS

EXTRA = ["status", "message", "flags", "graded_commit", "later_commits"]


def to_csv(rows: list[dict], slugs: list[str], *, assignment_name: str = "", assignment_url: str = "",
           starter_code_url: str = "") -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow([csv_cell(c) for c in CLASSROOM_COLUMNS + slugs + EXTRA])
    for row in rows:
        student = row.get("student") or {}
        extra = student.get("extra") or {}
        topic_points = {t["slug"]: t["score"] for t in (row.get("result") or {}).get("topics", [])}
        url = student.get("url") or ""
        repo_name = student.get("repository_name") or (url.rstrip("/").rsplit("/", 1)[-1].removesuffix(".git") if url else "")
        writer.writerow([csv_cell(value) for value in [
            assignment_name or extra.get("assignment_name", ""),
            assignment_url or extra.get("assignment_url", ""),
            starter_code_url or extra.get("starter_code_url", ""),
            row["username"],
            student.get("roster_identifier", ""),
            repo_name,
            url,
            row.get("commit_time") or "",
            row.get("score", 0),
            row.get("max_score", 0),
            *[topic_points.get(s, 0) for s in slugs],
            row["status"], row.get("message", ""), ";".join(row.get("flags") or []),
            row.get("commit_sha") or "", row.get("later_commits", 0),
        ]])
    return buf.getvalue()
