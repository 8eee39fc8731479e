"""Gradescope's ``results.json``: score, execution_time, and one test per check.

Hidden checks keep Gradescope's own visibility switch (``after_published``),
so instructors see them at once and students when grades are published.
"""

from __future__ import annotations

import json

from gradekit.model import Result, Status


def build(result: Result) -> dict:
    tests = [{"name": f"{topic.slug} · {ex.name} · {c.name}", "score": c.points, "max_score": c.max_points,
              "status": "passed" if c.status is Status.PASS else "failed", "output": c.message,
              "visibility": "visible" if c.visibility == "public" else "after_published"}
             for topic in result.topics for ex in topic.exercises for c in ex.checks]
    return {"score": result.score, "execution_time": round(result.duration, 3), "tests": tests,
            "output": f"gradekit {result.kit_version}, seed {result.seed}"}


def to_json(result: Result) -> str:
    return json.dumps(build(result), ensure_ascii=False, indent=2) + "\n"
