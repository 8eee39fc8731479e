"""The terminal report: per-topic scores, then the first failures worded for a beginner.

Built with rich so colours, widths and CJK characters line up; ``to_text``
renders the same thing without colour for tests and logs.  Student text is
defused before printing (``render.safe.neutralize``).  ``narrow_hidden`` renders
``redact.student_view``: what ``grade ci`` prints into a log the student reads
names a hidden check and its reason, nothing more.
"""

from __future__ import annotations

import copy
import io
from pathlib import Path

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from gradekit.messages.catalogue import t
from gradekit.messages.failures import word_failure
from gradekit.grading.contract import Failure, is_load_failure
from gradekit.model import Check, Result, Status
from gradekit.render.redact import is_hidden, redact_check, student_view
from gradekit.render.safe import neutralize
from gradekit.render.wrap import Wrapped

#: Failures shown in full before "... and N more".
FIRST_FAILURES = 3
#: Characters of one message line shown without --verbose.
LINE_LIMIT = 300
#: Longest expected/actual value shown whole; longer ones are cut around the first difference.
VALUE_LIMIT = 120

_MARK = {Status.PASS: ("✓", "green"), Status.FAIL: ("✗", "red"), Status.TIMEOUT: ("⏱", "red"),
         Status.ERROR: ("!", "magenta"), Status.SKIPPED: ("-", "dim")}


def _topic_table(result: Result, lang: str) -> Table:
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    table.add_column("#", justify="right", style="dim")
    table.add_column(t("col_topic", lang))
    table.add_column(t("col_score", lang), justify="right")
    table.add_column(t("col_checks", lang))
    for i, topic in enumerate(result.topics, 1):
        marks = Text()
        for check in topic.checks:
            sym, style = _MARK[check.status]
            marks.append(sym, style=style)
        if topic.hidden.checks:
            marks.append("·" * min(topic.hidden.checks, 20), style="dim")
        full = topic.max_score and topic.score == topic.max_score
        score_style = "green" if full else ("yellow" if topic.score else "red")
        name = Text(f"{topic.slug}  ")
        name.append(topic.title, style="dim")
        if topic.error:
            name.append(t("topic_error_aside", lang), style="red")
        table.add_row(str(i), name, Text(f"{topic.score}/{topic.max_score}", style=score_style), marks)
    return table


def around_first_difference(expected: str, actual: str, limit: int = VALUE_LIMIT) -> tuple[str, str, int] | None:
    """Both values cut to ``limit`` characters at the same place, just before their first difference.

    A 5 000-character string that differs at character 4 321 is useless in full and
    misleading when cut at the start; this keeps the part where they part ways.
    Returns None when both are short enough to show whole.
    """
    if len(expected) <= limit and len(actual) <= limit:
        return None
    first = next((i for i, (a, b) in enumerate(zip(expected, actual)) if a != b), min(len(expected), len(actual)))
    start = max(0, first - limit // 3)

    def cut(text: str) -> str:
        piece = text[start:start + limit]
        return ("…" if start > 0 else "") + piece + ("…" if start + limit < len(text) else "")

    return cut(expected), cut(actual), first


def display_message(check: Check, lang: str) -> str:
    """The check's message, with long values shortened for the screen (the stored message keeps them whole)."""
    detail = check.detail
    expected, actual = detail.get("expected"), detail.get("actual")
    if isinstance(expected, str) and isinstance(actual, str):
        cut = around_first_difference(expected, actual)
        if cut is not None:
            shown = {**detail, "expected": cut[0], "actual": cut[1]}
            return word_failure(shown, lang) + "\n" + t("first_diff", lang, n=cut[2] + 1, expected_len=len(expected),
                                                        actual_len=len(actual))
    return check.message


def shadow_warning(folder: Path | str | None, lang: str) -> str | None:
    """Files in the student's folder that Python would import instead of a standard module."""
    from gradekit.classroom.tamper import SHADOWABLE

    try:
        names = sorted(p.name for p in Path(folder).glob("*.py") if p.stem in SHADOWABLE) if folder else []
    except OSError:
        names = []
    if not names:
        return None
    return t("shadow_warning", lang, files=", ".join(names), first=names[0])


def failure_block(topic_slug: str, exercise: str, check: Check, lang: str, verbose: bool = False,
                  narrow_hidden: bool = False) -> Wrapped:
    """One failure, wrapped at the console's width (``render.wrap``): values and code stay whole on a line."""
    sym, style = _MARK[check.status]
    head = Text(f"{sym} ", style=style)
    head.append(neutralize(f"{topic_slug} · {exercise}"), style="bold")
    head.append(neutralize(f" · {check.name}"), style="dim")
    if check.file and check.line:
        head.append(neutralize(f"  ({check.file}:{check.line})"), style="cyan")
    block = Wrapped().add(head, hanging=4)
    if narrow_hidden and is_hidden(check):
        shown = copy.deepcopy(check)
        redact_check(shown, exercise, lang)
        for line in neutralize(shown.message).splitlines():
            block.add(line, indent=2)
        return block
    for line in neutralize(check.message if verbose else display_message(check, lang)).splitlines():
        if not verbose and len(line) > LINE_LIMIT:
            line = line[:LINE_LIMIT] + " …"  # display only: the stored result keeps the whole value
        block.add(line, indent=2)
    hint = check.detail.get("hint")
    if hint:
        line = Text(t("hint_colon", lang), style="yellow")
        line.append(neutralize(hint.get(lang, "")))
        block.add(line, indent=2)
    if check.output.strip():
        block.add(t("printed_colon", lang), indent=2, style="dim")
        shown = check.output if verbose else check.output[:400]
        for line in shown.rstrip("\n").splitlines()[: (None if verbose else 8)]:
            block.add(neutralize(line), indent=4, style="dim")
    tb = check.detail.get("traceback")
    if verbose and tb:
        for line in neutralize(tb.rstrip()).splitlines():
            block.add(line, style="dim")
    return block.add("")


def exercise_status(ex) -> str:
    """``done``, ``todo`` (every failure is an untouched stub) or ``failing``, from one exercise's checks."""
    failing = [c for c in ex.checks if c.status is not Status.PASS]
    if not failing:
        return "done"
    if all(c.detail.get("kind") == Failure.TODO for c in failing) and len(failing) == len(ex.checks):
        return "todo"
    return "failing"


_STATUS_STYLE = {"done": ("✓", "green"), "todo": ("·", "dim"), "failing": ("✗", "red"), "unknown": ("?", "dim")}


def exercise_table(refs, progress, results: dict, lang: str, current=None) -> Table:
    """Topics and their exercises in course order: status, points and hints used (``grade list``)."""
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    table.add_column("")
    table.add_column(t("col_exercise", lang))
    table.add_column(t("col_title", lang))
    table.add_column(t("col_status", lang))
    table.add_column(t("col_points", lang), justify="right")
    table.add_column(t("col_hints", lang), justify="right")
    seen = set()
    for ref in refs:
        if ref.topic.slug not in seen:
            seen.add(ref.topic.slug)
            table.add_row("", Text(ref.topic.slug, style="bold"), Text(ref.topic.title.get(lang), style="bold dim"),
                          "", "", "")
        topic = results.get(ref.topic.slug)
        ex = next((e for e in topic.exercises if e.name == ref.exercise.name), None) if topic else None
        entry = progress.entry(ref)
        if ex is not None and ex.checks:
            status, points = exercise_status(ex), f"{ex.score}/{ex.max_score}"
        else:
            status = "done" if progress.done(ref) else "unknown"
            points = f"{entry['score']}/{entry['max_score']}" if isinstance(entry.get("max_score"), int) else ""
        sym, style = _STATUS_STYLE[status]
        hints = progress.hints(ref)
        marker = Text("▶", style="bold cyan") if current is not None and ref == current else Text("")
        table.add_row(marker, Text("  " + ref.exercise.name), Text(ref.exercise.title.get(lang), style="dim"),
                      Text(f"{sym} {t('status_' + status, lang)}", style=style), points,
                      f"{hints}/{len(ref.exercise.hints)}" if hints else "")
    return table


def render(result: Result, lang: str, *, verbose: bool = False, show_all: bool = False,
           narrow_hidden: bool = False, notes: tuple[str, ...] | list[str] = ()) -> Group:
    if narrow_hidden:
        result = student_view(result, lang)
    parts: list[RenderableType] = [Text(f"{t('title', lang)} · gradekit {result.kit_version} · {t('seed', lang)} {result.seed}", style="bold")]
    parts += [Text(neutralize(note), style="yellow") for note in notes]
    parts.append(_topic_table(result, lang))
    failing = [(topic.slug, ex.name, c) for topic in result.topics for ex in topic.exercises for c in ex.checks
               if c.status is not Status.PASS and c.status is not Status.SKIPPED]
    if failing:
        parts.append(Text("\n" + t("failures_colon", lang), style="bold"))
        limit = None if show_all else FIRST_FAILURES
        shown_topics = set()
        count = 0
        for slug, ex, check in failing:
            # One message per broken file is enough: a syntax error fails every check of the topic.
            if is_load_failure(check.detail) and slug in shown_topics:
                continue
            if limit is not None and count >= limit:
                break
            shown_topics.add(slug)
            parts.append(failure_block(slug, ex, check, lang, verbose, narrow_hidden))
            count += 1
        rest = len(failing) - count
        if rest > 0 and not show_all:
            parts.append(Text(t("more_failures", lang, n=rest), style="dim"))
    else:
        parts.append(Text(t("all_passed", lang), style="bold green"))
    checks = result.checks
    passed = sum(c.status is Status.PASS for c in checks)
    summary = Text("\n" + t("total", lang, score=result.score, max_score=result.max_score) + " · ", style="bold")
    if result.hidden.checks:
        summary.append(t("public_line", lang, passed=passed, total=len(checks), hidden=result.hidden.checks,
                         hidden_points=result.hidden.points))
    else:
        summary.append(t("all_line", lang, passed=passed, total=len(checks)))
    parts.append(summary)
    return Group(*parts)


def to_text(result: Result, lang: str, **options) -> str:
    buf = io.StringIO()
    Console(file=buf, width=100, color_system=None, force_terminal=False).print(render(result, lang, **options))
    return buf.getvalue()
