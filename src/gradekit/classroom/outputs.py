"""Writing a batch's outputs from its stored rows: reports, native JSON, gradebooks (ours, Canvas's, Moodle's), dashboard.

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

from gradekit.classroom import lms
from gradekit.render import dashboard, gradebook, report
from gradekit.classroom.store import file_names


def write_outputs(rows: list[dict], out: Path, slugs: list[str], *, assignment=None, full_feedback: bool = False,
                  lang: str | None = None, assignment_name: str = "", assignment_url: str = "",
                  starter_code_url: str = "", notes: list[str] | None = None, kit=None) -> dict[str, Path]:
    """``assignment``: a ``course.assignment.Assignment`` or None.

    Everything is in ``lang``: the students' files (reports, Moodle's feedback column) and the dashboard.
    None means the assignment's language (else English); the batch passes its resolved language, which differs
    from the assignment's only under ``--override``.  ``kit``, when
    given, supplies each exercise's first hint to the reports.  ``notes``, when given, receives the
    instructor-facing lines about rows an LMS file cannot place (``classroom.lms.notes``).
    """
    out = Path(out)
    lang = lang or (assignment.lang if assignment is not None else "en")
    student_lang = lang
    hints = report.hints_from_kit(kit, student_lang) if kit is not None else None
    (out / "reports").mkdir(parents=True, exist_ok=True)
    (out / "results").mkdir(parents=True, exist_ok=True)
    stems = file_names(row["username"] for row in rows)  # a roster value is never a path: see store.file_names
    for row in rows:
        user = stems[row["username"]]
        (out / "reports" / f"{user}.md").write_text(
            report.to_markdown(row, full=full_feedback, assignment=assignment, lang=student_lang, hints=hints),
            encoding="utf-8")
        (out / "reports" / f"{user}.html").write_text(
            report.to_html(row, full=full_feedback, assignment=assignment, lang=student_lang, hints=hints),
            encoding="utf-8")
        if row.get("result"):
            (out / "results" / f"{user}.json").write_text(json.dumps(row["result"], ensure_ascii=False, indent=2) + "\n",
                                                          encoding="utf-8")
    paths = {"gradebook": out / "gradebook.csv", "canvas": out / "gradebook-canvas.csv",
             "moodle": out / "gradebook-moodle.csv", "dashboard": out / "dashboard.html"}
    paths["gradebook"].write_text(gradebook.to_csv(rows, slugs, assignment=assignment, assignment_name=assignment_name,
                                                   assignment_url=assignment_url, starter_code_url=starter_code_url),
                                  encoding="utf-8")
    paths["canvas"].write_text(lms.canvas_csv(rows, assignment, assignment_name=assignment_name), encoding="utf-8")
    paths["moodle"].write_text(lms.moodle_csv(rows, assignment, assignment_name=assignment_name, lang=student_lang),
                               encoding="utf-8")
    paths["dashboard"].write_text(dashboard.to_html(rows, assignment=assignment, report_stems=stems, lang=lang),
                                  encoding="utf-8")
    if notes is not None:
        notes.extend(lms.notes(rows))
    return paths
