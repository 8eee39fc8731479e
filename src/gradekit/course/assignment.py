"""``assignment.toml``: one assignment as one file that release, CI, batch, merge and the reports all read.

Until this file existed every command took its own flags, and nothing tied them
together: a batch without ``--topics`` graded the whole course for a three-topic
assignment, shards drew different seeds, a rerun with another deadline kept the
old rows.  ``grade release`` now writes the file into the template (and a copy
for the instructor beside ``--hidden-out``); every other command reads it, and a
flag that contradicts it is refused unless overridden (``contradictions``).

File format (``format_version = 1``)::

    format_version = 1

    [assignment]
    name = "Problem set 1"
    topics = ["functions", "lists"]
    points = 78                              # what the topics are worth, public and hidden checks
    lang = "zh"                              # the language of students' messages and reports
    seed = 1234567                           # randomised hidden inputs: the same for every shard and rerun
    install = "gradekit @ git+https://...@<commit>"
    gradekit = "0.1.0"                       # the version that released it
    deadline = "2026-11-30T23:59:00+08:00"   # always with its zone
    timezone = "Asia/Shanghai"               # optional: how local times are shown (default: the deadline's offset)

    [assignment.topic_points]
    functions = 40
    lists = 38

    [graders]                                # sha256 over each grader file's path and bytes
    public = "sha256:..."
    hidden = "sha256:..."

    [policy.late]
    kind = "per_day"                         # "none" (default), "per_day" or "per_hour"
    penalty = 10                             # percent of the score taken per day (hour) late, started
    cap = 50                                 # percent at most
    cutoff = "2026-12-03T23:59:00+08:00"     # optional: nothing committed after it is graded

    [policy]
    extensions = "extensions.csv"            # optional, beside this file: student,deadline

Every problem raises ``AssignmentError`` naming the file and the key
(``assignment.toml: policy.late.penalty: ...``), as ``exercise.toml`` does.
Times are strict: a deadline without a time or without a zone is refused with
the fix, because "2026-11-30" silently meaning local midnight on whichever
machine runs the batch is how a class loses a day.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import re
import sys
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone, tzinfo
from pathlib import Path

from gradekit.course.kit import KitError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

FILE = "assignment.toml"
FORMAT_VERSION = 1
LATE_KINDS = ("none", "per_day", "per_hour")
LATE_UNIT = {"per_day": timedelta(days=1), "per_hour": timedelta(hours=1)}


class AssignmentError(KitError):
    """``assignment.toml`` (or a time, or the extensions file) is malformed; the message names file and key."""


# -- times ---------------------------------------------------------------------------------------------------

_WHEN = re.compile(
    r"^\s*(?P<date>\d{4}-\d{2}-\d{2})"
    r"(?:[T ]\s*(?P<time>\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?"
    r"\s*(?P<zone>Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?|[A-Za-z_]+(?:/[A-Za-z0-9_+-]+)+)?\s*$")

EXAMPLE = "2026-11-30T23:59+08:00"


def parse_when(text: str, what: str = "--deadline") -> datetime:
    """A moment with its zone: ``2026-11-30T23:59+08:00``, ``2026-11-30 23:59 +08:00``, ``... Z``, ``... UTC``,
    ``2026-11-30 23:59 Asia/Shanghai``.  A date without a time, or a time without a zone, is refused with the
    fix (``ValueError``), never read as midnight or as this machine's zone."""
    m = _WHEN.match(str(text))
    if m is None:
        raise ValueError(f"{what} {text!r}: not a time; write it as {EXAMPLE} (date, time and zone)")
    if m["time"] is None:
        raise ValueError(f"{what} {text!r}: a date without a time; write the moment it ends, with its zone, "
                         f"e.g. {m['date']}T23:59{_zone_hint(m['zone'])}")
    if m["zone"] is None:
        raise ValueError(f"{what} {text!r}: a time without a zone would mean whatever zone the grading machine is "
                         f"in; add it, e.g. {m['date']}T{m['time']}+08:00 or {m['date']} {m['time']} Asia/Shanghai")
    hh, mm, *rest = m["time"].split(":")
    stamp = f"{m['date']}T{int(hh):02d}:{mm}" + (f":{rest[0]}" if rest else "")
    try:
        naive = datetime.fromisoformat(stamp)
    except ValueError as exc:
        raise ValueError(f"{what} {text!r}: {exc}") from None
    return naive.replace(tzinfo=zone(m["zone"], what))


def _zone_hint(given: str | None) -> str:
    return f" {given}" if given and "/" in given else (given or "+08:00")


def zone(name: str, what: str = "timezone") -> tzinfo:
    """``Z``/``UTC``, an offset (``+08:00``, ``+0800``, ``+08``) or an IANA name (``Asia/Shanghai``)."""
    if name in ("Z", "z", "UTC", "GMT"):
        return timezone.utc
    m = re.fullmatch(r"([+-])(\d{2}):?(\d{2})?", name)
    if m:
        minutes = int(m[2]) * 60 + int(m[3] or 0)
        if minutes >= 24 * 60:
            raise ValueError(f"{what} {name!r}: an offset must be less than 24 hours")
        return timezone(timedelta(minutes=minutes if m[1] == "+" else -minutes))
    try:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
        return ZoneInfo(name)
    except (ImportError, ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"{what} {name!r}: unknown time zone (this machine has no zone database for it); "
                         "use an offset such as +08:00") from None


def iso(moment: datetime) -> str:
    """How a moment is written into the file and every result: ISO 8601 with its offset, to the second."""
    return moment.isoformat(timespec="seconds")


def local(moment: datetime | str | None, tz: tzinfo | None) -> str:
    """``2026-11-30 23:59 +08:00`` in the assignment's zone: what students and instructors read."""
    if moment is None or moment == "":
        return ""
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment.replace("Z", "+00:00"))
    shown = moment.astimezone(tz) if tz is not None else moment
    offset = shown.strftime("%z")
    offset = f"{offset[:3]}:{offset[3:]}" if offset else ""
    name = getattr(tz, "key", None)
    return f"{shown:%Y-%m-%d %H:%M} {offset}" + (f" ({name})" if name else "")


# -- the policies --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class LatePolicy:
    kind: str = "none"
    penalty: float = 0.0          # percent per unit started
    cap: float = 100.0            # percent at most
    cutoff: datetime | None = None

    def __post_init__(self) -> None:  # 10 and 10.0 are one policy, and one digest
        object.__setattr__(self, "penalty", float(self.penalty))
        object.__setattr__(self, "cap", float(self.cap))

    def accepts_late(self) -> bool:
        """Whether a commit after the deadline may be graded at all."""
        return self.kind != "none" or self.cutoff is not None

    def penalty_for(self, committed: datetime, deadline: datetime) -> float:
        """Percent taken off a commit made at ``committed`` (0 on time; each started day or hour counts)."""
        late = committed - deadline
        if late <= timedelta(0) or self.kind == "none":
            return 0.0
        units = math.ceil(late / LATE_UNIT[self.kind])
        return float(min(self.cap, units * self.penalty))

    def to_dict(self) -> dict:
        out: dict = {"kind": self.kind}
        if self.kind != "none":
            out.update(penalty=self.penalty, cap=self.cap)
        if self.cutoff is not None:
            out["cutoff"] = iso(self.cutoff)
        return out


@dataclass(frozen=True)
class StudentDeadline:
    """The deadline, cut-off and penalty rule one student is graded under; ``extended`` when an extension applies."""

    deadline: datetime | None
    cutoff: datetime | None
    late: LatePolicy
    extended: bool = False

    @property
    def last_graded(self) -> datetime | None:
        """The latest commit time that can be graded: the cut-off, none when late work has no end, else the deadline."""
        if self.cutoff is not None:
            return self.cutoff
        if self.late.kind != "none":
            return None
        return self.deadline

    def penalty(self, committed: datetime | str | None) -> float:
        if committed is None or self.deadline is None:
            return 0.0
        if isinstance(committed, str):
            committed = datetime.fromisoformat(committed.replace("Z", "+00:00"))
        return self.late.penalty_for(committed, self.deadline)


def read_extensions(path: Path) -> dict[str, datetime]:
    """``student,deadline`` rows (a header row is optional); errors name the file and the line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise AssignmentError(f"{path}: cannot read the extensions file ({exc.strerror or exc})") from None
    out: dict[str, datetime] = {}
    for n, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        cells = [c.strip() for c in row]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if n == 1 and [c.lower() for c in cells[:2]] == ["student", "deadline"]:
            continue
        if len(cells) < 2 or not cells[0] or not cells[1]:
            raise AssignmentError(f"{path}: line {n}: expected student,deadline")
        try:
            out[cells[0]] = parse_when(cells[1], what=f"deadline of {cells[0]}")
        except ValueError as exc:
            raise AssignmentError(f"{path}: line {n}: {exc}") from None
    return out


# -- the assignment ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Assignment:
    name: str
    topics: tuple[str, ...]
    points: int
    lang: str = "zh"
    seed: int | None = None
    install: str = ""
    gradekit: str = ""
    deadline: datetime | None = None
    timezone: str = ""                                   # an IANA name or offset for showing times; "" = the deadline's
    topic_points: dict[str, int] = field(default_factory=dict)
    graders: dict[str, str] = field(default_factory=dict)  # "public"/"hidden" -> "sha256:..."
    late: LatePolicy = LatePolicy()
    extensions: str = ""                                 # file name, relative to the assignment file
    path: Path | None = field(default=None, compare=False)

    @property
    def tz(self) -> tzinfo | None:
        if self.timezone:
            return zone(self.timezone)
        return self.deadline.tzinfo if self.deadline is not None else None

    def to_dict(self) -> dict:
        """Everything the file says, as plain data: what the digest covers and what results record."""
        body: dict = {"name": self.name, "topics": list(self.topics), "points": self.points, "lang": self.lang}
        for key in ("seed", "install", "gradekit", "timezone"):
            if getattr(self, key) not in (None, ""):
                body[key] = getattr(self, key)
        if self.deadline is not None:
            body["deadline"] = iso(self.deadline)
        if self.topic_points:
            body["topic_points"] = dict(self.topic_points)
        data: dict = {"format_version": FORMAT_VERSION, "assignment": body}
        if self.graders:
            data["graders"] = dict(self.graders)
        policy: dict = {}
        if self.late != LatePolicy():
            policy["late"] = self.late.to_dict()
        if self.extensions:
            policy["extensions"] = self.extensions
        if policy:
            data["policy"] = policy
        return data

    @property
    def digest(self) -> str:
        """Of what the file means, not its bytes: a comment or a reordered key changes nothing."""
        canonical = json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    def extensions_path(self) -> Path | None:
        if not self.extensions:
            return None
        base = self.path.parent if self.path is not None else Path.cwd()
        return base / self.extensions

    def read_extensions(self) -> dict[str, datetime]:
        where = self.extensions_path()
        return read_extensions(where) if where is not None else {}

    def for_student(self, username: str, extensions: dict[str, datetime] | None = None) -> StudentDeadline:
        """This student's deadline: an extension replaces it, and the cut-off moves by as much."""
        extensions = self.read_extensions() if extensions is None else extensions
        own = extensions.get(username)
        if own is None or self.deadline is None:
            return StudentDeadline(self.deadline if own is None else own, self.late.cutoff, self.late, own is not None)
        shift = own - self.deadline
        cutoff = self.late.cutoff + shift if self.late.cutoff is not None else None
        return StudentDeadline(own, cutoff, self.late, True)

    def with_(self, **changes) -> Assignment:
        return replace(self, **changes)


def dumps(a: Assignment, *, header: str = "") -> str:
    """The file's text.  Strings go through ``json.dumps``: a JSON string is a valid TOML basic string."""
    data = a.to_dict()
    lines = [f"# {line}".rstrip() for line in header.splitlines()] if header else []
    lines += [f"format_version = {FORMAT_VERSION}", "", "[assignment]"]
    body = data["assignment"]
    for key, value in body.items():
        if not isinstance(value, dict):
            lines.append(f"{key} = {_value(value)}")
    for table, values in (("assignment.topic_points", body.get("topic_points")), ("graders", data.get("graders")),
                          ("policy", {k: v for k, v in data.get("policy", {}).items() if not isinstance(v, dict)}),
                          ("policy.late", data.get("policy", {}).get("late"))):
        if values:
            lines += ["", f"[{table}]", *(f"{_key(k)} = {_value(v)}" for k, v in values.items())]
    return "\n".join(lines) + "\n"


def _key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key, ensure_ascii=False)


def _value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)


def write(a: Assignment, path: Path, *, header: str = "") -> Path:
    path = Path(path)
    path.write_text(dumps(a, header=header), encoding="utf-8")
    return path


def load(path: Path) -> Assignment:
    """Read and check ``assignment.toml``; every problem names the file and the key."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise AssignmentError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise AssignmentError(f"{path}: not valid TOML: {exc}") from None
    return from_dict(data, path)


def from_dict(data: dict, path: Path | None = None) -> Assignment:
    where = str(path) if path is not None else FILE

    def bad(key: str, why: str) -> AssignmentError:
        return AssignmentError(f"{where}: {key}: {why}")

    version = data.get("format_version")
    if version != FORMAT_VERSION:
        raise bad("format_version", f"expected {FORMAT_VERSION}, found {version!r}"
                  + (" (written by a newer gradekit: upgrade)" if isinstance(version, int) and version > 1 else ""))
    body = data.get("assignment")
    if not isinstance(body, dict):
        raise bad("assignment", "missing table [assignment]")

    def text(key: str, required: bool = False) -> str:
        value = body.get(key, "")
        if not isinstance(value, str) or (required and not value.strip()):
            raise bad(f"assignment.{key}", "expected a non-empty string" if required else "expected a string")
        return value

    def when(table: dict, key: str, name: str) -> datetime | None:
        value = table.get(key)
        if value is None:
            return None
        if isinstance(value, datetime):  # a TOML offset date-time
            if value.tzinfo is None:
                raise bad(name, f"{value} has no zone; write it as {EXAMPLE}")
            return value
        if not isinstance(value, str):
            raise bad(name, f"expected a time such as {EXAMPLE!r}")
        try:
            return parse_when(value, what="")
        except ValueError as exc:
            raise bad(name, str(exc).strip()) from None

    topics = body.get("topics")
    if not isinstance(topics, list) or not topics or not all(isinstance(t, str) and t for t in topics):
        raise bad("assignment.topics", "expected a non-empty list of topic slugs")
    if len(set(topics)) != len(topics):
        raise bad("assignment.topics", "a topic is listed twice")
    points = body.get("points")
    if not isinstance(points, int) or isinstance(points, bool) or points < 0:
        raise bad("assignment.points", "expected a whole number of points ≥ 0")
    lang = body.get("lang", "zh")
    if lang not in ("zh", "en"):
        raise bad("assignment.lang", f"expected \"zh\" or \"en\", found {lang!r}")
    seed = body.get("seed")
    if seed is not None and (not isinstance(seed, int) or isinstance(seed, bool)):
        raise bad("assignment.seed", "expected a whole number")
    topic_points = body.get("topic_points", {})
    if not isinstance(topic_points, dict) or not all(isinstance(v, int) and not isinstance(v, bool)
                                                     for v in topic_points.values()):
        raise bad("assignment.topic_points", "expected a table of topic = points")
    if topic_points and (set(topic_points) != set(topics) or sum(topic_points.values()) != points):
        raise bad("assignment.topic_points", f"must name exactly the topics and add up to points ({points})")
    tz = text("timezone")
    if tz:
        try:
            zone(tz)
        except ValueError as exc:
            raise bad("assignment.timezone", str(exc)) from None
    graders = data.get("graders", {})
    if not isinstance(graders, dict) or not all(isinstance(v, str) for v in graders.values()):
        raise bad("graders", "expected a table of public/hidden = \"sha256:...\"")
    policy = data.get("policy", {})
    if not isinstance(policy, dict):
        raise bad("policy", "expected a table")
    late_table = policy.get("late", {})
    if not isinstance(late_table, dict):
        raise bad("policy.late", "expected a table")
    kind = late_table.get("kind", "none")
    if kind not in LATE_KINDS:
        raise bad("policy.late.kind", f"expected one of {', '.join(LATE_KINDS)}, found {kind!r}")
    numbers = {}
    for key, default in (("penalty", 0.0), ("cap", 100.0)):
        value = late_table.get(key, default)
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 <= value <= 100:
            raise bad(f"policy.late.{key}", "expected a percentage between 0 and 100")
        numbers[key] = float(value)
    if kind != "none" and numbers["penalty"] <= 0:
        raise bad("policy.late.penalty", f"a {kind} late policy needs a penalty above 0 (percent per unit late)")
    deadline = when(body, "deadline", "assignment.deadline")
    cutoff = when(late_table, "cutoff", "policy.late.cutoff")
    if cutoff is not None and (deadline is None or cutoff < deadline):
        raise bad("policy.late.cutoff", "must be at or after assignment.deadline (which must be set)")
    if kind != "none" and deadline is None:
        raise bad("policy.late", "a late penalty needs assignment.deadline")
    extensions = policy.get("extensions", "")
    if not isinstance(extensions, str):
        raise bad("policy.extensions", "expected the name of a CSV file (student,deadline)")
    return Assignment(name=text("name", required=True), topics=tuple(topics), points=points, lang=lang, seed=seed,
                      install=text("install"), gradekit=text("gradekit"), deadline=deadline, timezone=tz,
                      topic_points=dict(topic_points), graders=dict(graders),
                      late=LatePolicy(kind, numbers["penalty"], numbers["cap"], cutoff), extensions=extensions,
                      path=Path(path) if path is not None else None)


def find(folder: Path) -> Path | None:
    """The assignment file of a template or a hidden-graders folder, if it has one."""
    candidate = Path(folder) / FILE
    return candidate if candidate.is_file() else None


# -- the graders' digest -------------------------------------------------------------------------------------

def graders_digest(files: dict[str, bytes]) -> str:
    """Over each file's relative POSIX path and bytes, sorted: the same on every system the files reach."""
    h = hashlib.sha256()
    for rel in sorted(files):
        data = files[rel]
        h.update(f"{rel}\0{len(data)}\0".encode("utf-8"))
        h.update(data)
    return "sha256:" + h.hexdigest()


#: The start of a hidden peer's file name: code that a hidden check runs in the sandbox.  Like the hidden
#: graders it never ships in a template, and travels with them to the hidden repository.
HIDDEN_PEER = "_hidden_"


def topic_grader_files(folder: Path, kind: str) -> list[Path]:
    """A topic's grader files of one ``kind``: ``public`` ships to students (``test_public*.py`` and the
    ``_*.py`` helpers and peers they load), ``hidden`` stays with the instructor (``test_hidden*.py`` and
    the ``_hidden_*.py`` peers only they load)."""
    folder = Path(folder)
    if kind == "public":
        return [*sorted(folder.glob("test_public*.py")),
                *(p for p in sorted(folder.glob("_*.py")) if not p.name.startswith(HIDDEN_PEER))]
    if kind == "hidden":
        return [*sorted(folder.glob("test_hidden*.py")), *sorted(folder.glob(f"{HIDDEN_PEER}*.py"))]
    raise ValueError(f"grader files are public or hidden, not {kind!r}")


def grader_files(graders: Path, topics, kind: str) -> dict[str, bytes]:
    """Every topic's ``topic_grader_files`` of ``kind``, as relative path -> bytes (for ``graders_digest``)."""
    return {f"{slug}/{p.name}": p.read_bytes() for slug in topics for p in topic_grader_files(Path(graders) / slug, kind)}


# -- flags against the file ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Contradiction:
    option: str
    given: str
    file_says: str

    def __str__(self) -> str:
        return f"{self.option} {self.given} (the assignment says {self.file_says})"


def contradictions(a: Assignment, **given) -> list[Contradiction]:
    """The options given on the command line that disagree with the file (``None`` = not given).

    Keys: ``topics`` (a list), ``deadline`` (a datetime), ``seed``, ``lang``.  A flag equal to the file's value
    is no contradiction: it is allowed, and changes nothing.
    """
    out = []
    if given.get("topics") is not None and list(given["topics"]) != list(a.topics):
        out.append(Contradiction("--topics", ",".join(given["topics"]), ",".join(a.topics)))
    if given.get("deadline") is not None and (a.deadline is None or given["deadline"] != a.deadline):
        out.append(Contradiction("--deadline", iso(given["deadline"]), iso(a.deadline) if a.deadline else "none"))
    if given.get("seed") is not None and a.seed is not None and given["seed"] != a.seed:
        out.append(Contradiction("--seed", str(given["seed"]), str(a.seed)))
    if given.get("lang") is not None and given["lang"] != a.lang:
        out.append(Contradiction("--lang", given["lang"], a.lang))
    return out
