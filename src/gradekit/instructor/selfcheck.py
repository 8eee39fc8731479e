"""``grade selfcheck``: proof that the graders grade what they claim to.

For every topic: the reference solution scores 100 %, the starter stub scores
0, and every mutant loses points on the exercise it names and on no other.
It also checks the course files a topic needs (statement in both languages,
stub, solution, public and hidden checks for each exercise, a mutant for each
exercise).  All submissions are graded in one pytest process.  Every problem
says what to change.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from gradekit.course.kit import Kit
from gradekit.course.mutants import MutantError
from gradekit.model import Result, Status
from gradekit.grading.runner import Submission, grade


@dataclass
class TopicReport:
    slug: str
    checks: int = 0
    public: int = 0
    solution: str = ""
    stub: str = ""
    mutants: int = 0
    mutants_caught: int = 0
    problems: list[str] = field(default_factory=list)


def is_student_template(kit: Kit) -> bool:
    """A released template (``grade release`` wrote its config at the root) ships no solution or mutant, so
    there is nothing to prove; a kit being written may lack some solutions, never all of them and the config."""
    released = (kit.root / "assignment.toml").is_file() or (kit.root / "gradekit.toml").is_file()
    return released and not any(t.solution.is_file() or t.mutants for t in kit.topics)


def file_problems(kit: Kit, topic) -> list[str]:
    rel = f"exercises/{topic.slug}"
    problems = []
    statement = topic.folder / "README.md"
    if not statement.is_file():
        problems.append(f"{rel}/README.md: write the statement (Chinese first, then English)")
    else:
        text = statement.read_text(encoding="utf-8-sig")
        if not any("\u4e00" <= ch <= "\u9fff" for ch in text[:2000]):
            problems.append(f"{rel}/README.md: the statement must start in Chinese")
    if not (kit.starter / f"{topic.slug}.py").is_file():
        problems.append(f"starter/{topic.slug}.py: missing stub")
    if not topic.solution.is_file():
        problems.append(f"{rel}/solution.py: missing reference solution")
    if not list((kit.graders / topic.slug).glob("test_*.py")):
        problems.append(f"graders/{topic.slug}/: no grader files")
    mutated = {m.exercise for m in topic.mutants}
    for ex in topic.exercises:
        if ex.name not in mutated:
            problems.append(f"{rel}/mutants/: add a mutant for {ex.name} (its definition from solution.py with one "
                            "beginner mistake)")
    return problems


def one_file_submission(base: Path, name: str, files: dict[str, Path | str]) -> Path:
    """A submission folder of ``<slug>.py`` files, each a copy of a path or the given program text."""
    folder = base / name
    folder.mkdir(parents=True)
    for slug, src in files.items():
        if isinstance(src, Path):
            shutil.copyfile(src, folder / f"{slug}.py")
        else:
            (folder / f"{slug}.py").write_text(src, encoding="utf-8")
    return folder


def run(kit: Kit, slugs: list[str] | None = None, seed: int | None = None) -> tuple[list[TopicReport], int]:
    topics = kit.select(slugs)
    reports = {t.slug: TopicReport(t.slug, problems=file_problems(kit, t)) for t in topics}
    if not slugs:
        for name in kit.incomplete:
            reports[name] = TopicReport(name, problems=[f"exercises/{name}/exercise.toml: missing (every topic needs one)"])
    with tempfile.TemporaryDirectory(prefix="gradekit-selfcheck-") as tmp:
        base = Path(tmp)
        ready = [t for t in topics if t.solution.is_file() and (kit.starter / f"{t.slug}.py").is_file()]
        subs = [
            Submission(one_file_submission(base, "solution", {t.slug: t.solution for t in ready}), "solution",
                       [t.slug for t in ready]),
            Submission(kit.starter, "starter", [t.slug for t in ready]),
        ]
        mutant_of = {}
        for t in ready:
            for i, m in enumerate(t.mutants):
                try:
                    program = m.program()
                except MutantError as exc:
                    reports[t.slug].problems.append(f"exercises/{t.slug}/mutants/{m.path.name}: {exc}")
                    continue
                sid = f"m-{t.slug}-{i}"
                subs.append(Submission(one_file_submission(base, sid, {t.slug: program}), sid, [t.slug]))
                mutant_of[sid] = (t, m)
        if not ready:
            return list(reports.values()), seed or 0
        results = grade(kit, subs, topics=[t.slug for t in ready], seed=seed)
    by_id: dict[str, Result] = {s.id: r for s, r in zip(subs, results)}
    used_seed = results[0].seed
    for topic in by_id["solution"].topics:
        rep = reports[topic.slug]
        rep.checks = len(topic.checks)
        rep.public = sum(c.visibility == "public" for c in topic.checks)
        rep.solution = f"{topic.score}/{topic.max_score}"
        for ex in topic.exercises:
            vis = {c.visibility for c in ex.checks}
            if "public" not in vis:
                rep.problems.append(f"graders/{topic.slug}/: exercise {ex.name} needs at least one @public check")
            if "hidden" not in vis:
                rep.problems.append(f"graders/{topic.slug}/: exercise {ex.name} needs at least one hidden check")
        for c in topic.checks:
            if c.status is not Status.PASS:
                rep.problems.append(f"solution fails {c.id} ({c.status.value}): {c.message.splitlines()[0] if c.message else ''}"
                                    " -- fix the grader or exercises/{}/solution.py".format(topic.slug))
    for topic in by_id["starter"].topics:
        rep = reports[topic.slug]
        rep.stub = f"{topic.score}/{topic.max_score}"
        for c in topic.checks:
            if c.status is Status.PASS:
                rep.problems.append(f"the starter stub passes {c.id}: a check must fail until the student writes code")
    for sid, (t, m) in mutant_of.items():
        rep = reports[t.slug]
        rep.mutants += 1
        topic = by_id[sid].topics[0]
        name = m.path.name
        target = next(e for e in topic.exercises if e.name == m.exercise)
        if target.score < target.max_score:
            rep.mutants_caught += 1
        else:
            rep.problems.append(f"mutants/{name} ({m.mistake}) scores full marks on {m.exercise}: "
                                f"add a check that catches it")
        for ex in topic.exercises:
            if ex.name != m.exercise and ex.score < ex.max_score:
                lost = [c.id for c in ex.checks if c.status is not Status.PASS]
                rep.problems.append(f"mutants/{name} targets {m.exercise} but also loses points on {ex.name} "
                                    f"({', '.join(lost[:3])}): make the mutant change one exercise only")
    return list(reports.values()), used_seed
