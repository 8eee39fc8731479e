"""The student's commands besides ``check``: ``watch``, ``list``, ``hint``, ``reset`` and ``next``.

They live apart from ``cli`` so the command line stays a table of contents.
All of them work on the kit's own ``starter/`` folder (a student's copy of the
course) and share ``.gradekit/progress.json`` (see ``gradekit.student.progress``).
``grade check`` does not write that file: it is also the instructor's and CI's
command, run on folders that are not the student's own.
"""

from __future__ import annotations

import sys
from pathlib import Path

from gradekit.messages.catalogue import t
from gradekit.course.kit import Kit, KitError
from gradekit.model import EXIT_ERROR, EXIT_FAILED, EXIT_OK, Result, Status
from gradekit.student.progress import Progress, Ref, course
from gradekit.student.progress import resolve
from gradekit.grading.runner import Submission, grade



def add_parsers(sub, common) -> None:
    """``common(grading=...)`` makes the shared options; only commands that grade get --seed and --timeout."""
    watch = sub.add_parser("watch", parents=[common()],
                           help="one exercise at a time, checked again on every save (what bare `grade` does in a terminal)")
    watch.add_argument("topics", nargs="*", metavar="TOPIC-or-EXERCISE",
                       help="only these topics; an exercise (my_abs or functions/my_abs) also opens first "
                            "(default: all)")
    watch.add_argument("--verbose", "-v", action="store_true", help="show tracebacks and full output")

    lst = sub.add_parser("list", parents=[common()], help="every topic and exercise with its status, points and hints")
    lst.add_argument("topics", nargs="*", metavar="TOPIC", help="only these topics (default: all)")

    hint = sub.add_parser("hint", parents=[common(grading=False)],
                          help="reveal the next hint of an exercise (they stay revealed)")
    hint.add_argument("exercise", nargs="?", metavar="EXERCISE",
                      help="my_abs, functions/my_abs or a topic (default: the current exercise)")

    reset = sub.add_parser("reset", parents=[common(grading=False)],
                           help="put the original stub back for an exercise or a topic (exit 1 if you cancel)")
    reset.add_argument("target", metavar="EXERCISE-or-TOPIC", help="my_abs, functions/my_abs, or functions for the whole file")
    reset.add_argument("--yes", "-y", action="store_true", help="do not ask for confirmation")

    sub.add_parser("next", parents=[common()], help="which exercise to do next, where it is, and what fails in it")


def _console():
    from rich.console import Console

    return Console(highlight=False)


def _say(console, text: str, style: str = "") -> None:
    """One message, wrapped like a failure (``render.wrap``): code and quoted values stay whole on a line."""
    from gradekit.render.wrap import Wrapped

    console.print(Wrapped().add(text, style=style))


def _grade(kit: Kit, lang: str, args, topics=None) -> Result:
    return grade(kit, [Submission(kit.starter, "s0")], topics=topics or None, seed=args.seed, lang=lang,
                 timeout=args.timeout)[0]


def _rel(kit: Kit, path: Path) -> str:
    try:
        return path.relative_to(kit.root).as_posix()
    except ValueError:
        return str(path)


def _hidden_line(result: Result, lang: str) -> str | None:
    if not result.hidden.checks:
        return None
    return t("w_hidden", lang, hidden=result.hidden.checks, hidden_points=result.hidden.points)


def cmd_watch(args, lang: str, kit: Kit) -> int:
    from gradekit.student.watch import app as watch

    if not interactive():
        raise KitError(t("w_needs_terminal", lang))
    watch.targets(kit, getattr(args, "topics", None), lang)  # a wrong name fails here, before the screen opens
    return watch.run(kit, lang, topics=getattr(args, "topics", None) or None, seed=args.seed, timeout=args.timeout,
                     verbose=getattr(args, "verbose", False))


def cmd_list(args, lang: str, kit: Kit) -> int:
    from rich.text import Text

    from gradekit.render.terminal import exercise_table, shadow_warning

    kit.select(args.topics, lang)
    result = _grade(kit, lang, args, args.topics)
    progress = Progress(kit.root)
    progress.record(result)
    refs = [r for r in course(kit) if not args.topics or r.topic.slug in args.topics]
    console = _console()
    console.print(exercise_table(refs, progress, {tr.slug: tr for tr in result.topics}, lang, progress.current(refs)))
    done = progress.done_count(refs)
    console.print(Text("\n" + t("w_progress", lang, done=done, total=len(refs)), style="bold"))
    for line in (shadow_warning(kit.starter, lang), _hidden_line(result, lang), progress.problem):
        if line:
            console.print(Text(line, style="dim"))
    return EXIT_OK if done == len(refs) else EXIT_FAILED


def _current(kit: Kit, progress: Progress) -> Ref | None:
    refs = course(kit)
    return progress.current(refs) or (refs[0] if refs else None)


def cmd_hint(args, lang: str, kit: Kit) -> int:
    from rich.text import Text

    progress = Progress(kit.root)
    ref: Ref | None
    if args.exercise:
        refs = resolve(kit, args.exercise, lang)
        ref = next((r for r in refs if not progress.done(r)), refs[0]) if len(refs) > 1 else refs[0]
    else:
        ref = _current(kit, progress)
    if ref is None:
        return EXIT_OK
    before = progress.hints(ref)
    shown = progress.reveal_hint(ref)
    console = _console()
    console.print(Text(t("hint_for", lang, exercise=ref.label,
                         title=ref.exercise.title.get(lang)), style="bold"))
    total = len(ref.exercise.hints)
    for i in range(shown):
        style = "yellow" if i == shown - 1 and shown > before else ""
        _say(console, t("hint_line", lang, i=i + 1, n=total, text=ref.exercise.hints[i].get(lang)), style)
    statement = _rel(kit, ref.topic.folder / "README.md")
    if shown < total:
        _say(console, t("hint_more", lang, left=total - shown), "dim")
    else:
        _say(console, t("hint_no_more", lang, statement=statement), "dim")
    if progress.problem:
        console.print(Text(progress.problem, style="dim"))
    return EXIT_OK


def cmd_reset(args, lang: str, kit: Kit) -> int:
    from gradekit.student.stubs import StubError, original_stub, reset_exercise, reset_topic

    refs = resolve(kit, args.target, lang)
    whole = any(topic.slug == args.target.strip().strip("/") for topic in kit.topics)
    slug = refs[0].topic.slug
    file = _rel(kit, kit.starter / f"{slug}.py")
    what = (t("reset_what_topic", lang, file=file) if whole
            else t("reset_what_exercise", lang, exercise=refs[0].exercise.name, file=file))
    try:
        original_stub(kit, slug, lang)  # fail before asking when there is nothing to restore from
        if not args.yes:
            try:
                answer = input(t("reset_confirm", lang, what=what))
            except EOFError:
                answer = ""
            if answer.strip().lower() not in ("y", "yes", "是", "好"):
                print(t("reset_aborted", lang))
                return EXIT_FAILED
        if whole:
            reset_topic(kit, slug, lang)
        else:
            reset_exercise(kit, slug, refs[0].exercise.name, lang)
    except StubError as exc:
        print(f"grade: {exc}", file=sys.stderr)
        return EXIT_ERROR
    Progress(kit.root).forget(refs)
    print(t("reset_done", lang, what=what))
    return EXIT_OK


def cmd_next(args, lang: str, kit: Kit) -> int:
    from rich.text import Text

    from gradekit.render.terminal import failure_block

    result = _grade(kit, lang, args)
    progress = Progress(kit.root)
    progress.record(result)
    refs = course(kit)
    stored = next((r for r in refs if r.key == progress.data.get("current")), None)
    ref = stored if stored is not None and not progress.done(stored) else progress.next_after(stored, refs)
    progress.set_current(ref)
    console = _console()
    if ref is None:
        console.print(Text(t("next_all_done", lang, total=len(refs)), style="bold green"))
    else:
        console.print(Text(t("next_current", lang, exercise=ref.label,
                             title=ref.exercise.title.get(lang)), style="bold"))
        _say(console, t("next_where", lang, statement=_rel(kit, ref.topic.folder / "README.md"),
                        file=_rel(kit, kit.starter / f"{ref.topic.slug}.py")))
        topic = next((tr for tr in result.topics if tr.slug == ref.topic.slug), None)
        ex = next((e for e in topic.exercises if e.name == ref.exercise.name), None) if topic else None
        failing = [c for c in ex.checks if c.status is not Status.PASS] if ex else []
        if failing:
            console.print(failure_block(ref.topic.slug, ref.exercise.name, failing[0], lang))
        _say(console, t("next_todo", lang), "dim")
    console.print(Text(t("w_progress", lang, done=progress.done_count(refs), total=len(refs)), style="bold"))
    hidden = _hidden_line(result, lang)
    if hidden:
        console.print(Text(hidden, style="dim"))
    return EXIT_OK


COMMANDS = {"watch": cmd_watch, "list": cmd_list, "hint": cmd_hint, "reset": cmd_reset, "next": cmd_next}


def interactive() -> bool:
    """Bare ``grade`` starts watch mode only with a person at a terminal; otherwise it is ``grade check``."""
    try:
        return sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def wants_watch(args) -> bool:
    """A bare ``grade`` (maybe with --lang, topics, -v) in a terminal; flags only ``check`` has keep it ``check``."""
    return (interactive() and not getattr(args, "json", None) and not getattr(args, "submission", None)
            and not getattr(args, "public_only", False) and not getattr(args, "all", False))
