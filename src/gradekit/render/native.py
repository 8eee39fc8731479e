"""The native JSON result (shape documented in ``gradekit.model``).

By default the whole result, for the instructor's own files; ``student=True``
writes ``redact.student_view`` instead, for anything a student can download
(the CI artifact).
"""

from __future__ import annotations

import json

from gradekit.model import Result
from gradekit.render.redact import student_view


def to_json(result: Result, *, student: bool = False) -> str:
    return json.dumps((student_view(result) if student else result).to_dict(), ensure_ascii=False, indent=2) + "\n"


def many_to_json(results: list[Result], *, student: bool = False) -> str:
    return json.dumps([(student_view(r) if student else r).to_dict() for r in results], ensure_ascii=False,
                      indent=2) + "\n"
