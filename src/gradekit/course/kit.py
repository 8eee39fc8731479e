"""The course as data: loading ``exercises/<slug>/exercise.toml`` into typed records.

File format (``format_version = 1``)::

    format_version = 1
    order = 11                          # position in the course (unique)
    title = { zh = "函数", en = "Functions" }

    [[exercises]]
    name = "my_abs"                     # public name from CURRICULUM.md; "Student.score" for methods
    title = { zh = "...", en = "..." }
    hints = [ { zh = "...", en = "..." }, ... ]   # at least one, revealed one at a time

Mutants live in ``exercises/<slug>/mutants/*.py``; each begins with a header
comment ``# mutant-of: <exercise name>`` and ``# mistake: <what is wrong>``, and holds the one
definition it changes (``course.mutants`` splices it into the solution).

Every problem raises ``KitError`` naming the file and the key, so an author
sees "exercises/functions/exercise.toml: exercises[1].hints: ..." and never a
traceback.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

FORMAT_VERSION = 1
SLUG_RE = re.compile(r"^[a-z][a-z0-9_]*$")
NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$")
MUTANT_HEADER = re.compile(r"^#\s*(mutant-of|mistake|whole-file)\s*:\s*(.+?)\s*$")


class KitError(Exception):
    """A course file is missing or malformed; the message names file and key."""


@dataclass(frozen=True)
class Text:
    """A piece of text in both course languages."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class Mutant:
    path: Path
    exercise: str
    mistake: str
    whole_file: bool = False    # ``# whole-file: why``: the file is the whole program, not one definition

    def program(self) -> str:
        """The whole wrong program: the mutant's definitions spliced into the topic's ``solution.py``
        (``course.mutants``); raises ``MutantError`` when they no longer fit it."""
        from gradekit.course.mutants import program

        return program(self.path, self.path.parent.parent / "solution.py", whole_file=self.whole_file)


@dataclass(frozen=True)
class Exercise:
    name: str
    title: Text
    hints: tuple[Text, ...]


@dataclass(frozen=True)
class Topic:
    slug: str
    order: int
    title: Text
    exercises: tuple[Exercise, ...]
    folder: Path
    mutants: tuple[Mutant, ...] = ()

    @property
    def solution(self) -> Path:
        return self.folder / "solution.py"

    def exercise(self, name: str) -> Exercise | None:
        return next((e for e in self.exercises if e.name == name), None)


@dataclass
class Kit:
    """A kit checkout: exercises/, starter/ and graders/ under one root."""

    root: Path
    topics: list[Topic] = field(default_factory=list)
    #: folders under exercises/ without an exercise.toml (work in progress; selfcheck reports them)
    incomplete: list[str] = field(default_factory=list)

    @property
    def graders(self) -> Path:
        return self.root / "graders"

    @property
    def starter(self) -> Path:
        return self.root / "starter"

    def topic(self, slug: str, lang: str = "en") -> Topic:
        for t in self.topics:
            if t.slug == slug:
                return t
        raise KitError(unknown_name(slug, [t.slug for t in self.topics], lang))

    def select(self, slugs, lang: str = "en") -> list[Topic]:
        """The topics named (all when none are); an unknown one is a KitError with a did-you-mean, in ``lang``
        (English for the instructor's commands, which pass none)."""
        return [self.topic(s, lang) for s in slugs] if slugs else list(self.topics)


def close_names(name: str, names) -> list[str]:
    """The few ``names`` a typo of ``name`` most likely meant (case does not count)."""
    import difflib

    by_lower: dict[str, str] = {}
    for n in names:
        by_lower.setdefault(n.lower(), n)
    return [by_lower[n] for n in difflib.get_close_matches(name.lower(), list(by_lower), n=3, cutoff=0.6)]


def unknown_name(name: str, names, lang: str = "en", key: str = "unknown_topic") -> str:
    """``key``'s sentence with a did-you-mean, or, when nothing is close, ``key_none``'s, which says so."""
    from gradekit.messages.catalogue import names_list, t

    near = close_names(name, names)
    if not near:
        return t(f"{key}_none", lang, name=repr(name))
    return t(key, lang, name=repr(name), near=names_list(near, lang))


# --------------------------------------------------------------------------


def _text(value, where: str) -> Text:
    if not isinstance(value, dict):
        raise KitError(f"{where}: expected a table with zh and en, got {type(value).__name__}")
    for lang in ("zh", "en"):
        if not isinstance(value.get(lang), str) or not value[lang].strip():
            raise KitError(f"{where}.{lang}: missing or empty (every text needs Chinese and English)")
    extra = set(value) - {"zh", "en"}
    if extra:
        raise KitError(f"{where}: unknown key(s) {', '.join(sorted(extra))}")
    return Text(value["zh"], value["en"])


def _key(where: str, key: str) -> str:
    """``file.toml: key`` at the top level, ``file.toml: table.key`` below it."""
    return f"{where}: {key}" if where.endswith(".toml") else f"{where}.{key}"


def _require(data: dict, key: str, typ, where: str):
    if key not in data:
        raise KitError(f"{where}: missing key '{key}'")
    value = data[key]
    if not isinstance(value, typ) or isinstance(value, bool) and typ is int:
        raise KitError(f"{_key(where, key)}: expected {typ.__name__}, got {type(value).__name__}")
    return value


def mutant_header(lines) -> dict[str, str]:
    """The ``# key: value`` fields a mutant starts with (``mutant-of``, ``mistake``, ``whole-file``)."""
    fields = {}
    for line in lines:
        m = MUTANT_HEADER.match(line.strip())
        if m:
            fields[m.group(1)] = m.group(2)
        elif line.strip() and not line.startswith("#"):
            break
    return fields


def load_mutant(path: Path, rel: str) -> Mutant:
    with open(path, encoding="utf-8-sig") as f:
        fields = mutant_header(f)
    for key in ("mutant-of", "mistake"):
        if key not in fields:
            raise KitError(f"{rel}: missing header comment '# {key}: ...' at the top of the file")
    return Mutant(path, fields["mutant-of"], fields["mistake"], "whole-file" in fields)


def load_topic(folder: Path, root: Path) -> Topic:
    path = folder / "exercise.toml"
    rel = path.relative_to(root).as_posix()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise KitError(f"{rel}: file missing") from None
    except tomllib.TOMLDecodeError as exc:
        raise KitError(f"{rel}: not valid TOML ({exc})") from None
    version = _require(data, "format_version", int, rel)
    if version != FORMAT_VERSION:
        raise KitError(f"{rel}: format_version: {version} is not supported (this gradekit reads {FORMAT_VERSION})")
    slug = folder.name
    if not SLUG_RE.match(slug):
        raise KitError(f"{rel}: folder name {slug!r} is not a valid slug")
    if slug in sys.stdlib_module_names:
        raise KitError(f"{rel}: slug {slug!r} would shadow the standard-library module of that name")
    if "kind" in data:
        raise KitError(f"{rel}: kind: no longer used (how a topic is graded is its graders' business); "
                       "delete the line")
    known = {"format_version", "order", "title", "exercises"}
    extra = set(data) - known
    if extra:
        raise KitError(f"{rel}: unknown key(s) {', '.join(sorted(extra))}")
    order = _require(data, "order", int, rel)
    title = _text(data.get("title"), f"{rel}: title")
    raw = _require(data, "exercises", list, rel)
    if not raw:
        raise KitError(f"{rel}: exercises: a topic needs at least one exercise")
    exercises, seen = [], set()
    for i, ex in enumerate(raw):
        where = f"{rel}: exercises[{i}]"
        if not isinstance(ex, dict):
            raise KitError(f"{where}: expected a table")
        name = _require(ex, "name", str, where)
        if not NAME_RE.match(name):
            raise KitError(f"{where}.name: {name!r} is not a Python name (use 'Class.attr' for members)")
        if name in seen:
            raise KitError(f"{where}.name: {name!r} appears twice")
        seen.add(name)
        extra = set(ex) - {"name", "title", "hints"}
        if extra:
            raise KitError(f"{where}: unknown key(s) {', '.join(sorted(extra))}")
        hints = _require(ex, "hints", list, where)
        if not hints:
            raise KitError(f"{where}.hints: give at least one hint")
        exercises.append(Exercise(
            name=name,
            title=_text(ex.get("title"), f"{where}.title"),
            hints=tuple(_text(h, f"{where}.hints[{j}]") for j, h in enumerate(hints)),
        ))
    mutants = []
    mutant_dir = folder / "mutants"
    if mutant_dir.is_dir():
        for mp in sorted(mutant_dir.glob("*.py")):
            mutant = load_mutant(mp, mp.relative_to(root).as_posix())
            if mutant.exercise not in seen:
                raise KitError(f"{mp.relative_to(root).as_posix()}: mutant-of names {mutant.exercise!r}, "
                               f"which is not an exercise of {slug} ({', '.join(sorted(seen))})")
            mutants.append(mutant)
    return Topic(slug, order, title, tuple(exercises), folder, tuple(mutants))


def find_root(start: Path | None = None) -> Path | None:
    """The nearest folder at or above ``start`` holding an ``exercises/`` and a ``graders/`` folder."""
    here = Path(start or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if (candidate / "graders").is_dir() and (candidate / "exercises").is_dir():
            return candidate
    return None


def load_kit(root: Path) -> Kit:
    root = Path(root).resolve()
    folder = root / "exercises"
    if not folder.is_dir():
        raise KitError(f"{root}: no exercises/ folder here (run grade inside the kit, or pass --kit)")
    folders = [d for d in sorted(folder.iterdir()) if d.is_dir() and not d.name.startswith((".", "_"))]
    topics = [load_topic(d, root) for d in folders if (d / "exercise.toml").is_file()]
    incomplete = [d.name for d in folders if not (d / "exercise.toml").is_file()]
    orders = {}
    for t in topics:
        if t.order in orders:
            raise KitError(f"exercises/{t.slug}/exercise.toml: order: {t.order} is also used by {orders[t.order]}")
        orders[t.order] = t.slug
    topics.sort(key=lambda t: t.order)
    return Kit(root, topics, incomplete)
