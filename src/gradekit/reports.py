"""Writing a batch's outputs from its stored rows: reports, native JSON, gradebook, dashboard.

Every per-student file is named by ``store.file_names``, never by the roster's
text itself, so no identifier (``../x``, ``/etc/passwd``, ``CON``) writes outside
``out``.  Everything here is derived from the store, so a resumed batch, a regrade of
one student, or ``grade merge`` of shard outputs all produce the same files.

``reports/`` is what an instructor sends back to students, so a report shows
hidden checks by name and reason only (``render.redact``) unless
``full_feedback`` is asked for (``grade batch --full-feedback``).  ``results/``
and ``grades.sqlite`` are the instructor's own files and keep the whole detail.
"""

from __future__ import annotations

import json
from pathlib import Path

from gradekit.render import dashboard, gradebook, report
from gradekit.store import file_names


def write_outputs(rows: list[dict], out: Path, slugs: list[str], *, assignment_name: str = "",
                  assignment_url: str = "", starter_code_url: str = "", full_feedback: bool = False) -> dict[str, Path]:
    out = Path(out)
    (out / "reports").mkdir(parents=True, exist_ok=True)
    (out / "results").mkdir(parents=True, exist_ok=True)
    stems = file_names(row["username"] for row in rows)  # a roster value is never a path: see store.file_names
    for row in rows:
        user = stems[row["username"]]
        (out / "reports" / f"{user}.md").write_text(report.to_markdown(row, full=full_feedback), encoding="utf-8")
        (out / "reports" / f"{user}.html").write_text(report.to_html(row, full=full_feedback), encoding="utf-8")
        if row.get("result"):
            (out / "results" / f"{user}.json").write_text(json.dumps(row["result"], ensure_ascii=False, indent=2) + "\n",
                                                          encoding="utf-8")
    paths = {"gradebook": out / "gradebook.csv", "dashboard": out / "dashboard.html"}
    paths["gradebook"].write_text(gradebook.to_csv(rows, slugs, assignment_name=assignment_name,
                                                   assignment_url=assignment_url, starter_code_url=starter_code_url),
                                  encoding="utf-8")
    paths["dashboard"].write_text(dashboard.to_html(rows, report_stems=stems), encoding="utf-8")
    return paths
