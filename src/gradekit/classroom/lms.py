"""Gradebook files that Canvas and Moodle import as they are: ``gradebook-canvas.csv`` and ``gradebook-moodle.csv``.

The formats, as the systems' own documentation and importers describe them:

* Canvas, "How do I import grades in the Gradebook?" and the export it mirrors:
  https://community.canvaslms.com/t5/Instructor-Guide/How-do-I-import-grades-in-the-Gradebook/ta-p/807
  https://community.canvaslms.com/t5/Instructor-Guide/How-do-I-export-grades-in-the-Gradebook/ta-p/809
  (a university's summary of the required columns:
  https://teaching.resources.osu.edu/toolsets/carmencanvas/guides/calculating-final-grades/import-csv-file-carmen-grades)
  The columns are ``Student, ID, SIS User ID, SIS Login ID, Section``, then one per assignment.  A column
  named ``<name> (<assignment id>)`` updates that assignment; a column named by a new name creates one, and
  the ``Points Possible`` row under the header gives its points.  Canvas matches a row by ``ID``, then
  ``SIS User ID``, then ``SIS Login ID``, then by name, and lists the rows it cannot match for you to settle.
* Moodle, "Grade import" (CSV): https://docs.moodle.org/405/en/Grade_import and its importer,
  https://github.com/moodle/moodle/blob/main/grade/import/csv/classes/load_data.php
  One column identifies the user (``Map from`` it to ``useridnumber``, ``useremail`` or ``username``), a
  grade column maps to a grade item, an optional feedback column to "Feedback for" that item.  For an
  existing grade item an empty cell means no grade (``update_grade_item``: ``''`` or ``-`` is null).

Ungraded is blank in both, never 0: a student with no submission is not a student who scored nothing.

Two choices the importers force:

* Moodle's importer keeps the previous row's user when a row's identifier cell is empty
  (``prepare_import_grade_data`` sets ``studentid`` once, before the loop), so a row without the
  identifier would hand its grade to the student above it.  Such a row is therefore left out of the
  Moodle file, and ``notes`` names it.  The Canvas file keeps every row: Canvas shows a row it cannot
  match rather than guessing.
* The Moodle file has one identifier column, of the kind most rows carry (``idnumber``, then ``email``,
  then ``moodle_username``); a roster with none of them falls back to the GitHub user name, and says so.

Every text cell goes through ``render.safe.csv_cell``: roster values are hostile (``=cmd|...``).
"""

from __future__ import annotations

import csv
import io

from gradekit.messages.catalogue import t
from gradekit.render.safe import csv_cell

CANVAS_COLUMNS = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
POINTS_POSSIBLE = "Points Possible"
MOODLE_FEEDBACK = "Feedback"

#: Roster columns (lower case, as ``sources.read_roster`` keeps them) that carry each LMS identifier.  The
#: Canvas export's own header names are accepted too, so a roster joined onto a Canvas export works as it is.
ROSTER = {
    "name": ("name", "student_name", "student"),
    "canvas_id": ("canvas_id", "canvas_user_id"),  # never a bare "id": Canvas matches on it first
    "sis_user_id": ("sis_user_id", "sis user id"),
    "sis_login_id": ("sis_login_id", "sis login id"),
    "section": ("section", "canvas_section"),
    "idnumber": ("idnumber", "moodle_idnumber", "id_number"),
    "email": ("email", "moodle_email", "email_address"),
    "moodle_username": ("moodle_username",),
}
#: Moodle's identifier kinds in order of preference, with the header written and the ``Map to`` to choose.
MOODLE_KINDS = (("idnumber", "idnumber", "useridnumber"), ("email", "email", "useremail"),
                ("moodle_username", "username", "username"))


def roster_value(row: dict, key: str) -> str:
    extra = (row.get("student") or {}).get("extra") or {}
    for name in ROSTER[key]:
        value = extra.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def graded(row: dict) -> bool:
    return row.get("status") == "graded" and row.get("score") is not None


def score_cell(row: dict):
    """The score as a number, or ``""`` for a student not graded (blank, never 0)."""
    if not graded(row):
        return ""
    score = row["score"]
    return int(score) if isinstance(score, float) and score.is_integer() else score


def assignment_title(assignment, fallback: str = "") -> str:
    return (assignment.name if assignment is not None else "") or fallback or "gradekit"


def points(rows: list[dict], assignment) -> int | float | str:
    if assignment is not None:
        return assignment.points
    return next((r["max_score"] for r in rows if r.get("max_score")), "")


def _write(table: list[list]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
    for line in table:
        writer.writerow([csv_cell(c) for c in line])
    return buf.getvalue()


# -- Canvas ----------------------------------------------------------------------------------------------------

def canvas_csv(rows: list[dict], assignment, *, assignment_name: str = "") -> str:
    title = assignment_title(assignment, assignment_name)
    table = [CANVAS_COLUMNS + [title], [POINTS_POSSIBLE, "", "", "", "", points(rows, assignment)]]
    for row in rows:
        table.append([canvas_name(row), roster_value(row, "canvas_id"),
                      roster_value(row, "sis_user_id"), roster_value(row, "sis_login_id"),
                      roster_value(row, "section"), score_cell(row)])
    return _write(table)


def canvas_name(row: dict) -> str:
    """The ``Student`` cell.  Canvas takes a row whose first cell reads "Points Possible" as the points row, so a
    name (a roster value) saying so is never written there; the GitHub user name stands in, or nothing."""
    for candidate in (roster_value(row, "name"), row["username"]):
        if candidate and POINTS_POSSIBLE.lower() not in candidate.lower():
            return candidate
    return ""


def canvas_unmatched(rows: list[dict]) -> list[str]:
    """Students with none of Canvas's identifiers: Canvas can match them by name only."""
    return [r["username"] for r in rows
            if not any(roster_value(r, k) for k in ("canvas_id", "sis_user_id", "sis_login_id"))]


# -- Moodle ----------------------------------------------------------------------------------------------------

def moodle_kind(rows: list[dict]) -> tuple[str, str, str]:
    """(roster key, header, Moodle's ``Map to``): the identifier most rows carry; none: GitHub user names."""
    counts = [(sum(bool(roster_value(r, key)) for r in rows), -i) for i, (key, _, _) in enumerate(MOODLE_KINDS)]
    best, neg_index = max(counts)
    if best == 0:
        return "", "username", "username"
    return MOODLE_KINDS[-neg_index]


def moodle_identifier(row: dict, key: str) -> str:
    return roster_value(row, key) if key else row["username"]


def moodle_csv(rows: list[dict], assignment, *, assignment_name: str = "", lang: str | None = None) -> str:
    key, header, _ = moodle_kind(rows)
    lang = lang or (assignment.lang if assignment is not None else "en")
    table = [[header, assignment_title(assignment, assignment_name), MOODLE_FEEDBACK]]
    for row in rows:
        ident = moodle_identifier(row, key)
        if ident:  # a row without it would give its grade to the row above (see the module docstring)
            table.append([ident, score_cell(row), feedback(row, assignment, lang)])
    return _write(table)


def moodle_left_out(rows: list[dict]) -> list[str]:
    key, _, _ = moodle_kind(rows)
    return [r["username"] for r in rows if not moodle_identifier(r, key)]


def feedback(row: dict, assignment, lang: str) -> str:
    """A line a student reads in Moodle: why there is no grade, or what the deadline and late policy did.

    Built from the status and the recorded deadline only, never from a check's message, so nothing of a
    hidden check reaches it."""
    from gradekit.course.assignment import local

    tz = assignment.tz if assignment is not None else None
    grading = row.get("grading") or {}
    parts = []
    if not graded(row):
        status = row.get("status") or ""
        key = f"lms_status_{status.replace('-', '_')}"
        reason = t(key, lang) if key in _catalogue() else status
        parts.append(t("lms_not_graded", lang, reason=reason))
    if grading.get("extended") and grading.get("deadline"):
        parts.append(t("lms_extended", lang, deadline=local(grading["deadline"], tz)))
    if graded(row) and grading.get("penalty_percent"):
        before = grading.get("points_before_penalty")
        parts.append(t("lms_late", lang, percent=_number(grading["penalty_percent"]),
                       before=_number(before) if before is not None else "?"))
    return (" · " if lang == "en" else "；").join(parts)


def _number(value):
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _catalogue() -> dict:
    from gradekit.messages.catalogue import CATALOGUE
    return CATALOGUE


# -- what the instructor is told ------------------------------------------------------------------------------

def notes(rows: list[dict]) -> list[str]:
    """Instructor-facing lines for the end of a run: the rows an LMS file cannot place by itself."""
    out = []
    unmatched = canvas_unmatched(rows)
    if unmatched:
        out.append(f"gradebook-canvas.csv: {len(unmatched)} student(s) without a Canvas ID, SIS User ID or SIS "
                   f"Login ID in the roster (Canvas can match them by name only): {_names(unmatched)}")
    key, header, mapto = moodle_kind(rows)
    if not key and rows:
        out.append("gradebook-moodle.csv: the roster has no idnumber, email or moodle_username column, so the "
                   "file identifies students by their GitHub user names (Map from \"username\" to \"username\" "
                   "only if your Moodle user names are the same)")
    left = moodle_left_out(rows)
    if left:
        out.append(f"gradebook-moodle.csv: {len(left)} student(s) left out, with no {header} in the roster "
                   f"(Moodle would give their grade to the row above): {_names(left)}")
    return out


def _names(users: list[str], limit: int = 20) -> str:
    shown = ", ".join(repr(u) for u in users[:limit])
    return shown + (f" and {len(users) - limit} more" if len(users) > limit else "")
