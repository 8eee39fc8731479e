"""GitHub Classroom's autograding result, as ``autograding-grading-reporter@v1`` reads it.

The reporter takes base64 JSON from the env var ``<STEP_ID>_RESULTS``::

    {"version": 1, "status": "pass|fail|error", "max_score": int,
     "tests": [{"name", "status", "score", "message", "test_code", "filename", "line_no", "duration"}]}

It posts ``Points X/Y`` with X = sum of ``tests[].score`` and Y = ``max_score``;
its log table shows passed/total x max_score instead.  Checks carry different
points, so the two agree only when every check passes or every check fails:
we report the true points and say so in the step summary rather than distort
either number.  ``tests`` and ``line_no`` are always present (the reporter
crashes without ``tests``), also on error; messages are defused because the
reporter prints them into the log.  The reporter posts into the student's own
run, so the result is built from ``redact.student_view``.
"""

from __future__ import annotations

import base64
import json

from gradekit.model import Result, Status
from gradekit.render.common import check_title, each_check, hidden_code
from gradekit.render.redact import is_hidden, student_view
from gradekit.render.safe import neutralize

#: The reporter and GitHub's step outputs choke on huge values; stay well under 1 MB.
MAX_BYTES = 900_000
MESSAGE_CAP = 2000


def student_path(result: Result, topic_slug: str, file: str | None, prefix: str) -> str:
    return f"{prefix}{file or topic_slug + '.py'}"


def build(result: Result, lang: str, prefix: str = "starter/") -> dict:
    tests = []
    for topic, ex, c in each_check(student_view(result, lang)):
        tests.append({
            "name": neutralize(check_title(topic, ex, c)),
            "status": "pass" if c.status is Status.PASS else ("error" if c.status is Status.ERROR else "fail"),
            "score": int(c.points),
            "message": neutralize(c.message)[:MESSAGE_CAP],
            "test_code": c.id if not is_hidden(c) else hidden_code(topic, ex),
            "filename": neutralize(student_path(result, topic.slug, c.file, prefix)),
            "line_no": int(c.line or 0),
            "duration": int(round(c.duration * 1000)),
        })
    if any(x["status"] == "error" for x in tests):
        status = "error"
    elif tests and all(x["status"] == "pass" for x in tests):
        status = "pass"
    else:
        status = "fail"
    return {"version": 1, "status": status, "max_score": int(result.max_score), "tests": tests}


def error_result(message: str, max_score: int) -> dict:
    """The result when the kit itself failed: still ``tests`` and ``max_score``, status ``error``."""
    return {"version": 1, "status": "error", "max_score": int(max_score), "tests": [{
        "name": "gradekit", "status": "error", "score": 0, "message": neutralize(message)[:MESSAGE_CAP],
        "test_code": "grade ci", "filename": "", "line_no": 0, "duration": 0}]}


def encode(data: dict) -> str:
    """Base64 of the JSON, trimming messages (never scores) until it fits."""
    for cap in (MESSAGE_CAP, 500, 100, 0):
        for test in data["tests"]:
            test["message"] = test["message"][:cap]
        raw = json.dumps(data, ensure_ascii=False).encode("utf-8")
        encoded = base64.b64encode(raw).decode("ascii")
        if len(encoded) <= MAX_BYTES:
            return encoded
    return encoded


def decode(encoded: str) -> dict:
    return json.loads(base64.b64decode(encoded))
