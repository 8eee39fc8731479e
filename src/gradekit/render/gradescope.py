"""Gradescope's ``results.json``: score, execution_time, and one test per check.

Hidden checks keep Gradescope's own visibility switch (``after_published``),
so instructors see them at once and students when grades are published.  What
students then read is built from ``redact.student_view`` by default: the name
and the reason of a hidden check, never its inputs or expected value
(``student=False`` keeps the whole detail, for a copy only instructors see).
"""

from __future__ import annotations

import json

from gradekit.model import Result, Status
from gradekit.render.common import check_title, each_check
from gradekit.render.redact import is_hidden, student_view


def build(result: Result, *, student: bool = True) -> dict:
    if student:
        result = student_view(result)
    tests = [{"name": check_title(topic, ex, c), "score": c.points, "max_score": c.max_points,
              "status": "passed" if c.status is Status.PASS else "failed", "output": c.message,
              "visibility": "after_published" if is_hidden(c) else "visible"}
             for topic, ex, c in each_check(result)]
    return {"score": result.score, "execution_time": round(result.duration, 3), "tests": tests,
            "output": f"gradekit {result.kit_version}, seed {result.seed}"}


def to_json(result: Result, *, student: bool = True) -> str:
    return json.dumps(build(result, student=student), ensure_ascii=False, indent=2) + "\n"
