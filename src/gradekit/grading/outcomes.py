"""What became of a check: the exception a phase raised, worded as a status and a failure's detail.

Each check's phases (``grading.phases``) end here.  ``classify`` decides whose fault an exception is
(the student's code, the sandbox stopping it, or the kit) and turns it into plain data the runner
can seal and score; nothing of the exception object itself leaves this process.  ``CheckRun`` is one
check's progress through its phases: a failed call is not overwritten by a teardown that passed,
and a teardown that failed after a passing call still fails the check.
"""

from __future__ import annotations

import ast
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest

from gradekit.grader import CheckFailure, student_failure
from gradekit.grading import pinpoint
from gradekit.grading.contract import Entry, Failure, Outcome
from gradekit.sandbox.forkserver import SubmissionChanged
from gradekit.sandbox.topic import ChildProtocolError, Sandbox, SandboxCrashed, SandboxTimeout, StaleHandle

#: What the student's code printed during one check that is kept in its outcome.
OUTPUT_KEEP = 64 * 1024


#: Failures that the child's facts for beginners (a "did you mean", the signature written, a module
#: the student's file shadows) can explain.
BEGINNER_FACTS_KINDS = frozenset({Failure.RAISED, Failure.WRONG_EXCEPTION, Failure.IMPORT_RAISED, Failure.SYNTAX,
                                  Failure.MISSING, Failure.TODO})


def classify(exc: BaseException | None) -> tuple[str, dict]:
    """Map what a check raised onto (status, detail): the student's fault or the kit's.

    The sandbox child adds facts a beginner needs (a did-you-mean, the signature a
    call did not fit, a file shadowing a standard module).  They arrive on the
    rebuilt exception, which a grader's ``call(...)`` keeps as the failure's
    ``__context__``; they are copied into the detail here, type-checked, because
    the child is not trusted to send well-formed data.
    """

    def beginner_facts(origin) -> dict:
        facts: dict = {}
        if not isinstance(origin, dict):
            return facts
        for key in ("suggestion", "signature", "def_file", "shadowed"):
            if isinstance(origin.get(key), str) and origin[key]:
                facts[key] = origin[key][:400]
        for key in ("def_line", "end_offset"):
            if type(origin.get(key)) is int and origin[key] > 0:
                facts[key] = origin[key]
        return facts

    def enriched(status: str, detail: dict, origin) -> tuple[str, dict]:
        if status == "fail" and detail.get("kind") in BEGINNER_FACTS_KINDS:
            detail = {**detail, **beginner_facts(origin)}
            if detail.get("signature") and detail.get("def_line") and not detail.get("line"):
                # The call did not fit the definition: the definition is the line to fix.
                detail.update(file=detail.get("def_file"), line=detail["def_line"], arity_at_call=True)
        return status, detail

    if exc is None:
        return "pass", {}
    origin = getattr(exc, "_gk_origin", None) or getattr(exc.__context__, "_gk_origin", None)
    if isinstance(origin, dict) and origin.get("helper_fault") is True:
        return "error", {"kind": Failure.GRADER_ERROR, "exc_type": str(origin.get("type", ""))[:100],
                         "exc_message": f"{str(origin.get('message', ''))[:1000]} (in a grader helper)",
                         "traceback": str(origin.get("traceback") or "")[-6000:] or None}
    if isinstance(exc, CheckFailure):
        return enriched("fail", exc.detail, getattr(exc.__context__, "_gk_origin", None))
    if isinstance(exc, SubmissionChanged):
        # Not the student's doing as far as this session can tell: the kit refuses to score the files.
        return "error", {"kind": Failure.SUBMISSION_CHANGED}
    if isinstance(exc, SandboxTimeout):
        return "timeout", {"kind": Failure.TIMEOUT, "call": exc.during, "seconds": exc.seconds, **stopped_at(exc.frames)}
    if isinstance(exc, SandboxCrashed):
        return "fail", {"kind": Failure.CRASHED, "call": exc.during, "returncode": exc.returncode,
                        "traceback": exc.stderr or None}
    if isinstance(exc, StaleHandle):
        return "fail", {"kind": Failure.STALE, "call": exc.during}
    if isinstance(exc, ChildProtocolError):
        return "fail", {"kind": Failure.PROTOCOL, "call": exc.during, "reason": exc.reason}
    origin = getattr(exc, "_gk_origin", None)
    if origin is not None:
        during = origin.get("during", "")
        if during == "import" and origin.get("type") == "FileNotFoundError" and not origin.get("line"):
            return "fail", {"kind": Failure.NO_FILE}
        if during == "import":
            kind = Failure.SYNTAX if origin.get("type") in ("SyntaxError", "IndentationError", "TabError") else Failure.IMPORT_RAISED
            detail = {"kind": kind, "exc_type": origin.get("type"), "exc_message": origin.get("message"),
                      "file": origin.get("file") or None, "line": origin.get("line") or None,
                      "offset": origin.get("offset") or None, "text": origin.get("text") or None,
                      "traceback": origin.get("traceback") or None}
            return enriched("fail", {k: v for k, v in detail.items() if v is not None}, origin)
        if origin.get("type") == "AttributeError" and "(" not in during and "[" not in during:
            return enriched("fail", {"kind": Failure.MISSING, "call": during, "exc_message": origin.get("message")}, origin)
        return enriched("fail", student_failure(exc, during).detail, origin)
    if isinstance(exc, pytest.skip.Exception):
        return "skipped", {"kind": Failure.SKIPPED, "reason": str(exc)}
    if isinstance(exc, AssertionError):
        return "fail", {"kind": Failure.ASSERT, "text": str(exc)[:2000]}
    return "error", {"kind": Failure.GRADER_ERROR, "exc_type": type(exc).__name__, "exc_message": str(exc)[:2000],
                     "traceback": "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))[-6000:]}


def stopped_at(frames: list) -> dict:
    """Where a stopped child said the student's code was (``SandboxTimeout.frames``, innermost first):
    the innermost frame's file, line and function, and the student's frames when there are several."""
    if not frames:
        return {}
    (file, line, function), *_ = frames
    place = {"file": file, "line": line, "function": function}
    if len(frames) > 1:
        place["stack"] = [list(f) for f in frames]
    return place


class Sources:
    """The topic files as each submission's sandbox ran them, parsed once for ``pinpoint``, for one submission at a time."""

    def __init__(self, read: Callable[[str, str], bytes | None]):
        self.read = read      # (submission, file name) -> its bytes as the sandbox copied them, or None
        self.submission: str | None = None
        self.trees: dict[str, ast.Module | None] = {}     # topic -> its tree, for ``self.submission``

    def refine(self, entry: Entry, detail: dict) -> dict:
        """``pinpoint.refine`` with the topic's source; a missing file is named with the topic, so the message
        can say which ``grade reset`` brings it back."""
        if detail.get("kind") == Failure.NO_FILE:
            return {**detail, "topic": entry.topic}
        if entry.submission != self.submission:
            self.forget()         # checks come submission by submission: the last one is done
            self.submission = entry.submission
        if entry.topic not in self.trees:
            try:
                source = self.read(entry.submission, f"{entry.topic}.py")
            except Exception:  # noqa: BLE001 -- a file that changed or vanished: the check's own failure says so
                source = None
            self.trees[entry.topic] = pinpoint.tree_of(source)
        return pinpoint.refine(detail, self.trees[entry.topic], entry.exercise, f"{entry.topic}.py")

    def forget(self) -> None:
        """The files may have changed since they were parsed (watch mode's next round): parse them again."""
        self.trees.clear()


@dataclass
class CheckRun:
    """One check on its way through setup, call and teardown."""

    entry: Entry
    started: float = field(default_factory=time.monotonic)
    boxes: list[Sandbox] = field(default_factory=list)     # the sandboxes its fixtures handed out
    status: str = "pass"
    detail: dict = field(default_factory=dict)

    def phase(self, when: str, exc: BaseException | None, sources: Sources) -> None:
        if when != "call" and exc is None:
            return
        if self.status != "pass" and when == "teardown":
            return     # the failure that came first is the one to show
        status, detail = classify(exc)
        if status == "fail":
            detail = sources.refine(self.entry, detail)
        if not (when == "teardown" and status == "pass"):
            self.status, self.detail = status, detail

    @property
    def failed(self) -> bool:
        return self.status not in ("pass", "skipped")

    def outcome(self) -> Outcome:
        output = "".join("".join(box.printed) for box in self.boxes)
        return Outcome(self.status, self.detail, check=self.entry.check, submission=self.entry.submission,
                       output=output[:OUTPUT_KEEP], duration=round(time.monotonic() - self.started, 4))
