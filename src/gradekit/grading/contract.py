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
from dataclasses import asdict, dataclass, field
from enum import Enum
from functools import cached_property

from gradekit.model import Status


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


# -- what the runner and the pytest process tell each other -----------------------------------
#
# The two sides speak JSON through pipes, and the runner believes nothing the other side sends
# until its seal checks out (``grading.seal``).  These types are that JSON's shape, in one place:
# each side builds them, ``to_json`` gives the exact dict that is sealed and sent, and
# ``from_json`` is the one place that checks a received dict's shape, raising ``ContractError``
# rather than letting a malformed field travel on as a ``KeyError`` three modules later.


class ContractError(ValueError):
    """A plan, manifest, outcome or record that does not have the shape the contract gives it."""


def _need(data, key: str, kind, optional: bool = False):
    value = data.get(key) if isinstance(data, Mapping) else None
    if value is None and optional:
        return None
    # bool is an int, but a count or a seed written true is not one.
    if not isinstance(value, kind) or (kind in (int, (int, float)) and isinstance(value, bool)):
        raise ContractError(f"{key!r} should be {getattr(kind, '__name__', kind)}, not {type(value).__name__}")
    return value


def _strings(value, key: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ContractError(f"{key!r} should be a list of strings")
    return list(value)


@dataclass
class PlannedSubmission:
    """One submission a session grades: its folder, and the topics to grade in it (None: the plan's)."""

    id: str
    path: str
    topics: list[str] | None = None
    digest: str | None = None      # ``sandbox.digest.source_digest`` at export, checked as its files are copied

    @classmethod
    def from_json(cls, data) -> PlannedSubmission:
        topics = data.get("topics") if isinstance(data, Mapping) else None
        return cls(_need(data, "id", str), _need(data, "path", str),
                   None if topics is None else _strings(topics, "topics"), _need(data, "digest", str, optional=True))


@dataclass
class Plan:
    """What the runner asks one pytest session to grade, and under which limits."""

    kit: str
    seed: int
    topics: list[str]
    submissions: list[PlannedSubmission]
    public_only: bool
    timeout: float                 # seconds a sandbox request may take (``@time_limit`` overrides it)
    budget: float                  # seconds of sandbox time a whole check may use
    #: The walls the runner found (``sandbox.isolation.Isolation``'s fields), so the session need not probe
    #: for them again; empty: the session detects them itself.
    isolation: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data) -> Plan:
        subs = _need(data, "submissions", list)
        return cls(kit=_need(data, "kit", str), seed=_need(data, "seed", int),
                   topics=_strings(_need(data, "topics", list), "topics"),
                   submissions=[PlannedSubmission.from_json(s) for s in subs],
                   public_only=bool(data.get("public_only", False)),
                   timeout=float(_need(data, "timeout", (int, float))), budget=float(_need(data, "budget", (int, float))),
                   isolation=dict(_need(data, "isolation", dict, optional=True) or {}))

    def submission(self, sub_id: str) -> PlannedSubmission:
        return self._by_id[sub_id]

    @cached_property
    def _by_id(self) -> dict[str, PlannedSubmission]:
        return {s.id: s for s in self.submissions}

    def topics_of(self, sub_id: str) -> list[str]:
        """The topics graded in one submission, in course order."""
        return self.submission(sub_id).topics or self.topics


#: A manifest's count of the hidden checks a public-only session did not run: topic -> exercise ->
#: {"checks": n, "points": n}.
HiddenCounts = dict[str, dict[str, dict[str, int]]]


@dataclass(frozen=True)
class Entry:
    """One collected check for one submission, with what its markers say: a line of the manifest."""

    nodeid: str            # pytest's id, with the submission as its parameter: ``.../test_x[s0]``
    check: str             # the check's own id, the same for every submission: ``functions/test_public.py::test_x``
    name: str
    submission: str
    topic: str
    exercise: str
    points: int
    visibility: str        # "public" or "hidden"
    hint: dict[str, str] | None = None

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data) -> Entry:
        visibility = _need(data, "visibility", str)
        if visibility not in ("public", "hidden"):
            raise ContractError(f"visibility {visibility!r} is neither public nor hidden")
        hint = _need(data, "hint", dict, optional=True)
        if hint is not None and not all(isinstance(hint.get(k), str) for k in ("zh", "en")):
            raise ContractError("a hint has a zh and an en text")
        points = _need(data, "points", int)
        if points <= 0:
            raise ContractError("a check is worth a positive number of points")
        nodeid, check, name, submission, topic, exercise = (
            _need(data, k, str) for k in ("nodeid", "check", "name", "submission", "topic", "exercise"))
        return cls(nodeid, check, name, submission, topic, exercise, points, visibility,
                   None if hint is None else {"zh": hint["zh"], "en": hint["en"]})


@dataclass
class Manifest:
    """The checks a session collected, which the runner grades against; nothing reported outside it counts."""

    checks: list[Entry] = field(default_factory=list)
    hidden_not_run: HiddenCounts = field(default_factory=dict)
    isolation: dict = field(default_factory=dict)     # ``sandbox.isolation.Isolation.record()``

    def to_json(self) -> dict:
        return {"checks": [e.to_json() for e in self.checks], "hidden_not_run": self.hidden_not_run,
                "isolation": self.isolation}

    @classmethod
    def from_json(cls, data) -> Manifest:
        checks = [Entry.from_json(e) for e in _need(data, "checks", list)]
        nodeids = [e.nodeid for e in checks]
        if len(set(nodeids)) != len(nodeids):
            raise ContractError("a check is listed twice")
        hidden = _need(data, "hidden_not_run", dict)
        try:
            counts = {str(t): {str(x): {"checks": int(c["checks"]), "points": int(c["points"])} for x, c in by_ex.items()}
                      for t, by_ex in hidden.items()}
        except (AttributeError, KeyError, TypeError, ValueError):
            raise ContractError("'hidden_not_run' counts checks and points per topic and exercise") from None
        return cls(checks, counts, dict(_need(data, "isolation", dict)))

    def of(self, sub_id: str) -> list[Entry]:
        return [e for e in self.checks if e.submission == sub_id]

    def add(self, other: Manifest) -> None:
        """Take in another session's manifest (the sessions of one grading run graded disjoint checks)."""
        self.checks += other.checks
        self.isolation = self.isolation or other.isolation
        for topic, counts in other.hidden_not_run.items():
            self.hidden_not_run.setdefault(topic, counts)


#: The statuses a check can have (``model.Status``'s values).
_STATUSES = frozenset(s.value for s in Status)


@dataclass
class Outcome:
    """What became of one check: its status, the failure's detail, what the student's code printed."""

    status: str                     # a ``model.Status`` value
    detail: dict = field(default_factory=dict)
    check: str = ""
    submission: str = ""
    output: str = ""
    duration: float = 0.0

    def to_json(self) -> dict:
        return {"check": self.check, "submission": self.submission, "status": self.status, "detail": self.detail,
                "output": self.output, "duration": self.duration}

    @classmethod
    def from_json(cls, data) -> Outcome:
        status = _need(data, "status", str)
        if status not in _STATUSES:
            raise ContractError(f"status {status!r} is not one a check can have")
        detail = data.get("detail") or {}
        if not isinstance(detail, dict):
            detail = {"kind": Failure.ASSERT, "text": str(detail)}
        duration = data.get("duration")
        return cls(status, detail, str(data.get("check") or ""), str(data.get("submission") or ""),
                   data.get("output") if isinstance(data.get("output"), str) else "",
                   float(duration) if isinstance(duration, (int, float)) and not isinstance(duration, bool) else 0.0)


@dataclass
class Record:
    """One submission's finished checks, streamed as soon as its last check is done (or a watch round is).

    ``tests`` are the outcomes as sealed one by one, in pytest-json-report's per-test shape
    (``{"nodeid", "metadata": {"gradekit": outcome, "gradekit_mac": seal}}``), since the report at the
    end of the session carries the same ones.
    """

    submission: str
    manifest: Manifest
    tests: list[dict]
    round: int | None = None       # watch mode's round number

    def to_json(self) -> dict:
        body = {"submission": self.submission, **self.manifest.to_json(), "tests": self.tests}
        if self.round is not None:
            body["round"] = self.round
        return body

    @classmethod
    def from_json(cls, data) -> Record:
        sub_id = _need(data, "submission", str)
        manifest = Manifest.from_json(data)
        if any(e.submission != sub_id for e in manifest.checks):
            raise ContractError("a record lists another submission's checks")
        tests = _need(data, "tests", list)
        return cls(sub_id, manifest, tests, _need(data, "round", int, optional=True))
