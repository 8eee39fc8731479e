"""Per-student reports (Markdown and HTML): the feedback an instructor sends back, or ``grade feedback`` pushes.

A report is meant to be acted on by the student who reads it, so it says, in
the assignment's language: which assignment, its deadline in the assignment's
own time zone (never the grading machine's UTC), the commit graded and any
extension or late penalty; then one block per exercise that needs work, with
each failure's file and line and the exercise's first hint.  Exercises still
untouched (every check a ``todo``: the stub raises ``NotImplementedError``)
are one line, not a block per check.  Integrity flags are sentences
(``render.flag_words``) with the note that they never change a score.  A row
that was not graded says why and shows no score: a blank is not a zero.

The row's native result becomes a ``Result`` (``Result.from_dict``), walked as every other
renderer walks one.  Hidden checks: a report is made from ``redact.student_view`` (a hidden
check named with its reason, never its inputs or expected value) unless
``full=True`` (``grade batch --full-feedback``).  Everything from the row is
escaped for its format (``render.safe`` filters in the Markdown template,
autoescaping in the HTML one).

Hints are not in the result JSON: they live in each topic's
``exercise.toml``.  The caller passes them as ``hints`` (``hints_from_kit``
builds the mapping from a loaded kit); without them a report just has no hint
lines.  Times come from the row's ``grading`` dict (the deadline applied to
this student), shown in ``assignment.tz`` when an assignment is given, else in
the row's ``grading.timezone``, else in the deadline's own offset.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Mapping

from gradekit.messages.catalogue import t
from gradekit.grading.contract import Failure
from gradekit.render.flag_words import explain
from gradekit.render.html import environment
from gradekit.model import Check, Result, Status, TopicResult
from gradekit.render.redact import student_view

LANGS = ("zh", "en")


def hints_from_kit(kit, lang: str) -> dict[str, str]:
    """``{"topic/exercise": first hint}`` for every exercise of a loaded kit, in ``lang``."""
    return {f"{topic.slug}/{ex.name}": ex.hints[0].get(lang) for topic in kit.topics for ex in topic.exercises
            if ex.hints}


def _lang(lang: str | None, assignment, row: dict) -> str:
    for candidate in (lang, getattr(assignment, "lang", None), (row.get("result") or {}).get("lang")):
        if candidate in LANGS:
            return candidate
    return "en"


def _moment(text) -> datetime | None:
    if not text or not isinstance(text, str):
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def _zone(assignment, grading: dict) -> tzinfo | None:
    """Where times are shown: the assignment's zone, the row's, or (None) the deadline's own offset."""
    from gradekit.course.assignment import zone

    try:
        if assignment is not None and assignment.tz is not None:
            return assignment.tz
        if grading.get("timezone"):
            return zone(grading["timezone"])
    except ValueError:
        pass
    deadline = _moment(grading.get("deadline"))
    return deadline.tzinfo if deadline is not None else None


def _local(text, tz: tzinfo | None) -> str:
    from gradekit.course.assignment import local

    moment = _moment(text)
    return local(moment, tz) if moment is not None else str(text or "")


def _duration(seconds: int, lang: str) -> str:
    days, rest = divmod(max(0, int(seconds)), 86400)
    hours, rest = divmod(rest, 3600)
    minutes = max(1, rest // 60) if not days and not hours else rest // 60
    parts = [t(key, lang, n=n) for key, n in (("fb_days", days), ("fb_hours", hours), ("fb_minutes", minutes)) if n]
    return " ".join(parts)


def _number(x) -> str:
    if x is None:
        return ""
    if isinstance(x, float) and not x.is_integer():
        return f"{x:.2f}".rstrip("0").rstrip(".")
    return str(int(x))


def _not_passed(check: Check) -> bool:
    return check.status not in (Status.PASS, Status.SKIPPED)


def _state(checks: list[Check]) -> str:
    failing = [c for c in checks if _not_passed(c)]
    if not failing:
        return "done"
    if len(failing) == len(checks) and all(Failure.of(c.detail) == Failure.TODO for c in failing):
        return "todo"
    return "failing"


def _failures(checks: list[Check]) -> list[dict]:
    """The exercise's failed checks, one entry per distinct message (a syntax error is said once, not per check)."""
    out: list[dict] = []
    seen: dict[tuple, dict] = {}
    for c in checks:
        if not _not_passed(c):
            continue
        where = c.file or c.detail.get("file") or ""
        location = f"{where}:{c.line}" if where and c.line else str(where)
        key = (c.message, location)
        if key in seen:
            seen[key]["names"].append(c.name)
            continue
        entry = {"names": [c.name], "hidden": c.visibility != "public", "status": c.status.value,
                 "points": c.max_points, "location": location, "message": c.message}
        seen[key] = entry
        out.append(entry)
    return out


def _load_error(topic: TopicResult) -> dict:
    """A file that could not be loaded fails every check with one message: said once, for the whole topic."""
    checks = topic.checks
    located = next((f for f in _failures(checks) if ":" in f["location"]), None)
    location = located["location"] if located else next((c.file for c in checks if c.file), "") or ""
    return {"label": topic.slug, "title": topic.title, "score": topic.score, "max_score": topic.max_score, "hint": "",
            "failures": [{"names": [ex.name for ex in topic.exercises], "hidden": False, "status": "fail",
                          "points": topic.max_score, "location": location, "message": topic.error}]}


def context(row: dict, *, full: bool = False, assignment=None, lang: str | None = None,
            hints: Mapping[str, object] | None = None) -> dict:
    lang = _lang(lang, assignment, row)
    grading = row.get("grading") or {}
    tz = _zone(assignment, grading)
    result = Result.from_dict(row["result"]) if row.get("result") else None
    if result is not None and not full:
        result = student_view(result, lang)
    graded = row.get("status") == "graded" and row.get("score") is not None
    overview, blocks, todo = [], [], []
    for topic in result.topics if result is not None else []:
        if topic.error:
            blocks.append(_load_error(topic))
        for ex in topic.exercises:
            state = _state(ex.checks)
            label = f"{topic.slug} · {ex.name}"
            overview.append({"topic": topic.slug, "exercise": ex.name, "title": ex.title, "score": ex.score,
                             "max_score": ex.max_score, "state": state, "state_words": t(f"fb_{state}", lang)})
            if state == "todo":
                todo.append(label)
            elif state == "failing" and not topic.error:
                hint = (hints or {}).get(f"{topic.slug}/{ex.name}")
                if hint is not None and hasattr(hint, "get"):
                    hint = hint.get(lang)
                blocks.append({"label": label, "title": ex.title, "score": ex.score, "max_score": ex.max_score,
                               "failures": _failures(ex.checks), "hint": hint or ""})
    late = ""
    if grading.get("late_seconds"):
        span = _duration(grading["late_seconds"], lang)
        percent = grading.get("penalty_percent") or 0
        late = (t("fb_late", lang, late=span, percent=_number(float(percent)),
                  before=_number(grading.get("points_before_penalty")))
                if percent else t("fb_late_no_penalty", lang, late=span))
    status = row.get("status") or ""
    why = t(f"fb_status_{status}", lang) if f"fb_status_{status}" in _catalogue() else status
    name = (getattr(assignment, "name", "") or grading.get("assignment") or "")
    return {
        "lang": lang, "colon": "：" if lang == "zh" else ":", "sp": "" if lang == "zh" else " ",
        "t": lambda key, **f: t(key, lang, **f), "row": row, "result": result, "graded": graded,
        "assignment_name": name,
        "deadline": _local(grading.get("deadline"), tz) if grading.get("deadline") else "",
        "has_deadline_info": bool(grading), "extended": bool(grading.get("extended")),
        "cutoff": _local(grading.get("cutoff"), tz) if grading.get("cutoff") else "",
        "commit": (row.get("commit_sha") or "")[:12], "commit_time": _local(row.get("commit_time"), tz),
        "later_commits": int(row.get("later_commits") or 0),
        "score": _number(row.get("score")) if graded else "", "max_score": _number(row.get("max_score") or 0),
        "late": late, "why": why, "why_message": _why_message(row, lang),
        "flags": [explain(f, lang) for f in row.get("flags") or []],
        "overview": overview, "blocks": blocks, "todo": todo,
        "all_done": graded and bool(overview) and not blocks and not todo,
    }


#: Statuses the report words in full in its own language: the row's message (English, for the instructor)
#: adds nothing a Chinese reader needs.  The others carry details (git's error, the grader's) and keep it.
WORDED = ("empty", "no-repository", "no-student-commits", "late", "not-found")


def _why_message(row: dict, lang: str) -> str:
    if lang == "zh" and row.get("status") in WORDED:
        return ""
    return row.get("message") or ""


def _catalogue() -> dict:
    from gradekit.messages.catalogue import CATALOGUE
    return CATALOGUE


def to_markdown(row: dict, *, full: bool = False, assignment=None, lang: str | None = "en",
                hints: Mapping[str, object] | None = None) -> str:
    ctx = context(row, full=full, assignment=assignment, lang=lang, hints=hints)
    return environment().get_template("report.md.j2").render(**ctx)


def to_html(row: dict, *, full: bool = False, assignment=None, lang: str | None = "en",
            hints: Mapping[str, object] | None = None) -> str:
    ctx = context(row, full=full, assignment=assignment, lang=lang, hints=hints)
    return environment().get_template("report.html.j2").render(**ctx)
