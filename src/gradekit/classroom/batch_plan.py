"""What a batch grades under: the assignment file, the flags given beside it, and the overrides, resolved once.

Before ``assignment.toml`` every flag stood alone, so a batch without ``--topics``
graded the whole course and a rerun with another ``--deadline`` mixed two
gradings.  Here the file decides; a flag may repeat it (harmless) but not
contradict it, unless the instructor says ``--override`` -- and then the batch
records the override in ``batch.json`` and says so, so the gradebook can be
explained later.  Without any assignment file the old flags still work, but
``--deadline`` is strict (``parse_when``): a date without a time or zone is how
a class silently loses a day.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from gradekit.course import assignment as assignment_file
from gradekit.course.assignment import Assignment, AssignmentError, iso, parse_when
from gradekit.course.kit import Kit, KitError


class PlanRefused(KitError):
    """The flags and the assignment file disagree (or the kit cannot grade it): nothing was graded."""


@dataclass
class Plan:
    assignment: Assignment | None          # as the file says (its digest is what merge compares)
    topics: list[str] | None               # None: the whole kit (no assignment, no --topics)
    deadline: datetime | None
    seed: int | None
    lang: str
    extensions: dict[str, datetime] = field(default_factory=dict)
    overrides: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def topics_overridden(self) -> bool:
        return any(o.startswith("--topics") for o in self.overrides)

    @property
    def effective(self) -> Assignment | None:
        """The assignment as graded: the file with the overridden deadline, seed, topics and language."""
        if self.assignment is None:
            return None
        return self.assignment.with_(deadline=self.deadline, seed=self.seed, lang=self.lang,
                                     topics=tuple(self.topics or self.assignment.topics))


def extensions_digest(extensions: dict[str, datetime]) -> str:
    """Of what the extensions file means (student -> moment), not its bytes: a comment changes nothing."""
    if not extensions:
        return ""
    canonical = json.dumps({u: iso(d) for u, d in sorted(extensions.items())}, sort_keys=True, ensure_ascii=False)
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def load_assignment(path: Path | None, template) -> tuple[Assignment | None, list[str]]:
    """``--assignment FILE`` wins over the template's committed copy: the instructor's copy may carry policies
    (extensions, a moved deadline) edited after release.  Both given with different topics is refused: the
    template was released for another assignment."""
    notes: list[str] = []
    committed = template.assignment if template is not None else None
    if path is None:
        return committed, notes
    if not Path(path).is_file():
        raise PlanRefused(f"--assignment {path}: no such file (--assignment takes the assignment.toml that "
                          "grade release wrote; the gradebook's assignment name now comes from it)")
    try:
        found = assignment_file.load(path)
    except AssignmentError as exc:
        raise PlanRefused(str(exc)) from None
    if committed is not None and committed.digest != found.digest:
        if list(committed.topics) != list(found.topics):
            raise PlanRefused(f"--assignment {path} grades topics {','.join(found.topics)} but the template's "
                              f"committed assignment.toml has {','.join(committed.topics)}: give the template "
                              "released for this assignment")
        notes.append(f"--assignment {path} differs from the template's committed assignment.toml; "
                     f"{path} is used")
    return found, notes


def resolve(assignment: Assignment | None, *, topics: str | None, deadline: str | None, seed: int | None,
            lang: str | None, default_lang: str, override: bool) -> Plan:
    """The plan, or ``PlanRefused`` naming the flag, the file's value and ``--override``."""
    try:
        given_deadline = parse_when(deadline) if deadline else None
    except ValueError as exc:
        raise PlanRefused(str(exc)) from None
    given_topics = [t.strip() for t in topics.split(",") if t.strip()] if topics else None
    if assignment is None:
        return Plan(None, given_topics, given_deadline, seed, lang or default_lang)
    found = assignment_file.contradictions(assignment, topics=given_topics, deadline=given_deadline, seed=seed,
                                           lang=lang)
    where = assignment.path or assignment_file.FILE
    if found and not override:
        c = found[0]
        raise PlanRefused(f"{c.option} {c.given} contradicts {where}, which says {c.file_says}; drop {c.option}, "
                          "or give --override to grade with it anyway (recorded in batch.json)")
    overrides = [str(c) for c in found]
    plan = Plan(assignment,
                given_topics if given_topics is not None else list(assignment.topics),
                given_deadline if given_deadline is not None else assignment.deadline,
                seed if seed is not None else assignment.seed,
                lang or assignment.lang, overrides=overrides,
                notes=[f"override: {o}" for o in overrides])
    cutoff = assignment.late.cutoff
    if plan.deadline is not None and cutoff is not None and plan.deadline > cutoff:
        raise PlanRefused(f"--deadline {iso(plan.deadline)} is after {where}'s cut-off {iso(cutoff)}: "
                          "move policy.late.cutoff in the file instead")
    try:
        plan.extensions = assignment.read_extensions()
    except AssignmentError as exc:
        raise PlanRefused(str(exc)) from None
    return plan


def points_warning(students, points: int) -> str:
    """The roster's ``points_available`` against the assignment's points: a warning naming both, not a refusal.

    The roster is an input of names and repository URLs, often the retired Classroom's download, whose
    ``points_available`` came from that Classroom's own autograding set-up (manual points, an older version of
    the assignment, last week's roster reused for its URLs).  Refusing would make the instructor edit a
    downloaded file to grade; but a mismatch is also the first sign of grading the wrong topics (829 points
    for a 78-point assignment), so it is said before grading starts, with both numbers.
    """
    seen: dict[str, list[str]] = {}
    for s in students:
        value = (s.extra or {}).get("points_available", "").strip()
        if not value:
            continue
        try:
            if float(value) == points:
                continue
        except ValueError:
            pass
        seen.setdefault(value, []).append(s.username)
    if not seen:
        return ""
    said = "; ".join(f"{v} for {len(users)} student{'s' * (len(users) != 1)}" for v, users in sorted(seen.items()))
    return f"the roster's points_available ({said}) is not the assignment's {points} points; the gradebook uses {points}"


def student_template_refusal(kit: Kit, slugs: list[str]) -> str:
    """Inside a released student template the hidden graders are missing by design: grading there gives
    public checks only (31/31 for a 78-point assignment) and looks like a grade.  Recognised by what
    ``grade release`` writes: the kit-root config, and ``hidden.json`` counting hidden checks no file holds."""
    root = kit.root
    if not ((root / assignment_file.FILE).is_file() or (root / "gradekit.toml").is_file()):
        return ""
    for slug in slugs:
        folder = kit.graders / slug
        counts = folder / "hidden.json"
        if not counts.is_file() or any(folder.glob("test_hidden*.py")):
            continue
        try:
            data = json.loads(counts.read_text(encoding="utf-8"))
            hidden = sum(int(c.get("checks", 0)) for c in data.values())
        except (ValueError, AttributeError, TypeError, OSError):
            continue
        if hidden > 0:
            return ("this is a student template without the hidden graders; run grade batch in your private kit "
                    "(--kit)")
    return ""


def graders_warning(kit: Kit, a: Assignment, slugs: list[str]) -> str:
    """The kit's graders against the digests the assignment was released with: a note, never a refusal (fixing
    a grader after release is legitimate; grading with graders nobody released should at least be said)."""
    differ = []
    for kind in ("public", "hidden"):
        want = a.graders.get(kind)
        if want and assignment_file.graders_digest(assignment_file.grader_files(kit.graders, slugs, kind)) != want:
            differ.append(kind)
    if not differ:
        return ""
    return (f"the kit's {' and '.join(differ)} graders are not the ones {a.path or assignment_file.FILE} was "
            "released with; grading with the kit's")


def run_notes(batch, plan, full_feedback: bool) -> list[str]:
    """What the instructor should know before the progress bar: a resume that regrades nobody would otherwise
    show ``0/0`` and nothing else, an extension row naming nobody on the roster does nothing silently, and
    reports that will carry hidden inputs are one ``grade feedback --push`` away from every student."""
    notes = []
    todo = len(batch.todo())
    kept = len(batch.students) - todo
    if kept:
        notes.append(f"{kept} of {len(batch.students)} students already graded in {batch.out} with these options: "
                     f"kept ({todo} to grade); --regrade USER grades one again")
    roster = set(batch.roster)
    folded = {u.casefold(): u for u in roster}
    for name in sorted(set(plan.extensions) - roster):
        close = folded.get(name.casefold())
        notes.append(f"the extensions file names {name!r}, who is not on the roster: no one's deadline changed"
                     + (f" (did you mean {close!r}?)" if close else ""))
    if full_feedback:
        notes.append("--full-feedback: the reports show hidden checks' inputs and expected values; a student who "
                     "sees one can pass that check without solving it (grade feedback refuses to push them unless "
                     "given --full-feedback too)")
    return notes
