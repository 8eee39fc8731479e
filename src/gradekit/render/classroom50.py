"""Classroom 50's ``result.json`` (schema ``classroom50/result/v1``): integer scores per test.

It is uploaded with the student's run, so by default it is built from
``redact.student_view`` (``student=False`` for the instructor's own copy).
"""

from __future__ import annotations

import json

from gradekit.model import Result, Status
from gradekit.render.common import check_title, each_check
from gradekit.render.redact import student_view

SCHEMA = "classroom50/result/v1"


def build(result: Result, *, student: bool = True) -> dict:
    if student:
        result = student_view(result)
    tests = [{"test-name": check_title(topic, ex, c), "passed": c.status is Status.PASS,
              "score": int(c.points), "max-score": int(c.max_points)}
             for topic, ex, c in each_check(result)]
    return {"schema": SCHEMA, "generator": f"gradekit {result.kit_version}",
            "commit": (result.submission or {}).get("commit"), "score": int(result.score),
            "max-score": int(result.max_score), "tests": tests}


def to_json(result: Result, *, student: bool = True) -> str:
    return json.dumps(build(result, student=student), ensure_ascii=False, indent=2) + "\n"
