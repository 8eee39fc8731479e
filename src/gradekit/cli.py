"""Command line: ``grade [check|watch|list|hint|reset|next|selfcheck|...] ...``.

Bare ``grade`` is watch mode when a person is at a terminal (stdin and stdout
are TTYs) and ``grade check`` otherwise, so scripts and CI see the same report
they always did.  The student commands live in ``gradekit.student``.

Exit codes (the same for every command):

* 0 -- everything passed (``check``: full score; ``selfcheck``: no problem found);
* 1 -- grading ran and something did not pass;
* 2 -- usage or kit error: bad arguments, a malformed course file, graders
  that cannot be collected.  Nothing was graded.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

from gradekit import __version__, student
from gradekit.i18n import pick_lang
from gradekit.kit import Kit, KitError, find_root, load_kit
from gradekit.render.console import configure_streams
from gradekit.runner import RunnerError, Submission, grade

EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2
COMMANDS = ("check", "ci", "release", "batch", "merge", "selfcheck", "doctor", "watch", "list", "hint", "reset", "next")

HELP_SUBMISSION = "folder holding the student's <topic>.py files (default: the kit's starter/)"
HELP_LANG = "language of messages: zh or en (default: from the locale)"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="grade", description="gradekit: grade Python exercises, kindly.")
    parser.add_argument("--version", action="version", version=f"gradekit {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--kit", type=Path, help="the kit folder (default: found from the current folder)")
    common.add_argument("--lang", choices=["zh", "en"], help=HELP_LANG)
    common.add_argument("--seed", type=int, help="seed for randomised checks (default: random, printed)")
    common.add_argument("--timeout", type=float, default=2.0, help="seconds per call into student code (default 2)")
    sub = parser.add_subparsers(dest="command")

    check = sub.add_parser("check", parents=[common], help="grade once and print a report")
    check.add_argument("topics", nargs="*", metavar="TOPIC", help="topics to grade (default: all)")
    check.add_argument("--submission", type=Path, help=HELP_SUBMISSION)
    check.add_argument("--json", type=Path, metavar="FILE", help="also write the native JSON result here")
    check.add_argument("--public-only", action="store_true", help="run public checks only, as a student's copy does")
    check.add_argument("--all", action="store_true", help="show every failure, not just the first few")
    check.add_argument("--verbose", "-v", action="store_true", help="show tracebacks and full output")

    ci = sub.add_parser("ci", parents=[common], help="grade in classroom CI and write every result format")
    ci.add_argument("--submission", type=Path, help=HELP_SUBMISSION)
    ci.add_argument("--out", type=Path, default=Path("grade-results"),
                    help="folder for gradekit.json, result.json (Classroom 50), results.json (Gradescope)")
    ci.add_argument("--hidden-graders", type=Path, metavar="DIR",
                    help="a checkout holding graders/<topic>/test_hidden*.py (missing: public checks only)")
    ci.add_argument("--notices", action="store_true",
                    help="print the reporter's two ::notice lines (for workflows without the reporter)")
    ci.add_argument("--prefix", default="starter/", help="path of the student files in the repository (default starter/)")

    release = sub.add_parser("release", parents=[common], help="build the student template repository")
    release.add_argument("dest", type=Path, help="a new folder for the template (becomes a git repository)")
    release.add_argument("--topics", help="comma-separated topics for a smaller assignment (default: all)")
    release.add_argument("--name", default="gradekit assignment", help="assignment name")
    release.add_argument("--install", help="pip requirement students and CI install (default: where this gradekit "
                         "came from: its VCS URL or its checkout's remote at the exact commit, or its index version)")
    release.add_argument("--hidden-out", type=Path, metavar="DIR",
                         help="also write the hidden graders, for a private repository CI may fetch")

    batch = sub.add_parser("batch", parents=[common], help="regrade every student repository (the authoritative grade)")
    batch.add_argument("source", nargs="?", type=Path, help="a folder holding one repository per student")
    batch.add_argument("--roster", type=Path, help="CSV of students and repository URLs (Classroom grade CSV or username,repo_url)")
    batch.add_argument("--out", type=Path, required=True, help="output folder (grades.sqlite, reports/, gradebook.csv, dashboard.html)")
    batch.add_argument("--deadline", help="grade the last commit at or before this time (ISO 8601, e.g. 2026-11-30T23:59+08:00)")
    batch.add_argument("--jobs", type=int, default=2, help="students graded in parallel (default 2)")
    batch.add_argument("--regrade", action="append", default=[], metavar="USER", help="grade this student again (repeatable)")
    batch.add_argument("--shard", help="K/N: grade only this machine's deterministic share of the class")
    batch.add_argument("--template", type=Path, help="the released template, to flag changes to protected paths")
    batch.add_argument("--topics", help="comma-separated topics the assignment grades (default: all)")
    batch.add_argument("--assignment", default="", help="assignment name for the gradebook")
    batch.add_argument("--assignment-url", default="")
    batch.add_argument("--starter-url", default="")
    batch.add_argument("--nbgrader", metavar="DB", help="also write the grades into this nbgrader gradebook "
                       "(a file or an SQLAlchemy URL; needs gradekit[nbgrader])")
    batch.add_argument("--full-feedback", action="store_true",
                       help="per-student reports show hidden checks' inputs and expected values (default: name and reason only)")
    batch.add_argument("--allow-process-level", action="store_true",
                       help="grade even without bubblewrap (process or portable level), where students' code runs "
                            "as your user; see grade doctor")

    merge_common = argparse.ArgumentParser(add_help=False)
    merge_common.add_argument("--kit", type=Path, help="the kit folder (needed for --nbgrader; default: found from "
                              "the current folder)")
    merge_common.add_argument("--lang", choices=["zh", "en"],
                              help="language of the reports and the Moodle feedback (default: the assignment's)")
    merge = sub.add_parser("merge", parents=[merge_common], help="combine the outputs of sharded batches",
                           description="Combine `grade batch --shard K/N` outputs into one gradebook. Refused (exit 2) "
                                       "when the parts were graded with different assignments or seeds; exit 1 when a "
                                       "shard is missing (the gradebook of the parts given is still written). A "
                                       "student in two parts keeps the row graded later.")
    merge.add_argument("parts", nargs="+", type=Path, help="output folders of `grade batch --shard`")
    merge.add_argument("--out", type=Path, required=True, help="a new folder for the merged gradebook, reports and "
                       "dashboard (or an earlier merge's, which is replaced)")
    merge.add_argument("--assignment", type=Path, metavar="FILE",
                       help="the assignment.toml the parts were graded with (default: the one they recorded)")
    merge.add_argument("--topics", help="comma-separated topics, for parts graded without an assignment "
                       "(default: the assignment's)")
    merge.add_argument("--nbgrader", metavar="DB", help="also write the grades into this nbgrader gradebook "
                       "(a file or an SQLAlchemy URL; needs gradekit[nbgrader])")

    sub.add_parser("doctor", parents=[common], help="show the sandbox isolation this machine offers and how to strengthen it")

    selfcheck = sub.add_parser("selfcheck", parents=[common],
                               help="prove solutions score 100%%, stubs 0 and every mutant loses points")
    selfcheck.add_argument("topics", nargs="*", metavar="TOPIC")
    student.add_parsers(sub, common)
    return parser


def _kit(args):
    root = args.kit or find_root()
    if root is None:
        raise KitError("no kit here: run grade inside the kit folder (with exercises/ and graders/) or pass --kit")
    return load_kit(root)


def cmd_check(args, lang: str) -> int:
    from rich.console import Console

    from gradekit.render.native import to_json
    from gradekit.render.terminal import render, shadow_warning

    kit = _kit(args)
    submission = (args.submission or kit.starter).resolve()
    if not submission.is_dir():
        raise KitError(f"--submission {submission}: not a folder")
    kit.select(args.topics)  # unknown topics fail here, with the list of known ones
    result = grade(kit, [Submission(submission, "s0")], topics=args.topics or None, seed=args.seed,
                   public_only=args.public_only, lang=lang, timeout=args.timeout)[0]
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(to_json(result), encoding="utf-8")
    notes = [n for n in (shadow_warning(submission, lang),) if n]
    Console(highlight=False).print(render(result, lang, verbose=args.verbose, show_all=args.all, notes=notes))
    note_isolation(result, lang)
    return EXIT_OK if result.score == result.max_score and result.max_score > 0 else EXIT_FAILED


def note_isolation(result, lang: str) -> None:
    """Say once, on stderr, when student code ran without namespaces, and how to fix it."""
    if result.isolation not in ("process", "portable"):
        return
    from gradekit import doctor, isolation

    iso = isolation.detect()
    if iso.reason.startswith(isolation.ENV):
        return  # asked for on purpose
    if iso.level == "portable":
        print(doctor.portable_note(iso, lang), file=sys.stderr)
    else:
        print(doctor.NOTE[lang].format(reason=iso.reason, fix=isolation.FIX), file=sys.stderr)


def cmd_selfcheck(args, lang: str) -> int:
    from rich.console import Console
    from rich.table import Table

    from gradekit import selfcheck

    kit = _kit(args)
    reports, seed = selfcheck.run(kit, args.topics or None, seed=args.seed)
    console = Console(highlight=False)
    table = Table(title=f"grade selfcheck · seed {seed}", box=None)
    for col in ("topic", "checks", "public", "solution", "stub", "mutants caught", "ok"):
        table.add_column(col)
    problems = []
    for r in reports:
        table.add_row(r.slug, str(r.checks), str(r.public), r.solution, r.stub, f"{r.mutants_caught}/{r.mutants}",
                      "[green]✓[/]" if not r.problems else "[red]✗[/]")
        problems += [f"{r.slug}: {p}" for p in r.problems]
    console.print(table)
    for p in problems:
        console.print(f"[red]✗[/] {p}", markup=True)
    if not problems:
        console.print("[green]selfcheck passed[/]")
    return EXIT_FAILED if problems else EXIT_OK


def cmd_ci(args, lang: str) -> int:
    from gradekit.ci import run_ci

    kit = _kit(args)
    submission = (args.submission or kit.starter).resolve()
    return run_ci(kit, submission=submission, out=args.out, lang=lang, hidden_graders=args.hidden_graders,
                  notices=args.notices, seed=args.seed, timeout=args.timeout, prefix=args.prefix)


def cmd_release(args, lang: str) -> int:
    from gradekit.release import release

    kit = _kit(args)
    topics = [t.strip() for t in args.topics.split(",") if t.strip()] if args.topics else None
    info = release(kit, args.dest, topics, name=args.name, install=args.install, lang=args.lang or "zh",
                   hidden_out=args.hidden_out)
    for note in info["notes"]:
        print(f"note: {note}", file=sys.stderr)
    print(f"released {len(info['topics'])} topics to {args.dest} ({info['max_points']} points, "
          f"{info['hidden_checks']} hidden checks kept back)")
    print(f"install line: {info['install']}")
    if args.hidden_out:
        print(f"hidden graders written to {args.hidden_out}")
    return EXIT_OK


def require_instructor_extra() -> None:
    """Reports and the dashboard need Jinja2 and matplotlib; say how to get them before any grading."""
    import importlib.util
    missing = [m for m in ("jinja2", "matplotlib") if importlib.util.find_spec(m) is None]
    if missing:
        raise KitError(f"{' and '.join(missing)} missing: pip install 'gradekit[instructor]'")


def parse_deadline(text: str):
    """An ISO 8601 time as 3.11+ reads it, also on 3.10, whose ``fromisoformat`` refuses the ``Z`` zone.

    A time without a zone is local time.
    """
    from datetime import datetime

    text = text.strip()
    if text[-1:] in ("Z", "z"):
        text = text[:-1] + "+00:00"
    deadline = datetime.fromisoformat(text)
    return deadline.astimezone() if deadline.tzinfo is None else deadline


def cmd_batch(args, lang: str) -> int:
    from rich.console import Console
    from rich.markup import escape
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    from gradekit.batch import (DISK_FULL, Batch, BatchOptions, BatchRefused, BatchStopped, isolation_gate, os_error,
                                parse_shard)
    from gradekit.reports import write_outputs
    from gradekit.sources import folder_students, read_roster

    kit = _kit(args)
    require_instructor_extra()
    if args.topics:
        kit = Kit(kit.root, kit.select([t.strip() for t in args.topics.split(",") if t.strip()]))
    if bool(args.source) == bool(args.roster):
        raise KitError("give either a folder of student repositories or --roster FILE")
    if args.roster and not args.roster.is_file():
        raise KitError(f"--roster {args.roster}: no such file")
    if args.source and not args.source.is_dir():
        raise KitError(f"{args.source}: not a folder")
    try:
        deadline = parse_deadline(args.deadline) if args.deadline else None
        shard = parse_shard(args.shard) if args.shard else None
    except ValueError as exc:
        raise KitError(str(exc)) from None
    nbgrader_name = _nbgrader_name(args, kit)
    try:
        level_note = isolation_gate(args.allow_process_level, lang)
    except BatchRefused as exc:
        raise KitError(str(exc)) from None
    students = read_roster(args.roster) if args.roster else folder_students(args.source)
    from gradekit.classroom.template import committed
    template = committed(args.template) if args.template else None
    options = BatchOptions(out=args.out, jobs=args.jobs, deadline=deadline, template=template, shard=shard,
                           regrade=tuple(args.regrade), seed=args.seed, lang=lang, timeout=args.timeout)
    console = Console(stderr=True)
    if level_note:
        console.print(escape(level_note), soft_wrap=True, highlight=False)
    columns = [TextColumn("grading"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), TextColumn("eta"),
               TimeRemainingColumn()]
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task("grading", total=None)
        batch = Batch(kit, students, options, progress=lambda row: progress.advance(task))
        progress.update(task, total=len(batch.todo()))
        try:
            rows = batch.run()
        except BatchStopped as exc:
            progress.stop()
            console.print(f"[red]batch stopped:[/] {escape(str(exc))}", soft_wrap=True, highlight=False)
            return EXIT_ERROR
    for note in batch.notes:
        console.print(f"[yellow]note:[/] {escape(note)}", soft_wrap=True, highlight=False)
    try:
        paths = write_outputs(rows, args.out, batch.slugs, assignment_name=args.assignment,
                              assignment_url=args.assignment_url, starter_code_url=args.starter_url,
                              full_feedback=args.full_feedback)
    except Exception as exc:  # noqa: BLE001 -- every grade is stored; any failure here is one line and a rerun
        kept = f"every grade is kept in {args.out / 'grades.sqlite'}"
        if isinstance(exc, OSError) and exc.errno in DISK_FULL:
            why, then = exc.strerror, "free space and run the same command again"
        else:
            why = os_error(exc) if isinstance(exc, OSError) else f"{type(exc).__name__}: {exc}".splitlines()[0]
            then = "fix that and run the same command again"
        console.print(f"[red]could not write the reports:[/] {escape(f'{why}; {kept}: {then}')}", soft_wrap=True,
                      highlight=False)
        return EXIT_ERROR
    graded = sum(r["status"] == "graded" for r in rows)
    console.print(f"{graded}/{len(rows)} graded · gradebook {paths['gradebook']} · dashboard {paths['dashboard']}")
    if nbgrader_name:
        _to_nbgrader(args, kit, rows, nbgrader_name, deadline, say=console.print)
    return EXIT_OK if graded == len(rows) else EXIT_FAILED


def _nbgrader_name(args, kit, name: str | None = None) -> str | None:
    """With --nbgrader, check before grading that nbgrader is there; the assignment name (default: the kit's folder)."""
    if not args.nbgrader:
        return None
    from gradekit.nbgrader_export import NbgraderMissing, check_assignment_name, require_nbgrader

    try:
        require_nbgrader()
        return check_assignment_name((args.assignment if name is None else name) or kit.root.name)
    except (NbgraderMissing, ValueError) as exc:
        raise KitError(f"--nbgrader: {exc}") from None


def _to_nbgrader(args, kit, rows, name, duedate=None, say=print) -> None:
    from gradekit.nbgrader_export import export_to_nbgrader

    try:
        done = export_to_nbgrader(rows, kit, args.nbgrader, name, duedate=duedate)
    except Exception as exc:  # the database's own errors (SQLAlchemy, nbgrader's InvalidEntry)
        raise KitError(f"--nbgrader {args.nbgrader}: {type(exc).__name__}: {exc}") from None
    say(f"nbgrader: assignment {name!r}, {done['submissions']} submissions of {done['students']} students, "
        f"{done['cells']} grade cells in {done['notebooks']} notebooks · {args.nbgrader}")


def cmd_merge(args, lang: str) -> int:
    from gradekit.classroom import merge as merging
    from gradekit.render.safe import neutralize
    from gradekit.reports import write_outputs

    require_instructor_extra()
    if args.assignment is not None and not args.assignment.is_file():
        raise KitError(f"--assignment {args.assignment}: no such file (it is the assignment.toml the parts were "
                       "graded with)")
    kit = _kit(args) if args.nbgrader else _kit_if_any(args)
    topics = [t.strip() for t in args.topics.split(",") if t.strip()] if args.topics else None
    nbgrader_name = None
    if args.nbgrader:
        nbgrader_name = _nbgrader_name(args, kit, _assignment_name(args))
    merged = merging.merge(args.parts, assignment_file=args.assignment, topics=topics, kit=kit)
    for warning in merged.warnings:
        print(f"warning: {neutralize(warning)}", file=sys.stderr)
    merging.prepare_out(args.out, args.parts)
    merging.write_store(merged, args.out)
    notes: list[str] = []
    try:
        paths = write_outputs(merged.rows, args.out, merged.slugs, assignment=merged.assignment,
                              lang=args.lang, notes=notes)
    except Exception as exc:  # noqa: BLE001 -- the merged grades are stored; any failure here is one line
        why = f"{type(exc).__name__}: {exc}".splitlines()[0]
        raise KitError(f"could not write the merged reports: {why}; the grades are in "
                       f"{args.out / 'grades.sqlite'}: fix that and run the same command again") from None
    for note in notes:
        print(f"note: {neutralize(note)}", file=sys.stderr)
    print(f"merged {len(merged.rows)} students from {len(args.parts)} parts · {paths['gradebook']} · "
          f"{paths['canvas'].name} · {paths['moodle'].name} · {paths['dashboard']}")
    if nbgrader_name:
        _to_nbgrader(args, kit, merged.rows, nbgrader_name)
    return EXIT_FAILED if merged.incomplete else EXIT_OK


def _kit_if_any(args):
    """The kit orders the topic columns when nothing else names them; a merge does not need one otherwise."""
    try:
        return _kit(args)
    except KitError:
        return None


def _assignment_name(args) -> str:
    """The nbgrader assignment of a merge: the name in --assignment FILE, else the one the first part recorded."""
    from gradekit.classroom.merge import read_part, recorded_assignment
    from gradekit.course.assignment import load

    if args.assignment is not None:
        return load(args.assignment).name
    try:
        found = recorded_assignment([read_part(p) for p in args.parts])
    except KitError:
        return ""
    return found.name if found is not None else ""


def main(argv: Sequence[str] | None = None) -> int:
    configure_streams()  # a GBK or cp1252 console gets stand-ins for symbols, never a UnicodeEncodeError
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    bare = not argv or argv[0] not in COMMANDS + ("-h", "--help", "--version")
    if bare:
        argv = ["check", *argv]  # bare `grade` (and `grade --lang zh`) means `grade check`...
    args = parser.parse_args(argv)
    if bare and student.wants_watch(args):
        args.command = "watch"  # ...unless a person is at a terminal: then it is watch mode
    lang = pick_lang(args.lang)
    try:
        if args.command in student.COMMANDS:
            return student.COMMANDS[args.command](args, lang, _kit(args))
        if args.command == "selfcheck":
            return cmd_selfcheck(args, lang)
        if args.command == "doctor":
            from rich.console import Console

            from gradekit import doctor
            return doctor.run(Console(highlight=False), lang)
        if args.command == "ci":
            return cmd_ci(args, lang)
        if args.command == "release":
            return cmd_release(args, lang)
        if args.command == "batch":
            return cmd_batch(args, lang)
        if args.command == "merge":
            return cmd_merge(args, lang)
        return cmd_check(args, lang)
    except KitError as exc:
        print(f"grade: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except RunnerError as exc:
        print(f"grade: {exc}", file=sys.stderr)
        if exc.output:
            print(exc.output[-6000:], file=sys.stderr)
        return EXIT_ERROR
