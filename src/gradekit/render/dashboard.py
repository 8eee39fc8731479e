"""The class dashboard: one self-contained HTML page (charts are inline SVG drawn by matplotlib).

Score distribution, pass rate per topic, the hardest checks, flagged students,
and the students who could not be graded.  Nothing is fetched when it opens.
User names, flags and messages come from the roster and the submissions: the
template autoescapes them, the only markup let through is matplotlib's SVG (of
the kit's own topic and check names), and a link to a student's report is a
relative path whose one segment is percent-encoded (``html.url_segment``).
"""

from __future__ import annotations

import io
import statistics

from gradekit.render.html import environment, url_segment

HARDEST = 15


def _svg(fig) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    import matplotlib.pyplot as plt
    plt.close(fig)
    text = buf.getvalue()
    return text[text.index("<svg"):]


def charts(graded: list[dict], check_rates: list[tuple[str, float, int]], topic_rates: list[tuple[str, float]]) -> dict:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out = {}
    fig, ax = plt.subplots(figsize=(7, 3))
    percents = [100 * r["score"] / r["max_score"] for r in graded if r["max_score"]]
    ax.hist(percents, bins=[i * 10 for i in range(11)], color="#0969da", edgecolor="white")
    ax.set_xlabel("score (%)")
    ax.set_ylabel("students")
    ax.set_title("Score distribution")
    out["distribution"] = _svg(fig)

    fig, ax = plt.subplots(figsize=(7, max(2.5, 0.28 * len(topic_rates))))
    names = [t for t, _ in topic_rates][::-1]
    ax.barh(names, [100 * r for _, r in topic_rates][::-1], color="#1a7f37")
    ax.set_xlim(0, 100)
    ax.set_xlabel("checks passed (%)")
    ax.set_title("Pass rate per topic")
    out["topics"] = _svg(fig)

    hardest = check_rates[:HARDEST]
    fig, ax = plt.subplots(figsize=(7, max(2.5, 0.3 * len(hardest))))
    ax.barh([c for c, _, _ in hardest][::-1], [100 * r for _, r, _ in hardest][::-1], color="#cf222e")
    ax.set_xlim(0, 100)
    ax.set_xlabel("students passing (%)")
    ax.set_title(f"The {len(hardest)} hardest checks")
    out["hardest"] = _svg(fig)
    return out


def summarize(rows: list[dict]) -> dict:
    graded = [r for r in rows if r["status"] == "graded" and r.get("result")]
    per_check: dict[str, list[bool]] = {}
    per_topic: dict[str, list[bool]] = {}
    for r in graded:
        for topic in r["result"]["topics"]:
            for ex in topic["exercises"]:
                for c in ex["checks"]:
                    ok = c["status"] == "pass"
                    per_check.setdefault(f"{topic['slug']} · {ex['name']} · {c['name']}", []).append(ok)
                    per_topic.setdefault(topic["slug"], []).append(ok)
    check_rates = sorted(((k, sum(v) / len(v), len(v)) for k, v in per_check.items()), key=lambda x: (x[1], x[0]))
    topic_rates = [(k, sum(v) / len(v)) for k, v in per_topic.items()]
    percents = [100 * r["score"] / r["max_score"] for r in graded if r["max_score"]]
    return {
        "students": len(rows), "graded": len(graded),
        "mean": statistics.fmean(percents) if percents else 0, "median": statistics.median(percents) if percents else 0,
        "check_rates": check_rates, "topic_rates": topic_rates,
        "flagged": [r for r in rows if r.get("flags")], "problems": [r for r in rows if r["status"] != "graded"],
        "graded_rows": graded,
    }


def to_html(rows: list[dict], title: str = "gradekit class dashboard", report_stems: dict[str, str] | None = None) -> str:
    """``report_stems``: each user's report file name without ``.html``, as written (default: the user name)."""
    s = summarize(rows)
    images = charts(s["graded_rows"], s["check_rates"], s["topic_rates"]) if s["graded_rows"] else {}
    stems = report_stems or {}
    hrefs = {r["username"]: f"reports/{url_segment(stems.get(r['username'], r['username']))}.html" for r in rows}
    return environment().get_template("dashboard.html.j2").render(title=title, s=s, images=images, rows=rows,
                                                                    hardest=s["check_rates"][:HARDEST], hrefs=hrefs)
