"""The GitHub step summary: one Markdown table per run, the isolation level, then what to fix.

The summary is for the student: it is made from ``redact.student_view``.
Student text goes inside fenced blocks whose fence is longer than any backtick
run in it, inline text is escaped, and file names are code spans that no
backtick or line break in them can end (``render.safe``), so nothing a student
returned, printed or named can break out into Markdown or HTML.
"""

from __future__ import annotations

from gradekit.messages.catalogue import t
from gradekit.model import Result, Status
from gradekit.render.common import each_check
from gradekit.render.redact import is_hidden, student_view
from gradekit.render.safe import md_code, md_fence, md_text



def fence(text: str) -> str:
    return md_fence(text)


def cell(text: str) -> str:
    return md_text(text)


def to_markdown(result: Result, lang: str, prefix: str = "starter/", isolation_note: str = "") -> str:
    """``isolation_note``: said once, under the level, when the student's code ran walled off less than it could be."""
    result = student_view(result, lang)
    out = [f"## {t('md_title', lang)}: {result.score}/{result.max_score}", "", t("md_header", lang), "|---|---:|---:|"]
    for topic in result.topics:
        checks = topic.checks
        passed = sum(c.status is Status.PASS for c in checks)
        mark = "✅" if topic.max_score and topic.score == topic.max_score else ("⚠️" if topic.score else "❌")
        out.append(f"| {mark} {cell(topic.slug)} {cell(topic.title)} | {topic.score}/{topic.max_score} | {passed}/{len(checks)} |")
    out += ["", t("md_level", lang, level=cell(result.isolation)), ""]
    if isolation_note:
        out += [f"> ⚠️ {cell(isolation_note)}", ""]
    hidden = result.hidden
    if hidden.checks:
        out += [t("md_public_only", lang, n=hidden.checks, p=hidden.points), ""]
    failing = [(topic, ex, c) for topic, ex, c in each_check(result) if c.status not in (Status.PASS, Status.SKIPPED)]
    if failing:
        out += [f"### {t('md_fix', lang)}", ""]
        for topic, ex, c in failing[:50]:
            where = f" ({md_code(f'{prefix}{c.file}:{c.line}')})" if c.file and c.line else ""
            if is_hidden(c):
                out.append(f"- ❌ **{cell(topic.slug)} · {cell(ex.name)}**: {cell(c.message)}")
                continue
            out.append(f"- ❌ **{cell(topic.slug)} · {cell(ex.name)}** · {cell(c.name)}{where}")
            out.append("")
            out.append(md_fence(c.message, indent="  "))
            hint = c.detail.get("hint")
            if isinstance(hint, dict) and hint.get(lang):
                out.append(f"  💡 {cell(str(hint.get(lang)))}")
            out.append("")
        if len(failing) > 50:
            out.append(f"- … {len(failing) - 50}")
    weights = {c.max_points for c in result.checks}
    outcomes = {c.status is Status.PASS for c in result.checks}
    if len(weights) > 1 and len(outcomes) > 1:
        out += ["", f"<sub>{t('md_weights', lang)}</sub>"]
    out.append("")
    return "\n".join(out)
