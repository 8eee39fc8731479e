"""The native JSON result (shape documented in ``gradekit.model``)."""

from __future__ import annotations

import json

from gradekit.model import Result


def to_json(result: Result) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"


def many_to_json(results: list[Result]) -> str:
    return json.dumps([r.to_dict() for r in results], ensure_ascii=False, indent=2) + "\n"
