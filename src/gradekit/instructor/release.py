"""``grade release DEST``: build the student template repository.

What ships: starter stubs, statements and exercise.toml, the public graders,
per-topic counts of the hidden checks (``graders/<slug>/hidden.json``: numbers
only), ``assignment.toml`` (the assignment every later command reads; with
``--hidden-out`` the instructor keeps the same file beside the hidden graders),
``gradekit.toml`` (what older gradekits read), the classroom workflow, a
Codespaces devcontainer and a student README.  What never ships: solutions, mutants, hidden graders.
DEST becomes a git repository with one commit, and ``grade check`` runs
inside it.  Everything is built beside DEST and renamed into place at the end,
so a release that fails leaves nothing behind.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from string import Template

from gradekit import __version__, _git
from gradekit.course import assignment as assignment_file
from gradekit.course.assignment import Assignment, AssignmentError, LatePolicy
from gradekit.messages.catalogue import t
from gradekit.instructor import install_line
from gradekit.course.kit import Kit, KitError
from gradekit.grading.contract import Entry
from gradekit.grading.runner import collect

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
CONFIG = "gradekit.toml"
DEVCONTAINER = Path(".devcontainer") / "devcontainer.json"


def _copy(src: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dest)


def _template(file: str, /, **values) -> str:
    return Template((TEMPLATES / file).read_text(encoding="utf-8")).substitute(**values)


class Staging:
    """Build each output in a hidden folder beside it and rename it into place only when all are built.

    A release that fails half-way (a missing template file, a full disk, git
    refusing to commit) then leaves nothing behind that would block the next
    try: the partial folders go, and so do the parent folders it had to create.
    """

    def __init__(self) -> None:
        self.parts: list[tuple[Path, Path]] = []  # (target, its partial folder)
        self.created: list[Path] = []  # missing ancestors we made, outermost first

    def folder(self, target: Path) -> Path:
        """A fresh folder to build ``target`` in; an existing non-empty ``target`` is merged into at commit."""
        missing = [p for p in (target.parent, *target.parent.parents) if not p.exists()]
        if missing:
            self.created.append(missing[-1])
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.parent / f".{target.name}.partial-{secrets.token_hex(4)}"
        partial.mkdir()  # mkdir, not mkdtemp: the folder keeps the umask's mode when it becomes the template
        self.parts.append((target, partial))
        return partial

    def commit(self) -> None:
        moved: list[tuple[Path, bool]] = []
        try:
            for target, partial in self.parts:
                if target.is_dir() and any(target.iterdir()):
                    shutil.copytree(partial, target, dirs_exist_ok=True)  # a checkout of the hidden repository
                    shutil.rmtree(partial, ignore_errors=True)
                    continue
                existed = target.is_dir()
                if existed:
                    target.rmdir()
                os.replace(partial, target)
                moved.append((target, existed))
        except BaseException:
            for target, existed in moved:
                shutil.rmtree(target, ignore_errors=True)
                if existed:
                    target.mkdir(exist_ok=True)
            raise

    def discard(self) -> None:
        for _, partial in self.parts:
            shutil.rmtree(partial, ignore_errors=True)
        for folder in self.created:
            shutil.rmtree(folder, ignore_errors=True)


def _why(exc: BaseException) -> str:
    """One line saying what went wrong, for ``grade: release failed ...``."""
    if isinstance(exc, subprocess.CalledProcessError):
        said = [line for line in (exc.stderr or "").splitlines() if line.strip()]
        args, what, i = list(map(str, exc.cmd)), str(exc.cmd[0]), 1
        while i < len(args):  # skip git's -C DIR and -c KEY=VALUE to the subcommand
            if args[i] in ("-C", "-c"):
                i += 2
            elif args[i].startswith("-"):
                i += 1
            else:
                what = f"{args[0]} {args[i]}"
                break
        return f"{what} failed" + (f": {said[-1].strip()}" if said else f" (exit {exc.returncode})")
    if isinstance(exc, OSError):
        if exc.filename == "git" and isinstance(exc, FileNotFoundError):
            return "git is not installed"
        where = f": {exc.filename}" if exc.filename else ""
        return f"{exc.strerror or type(exc).__name__}{where}"
    return f"{type(exc).__name__}: {exc}"


def _must_be_new(folder: Path, what: str) -> None:
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise KitError(f"{folder}: not empty; release {what} into a new folder")


@dataclass(frozen=True)
class Terms:
    """What the instructor decided about the assignment beyond its topics: written into ``assignment.toml``.

    Built by ``parse_terms`` from the command line, so that every mistake is refused
    before anything is written.
    """

    seed: int | None = None            # None: a fresh one is drawn at release and recorded
    deadline: datetime | None = None
    timezone: str = ""
    late: LatePolicy = field(default_factory=LatePolicy)
    extensions: Path | None = None     # the instructor's CSV; never copied into the template


def parse_terms(*, seed: int | None = None, deadline: str | None = None, timezone: str | None = None,
          late: str | None = None, late_cap: float | None = None, cutoff: str | None = None,
          extensions: Path | None = None) -> Terms:
    """Check the options and turn them into ``Terms``; a ``KitError`` names the option and the fix."""
    try:
        when = assignment_file.parse_when(deadline, "--deadline") if deadline is not None else None
        until = assignment_file.parse_when(cutoff, "--cutoff") if cutoff is not None else None
        if timezone:
            assignment_file.zone(timezone, "--timezone")
    except ValueError as exc:
        raise KitError(str(exc)) from None
    kind, penalty = parse_late(late)
    if late_cap is not None and kind == "none":
        raise KitError("--late-cap: a cap needs a penalty to cap; add --late per_day:PCT or --late per_hour:PCT")
    cap = 100.0 if late_cap is None else float(late_cap)
    if not 0 <= cap <= 100:
        raise KitError(f"--late-cap {late_cap:g}: a percentage between 0 and 100, e.g. --late-cap 50")
    if kind != "none" and when is None:
        raise KitError(f"--late {late}: a penalty counts from the deadline; add --deadline, e.g. "
                       f"--deadline {assignment_file.EXAMPLE}")
    if until is not None and when is None:
        raise KitError(f"--cutoff {cutoff}: a cut-off comes after a deadline; add --deadline, e.g. "
                       f"--deadline {assignment_file.EXAMPLE}")
    if until is not None and until < when:
        raise KitError(f"--cutoff {cutoff}: before --deadline {deadline}; the cut-off is the last moment late work "
                       "is accepted, so it must be at or after the deadline")
    if extensions is not None:  # a malformed CSV is refused now, naming its line
        try:
            assignment_file.read_extensions(extensions)
        except AssignmentError as exc:
            raise KitError(f"--extensions {exc} (the file holds student,deadline rows, e.g. "
                           f"dave,{assignment_file.EXAMPLE}; a header line alone is an empty list)") from None
    named = getattr(when.tzinfo, "key", "") if when is not None else ""
    return Terms(seed=seed, deadline=when, timezone=timezone or named or "",
                 late=LatePolicy(kind, penalty, cap, until), extensions=extensions)


def parse_late(text: str | None) -> tuple[str, float]:
    """``none``, ``per_day:PCT`` or ``per_hour:PCT`` (percent of the score per day or hour late, started)."""
    if text is None or text.strip() == "none":
        return "none", 0.0
    kind, _, pct = text.strip().partition(":")
    fix = "write --late none, --late per_day:PCT or --late per_hour:PCT, e.g. --late per_day:10 --late-cap 50"
    if kind not in ("per_day", "per_hour") or not pct:
        raise KitError(f"--late {text}: {fix}")
    try:
        penalty = float(pct.rstrip("%"))
    except ValueError:
        raise KitError(f"--late {text}: {pct!r} is not a number; {fix}") from None
    if not 0 < penalty <= 100:
        raise KitError(f"--late {text}: the penalty is a percentage above 0 and at most 100; {fix}")
    return kind, penalty


HEADER_KEY = "release_assignment_header"


#: The language a release records when ``--lang`` is not given: the course's, never the instructor's shell's
#: (GRADEKIT_LANG and the locale describe who runs the command, not the class that reads the template).
DEFAULT_LANG = "zh"


def header() -> str:
    """The file's comment: what it is, and that students leave it alone (they read it too: zh and en)."""
    return "\n".join(t(HEADER_KEY, lang, version=__version__) for lang in ("zh", "en"))


def release(kit: Kit, dest: Path, topics: list[str] | None = None, *, name: str = "gradekit assignment",
            install: str | None = None, lang: str = DEFAULT_LANG, hidden_out: Path | None = None,
            terms: Terms | None = None) -> dict:
    """Build the template (and with ``hidden_out`` the hidden graders) all at once, or nothing.

    ``install`` is the pip requirement written into the workflow, ``assignment.toml``,
    ``gradekit.toml``, the README and the devcontainer; without it,
    ``install_line.default()`` derives one from where this gradekit came from,
    or refuses.
    """
    terms = terms or Terms()
    dest = Path(dest).resolve()
    hidden_out = Path(hidden_out).resolve() if hidden_out is not None else None
    _must_be_new(dest, "the template")
    if hidden_out is not None and (hidden_out == dest or hidden_out.is_relative_to(dest)
                                   or (hidden_out.exists() and not hidden_out.is_dir())):
        raise KitError(f"--hidden-out {hidden_out}: give the hidden graders a folder of their own, outside the template")
    chosen = kit.select(topics)
    line = install_line.resolve(install)
    entries = collect(kit, [t.slug for t in chosen])
    assignment = _assignment(kit, chosen, entries, name=name, install=line.requirement, lang=lang, terms=terms,
                             instructor_copy=hidden_out or dest)
    staging = Staging()
    try:
        info = _build(kit, staging.folder(dest), chosen, entries, name=name, install=line.requirement, lang=lang,
                      assignment=assignment)
        if hidden_out is not None:
            hidden_folder = staging.folder(hidden_out)
            write_hidden(kit, hidden_folder, topics)
            assignment_file.write(assignment, hidden_folder / assignment_file.FILE, header=header())
        staging.commit()
    except BaseException as exc:
        staging.discard()
        if isinstance(exc, (OSError, subprocess.CalledProcessError, ValueError, KeyError)):
            raise KitError(f"release failed, nothing was written to {dest}: {_why(exc)}") from None
        raise
    return {**info, "install": line.requirement, "install_origin": line.origin, "notes": line.notes,
            "assignment": assignment}


def _assignment(kit: Kit, chosen, entries: list[Entry], *, name: str, install: str, lang: str, terms: Terms,
                instructor_copy: Path) -> Assignment:
    """The assignment as ``assignment.toml`` will say it, checked by reading it back as every command will."""
    slugs = [t.slug for t in chosen]
    topic_points = {slug: 0 for slug in slugs}
    for e in entries:
        topic_points[e.topic] += e.points
    graders = {kind: assignment_file.graders_digest(assignment_file.grader_files(kit.graders, slugs, kind))
               for kind in ("public", "hidden")}
    extensions = ""
    if terms.extensions is not None:  # relative to the instructor's copy, which is where batch finds it
        target = Path(terms.extensions).resolve()
        try:
            extensions = Path(os.path.relpath(target, instructor_copy)).as_posix()
        except ValueError:  # another drive (Windows): only an absolute path reaches it
            extensions = target.as_posix()
    seed = terms.seed if terms.seed is not None else secrets.randbelow(2**31 - 1) + 1
    drafted = Assignment(name=name, topics=tuple(slugs), points=sum(topic_points.values()), lang=lang, seed=seed,
                         install=install, gradekit=__version__, deadline=terms.deadline, timezone=terms.timezone,
                         topic_points=topic_points, graders=graders, late=terms.late, extensions=extensions)
    try:
        return assignment_file.from_dict(drafted.to_dict())
    except AssignmentError as exc:  # a combination the options' own checks missed: refuse before writing
        raise KitError(f"release refused, nothing was written: {exc}") from None


def _build(kit: Kit, dest: Path, chosen, entries: list[Entry], *, name: str, install: str, lang: str,
           assignment: Assignment) -> dict:
    hidden: dict[str, dict[str, dict[str, int]]] = {}
    for e in entries:
        if e.visibility == "hidden":
            counts = hidden.setdefault(e.topic, {}).setdefault(e.exercise, {"checks": 0, "points": 0})
            counts["checks"] += 1
            counts["points"] += e.points
    for topic in chosen:
        _copy(kit.starter / f"{topic.slug}.py", dest / "starter" / f"{topic.slug}.py")
        for name_ in ("exercise.toml", "README.md"):
            if (topic.folder / name_).is_file():
                _copy(topic.folder / name_, dest / "exercises" / topic.slug / name_)
        for grader in assignment_file.topic_grader_files(kit.graders / topic.slug, "public"):
            _copy(grader, dest / "graders" / topic.slug / grader.name)
        (dest / "graders" / topic.slug / "hidden.json").write_text(
            json.dumps(hidden.get(topic.slug, {}), indent=2) + "\n", encoding="utf-8")
    total = sum(e.points for e in entries)
    hidden_checks = sum(c["checks"] for t in hidden.values() for c in t.values())
    hidden_points = sum(c["points"] for t in hidden.values() for c in t.values())
    slugs = [t.slug for t in chosen]
    config = (f'format_version = 1\n[assignment]\nname = {json.dumps(name)}\n'
              f'gradekit = {json.dumps(__version__)}\ninstall = {json.dumps(install)}\n'
              f'topics = {json.dumps(slugs)}\nmax_points = {total}\nlang = {json.dumps(lang)}\n')
    (dest / CONFIG).write_text(config, encoding="utf-8")
    (dest / ".github" / "workflows").mkdir(parents=True, exist_ok=True)
    (dest / ".github" / "workflows" / "classroom.yml").write_text(
        _template("classroom.yml", install=install, lang=lang), encoding="utf-8")
    assignment_file.write(assignment, dest / assignment_file.FILE, header=header())
    (dest / "README.md").write_text(_template("student_README.md", name=name, install=install,
                                              hidden_checks=hidden_checks, hidden_points=hidden_points,
                                              **readme_examples(chosen), **readme_deadline(assignment)),
                                    encoding="utf-8")
    # JSON-escaped values inside the template's JSON strings, so the file stays valid whatever the name says.
    (dest / DEVCONTAINER).parent.mkdir(parents=True, exist_ok=True)
    (dest / DEVCONTAINER).write_text(_template("devcontainer.json", name=json.dumps(name)[1:-1],
                                               install=json.dumps(install)[1:-1]), encoding="utf-8")
    (dest / ".gitignore").write_text(".venv/\n__pycache__/\n*.pyc\ngrade-results/\n.hidden-graders/\n", encoding="utf-8")
    git = [*_git.command(dest), "-c", "user.name=gradekit release", "-c", "user.email=release@gradekit.invalid",
           "-c", "commit.gpgsign=false"]
    env = _git.env(dest)  # no system or global configuration: no instructor's hook, filter or template dir
    subprocess.run(git[:4] + ["init", "-q", "-b", "main"], check=True, capture_output=True, text=True, env=env)
    subprocess.run(git + ["add", "-A"], check=True, capture_output=True, text=True, env=env)
    subprocess.run(git + ["commit", "-q", "--no-verify", "-m", f"{name}: gradekit {__version__} template"],
                   check=True, capture_output=True, text=True, env=env)
    return {"topics": slugs, "max_points": total, "hidden_checks": hidden_checks, "hidden_points": hidden_points}


def readme_examples(chosen) -> dict[str, str]:
    """A topic and an exercise of this template for the README's examples: a command a student can copy and run."""
    topic = next((t for t in chosen if t.exercises), chosen[0] if chosen else None)
    slug = topic.slug if topic is not None else "TOPIC"
    exercise = topic.exercises[0].name if topic is not None and topic.exercises else "EXERCISE"
    return {"topic": slug, "exercise": exercise}


def readme_deadline(a: Assignment) -> dict[str, str]:
    """The README's deadline paragraph in each language: when, in the assignment's zone, and which commit counts."""
    out = {}
    for lang in ("zh", "en"):
        if a.deadline is None:
            out[f"deadline_{lang}"] = t("readme_no_deadline", lang)
            continue
        parts = [t("readme_deadline", lang, when=assignment_file.local(a.deadline, a.tz))]
        late, cutoff = a.late, assignment_file.local(a.late.cutoff, a.tz)
        if late.kind == "none":
            parts.append(t("readme_rule_grace", lang, cutoff=cutoff) if cutoff else t("readme_rule_on_time", lang))
        else:
            unit = t(f"readme_unit_{late.kind}", lang)
            parts.append(t("readme_rule_late_cutoff" if cutoff else "readme_rule_late", lang, cutoff=cutoff,
                           unit=unit, penalty=f"{late.penalty:g}", cap=f"{late.cap:g}"))
        parts.append(t("readme_push", lang))
        out[f"deadline_{lang}"] = " ".join(parts) if lang == "en" else "".join(parts)
    return out


def write_hidden(kit: Kit, dest: Path, topics: list[str] | None = None) -> None:
    """The hidden graders alone (``graders/<slug>/test_hidden*.py`` and their ``_hidden_*.py`` peers), for a
    private repository."""
    dest = Path(dest)
    for topic in kit.select(topics):
        for grader in assignment_file.topic_grader_files(kit.graders / topic.slug, "hidden"):
            _copy(grader, dest / "graders" / topic.slug / grader.name)
    (dest / "README.md").write_text(
        "# Hidden graders\n\nKeep this repository private. The classroom workflow fetches it with a read-only\n"
        "token stored as the secret GRADEKIT_HIDDEN_TOKEN, its name in the variable GRADEKIT_HIDDEN_REPO.\n",
        encoding="utf-8")
