"""The GitHub step summary: one Markdown table per run, the isolation level, then what to fix.

The summary is for the student: it is made from ``redact.student_view``.
Student text goes inside fenced blocks whose fence is longer than any backtick
run in it, inline text is escaped, and file names are code spans that no
backtick or line break in them can end (``render.safe``), so nothing a student
returned, printed or named can break out into Markdown or HTML.
"""

from __future__ import annotations

from gradekit.model import Result, Status
from gradekit.render.redact import is_hidden, student_view
from gradekit.render.safe import md_code, md_fence, md_text

TITLE = {"zh": "gradekit 评分", "en": "gradekit grading"}
HEADER = {"zh": "| 主题 | 得分 | 通过的检查 |", "en": "| topic | score | checks passed |"}
PUBLIC_ONLY = {
    "zh": "只运行了公开检查；另有 **{n}** 项隐藏检查（{p} 分）将在老师最终评分时运行，本次分数不含它们。",
    "en": "Public checks only: **{n}** hidden checks ({p} points) run when your teacher grades; they are not in this score.",
}
WEIGHTS = {
    "zh": "注：检查的分值各不相同，所以 Classroom 日志表格里按“通过数/总数”折算的分数可能与这里的总分不同；以这里和 “Points” 为准。",
    "en": "Note: checks carry different points, so the Classroom log table (passed/total × max) may differ from this total; this total and the “Points” line are the real score.",
}
FIX = {"zh": "需要修改的地方", "en": "What to fix"}
LEVEL = {"zh": "隔离级别：**{level}**", "en": "Isolation level: **{level}**"}


def fence(text: str) -> str:
    return md_fence(text)


def cell(text: str) -> str:
    return md_text(text)


def to_markdown(result: Result, lang: str, prefix: str = "starter/", isolation_note: str = "") -> str:
    """``isolation_note``: said once, under the level, when the student's code ran walled off less than it could be."""
    result = student_view(result, lang)
    out = [f"## {TITLE[lang]}: {result.score}/{result.max_score}", "", HEADER[lang], "|---|---:|---:|"]
    for topic in result.topics:
        checks = topic.checks
        passed = sum(c.status is Status.PASS for c in checks)
        mark = "✅" if topic.max_score and topic.score == topic.max_score else ("⚠️" if topic.score else "❌")
        out.append(f"| {mark} {cell(topic.slug)} {cell(topic.title)} | {topic.score}/{topic.max_score} | {passed}/{len(checks)} |")
    out += ["", LEVEL[lang].format(level=cell(result.isolation)), ""]
    if isolation_note:
        out += [f"> ⚠️ {cell(isolation_note)}", ""]
    hidden = result.hidden
    if hidden.checks:
        out += [PUBLIC_ONLY[lang].format(n=hidden.checks, p=hidden.points), ""]
    failing = [(topic, ex, c) for topic in result.topics for ex in topic.exercises for c in ex.checks
               if c.status not in (Status.PASS, Status.SKIPPED)]
    if failing:
        out += [f"### {FIX[lang]}", ""]
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
        out += ["", f"<sub>{WEIGHTS[lang]}</sub>"]
    out.append("")
    return "\n".join(out)
