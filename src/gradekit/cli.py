"""Command line: ``grade [check|watch|list|hint|reset|next|selfcheck|...] ...``.

Bare ``grade`` is watch mode when a person is at a terminal (stdin and stdout
are TTYs) and ``grade check`` otherwise, so scripts and CI see the same report
they always did.  The student commands live in ``gradekit.student.commands``.

Exit codes: 0 when the command did all it was asked (``check``: full score); 1 when it ran
and something did not pass, or a student said no to ``reset``; 2 when nothing was done:
bad arguments, a malformed course file, graders that cannot be collected.  ``grade ci``
is 0 whenever grading ran (its score is in the result it writes).  The README's table
has every command.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

from gradekit import __version__

from gradekit.student import commands as student
from gradekit.messages.catalogue import USAGE_ZH, pick_lang, t, translated
from gradekit.course.kit import KitError, find_root, load_kit
from gradekit.model import EXIT_ERROR, EXIT_FAILED, EXIT_OK
from gradekit.instructor.release import DEFAULT_LANG
from gradekit.render.console import configure_streams
from gradekit.grading.runner import RunnerError, Submission, grade

COMMANDS = ("check", "ci", "release", "batch", "merge", "selfcheck", "doctor", "watch", "list", "hint", "reset", "next",
            "feedback")

HELP_SUBMISSION = "folder holding the student's <topic>.py files (default: the kit's starter/)"
HELP_LANG = ("language of messages: zh or en, before or after the command (default: GRADEKIT_LANG, else the "
             "template's lang in a student's template, else the locale)")
HELP_KIT = "the kit folder (default: found from the current folder)"
DESCRIPTION = ("gradekit: grade Python exercises, kindly.\n\n"
               "A bare `grade` is watch mode when you run it in a terminal (one exercise at a time, checked again\n"
               "on every save) and `grade check` anywhere else (a script, CI, a pipe).  --lang zh|en chooses the\n"
               "language of messages, before or after the command: grade --lang zh check functions.")
BATCH_HELP = {
    "seed": "seed for randomised hidden inputs (default: the assignment's; without one, drawn once and recorded "
            "in --out/batch.json)",
    "lang": "language of students' reports and messages (default: the assignment's, else the locale)",
}


def add_kit(parser, help: str = HELP_KIT) -> None:
    parser.add_argument("--kit", type=Path, help=help)


def add_lang(parser, help: str = HELP_LANG) -> None:
    """``--lang`` after the command; SUPPRESS keeps a value given before it (``grade --lang zh check``)."""
    parser.add_argument("--lang", choices=["zh", "en"], default=argparse.SUPPRESS, help=help)


def common_parser(lang_help: str = HELP_LANG, seed_help: str = "seed for randomised checks (default: random, "
                  "printed)", grading: bool = True) -> argparse.ArgumentParser:
    """A parent of --kit, --lang and, for a command that grades, --seed and --timeout: made fresh for each
    command, so one command's wording of them never leaks into another's help."""
    common = argparse.ArgumentParser(add_help=False)
    add_kit(common)
    add_lang(common, lang_help)
    if grading:
        common.add_argument("--seed", type=int, help=seed_help)
        common.add_argument("--timeout", type=float, default=2.0, help="seconds per call into student code (default 2)")
    return common


class Parser(argparse.ArgumentParser):
    """argparse, with its usage errors worded in the student's language too (``grade check --alll`` in a
    Chinese template).  ``main`` sets ``argv`` before parsing; the language is worked out from it only when
    there is an error to word, so a good command line costs no extra file reads.  Subcommands' parsers are of
    this class."""

    argv: list[str] = []

    def error(self, message: str):  # type: ignore[override]
        self.print_usage(sys.stderr)
        lang = student_lang_of(Parser.argv)
        self.exit(2, t("usage_error", lang, prog=self.prog, message=usage_words(message, lang)) + "\n")


def usage_words(message: str, lang: str) -> str:
    """argparse's own sentence (Lib/argparse.py) in ``lang``."""
    return translated(message, lang, USAGE_ZH)


def student_lang_of(argv: list[str]) -> str:
    """The language a usage error speaks, before argparse has read anything: ``--lang`` as written, else
    GRADEKIT_LANG, else the template's, else the locale (``template_first``)."""
    for i, word in enumerate(argv):
        if word == "--lang" and i + 1 < len(argv) and argv[i + 1] in ("zh", "en"):
            return argv[i + 1]
        if word in ("--lang=zh", "--lang=en"):
            return word[-2:]
    try:
        return template_first(None, find_root())
    except Exception:  # noqa: BLE001 -- only the wording of an error is at stake
        return pick_lang(None)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="grade", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"gradekit {__version__}")
    parser.add_argument("--lang", choices=["zh", "en"], default=None, help=HELP_LANG)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", parents=[common_parser()], help="grade once and print a report")
    check.add_argument("topics", nargs="*", metavar="TOPIC", help="topics to grade (default: all)")
    check.add_argument("--submission", type=Path, help=HELP_SUBMISSION)
    check.add_argument("--json", type=Path, metavar="FILE", help="also write the native JSON result here")
    check.add_argument("--public-only", action="store_true", help="run public checks only, as a student's copy does")
    check.add_argument("--all", action="store_true", help="show every failure, not just the first few")
    check.add_argument("--verbose", "-v", action="store_true", help="show tracebacks and full output")

    ci = sub.add_parser("ci", parents=[common_parser(
        "language of the report (default: the template's assignment.toml, which GRADEKIT_LANG does not "
        "override; without one, GRADEKIT_LANG, else the locale)")], help="grade in classroom CI and write every result format (exit 0 whenever grading ran)")
    ci.add_argument("--submission", type=Path, help=HELP_SUBMISSION)
    ci.add_argument("--out", type=Path, default=Path("grade-results"),
                    help="folder for gradekit.json, result.json (Classroom 50), results.json (Gradescope)")
    ci.add_argument("--hidden-graders", type=Path, metavar="DIR",
                    help="a checkout holding graders/<topic>/test_hidden*.py (missing: public checks only)")
    ci.add_argument("--notices", action="store_true",
                    help="print the reporter's two ::notice lines (for workflows without the reporter)")
    ci.add_argument("--prefix", default="starter/", help="path of the student files in the repository (default starter/)")

    add_release_parser(sub)

    batch = sub.add_parser("batch", parents=[common_parser(BATCH_HELP["lang"], BATCH_HELP["seed"])],
                           help="regrade every student repository (the authoritative grade)")
    batch.add_argument("source", nargs="?", type=Path, help="a folder holding one repository per student")
    batch.add_argument("--roster", type=Path, help="CSV of students and repository URLs (Classroom grade CSV or username,repo_url)")
    batch.add_argument("--out", type=Path, required=True, help="output folder (grades.sqlite, reports/, gradebook.csv, dashboard.html)")
    batch.add_argument("--assignment", type=Path, metavar="FILE",
                       help="the assignment.toml grade release wrote (your copy beside --hidden-out): topics, points, "
                            "deadline, seed and late/extension policies come from it")
    batch.add_argument("--template", type=Path, help="the released template repository: its committed files are what "
                       "protected paths are compared with, its history tells a student's own commits apart, and its "
                       "committed assignment.toml is used when --assignment is not given")
    batch.add_argument("--override", action="store_true",
                       help="let --topics, --deadline, --seed or --lang contradict the assignment file (recorded in "
                            "batch.json and said)")
    batch.add_argument("--deadline", help="grade the last commit at or before this moment, with its zone "
                       "(2026-11-30T23:59+08:00 or 2026-11-30 23:59 Asia/Shanghai); default: the assignment's")
    batch.add_argument("--topics", help="comma-separated topics to grade (default: the assignment's, else all)")
    batch.add_argument("--jobs", type=int, default=2, help="students graded in parallel (default 2)")
    batch.add_argument("--regrade", action="append", default=[], metavar="USER",
                       help="grade this student again (repeatable), e.g. after changing their extension")
    batch.add_argument("--fresh", action="store_true",
                       help="start over: an earlier run's results in --out are moved to --out/previous-<time>/")
    batch.add_argument("--shard", help="K/N: grade only this machine's deterministic share of the class")
    batch.add_argument("--keep-workspace", action="store_true",
                       help="keep --out/workspace/ (clones and exported files) after the run (default: removed)")
    batch.add_argument("--assignment-url", default="",
                       help="the gradebook's assignment_url column (default: the roster's)")
    batch.add_argument("--starter-url", default="",
                       help="the gradebook's starter_code_url column (default: the roster's)")
    batch.add_argument("--nbgrader", metavar="DB", help="also write the grades into this nbgrader gradebook "
                       "(a file or an SQLAlchemy URL; needs gradekit[nbgrader])")
    batch.add_argument("--full-feedback", action="store_true",
                       help="per-student reports show hidden checks' inputs and expected values (default: name and reason only)")
    batch.add_argument("--allow-process-level", action="store_true",
                       help="grade even without bubblewrap (process or portable level), where students' code runs "
                            "as your user; see grade doctor")

    merge = sub.add_parser("merge", help="combine the outputs of sharded batches",
                           description="Combine `grade batch --shard K/N` outputs into one gradebook. Refused (exit 2) "
                                       "when the parts were graded with different assignments or seeds; exit 1 when a "
                                       "shard is missing (the gradebook of the parts given is still written). A "
                                       "student in two parts keeps the row graded later.")
    add_kit(merge, "the kit folder (needed for --nbgrader; default: found from the current folder)")
    add_lang(merge, "language of the reports, the dashboard and the Moodle feedback (default: the assignment's)")
    merge.add_argument("parts", nargs="+", type=Path, help="output folders of `grade batch --shard`")
    merge.add_argument("--out", type=Path, required=True, help="a new folder for the merged gradebook, reports and "
                       "dashboard (or an earlier merge's, which is replaced)")
    merge.add_argument("--assignment", type=Path, metavar="FILE",
                       help="the assignment.toml the parts were graded with (default: the one they recorded)")
    merge.add_argument("--topics", help="comma-separated topics, for parts graded without an assignment "
                       "(default: the assignment's)")
    merge.add_argument("--nbgrader", metavar="DB", help="also write the grades into this nbgrader gradebook "
                       "(a file or an SQLAlchemy URL; needs gradekit[nbgrader])")

    feedback = sub.add_parser("feedback", help="commit each graded student's report into a branch of their repository "
                              "(a dry run unless --push)")
    feedback.add_argument("out", type=Path, metavar="OUT", help="a `grade batch` (or `grade merge`) output folder")
    feedback.add_argument("--push", action="store_true", help="push the reports (default: only list what would be pushed)")
    feedback.add_argument("--branch", default="gradekit-feedback",
                          help="the branch of each student's repository that receives FEEDBACK.md (default gradekit-feedback)")
    feedback.add_argument("--message", help="the commit message (default: gradekit feedback: <assignment>)")
    feedback.add_argument("--html", action="store_true", help="also push the HTML report as feedback.html")
    feedback.add_argument("--full-feedback", action="store_true",
                          help="push reports that `grade batch --full-feedback` made, hidden checks' inputs and "
                               "expected values included (refused without this)")
    feedback.set_defaults(kit=None)  # the report is already written: no kit, no language to choose

    doctor = sub.add_parser("doctor", help="show the sandbox isolation this machine offers and how to strengthen it")
    add_lang(doctor)

    selfcheck = sub.add_parser("selfcheck", parents=[common_parser(grading=False)],
                               help="prove solutions score 100%%, stubs 0 and every mutant loses points "
                                    "(needs the instructor's kit)")
    selfcheck.add_argument("topics", nargs="*", metavar="TOPIC", help="topics to check (default: all)")
    selfcheck.add_argument("--seed", type=int, help="seed for randomised checks (default: random, printed)")
    student.add_parsers(sub, common_parser)
    return parser


def add_release_parser(sub) -> None:
    """``grade release``'s options: only those that act on a release (no --timeout), each saying what it writes."""
    release = sub.add_parser("release", help="build the student template repository and its assignment.toml",
                             description="Build the student template (a git repository with one commit) and its "
                                         "assignment.toml, which grade ci, batch, merge and the reports read.")
    release.add_argument("dest", type=Path, help="a new folder for the template (becomes a git repository)")
    add_kit(release)
    release.add_argument("--topics", help="comma-separated topics for a smaller assignment (default: all)")
    release.add_argument("--name", default="gradekit assignment", help="assignment name (README, assignment.toml)")
    add_lang(release, "language of the students' CI output and reports, recorded in assignment.toml (default "
                      f"{DEFAULT_LANG}, the course's: GRADEKIT_LANG and the locale do not change it)")
    release.add_argument("--install", help="pip requirement students and CI install (default: where this gradekit "
                         "came from: its VCS URL or its checkout's remote at the exact commit, or its index version)")
    release.add_argument("--hidden-out", type=Path, metavar="DIR",
                         help="also write the hidden graders, for a private repository CI may fetch, and the "
                              "instructor's copy of assignment.toml")
    release.add_argument("--seed", type=int, help="seed of randomised hidden inputs, the same for every shard and "
                         "rerun (default: drawn now and recorded in assignment.toml)")
    release.add_argument("--deadline", metavar="TIME", help="the last commit before it is graded; a date, a time and "
                         "a zone, e.g. 2026-11-30T23:59+08:00 or '2026-11-30 23:59 Asia/Shanghai'")
    release.add_argument("--timezone", metavar="ZONE", help="how times are shown to students: an IANA name "
                         "(Asia/Shanghai) or an offset (+08:00) (default: the deadline's)")
    release.add_argument("--late", metavar="POLICY", help="late work: none (default: nothing after the deadline is "
                         "graded), per_day:PCT or per_hour:PCT (percent of the score off per day or hour late, started)")
    release.add_argument("--late-cap", type=float, metavar="PCT", help="the most --late takes off, in percent "
                         "(default 100)")
    release.add_argument("--cutoff", metavar="TIME", help="nothing committed after this time is graded (at or after "
                         "--deadline; same format)")
    release.add_argument("--extensions", type=Path, metavar="FILE", help="CSV of student,deadline rows; its name is "
                         "recorded relative to the instructor's copy of assignment.toml, the file is never copied "
                         "into the template")


def _kit(args, lang: str = "en"):
    root = getattr(args, "kit", None) or find_root()
    if root is None:
        raise KitError(t("no_kit_here", lang))
    return load_kit(root)


def cmd_check(args, lang: str) -> int:
    from rich.console import Console

    from gradekit.render.native import to_json
    from gradekit.render.terminal import render, shadow_warning

    kit = _kit(args, lang)
    submission = (args.submission or kit.starter).resolve()
    if not submission.is_dir():
        raise KitError(f"--submission {submission}: not a folder")
    kit.select(args.topics, lang)  # unknown topics fail here, with a did-you-mean
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
    from gradekit.instructor import doctor
    from gradekit.sandbox import isolation

    iso = isolation.detect()
    if iso.reason.startswith(isolation.ENV):
        return  # asked for on purpose
    if iso.level == "portable":
        print(doctor.portable_note(iso, lang), file=sys.stderr)
    else:
        print(doctor.process_note(iso.reason, lang), file=sys.stderr)


def cmd_selfcheck(args, lang: str) -> int:
    from rich.console import Console
    from rich.table import Table

    from gradekit.instructor import selfcheck

    kit = _kit(args, lang)
    if selfcheck.is_student_template(kit):
        raise KitError(t("selfcheck_needs_kit", lang))
    kit.select(args.topics, lang)
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
    from gradekit.classroom.ci import run_ci

    kit = _kit(args)
    submission = (args.submission or kit.starter).resolve()
    # The template's assignment.toml names the language unless --lang does: pass which one was explicit.
    return run_ci(kit, submission=submission, out=args.out, lang=lang, lang_given=args.lang,
                  hidden_graders=args.hidden_graders, notices=args.notices, seed=args.seed, timeout=args.timeout,
                  prefix=args.prefix)


def cmd_release(args, lang: str) -> int:
    from datetime import datetime, timezone

    from gradekit.course.assignment import local
    from gradekit.instructor.release import parse_terms, release

    terms = parse_terms(seed=args.seed, deadline=args.deadline, timezone=args.timezone, late=args.late,
                        late_cap=args.late_cap, cutoff=args.cutoff, extensions=args.extensions)
    kit = _kit(args)
    topics = [t.strip() for t in args.topics.split(",") if t.strip()] if args.topics else None
    info = release(kit, args.dest, topics, name=args.name, install=args.install, lang=args.lang or DEFAULT_LANG,
                   hidden_out=args.hidden_out, terms=terms)
    for note in info["notes"]:
        print(f"note: {note}", file=sys.stderr)
    a = info["assignment"]
    print(f"released {len(info['topics'])} topics to {args.dest} ({info['max_points']} points, "
          f"{info['hidden_checks']} hidden checks kept back)")
    print(f"install line: {info['install']}")
    late = a.late.kind if a.late.kind == "none" else f"{a.late.kind} {a.late.penalty:g}% (at most {a.late.cap:g}%)"
    if a.deadline is not None and a.deadline < datetime.now(timezone.utc):
        print(f"warning: the deadline {local(a.deadline, a.tz)} has already passed: every commit students make "
              "from now on is late", file=sys.stderr)
    print(f"assignment.toml: deadline {local(a.deadline, a.tz) or 'none'}, seed {a.seed}, late {late}"
          + (f", cut-off {local(a.late.cutoff, a.tz)}" if a.late.cutoff else "") + f", {a.digest}")
    if args.hidden_out:
        print(f"hidden graders and the instructor's assignment.toml written to {args.hidden_out}")
    if a.extensions:
        print(f"extensions: {a.extensions} (relative to {'--hidden-out' if args.hidden_out else 'the template'}; "
              "not copied into the template)")
    return EXIT_OK


def parse_deadline(text: str):
    """A moment with its zone (``course.assignment.parse_when``): a date without a time, or a time without a
    zone, is refused with the fix (``ValueError``), never read as this machine's midnight."""
    from gradekit.course.assignment import parse_when

    return parse_when(text, "--deadline")


STUDENT_SIDE = ("check", "selfcheck", "doctor", *student.COMMANDS)  # they speak the template's language
#: Options that may come before the command, like ``git -C``: name -> how many values follow it.
GLOBAL_OPTIONS = {"--lang": 1}


def template_lang(root: Path | None) -> str | None:
    """The language a student's template names: its ``assignment.toml``'s, else its ``gradekit.toml``'s
    ``[assignment] lang`` (templates released before assignment.toml).  A broken file is CI's to report
    (``grade ci`` names the key); here it is passed over."""
    from gradekit.course import assignment as assignment_file
    from gradekit.course.kit import tomllib

    if root is None:
        return None
    found = assignment_file.find(root)
    if found is not None:
        try:
            return assignment_file.load(found).lang
        except KitError:
            pass
    try:
        data = tomllib.loads((root / "gradekit.toml").read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    lang = data.get("assignment", {}).get("lang") if isinstance(data.get("assignment"), dict) else None
    return lang if lang in ("zh", "en") else None


def student_defaults(args) -> str:
    """In a released template, a student's own run speaks the template's language and uses the assignment's
    seed, as CI does, so randomised public checks ask the same on the laptop as in the workflow.  ``--lang``
    and ``GRADEKIT_LANG`` still win over the file, and the file over the locale."""
    from gradekit.course import assignment as assignment_file

    root = getattr(args, "kit", None) or find_root()
    if root is not None and hasattr(args, "seed") and args.seed is None:
        found = assignment_file.find(root)
        try:
            seed = assignment_file.load(found).seed if found is not None else None
        except KitError:
            seed = None
        if seed is not None:
            args.seed = seed
    return template_first(args.lang, root)


def template_first(explicit: str | None, root: Path | None) -> str:
    """A student's language: ``explicit`` (``--lang``), else GRADEKIT_LANG, else the template's at ``root``,
    else the locale."""
    import os

    if explicit is None and os.environ.get("GRADEKIT_LANG") not in ("zh", "en"):
        return template_lang(root) or pick_lang(None)
    return pick_lang(explicit)


def split_bare(argv: list[str]) -> tuple[list[str], bool]:
    """``argv`` with ``check`` put after the leading global options when no command is named, and whether
    that was done (bare ``grade``, ``grade --lang zh``, ``grade functions``)."""
    i = 0
    while i < len(argv):
        name = argv[i].split("=", 1)[0]
        if name not in GLOBAL_OPTIONS:
            break
        i += 1 if "=" in argv[i] else 1 + GLOBAL_OPTIONS[name]
    if i > len(argv) or i < len(argv) and argv[i] in COMMANDS + ("-h", "--help", "--version"):
        return argv, False  # (past the end: `grade --lang` without its value, which argparse words)
    return [*argv[:i], "check", *argv[i:]], True


def cmd_doctor(args, lang: str) -> int:
    from rich.console import Console

    from gradekit.instructor import doctor
    return doctor.run(Console(highlight=False), lang)


HANDLERS = {"check": cmd_check, "ci": cmd_ci, "release": cmd_release, "doctor": cmd_doctor, "selfcheck": cmd_selfcheck}
CLASSROOM = ("batch", "merge", "feedback")


def main(argv: Sequence[str] | None = None) -> int:
    configure_streams()  # a GBK or cp1252 console gets stand-ins for symbols, never a UnicodeEncodeError
    parser = build_parser()
    argv, bare = split_bare(list(sys.argv[1:] if argv is None else argv))  # bare `grade` is `grade check`...
    Parser.argv = argv
    args = parser.parse_args(argv)
    if bare and student.wants_watch(args):
        args.command = "watch"  # ...unless a person is at a terminal: then it is watch mode
    lang = student_defaults(args) if args.command in STUDENT_SIDE else pick_lang(args.lang)
    try:
        if args.command in student.COMMANDS:
            return student.COMMANDS[args.command](args, lang, _kit(args, lang))
        if args.command in CLASSROOM:
            from gradekit.classroom.commands import COMMANDS

            return COMMANDS[args.command](args, lang, lambda: _kit(args, lang))
        return HANDLERS[args.command](args, lang)
    except KitError as exc:
        print(f"grade: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except RunnerError as exc:
        print(f"grade: {exc}", file=sys.stderr)
        if exc.output:
            print(exc.output[-6000:], file=sys.stderr)
        return EXIT_ERROR
