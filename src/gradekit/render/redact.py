"""What a student may see of a result: hidden checks said by name and reason, nothing more.

A hidden check's detail holds its call (with the inputs), the expected value,
the student's value and exception message, the traceback, and whatever the
student's code printed while it ran, which can echo the inputs.  Anything a
student can read (the CI artifact, step summary, annotations and log, the
reports sent back after a batch) is rendered from ``student_view(result)``,
where each hidden check keeps its name, status and points and says why it
failed in general terms (``i18n.hidden_reason``).  The instructor's own files
(``grades.sqlite``, the full native JSON) keep the whole detail.

The line number and the duration go too: a student's code chooses both (a
``compile`` with blank lines in front, a ``sleep``), so either could carry an
input out.  The file stays, because the trusted side only accepts one of the
submission's own files there (``scoring.own_file``).
"""

from __future__ import annotations

import copy

from gradekit.grading.contract import is_load_failure
from gradekit.messages.catalogue import t
from gradekit.messages.failures import builtin_exception, hidden_reason
from gradekit.model import Check, Result, Status

#: What was called, in a hidden check's student view (the call itself is one of its secrets).
HIDDEN_CALL = "…"


def is_hidden(check: Check) -> bool:
    return check.visibility != "public"


def hidden_detail(detail: dict) -> dict:
    """The part of a hidden check's detail a student may see: its kind, and a builtin exception's name."""
    kind = detail.get("kind")
    out: dict = {"kind": kind if isinstance(kind, str) else "assert"}
    exc_type = builtin_exception(detail.get("exc_type"))
    if exc_type:
        out["exc_type"] = exc_type
    # A file that would not load fails every check alike, so no input of a hidden check is in it.
    at_import = is_load_failure(detail)
    out["call"] = "import" if at_import else HIDDEN_CALL
    return out


def redact_check(check: Check, exercise: str, lang: str) -> None:
    """Make one hidden check (in place) what ``student_view`` says: name, status, points, reason."""
    if check.status is Status.PASS:
        check.message, check.detail = "", {}
    else:
        check.detail = hidden_detail(check.detail)
        check.message = t("hidden_failed", lang, exercise=exercise, short=hidden_reason(check.detail, lang))
    check.output = ""
    check.line = None
    check.duration = 0.0


def student_view(result: Result, lang: str | None = None) -> Result:
    """A deep copy of ``result`` with every hidden check redacted; public checks untouched."""
    lang = lang or result.lang
    view = copy.deepcopy(result)
    for topic in view.topics:
        for ex in topic.exercises:
            for check in ex.checks:
                if is_hidden(check):
                    redact_check(check, ex.name, lang)
        if topic.error:
            # The topic's error is the message of its first import-time failure; say it again
            # from the redacted checks so it cannot be a hidden check's full message.
            first = next((c for c in topic.checks if is_load_failure(c.detail)), None)
            topic.error = first.message if first is not None else t("topic_error", lang)
    return view


def student_view_dict(data: dict, lang: str | None = None) -> dict:
    """``student_view`` of a native result dict (a stored batch row's ``result``)."""
    return student_view(Result.from_dict(data), lang).to_dict()
