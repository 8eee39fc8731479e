"""What a failed check's ``detail["kind"]`` may say, in one place for every room that reads it.

The kind travels as a plain string: in the sealed outcome from pytest to the runner, in the
native JSON a student or an LMS keeps, and in batch rows stored months ago.  So ``Failure`` is a
``str`` enum: its members compare and hash as their strings and serialise as them, and a kind read
back from an old or foreign file that this version does not know stays a string (``Failure.of``
says None) instead of breaking the reader.

``is_load_failure`` is the one answer to "did this topic's file load at all?".  Scoring names such
a failure the topic's error, the terminal shows it once per file rather than once per check, and
the student view may say it of a hidden check too, since it is the same for every check and holds
no check's inputs.  Those three used to keep their own lists, and disagreed on an import-time
timeout.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum


class Failure(str, Enum):
    """Why a check did not pass.  Each member's value is also its sentence's key in the catalogue."""

    # -- the student's code, judged by a check (grader.py, structure.py)
    RETURNED = "returned"              # a call returned a wrong value
    RAISED = "raised"                  # a call raised where it should have returned
    TODO = "todo"                      # the exercise is still its stub
    NO_RAISE = "no_raise"              # a call should have raised and did not
    WRONG_EXCEPTION = "wrong_exception"
    WRONG_MESSAGE = "wrong_message"
    PRINTED = "printed"                # printed the wrong text
    STRUCTURE = "structure"            # a rule about the code itself (no loop, a comprehension ...)
    CUSTOM = "custom"                  # the grader's own zh/en sentence (grader.fail)
    MISSING = "missing"                # a name the check needs is not defined
    CODING_COOKIE = "coding_cookie"    # the file declares an encoding other than UTF-8
    ASSERT = "assert"                  # a bare assert in a grader
    # -- the student's code, stopped by the sandbox
    TIMEOUT = "timeout"
    CRASHED = "crashed"                # the child exited (os._exit, a signal, a limit)
    STALE = "stale"                    # a handle from a child that was since stopped
    PROTOCOL = "protocol"              # the child sent what the protocol does not allow
    # -- the file would not load
    SYNTAX = "syntax"
    IMPORT_RAISED = "import_raised"
    NO_FILE = "no_file"
    # -- neither: the kit, or the run, failed
    SKIPPED = "skipped"
    GRADER_ERROR = "grader_error"
    GRADER_KILLED = "grader_killed"
    SUBMISSION_CHANGED = "submission_changed"
    NOT_REPORTED = "not_reported"

    # A str enum formats as its member name on some Pythons; everywhere it is shown or keyed it is
    # the value.
    __str__ = str.__str__
    __format__ = str.__format__

    @classmethod
    def of(cls, detail: Mapping | None) -> Failure | None:
        """The kind of ``detail``, or None when it has none this version knows."""
        kind = (detail or {}).get("kind")
        try:
            return cls(kind) if isinstance(kind, str) else None
        except ValueError:
            return None


#: The kinds that can mean the file would not load, when they happened while importing it.
LOAD_FAILURES = frozenset({Failure.SYNTAX, Failure.IMPORT_RAISED, Failure.CRASHED, Failure.TIMEOUT})


def is_load_failure(detail: Mapping | None) -> bool:
    """Whether ``detail`` says the topic's file did not load (the same failure for all its checks).

    A crash or a timeout counts only when it happened at import: the same kinds during a call
    judge that call alone.
    """
    detail = detail or {}
    return Failure.of(detail) in LOAD_FAILURES and detail.get("call") in (None, "import")
