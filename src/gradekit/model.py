"""The result of grading one submission, independent of pytest and of any output format.

Shape of the native JSON (``Result.to_dict``; ``format`` = "gradekit/result/v1")::

    {"format", "kit_version", "submission": {"path", "commit", "id"}, "started", "duration",
     "seed", "lang", "isolation", "score", "max_score", "public_only",
     "hidden": {"checks", "points"},            # hidden checks not run (student view)
     "topics": [{"slug", "title", "score", "max_score", "error",
                 "hidden": {"checks", "points"},
                 "exercises": [{"name", "title", "score", "max_score",
                                "checks": [{"id", "name", "status", "points", "max_points",
                                            "visibility", "message", "detail", "output",
                                            "duration", "file", "line"}]}]}]}

``exercises[].name`` is the public name from CURRICULUM.md; methods and
properties are written ``Class.member`` (``Student.score``).  Scores are
computed from the checks, never stored independently (see ``scoring``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import Enum

FORMAT = "gradekit/result/v1"

#: What every ``grade`` command's exit code means (the README's table): 2 is always "nothing was
#: graded", so a script can tell a low score from a kit that could not run.
EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2


class Status(str, Enum):
    PASS = "pass"
    FAIL = "fail"          # the student's code is wrong
    ERROR = "error"        # the kit failed (grader bug, check did not report)
    TIMEOUT = "timeout"    # the student's code ran too long
    SKIPPED = "skipped"


@dataclass
class Check:
    id: str
    name: str
    status: Status
    points: int
    max_points: int
    visibility: str                    # "public" or "hidden"
    message: str = ""
    detail: dict = field(default_factory=dict)
    output: str = ""
    duration: float = 0.0
    file: str | None = None            # the student's file and line, when known
    line: int | None = None

    def to_dict(self) -> dict:
        d = asdict(self)
        d["status"] = self.status.value
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Check":
        d = dict(d)
        d["status"] = Status(d["status"])
        return cls(**d)


@dataclass
class Hidden:
    """Hidden checks that exist but were not run here (they run at grading)."""

    checks: int = 0
    points: int = 0


@dataclass
class ExerciseResult:
    name: str
    title: str
    checks: list[Check] = field(default_factory=list)

    @property
    def score(self) -> int:
        return sum(c.points for c in self.checks)

    @property
    def max_score(self) -> int:
        return sum(c.max_points for c in self.checks)

    def to_dict(self) -> dict:
        return {"name": self.name, "title": self.title, "score": self.score, "max_score": self.max_score,
                "checks": [c.to_dict() for c in self.checks]}

    @classmethod
    def from_dict(cls, d: dict) -> "ExerciseResult":
        return cls(d["name"], d.get("title", ""), [Check.from_dict(c) for c in d["checks"]])


@dataclass
class TopicResult:
    slug: str
    title: str
    exercises: list[ExerciseResult] = field(default_factory=list)
    hidden: Hidden = field(default_factory=Hidden)
    error: str = ""                    # set when the topic's file could not be loaded at all

    @property
    def checks(self) -> list[Check]:
        return [c for e in self.exercises for c in e.checks]

    @property
    def score(self) -> int:
        return sum(e.score for e in self.exercises)

    @property
    def max_score(self) -> int:
        return sum(e.max_score for e in self.exercises)

    def to_dict(self) -> dict:
        return {"slug": self.slug, "title": self.title, "score": self.score, "max_score": self.max_score,
                "error": self.error, "hidden": asdict(self.hidden),
                "exercises": [e.to_dict() for e in self.exercises]}

    @classmethod
    def from_dict(cls, d: dict) -> "TopicResult":
        return cls(d["slug"], d.get("title", ""), [ExerciseResult.from_dict(e) for e in d["exercises"]],
                   Hidden(**d.get("hidden", {})), d.get("error", ""))


@dataclass
class Result:
    kit_version: str
    submission: dict
    started: str
    duration: float
    seed: int
    lang: str
    isolation: str
    public_only: bool = False
    topics: list[TopicResult] = field(default_factory=list)

    @property
    def checks(self) -> list[Check]:
        return [c for t in self.topics for c in t.checks]

    @property
    def score(self) -> int:
        return sum(t.score for t in self.topics)

    @property
    def max_score(self) -> int:
        return sum(t.max_score for t in self.topics)

    @property
    def hidden(self) -> Hidden:
        return Hidden(sum(t.hidden.checks for t in self.topics), sum(t.hidden.points for t in self.topics))

    def to_dict(self) -> dict:
        return {
            "format": FORMAT, "kit_version": self.kit_version, "submission": self.submission,
            "started": self.started, "duration": round(self.duration, 3), "seed": self.seed,
            "lang": self.lang, "isolation": self.isolation, "public_only": self.public_only,
            "score": self.score, "max_score": self.max_score, "hidden": asdict(self.hidden),
            "topics": [t.to_dict() for t in self.topics],
        }

    @classmethod
    def from_dict(cls, d: dict) -> "Result":
        if d.get("format") != FORMAT:
            raise ValueError(f"not a gradekit result (format {d.get('format')!r})")
        return cls(d["kit_version"], d["submission"], d["started"], d["duration"], d["seed"], d["lang"],
                   d["isolation"], d.get("public_only", False), [TopicResult.from_dict(t) for t in d["topics"]])
