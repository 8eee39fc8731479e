"""From the collected checks and what pytest reported to scored results: pure functions.

The manifest (written by the plugin at collection) is the list of checks that
must be graded, with their points from the graders' markers.  The report is
believed only where it agrees with it: a check that reported nothing scores 0
with status ``error``; a check reported twice, or a report entry nobody
collected, is ignored and noted.  Points are the marker's points for a pass and
0 for anything else.

Where a check failed (its file and line, the file of a definition, the files
shadowing a standard module) comes from the sandbox child, whose code the
student controls: ``compile(src, filename, ...)`` gives a traceback any file
name at all.  A file is believed only if it is one of the submission's own
files (``own_file``); otherwise the topic's file is named, without a line.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from gradekit.grading.contract import ContractError, Entry, Failure, HiddenCounts, Outcome, is_load_failure
from gradekit.messages.failures import word_failure
from gradekit.course.kit import Kit
from gradekit.model import Check, ExerciseResult, Hidden, Status, TopicResult

def points_for(status: Status, max_points: int) -> int:
    return max_points if status is Status.PASS else 0


def outcomes_by_check(tests: list | None, verify=lambda payload, mac: True) -> tuple[dict[str, Outcome], list[str]]:
    """Map nodeid -> the plugin's outcome, from sealed outcomes in pytest-json-report's per-test shape;
    also return problems.

    ``verify(payload, mac)`` checks each outcome's seal; an outcome that fails it, or is not an
    outcome's shape, is dropped (and so scores 0 as "not reported").
    """
    found: dict[str, Outcome] = {}
    problems: list[str] = []
    for test in tests or []:
        if not isinstance(test, dict):
            continue
        metadata = test.get("metadata") or {}
        meta = metadata.get("gradekit")
        nodeid = test.get("nodeid")
        if not isinstance(meta, dict) or not isinstance(nodeid, str):
            continue
        if not verify(meta, metadata.get("gradekit_mac")):
            problems.append(f"{nodeid}: outcome seal does not match")
            continue
        if nodeid in found:
            problems.append(f"{nodeid} reported twice")
            continue
        try:
            found[nodeid] = Outcome.from_json(meta)
        except ContractError as exc:
            problems.append(f"{nodeid}: {exc}")
    return found, problems


def submission_files(folder: Path | str) -> frozenset[str]:
    """The submission's own files: its top-level ``*.py`` regular files, the ones a sandbox copies."""
    try:
        return frozenset(e.name for e in os.scandir(folder) if e.name.endswith(".py") and e.is_file(follow_symlinks=False))
    except OSError:
        return frozenset()


def own_file(name, files: Iterable[str] | None) -> bool:
    """Whether ``name`` is one of ``files``, and a plain module file name (no folder, no markup, one line)."""
    if not isinstance(name, str) or not name.endswith(".py") or not name[:-3].isidentifier():
        return False
    return files is None or name in files


def _line(value) -> int | None:
    return value if type(value) is int and value > 0 else None


def trusted_places(detail: dict, topic: str, files: Iterable[str] | None) -> dict:
    """``detail`` with the file names the child reported kept only where ``own_file`` accepts them."""
    detail = dict(detail)
    if "file" in detail or "line" in detail:
        if detail.get("file") is not None and own_file(detail.get("file"), files):
            detail["line"] = _line(detail.get("line"))
        else:
            detail["file"], detail["line"] = f"{topic}.py", None
            detail.pop("function", None)   # a stopped child's frame, named in the same breath as the file
        if detail["line"] is None:
            del detail["line"]
    if "stack" in detail:
        frames = detail["stack"] if isinstance(detail["stack"], list) else []
        kept = [[f[0], f[1], str(f[2])[:100]] for f in frames[:8] if isinstance(f, list) and len(f) == 3
                and own_file(f[0], files) and _line(f[1]) and isinstance(f[2], str)]
        if len(kept) > 1:
            detail["stack"] = kept
        else:
            del detail["stack"]
    if "def_file" in detail and not own_file(detail["def_file"], files):
        for key in ("def_file", "def_line", "signature", "arity_at_call"):
            detail.pop(key, None)
    if "shadowed" in detail:
        names = [n.strip() for n in str(detail["shadowed"]).split(",")]
        kept = [n for n in names if own_file(n, files)]
        if kept:
            detail["shadowed"] = ", ".join(kept)
        else:
            del detail["shadowed"]
    return detail


def make_check(entry: Entry, outcome: Outcome | None, lang: str, files: Iterable[str] | None = None) -> Check:
    """``files``: the submission's own file names (``submission_files``); None accepts any plain module name."""
    if outcome is None:
        outcome = Outcome(Status.ERROR.value, {"kind": Failure.NOT_REPORTED})
        status, detail = Status.ERROR, outcome.detail
    else:
        status, detail = Status(outcome.status), trusted_places(outcome.detail, entry.topic, files)
    message = "" if status is Status.PASS else word_failure(detail, lang)
    if entry.hint and status is not Status.PASS:
        detail = {**detail, "hint": entry.hint}
    return Check(
        id=entry.check, name=entry.name, status=status,
        points=points_for(status, entry.points), max_points=entry.points,
        visibility=entry.visibility, message=message, detail=detail,
        output=outcome.output, duration=outcome.duration, file=detail.get("file"), line=detail.get("line"),
    )


def assemble(kit: Kit, slugs: list[str], entries: list[Entry], outcomes: dict[str, Outcome],
             hidden_not_run: HiddenCounts, lang: str, files: Iterable[str] | None = None) -> list[TopicResult]:
    """Build topic results in course order for one submission (``files``: see ``make_check``)."""
    files = frozenset(files) if files is not None else None
    topics = []
    for slug in slugs:
        topic = kit.topic(slug)
        by_ex: dict[str, list[Check]] = {e.name: [] for e in topic.exercises}
        for entry in entries:
            if entry.topic == slug:
                by_ex[entry.exercise].append(make_check(entry, outcomes.get(entry.nodeid), lang, files))
        exercises = [ExerciseResult(e.name, e.title.get(lang), by_ex[e.name]) for e in topic.exercises]
        hidden = Hidden()
        for counts in hidden_not_run.get(slug, {}).values():
            hidden.checks += counts["checks"]
            hidden.points += counts["points"]
        result = TopicResult(slug, topic.title.get(lang), exercises, hidden)
        first = next((c for c in result.checks if is_load_failure(c.detail)), None)
        if first is not None:
            result.error = first.message
        topics.append(result)
    return topics
