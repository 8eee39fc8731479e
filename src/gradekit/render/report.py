"""Per-student reports for the instructor (Markdown and HTML): every check, hidden ones included."""

from __future__ import annotations

from gradekit.render.html import environment


def context(row: dict) -> dict:
    result = row.get("result") or {}
    failing = []
    for topic in result.get("topics", []):
        for ex in topic["exercises"]:
            for c in ex["checks"]:
                if c["status"] not in ("pass", "skipped"):
                    failing.append({"topic": topic["slug"], "exercise": ex["name"], **c})
    return {"row": row, "result": result, "failing": failing}


def to_markdown(row: dict) -> str:
    return environment().get_template("report.md.j2").render(**context(row))


def to_html(row: dict) -> str:
    return environment().get_template("report.html.j2").render(**context(row))
