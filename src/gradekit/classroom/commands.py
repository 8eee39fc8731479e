"""The instructor's classroom commands, as ``grade batch``, ``grade merge`` and ``grade feedback`` run them.

``cli`` parses the arguments and hands them here with ``kit_of``, which finds and loads the kit
only for the commands that need one.  What these do is in the rooms they call (``classroom.batch``,
``merge``, ``outputs``, ``feedback``, ``nbgrader``); this module is their terminal: progress, notes
and the one-line errors an instructor reads, every roster value in them escaped.
"""

from __future__ import annotations

import sys

from gradekit.course.kit import Kit, KitError
from gradekit.grading.runner import RunnerError
from gradekit.model import EXIT_ERROR, EXIT_FAILED, EXIT_OK


def require_instructor_extra() -> None:
    """Reports and the dashboard need Jinja2 and matplotlib; say how to get them before any grading."""
    import importlib.util
    missing = [m for m in ("jinja2", "matplotlib") if importlib.util.find_spec(m) is None]
    if missing:
        raise KitError(f"{' and '.join(missing)} missing: pip install 'gradekit[instructor]'")


def cmd_batch(args, lang: str, kit_of) -> int:
    """Any unexpected failure is one line and exit 2: exit 1 means only "graded, some students not graded",
    which a CI job may count as done, so a crash must never look like it."""
    try:
        return _batch(args, lang, kit_of)
    except (KitError, RunnerError):
        raise
    except Exception as exc:  # noqa: BLE001
        from gradekit.classroom.batch import os_error

        why = os_error(exc) if isinstance(exc, OSError) else f"{type(exc).__name__}: {exc}".splitlines()[0]
        print(f"grade: batch failed: {why}; every student finished so far is kept in {args.out / 'grades.sqlite'}",
              file=sys.stderr)
        return EXIT_ERROR


def _batch(args, lang: str, kit_of) -> int:
    import shutil

    from rich.console import Console
    from rich.markup import escape
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    from gradekit.classroom.batch import (DISK_FULL, Batch, BatchOptions, BatchRefused, BatchStopped, isolation_gate, os_error,
                                parse_shard)
    from gradekit.classroom import batch_plan
    from gradekit.classroom.template import committed
    from gradekit.classroom.outputs import write_outputs
    from gradekit.classroom.sources import folder_students, read_roster

    kit = kit_of()
    require_instructor_extra()
    if bool(args.source) == bool(args.roster):
        raise KitError("give either a folder of student repositories or --roster FILE")
    if args.roster and not args.roster.is_file():
        raise KitError(f"--roster {args.roster}: no such file")
    if args.source and not args.source.is_dir():
        raise KitError(f"{args.source}: not a folder")
    template = committed(args.template) if args.template else None
    assignment, notes = batch_plan.load_assignment(args.assignment, template)
    plan = batch_plan.resolve(assignment, topics=args.topics, deadline=args.deadline, seed=args.seed, lang=args.lang,
                              default_lang=lang, override=args.override)
    lang = plan.lang
    if plan.topics is not None:
        kit = Kit(kit.root, kit.select(plan.topics))  # unknown topics fail here, with the list of known ones
    slugs = [t.slug for t in kit.topics]
    refusal = batch_plan.student_template_refusal(kit, slugs)
    if refusal:
        raise KitError(refusal)
    try:
        shard = parse_shard(args.shard) if args.shard else None
    except ValueError as exc:
        raise KitError(str(exc)) from None
    nbgrader_name = _nbgrader_name(args, kit, plan.assignment.name if plan.assignment else None)
    try:
        level_note = isolation_gate(args.allow_process_level, lang)
    except BatchRefused as exc:
        raise KitError(str(exc)) from None
    students = read_roster(args.roster) if args.roster else folder_students(args.source)
    points = plan.assignment.points if plan.assignment is not None and not plan.topics_overridden else None
    if plan.assignment is not None:
        notes.append(batch_plan.graders_warning(kit, plan.assignment, slugs))
    if points is not None:
        notes.append(batch_plan.points_warning(students, points))
    options = BatchOptions(out=args.out, jobs=args.jobs, deadline=plan.deadline, template=template, shard=shard,
                           regrade=tuple(args.regrade), seed=plan.seed, lang=lang, timeout=args.timeout,
                           assignment=plan.assignment, extensions=plan.extensions, overrides=tuple(plan.overrides),
                           points=points, full_feedback=args.full_feedback, fresh=args.fresh)
    console = Console(stderr=True)
    say = lambda text, style="yellow", label="note": console.print(  # noqa: E731
        f"[{style}]{label}:[/] {escape(text)}", soft_wrap=True, highlight=False)
    if level_note:
        console.print(escape(level_note), soft_wrap=True, highlight=False)
    for note in [*plan.notes, *notes]:
        if note:
            say(note, label="warning" if "points_available" in note else "note")
    batch = Batch(kit, students, options)
    try:
        batch.check_rerun()
    except BatchRefused as exc:
        raise KitError(str(exc)) from None
    for note in batch_plan.run_notes(batch, plan, args.full_feedback):
        say(note, label="warning" if note.startswith("--full-feedback") else "note")
    columns = [TextColumn("grading"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), TextColumn("eta"),
               TimeRemainingColumn()]
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task("grading", total=None)
        batch.progress = lambda row: progress.advance(task)
        progress.update(task, total=len(batch.todo()))
        try:
            rows = batch.run()
        except BatchStopped as exc:
            progress.stop()
            console.print(f"[red]batch stopped:[/] {escape(str(exc))}", soft_wrap=True, highlight=False)
            return EXIT_ERROR
    for note in batch.notes:
        say(note)
    if points is None and rows:
        warning = batch_plan.points_warning(students, rows[0]["max_score"])
        if warning:
            say(warning, label="warning")
    lms_notes: list[str] = []
    try:
        paths = write_outputs(rows, args.out, batch.slugs, assignment=plan.assignment, lang=lang, kit=kit,
                              assignment_url=args.assignment_url, starter_code_url=args.starter_url,
                              full_feedback=args.full_feedback, notes=lms_notes)
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
    if not args.keep_workspace:
        shutil.rmtree(args.out / "workspace", ignore_errors=True)
    graded = sum(r["status"] == "graded" for r in rows)
    for r in rows:
        if r["status"] != "graded":
            console.print(f"not graded: {_one_line(r['username'])}: {r['status']}", soft_wrap=True, highlight=False)
    for r in rows:
        if r["flags"]:
            console.print(f"flagged: {_one_line(r['username'])}: {_one_line(', '.join(r['flags']))}", soft_wrap=True,
                          highlight=False)
    for note in lms_notes:
        say(note)
    console.print(f"{graded}/{len(rows)} graded · gradebook {paths['gradebook']} (Canvas {paths['canvas'].name}, "
                  f"Moodle {paths['moodle'].name}) · dashboard {paths['dashboard']}", soft_wrap=True, highlight=False)
    if nbgrader_name:
        _to_nbgrader(args, kit, rows, nbgrader_name, plan.deadline, say=console.print)
    return EXIT_OK if graded == len(rows) else EXIT_FAILED


def _one_line(text: str) -> str:
    """A roster value on the instructor's terminal: a newline in it must not forge another line."""
    from rich.markup import escape

    return escape(text if text.isprintable() else text.encode("unicode_escape").decode("ascii"))


def _nbgrader_name(args, kit, name: str | None = None) -> str | None:
    """With --nbgrader, check before grading that nbgrader is there; the assignment name (the assignment file's,
    else the kit's folder)."""
    if not args.nbgrader:
        return None
    from gradekit.classroom.nbgrader import NbgraderMissing, check_assignment_name, require_nbgrader

    try:
        require_nbgrader()
        return check_assignment_name(name or kit.root.name)
    except (NbgraderMissing, ValueError) as exc:
        raise KitError(f"--nbgrader: {exc}") from None


def _to_nbgrader(args, kit, rows, name, duedate=None, say=print) -> None:
    from gradekit.classroom.nbgrader import export_to_nbgrader

    try:
        done = export_to_nbgrader(rows, kit, args.nbgrader, name, duedate=duedate)
    except Exception as exc:  # the database's own errors (SQLAlchemy, nbgrader's InvalidEntry)
        raise KitError(f"--nbgrader {args.nbgrader}: {type(exc).__name__}: {exc}") from None
    say(f"nbgrader: assignment {name!r}, {done['submissions']} submissions of {done['students']} students, "
        f"{done['cells']} grade cells in {done['notebooks']} notebooks · {args.nbgrader}")


def cmd_merge(args, lang: str, kit_of) -> int:
    from gradekit.classroom import merge as merging
    from gradekit.render.safe import neutralize
    from gradekit.classroom.outputs import write_outputs

    require_instructor_extra()
    if args.assignment is not None and not args.assignment.is_file():
        raise KitError(f"--assignment {args.assignment}: no such file (it is the assignment.toml the parts were "
                       "graded with)")
    kit = kit_of() if args.nbgrader else _kit_if_any(kit_of)
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
                              lang=args.lang, notes=notes, kit=kit)
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


def _kit_if_any(kit_of):
    """The kit orders the topic columns when nothing else names them; a merge does not need one otherwise."""
    try:
        return kit_of()
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


def cmd_feedback(args, lang: str, kit_of) -> int:
    """Dry run by default: what a push would send is listed first, so a wrong OUT or roster costs nothing."""
    from gradekit.classroom import feedback
    from gradekit.render.safe import neutralize

    if not (args.out / "grades.sqlite").is_file():
        raise KitError(f"{args.out}: no grades.sqlite here (is it a `grade batch` output folder?)")
    try:
        targets = feedback.run(args.out, push=args.push, branch=args.branch, message=args.message, html=args.html,
                               full_feedback=args.full_feedback)
    except ValueError as exc:
        raise KitError(str(exc)) from None
    for tg in targets:
        files = ", ".join(sorted(tg.files))
        if tg.state == "planned":
            line = f"would push  {tg.username}  {tg.repo}  {args.branch}  {files}"
        elif tg.state == "pushed":
            line = f"pushed      {tg.username}  {tg.repo}  {args.branch}  {files}  {tg.commit[:12]}"
        elif tg.state == "unchanged":
            line = f"unchanged   {tg.username}  {tg.repo}  {args.branch}"
        else:
            line = f"{tg.state:<11} {tg.username}  {tg.repo}  {tg.detail}"
        print(neutralize(line))
    counts = {s: sum(tg.state == s for tg in targets) for s in ("planned", "pushed", "unchanged", "skipped", "failed")}
    if args.push:
        print(f"{counts['pushed']} pushed, {counts['unchanged']} unchanged, {counts['skipped']} skipped, "
              f"{counts['failed']} failed (branch {args.branch})")
    else:
        print(f"dry run: {counts['planned']} reports would be pushed to branch {args.branch}, {counts['skipped']} "
              "skipped; run again with --push to push them")
    return EXIT_FAILED if counts["failed"] else EXIT_OK


COMMANDS = {"batch": cmd_batch, "merge": cmd_merge, "feedback": cmd_feedback}
