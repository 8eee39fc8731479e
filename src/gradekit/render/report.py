"""Per-student reports (Markdown and HTML), the ones an instructor sends back to students.

So by default a report is made from ``redact.student_view``: a hidden check is
named with its reason, never its inputs or expected value.  ``full=True`` (``grade
batch --full-feedback``) shows every check's whole message, for instructors who
choose to give that.  Everything from the submission or the roster is escaped
for its format (``render.safe`` filters in the Markdown template, autoescaping
in the HTML one).
"""

from __future__ import annotations

from gradekit.render.html import environment
from gradekit.render.redact import student_view_dict


def context(row: dict, *, full: bool = False) -> dict:
    result = row.get("result") or {}
    if result and not full:
        result = student_view_dict(result)
    failing = []
    for topic in result.get("topics", []):
        for ex in topic["exercises"]:
            for c in ex["checks"]:
                if c["status"] not in ("pass", "skipped"):
                    failing.append({"topic": topic["slug"], "exercise": ex["name"], **c})
    return {"row": row, "result": result, "failing": failing}


def to_markdown(row: dict, *, full: bool = False) -> str:
    return environment().get_template("report.md.j2").render(**context(row, full=full))


def to_html(row: dict, *, full: bool = False) -> str:
    return environment().get_template("report.html.j2").render(**context(row, full=full))
