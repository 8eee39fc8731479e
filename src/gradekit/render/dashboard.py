"""The class dashboard: one self-contained HTML page (charts are inline SVG drawn by matplotlib).

What an instructor opens after a batch: the assignment and its deadline, how
each exercise went (passed, wrong, or never attempted: an untouched stub is a
different problem from a wrong answer, so the two are never added up), the
hardest checks, flagged students, the students who could not be graded, and one
table of everyone that sorts and filters in the page itself.

Nothing is fetched when it opens, and its Content-Security-Policy lets only
the page's own script run (by hash).  User names, flags and messages come from
the roster and the submissions: the template autoescapes them, the only markup
let through is matplotlib's SVG (of the kit's own topic and check names), the
script reorders and hides existing rows and never builds markup from text, and
a link to a student's report is a relative path whose one segment is
percent-encoded (``html.url_segment``).

An ungraded student (``score`` None) is blank in the table and left out of
every count, mean and chart, never counted as 0.
"""

from __future__ import annotations

import base64
import hashlib
import io
import statistics
import warnings
from datetime import datetime, timezone

from gradekit.course.assignment import local, zone
from gradekit.grading.contract import Failure
from gradekit.messages.catalogue import CATALOGUE, LANGS, t
from gradekit.model import ExerciseResult, Result, Status
from gradekit.render.html import environment, url_segment

HARDEST = 15
#: Failure kinds that mean the student has not started: the stub's NotImplementedError, or no file at all.
UNTOUCHED = (Failure.TODO, Failure.NO_FILE)
STATES = ("passed", "wrong", "not_attempted", "error")
CJK_FONTS = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "SimHei", "WenQuanYi Zen Hei")
COLOURS = {"passed": "#1a7f37", "wrong": "#cf222e", "not_attempted": "#afb8c1", "error": "#8250df"}


def _svg(fig) -> str:
    import matplotlib.pyplot as plt

    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    plt.close(fig)
    text = buf.getvalue()
    return text[text.index("<svg"):]


def exercise_state(ex: ExerciseResult) -> str:
    """``passed`` (every check), ``not_attempted`` (every check an untouched stub or a missing file),
    ``error`` (the kit failed on a check, so nothing is known about the student), else ``wrong``."""
    checks = [c for c in ex.checks if c.status is not Status.SKIPPED]
    if checks and all(c.status is Status.PASS for c in checks):
        return "passed"
    if not checks or all(c.status is Status.FAIL and Failure.of(c.detail) in UNTOUCHED for c in checks):
        return "not_attempted"
    if any(c.status is Status.ERROR for c in checks):
        return "error"
    return "wrong"


def per_exercise(results: list[Result]) -> list[dict]:
    """One entry per topic and exercise, in the kit's order: how many graded students are in each state."""
    out: dict[tuple[str, str], dict] = {}
    for result in results:
        for topic in result.topics:
            for ex in topic.exercises:
                entry = out.setdefault((topic.slug, ex.name), {
                    "topic": topic.slug, "exercise": ex.name, "title": ex.title, **{state: 0 for state in STATES}})
                entry[exercise_state(ex)] += 1
    for entry in out.values():
        entry["students"] = sum(entry[s] for s in STATES)
    return list(out.values())


def is_graded(row: dict) -> bool:
    return row.get("status") == "graded" and row.get("score") is not None and bool(row.get("result"))


def summarize(rows: list[dict]) -> dict:
    graded = [r for r in rows if is_graded(r)]
    results = [Result.from_dict(r["result"]) for r in graded]
    per_check: dict[str, list[bool]] = {}
    per_topic: dict[str, list[bool]] = {}
    for result in results:
        for topic in result.topics:
            for ex in topic.exercises:
                # the hardest checks are hard for those who tried: an untouched stub fails every check of
                # its exercise, and counted here it would crowd the list with exercises nobody started
                attempted = exercise_state(ex) != "not_attempted"
                for c in ex.checks:
                    ok = c.status is Status.PASS
                    if attempted:
                        per_check.setdefault(f"{topic.slug} · {ex.name} · {c.name}", []).append(ok)
                    per_topic.setdefault(topic.slug, []).append(ok)
    check_rates = sorted(((k, sum(v) / len(v), len(v)) for k, v in per_check.items()), key=lambda x: (x[1], x[0]))
    topic_rates = [(k, sum(v) / len(v)) for k, v in per_topic.items()]
    percents = [100 * r["score"] / r["max_score"] for r in graded if r["max_score"]]
    return {
        "students": len(rows), "graded": len(graded),
        "mean": statistics.fmean(percents) if percents else 0, "median": statistics.median(percents) if percents else 0,
        "check_rates": check_rates, "topic_rates": topic_rates, "exercises": per_exercise(results),
        "flagged": [r for r in rows if r.get("flags")], "problems": [r for r in rows if not is_graded(r)],
        "late": sum(1 for r in graded if ((r.get("grading") or {}).get("late_seconds") or 0) > 0),
        "extended": sum(1 for r in rows if (r.get("grading") or {}).get("extended")),
        "graded_rows": graded,
    }


def _fonts() -> list[str]:
    from matplotlib import font_manager, rcParams

    have = {f.name for f in font_manager.fontManager.ttflist}
    return [name for name in CJK_FONTS if name in have] + list(rcParams["font.sans-serif"])


def charts(s: dict, lang: str) -> dict:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    out = {}
    # Text stays text: the browser draws it with its own fonts, Chinese included, and the SVG stays small.
    # matplotlib only measures it, with a CJK font where this machine has one (a missing glyph only makes
    # the measure rough, so its warning is not worth an instructor's attention).
    with plt.rc_context({"svg.fonttype": "none", "svg.hashsalt": "gradekit", "font.sans-serif": _fonts()}), \
            warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font")
        fig, ax = plt.subplots(figsize=(7, 3))
        percents = [100 * r["score"] / r["max_score"] for r in s["graded_rows"] if r["max_score"]]
        ax.hist(percents, bins=[i * 10 for i in range(11)], color="#0969da", edgecolor="white")
        ax.set_xlabel(t("dash_chart_score", lang))
        ax.set_ylabel(t("dash_chart_students", lang))
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_title(t("dash_chart_distribution", lang))
        out["distribution"] = _svg(fig)

        exercises = s["exercises"]
        fig, ax = plt.subplots(figsize=(7, max(2.5, 0.35 * len(exercises) + 1)))
        labels = [f"{e['topic']} · {e['exercise']}" for e in exercises][::-1]
        left = [0] * len(exercises)
        for state in STATES:
            counts = [e[state] for e in exercises][::-1]
            if state == "error" and not any(counts):
                continue
            ax.barh(labels, counts, left=left, color=COLOURS[state], label=t(f"dash_{state}", lang))
            left = [a + b for a, b in zip(left, counts)]
        ax.set_xlabel(t("dash_chart_students", lang))
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_title(t("dash_per_exercise", lang))
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18 - 1.2 / fig.get_figheight() / 4), ncol=4,
                  fontsize="small", frameon=False)
        out["exercises"] = _svg(fig)

        topic_rates = s["topic_rates"]
        fig, ax = plt.subplots(figsize=(7, max(2.5, 0.28 * len(topic_rates))))
        ax.barh([k for k, _ in topic_rates][::-1], [100 * r for _, r in topic_rates][::-1], color="#1a7f37")
        ax.set_xlim(0, 100)
        ax.set_xlabel(t("dash_chart_checks_passed", lang))
        ax.set_title(t("dash_chart_topics", lang))
        out["topics"] = _svg(fig)

        hardest = s["check_rates"][:HARDEST]
        fig, ax = plt.subplots(figsize=(7, max(2.5, 0.3 * len(hardest))))
        ax.barh([c for c, _, _ in hardest][::-1], [100 * r for _, r, _ in hardest][::-1], color="#cf222e")
        ax.set_xlim(0, 100)
        ax.set_xlabel(t("dash_chart_passing", lang))
        ax.set_title(t("dash_chart_hardest", lang, n=len(hardest)))
        out["hardest"] = _svg(fig)
    return out


# -- cells of the student table --------------------------------------------------------------------------

def number(x) -> str:
    """A score as people write it: ``7``, ``6.3``, ``6.25``; blank for None."""
    if x is None:
        return ""
    return f"{x:.2f}".rstrip("0").rstrip(".") if isinstance(x, float) else str(x)


def duration(seconds: int, lang: str) -> str:
    minutes = -(-int(seconds) // 60)
    d, rest = divmod(minutes, 24 * 60)
    h, m = divmod(rest, 60)
    if d:
        return t("dash_days_hours", lang, d=d, h=h)
    if h:
        return t("dash_hours_minutes", lang, h=h, m=m)
    return t("dash_minutes", lang, m=m)


def _utc(moment: str | None) -> str:
    """A sortable key for an ISO moment (the text shown carries each one's own zone)."""
    try:
        return datetime.fromisoformat(str(moment).replace("Z", "+00:00")).astimezone(timezone.utc).isoformat()
    except ValueError:
        return ""


def _when(moment: str | None, tz) -> str:
    """``local`` for a stored moment; one that is not ISO (an old row) is shown as it is, not a crash."""
    try:
        return local(moment, tz)
    except ValueError:
        return str(moment)


def student_cells(row: dict, tz, lang: str) -> dict:
    g = row.get("grading") or {}
    row_tz = tz
    if row_tz is None and g.get("timezone"):
        try:
            row_tz = zone(g["timezone"])
        except ValueError:
            row_tz = None
    score, best = row.get("score"), row.get("max_score")
    late = int(g.get("late_seconds") or 0) if is_graded(row) else 0
    penalty = float(g.get("penalty_percent") or 0) if is_graded(row) else 0.0
    percent = 100 * score / best if score is not None and best else None
    return {
        "score": f"{number(score)}/{number(best)}" if score is not None else "",
        "score_key": "" if score is None else repr(float(score)),
        "percent": "" if percent is None else f"{percent:.0f}%",
        "percent_key": "" if percent is None else repr(percent),
        "late": duration(late, lang) if late > 0 else "", "late_key": str(late) if late > 0 else "",
        "penalty": f"{number(penalty)}%" if penalty > 0 else "", "penalty_key": repr(penalty) if penalty > 0 else "",
        "before": number(g.get("points_before_penalty")) if penalty > 0 else "",
        "extension": _when(g.get("deadline"), row_tz) if g.get("extended") else "",
        "extension_key": _utc(g.get("deadline")) if g.get("extended") and g.get("deadline") else "",
        "commit_time": _when(row.get("commit_time"), row_tz) if row.get("commit_time") else "",
        "commit_key": _utc(row.get("commit_time")) if row.get("commit_time") else "",
    }


def policy_lines(assignment, lang: str) -> list[str]:
    late = assignment.late
    lines = []
    if late.kind == "none" and late.cutoff is None:
        lines.append(t("dash_late_none", lang))
    elif late.kind != "none":
        lines.append(t(f"dash_late_{late.kind}", lang, penalty=number(late.penalty), cap=number(late.cap)))
    if late.cutoff is not None:
        lines.append(t("dash_cutoff", lang, cutoff=local(late.cutoff, assignment.tz)))
    return lines


def csp_hash(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(str(script).encode("utf-8")).digest()).decode("ascii")


def to_html(rows: list[dict], *, assignment=None, report_stems: dict[str, str] | None = None, lang: str = "en",
            now: datetime | None = None) -> str:
    """``assignment``: the ``course.assignment.Assignment`` graded (None: name and deadline unknown);
    ``report_stems``: each user's report file name without ``.html``, as written (default: the user name);
    ``lang``: the instructor's language for the page's own text; ``now``: when it was made (default: now)."""
    lang = lang if lang in LANGS else "en"
    s = summarize(rows)
    images = charts(s, lang) if s["graded_rows"] else {}
    stems = report_stems or {}
    hrefs = {r["username"]: f"reports/{url_segment(stems.get(r['username'], r['username']))}.html" for r in rows}
    tz = assignment.tz if assignment is not None else None
    made = local(now or datetime.now(timezone.utc), tz)
    head = None
    if assignment is not None:
        head = {"name": assignment.name, "topics": ", ".join(assignment.topics),
                "points": t("dash_points", lang, points=assignment.points),
                "deadline": local(assignment.deadline, tz) if assignment.deadline else t("dash_no_deadline", lang),
                "policy": policy_lines(assignment, lang)}
    cells = {r["username"]: student_cells(r, tz, lang) for r in rows}
    statuses = {r["status"]: t(f"dash_status_{r['status']}", lang) if f"dash_status_{r['status']}" in CATALOGUE else ""
                for r in s["problems"]}
    roster = any((r.get("student") or {}).get("roster_identifier") not in (None, "", r["username"]) for r in rows)
    return environment().get_template("dashboard.html.j2").render(
        lang=lang, t=lambda key, **kw: t(key, lang, **kw),
        title=assignment.name if assignment is not None else t("dash_title", lang), head=head, made=made, s=s,
        images=images, rows=rows, cells=cells, hrefs=hrefs, statuses=statuses, roster=roster,
        hardest=s["check_rates"][:HARDEST], number=number, csp_hash=csp_hash,
        any_error=any(e["error"] for e in s["exercises"]))

