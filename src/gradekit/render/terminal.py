"""The terminal report: per-topic scores, then the first failures worded for a beginner.

Built with rich so colours, widths and CJK characters line up; ``to_text``
renders the same thing without colour for tests and logs.
"""

from __future__ import annotations

import io

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from gradekit.i18n import short_kind, t
from gradekit.model import Check, Result, Status
from gradekit.render.safe import neutralize

#: Failures shown in full before "... and N more".
FIRST_FAILURES = 3
#: Characters of one message line shown without --verbose.
LINE_LIMIT = 300

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
            name.append(f"  ({t('topic_error', lang)})", style="red")
        table.add_row(str(i), name, Text(f"{topic.score}/{topic.max_score}", style=score_style), marks)
    return table


def failure_block(topic_slug: str, exercise: str, check: Check, lang: str, verbose: bool = False,
                  narrow_hidden: bool = False) -> Text:
    sym, style = _MARK[check.status]
    head = Text(f"{sym} ", style=style)
    head.append(f"{topic_slug} · {exercise}", style="bold")
    head.append(f" · {check.name}", style="dim")
    if check.file and check.line:
        head.append(f"  ({check.file}:{check.line})", style="cyan")
    body = Text("\n")
    if narrow_hidden and check.visibility == "hidden":
        body.append("  " + t("hidden_failed", lang, exercise=exercise, short=short_kind(check.detail, lang)))
        return head + body
    for line in neutralize(check.message).splitlines():
        if not verbose and len(line) > LINE_LIMIT:
            line = line[:LINE_LIMIT] + " …"  # display only: the stored result keeps the whole value
        body.append(f"  {line}\n")
    hint = check.detail.get("hint")
    if hint:
        body.append(f"  {t('hint', lang)}: ", style="yellow")
        body.append(f"{hint.get(lang, '')}\n")
    if check.output.strip():
        body.append(f"  {t('printed_label', lang)}:\n", style="dim")
        shown = check.output if verbose else check.output[:400]
        for line in shown.rstrip("\n").splitlines()[: (None if verbose else 8)]:
            body.append(f"    {neutralize(line)}\n", style="dim")
    tb = check.detail.get("traceback")
    if verbose and tb:
        body.append(neutralize(tb.rstrip()) + "\n", style="dim")
    return head + body


def render(result: Result, lang: str, *, verbose: bool = False, show_all: bool = False,
           narrow_hidden: bool = False) -> Group:
    parts = [Text(f"{t('title', lang)} · gradekit {result.kit_version} · {t('seed', lang)} {result.seed}", style="bold"),
             _topic_table(result, lang)]
    failing = [(topic.slug, ex.name, c) for topic in result.topics for ex in topic.exercises for c in ex.checks
               if c.status is not Status.PASS and c.status is not Status.SKIPPED]
    if failing:
        parts.append(Text(f"\n{t('failures', lang)}:", style="bold"))
        limit = None if show_all else FIRST_FAILURES
        shown_topics = set()
        count = 0
        for slug, ex, check in failing:
            # One message per broken file is enough: a syntax error fails every check of the topic.
            if check.detail.get("call") in (None, "import") and check.detail.get("kind") in (
                    "syntax", "crashed", "import_raised", "timeout") and slug in shown_topics:
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
        summary.append(t("public_line", lang, passed=passed, total=len(checks), hidden=result.hidden.checks))
    else:
        summary.append(t("all_line", lang, passed=passed, total=len(checks)))
    parts.append(summary)
    return Group(*parts)


def to_text(result: Result, lang: str, **options) -> str:
    buf = io.StringIO()
    Console(file=buf, width=100, color_system=None, force_terminal=False).print(render(result, lang, **options))
    return buf.getvalue()
