"""Writing a batch's outputs from its stored rows: reports, native JSON, gradebook, dashboard.

Every per-student file is named by ``store.file_names``, never by the roster's
text itself, so no identifier (``../x``, ``/etc/passwd``, ``CON``) writes outside
``out``.  Everything here is derived from the store, so a resumed batch, a regrade of
one student, or ``grade merge`` of shard outputs all produce the same files.
"""

from __future__ import annotations

import json
from pathlib import Path

from gradekit.render import dashboard, gradebook, report
from gradekit.store import file_names


def write_outputs(rows: list[dict], out: Path, slugs: list[str], *, assignment_name: str = "",
                  assignment_url: str = "", starter_code_url: str = "") -> dict[str, Path]:
    out = Path(out)
    (out / "reports").mkdir(parents=True, exist_ok=True)
    (out / "results").mkdir(parents=True, exist_ok=True)
    names = file_names(row["username"] for row in rows)  # a roster value is never a path: see store.file_names
    for row in rows:
        user = names[row["username"]]
        (out / "reports" / f"{user}.md").write_text(report.to_markdown(row), encoding="utf-8")
        (out / "reports" / f"{user}.html").write_text(report.to_html(row), encoding="utf-8")
        if row.get("result"):
            (out / "results" / f"{user}.json").write_text(json.dumps(row["result"], ensure_ascii=False, indent=2) + "\n",
                                                          encoding="utf-8")
    paths = {"gradebook": out / "gradebook.csv", "dashboard": out / "dashboard.html"}
    paths["gradebook"].write_text(gradebook.to_csv(rows, slugs, assignment_name=assignment_name,
                                                   assignment_url=assignment_url, starter_code_url=starter_code_url),
                                  encoding="utf-8")
    linked = [{**row, "report_file": names[row["username"]]} for row in rows]  # the dashboard links each report
    paths["dashboard"].write_text(dashboard.to_html(linked), encoding="utf-8")
    return paths
