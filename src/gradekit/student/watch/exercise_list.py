"""Watch mode's ``l`` list: every exercise, a highlight to move, and a window that fits the terminal.

The course has over a hundred exercises and a laptop terminal may show fifteen
lines, so the list is a window onto one row per exercise: the highlight moves
with the arrow keys or j/k, the window follows it (and pages with PgUp/PgDn),
and Enter opens the highlighted exercise.  Only the rows in the window are
built, each one line cut to the terminal's width, so a redraw costs the same
for 8 exercises or 200 and nothing wraps and scrolls the top of the screen
away.  (DESIGN.md puts this in ``student/watch/``; that package cannot exist
beside ``gradekit/student/commands.py`` until the layout move.)
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text

from gradekit.messages.catalogue import t
from gradekit.student.progress import Progress, Ref
from gradekit.render.safe import neutralize
from gradekit.render.terminal import exercise_status

_STATUS_STYLE = {"done": ("✓", "green"), "todo": ("·", "dim"), "failing": ("✗", "red"), "unknown": ("?", "dim")}
#: Widest topic and exercise columns; longer names are cut (the title column takes what is left).
TOPIC_WIDTH, NAME_WIDTH = 22, 26


def _pad(text: str, width: int) -> str:
    """``text`` cut or padded to ``width`` terminal cells (CJK characters take two)."""
    if cell_len(text) > width:
        out = Text(text)
        out.truncate(width, overflow="ellipsis")
        text = out.plain
    return text + " " * max(0, width - cell_len(text))


class ExerciseList:
    """The highlight and the window: ``index`` is the highlighted row, ``top`` the first row shown."""

    def __init__(self, refs: list[Ref], current: Ref | None, rows: int = 10):
        self.refs = refs
        self.index = refs.index(current) if current in refs else 0
        self.top = 0
        self.rows = max(1, rows)
        self.fit(rows)
        self.top = max(0, min(self.index - self.rows // 2, len(refs) - self.rows))  # open with the highlight centred

    def fit(self, rows: int) -> None:
        """The terminal shows ``rows`` rows of the list: keep the highlight inside the window."""
        self.rows = max(1, rows)
        self.top = max(0, min(self.top, len(self.refs) - self.rows))
        if self.index < self.top:
            self.top = self.index
        elif self.index >= self.top + self.rows:
            self.top = self.index - self.rows + 1

    def move(self, delta: int) -> None:
        if self.refs:
            self.index = max(0, min(len(self.refs) - 1, self.index + delta))
            self.fit(self.rows)

    def page(self, pages: int) -> None:
        """PgUp/PgDn: the window moves a whole page and the highlight with it."""
        if not self.refs:
            return
        self.top = max(0, min(len(self.refs) - self.rows, self.top + pages * self.rows))
        self.index = max(0, min(len(self.refs) - 1, self.index + pages * self.rows))
        self.fit(self.rows)

    def home(self, end: bool = False) -> None:
        self.move(len(self.refs) if end else -len(self.refs))

    def selected(self) -> Ref | None:
        return self.refs[self.index] if self.refs else None

    # -- drawing -------------------------------------------------------------------------

    def lines(self, progress: Progress, results: dict, lang: str, current: Ref | None, width: int) -> list[Text]:
        """The column header, the rows in the window and the position line, each at most ``width`` cells."""
        window = self.refs[self.top:self.top + self.rows]
        topic_w = min(TOPIC_WIDTH, max([cell_len(t("col_topic", lang))] + [cell_len(r.topic.slug) for r in window]))
        name_w = min(NAME_WIDTH, max([cell_len(t("col_exercise", lang))] + [cell_len(r.exercise.name) for r in window]))
        status_w = max(cell_len(f"✓ {t('status_' + s, lang)}") for s in _STATUS_STYLE)
        head = Text("  " + "  ".join([_pad(t("col_topic", lang), topic_w), _pad(t("col_exercise", lang), name_w),
                                      _pad(t("col_status", lang), status_w), _pad(t("col_points", lang), 6),
                                      _pad(t("col_hints", lang), 5), t("col_title", lang)]), style="bold")
        out = [head]
        for i, ref in enumerate(window, self.top):
            first_of_topic = i == self.top or self.refs[i - 1].topic.slug != ref.topic.slug
            status, points = self._status(ref, progress, results)
            sym, style = _STATUS_STYLE[status]
            hints = progress.hints(ref)
            row = Text()
            row.append("▶ " if current is not None and ref == current else "  ", style="bold cyan")
            row.append(_pad(ref.topic.slug if first_of_topic else "", topic_w) + "  ", style="bold")
            row.append(_pad(ref.exercise.name, name_w) + "  ")
            row.append(_pad(f"{sym} {t('status_' + status, lang)}", status_w) + "  ", style=style)
            row.append(_pad(points, 6) + "  " + _pad(f"{hints}/{len(ref.exercise.hints)}" if hints else "", 5) + "  ")
            row.append(neutralize(ref.exercise.title.get(lang)), style="dim")
            if i == self.index:
                row.stylize("reverse")
            row.truncate(width, overflow="ellipsis")
            out.append(row)
        last = self.top + len(window)
        out.append(Text(t("w_list_position", lang, first=self.top + 1 if window else 0, last=last,
                          total=len(self.refs)), style="dim"))
        for line in out:
            line.no_wrap = True
            line.overflow = "ellipsis"
        return out

    @staticmethod
    def _status(ref: Ref, progress: Progress, results: dict) -> tuple[str, str]:
        topic = results.get(ref.topic.slug)
        ex = next((e for e in topic.exercises if e.name == ref.exercise.name), None) if topic else None
        if ex is not None and ex.checks:
            return exercise_status(ex), f"{ex.score}/{ex.max_score}"
        entry = progress.entry(ref)
        points = f"{entry['score']}/{entry['max_score']}" if isinstance(entry.get("max_score"), int) else ""
        return ("done" if progress.done(ref) else "unknown"), points
