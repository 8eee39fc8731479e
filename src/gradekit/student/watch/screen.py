"""What watch mode's screen shows, built from the session's state as rich renderables, without a terminal.

One exercise at a time: the header with the progress bar, the current exercise with its first
failing check and the hints asked for so far, the notes, and a one-line prompt of the keys that
work now.  ``l`` shows the list instead (``exercise_list``), ``c`` the full report.  Tests draw
these directly; ``app.run`` prints them.
"""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len
from rich.console import Group
from rich.progress_bar import ProgressBar
from rich.table import Table
from rich.text import Text

from gradekit.course.kit import Kit
from gradekit.messages.catalogue import CATALOGUE, t
from gradekit.model import Result, Status, TopicResult
from gradekit.render.safe import neutralize
from gradekit.render.terminal import failure_block, render, shadow_warning
from gradekit.render.wrap import Wrapped
from gradekit.student.progress import Progress, Ref
from gradekit.student.stubs import Source, definition_span
from gradekit.student.watch.exercise_list import ExerciseList


class Screen:
    """The screen half of ``app.Session``: every method reads the session's state and changes none of it."""

    # The session's state this half reads (``app.Session.__init__`` sets it).
    kit: Kit
    lang: str
    verbose: bool
    slugs: list[str]
    refs: list[Ref]
    progress: Progress
    results: dict[str, TopicResult]
    full: Result | None
    current: Ref | None
    mode: str
    show_all: bool
    exercises: ExerciseList | None   # the list, while mode == "list"
    width: int
    height: int
    notice: str | None
    pending: str | None
    error: str | None
    runs: int
    checked_at: str

    def path(self, slug: str) -> Path:
        return self.kit.starter / f"{slug}.py"

    def list_rows(self) -> int:
        """Rows of the list that fit: the terminal less the title, bar, column header, position and key lines."""
        return max(3, self.height - 6)

    def rel(self, path: Path) -> str:
        try:
            return path.relative_to(self.kit.root).as_posix()
        except ValueError:
            return str(path)

    def statement(self, ref: Ref) -> str:
        return self.rel(ref.topic.folder / "README.md")

    def exercise_result(self, ref: Ref):
        topic = self.results.get(ref.topic.slug)
        if topic is None:
            return None
        return next((e for e in topic.exercises if e.name == ref.exercise.name), None)

    def header(self) -> list:
        total, done = len(self.refs), self.progress.done_count(self.refs)
        title = Text(t("w_title", self.lang), style="bold")
        if self.runs:
            title.append("  " + t("w_checked", self.lang, time=self.checked_at, runs=self.runs), style="dim")
        bar = Table.grid(padding=(0, 1))
        bar.add_row(ProgressBar(total=max(total, 1), completed=done, width=40),
                    Text(t("w_progress", self.lang, done=done, total=total), style="bold"))
        return [title, bar]

    def hidden_note(self) -> Text | None:
        checks = sum(self.results[s].hidden.checks for s in self.slugs if s in self.results)
        points = sum(self.results[s].hidden.points for s in self.slugs if s in self.results)
        if not checks:
            return None
        return Text(t("w_hidden", self.lang, hidden=checks, hidden_points=points), style="dim")

    def exercise_view(self) -> list:
        parts: list = []
        ref = self.current
        if ref is None:
            parts.append(Text("\n" + t("w_all_done", self.lang, total=len(self.refs)), style="bold green"))
            return parts
        path = self.path(ref.topic.slug)
        line = None
        try:
            span = definition_span(Source.read(path).text, ref.exercise.name)
            line = span[0] if span else None
        except (OSError, SyntaxError, ValueError):
            pass
        head = Text("\n▶ ", style="bold cyan")
        head.append(ref.label, style="bold")
        head.append(f" · {ref.exercise.title.get(self.lang)}")
        where = Text("  " + t("w_file", self.lang, file=self.rel(path) + (f":{line}" if line else ""),
                              statement=self.statement(ref)), style="dim")
        parts += [head, where]
        ex = self.exercise_result(ref)
        if not path.is_file():
            # Beyond the report's sentence: the key that does the same, and that it asks first.
            parts.append(Text("\n" + t("w_file_gone", self.lang, file=self.rel(path), topic=ref.topic.slug),
                              style="bold yellow"))
        elif ex is None or not ex.checks:
            parts.append(Text("\n" + t("w_no_checks", self.lang), style="yellow"))
        else:
            failing = [c for c in ex.checks if c.status is not Status.PASS]
            passed = len(ex.checks) - len(failing)
            if not failing:
                parts.append(Text("\n" + t("w_passed", self.lang, exercise=ref.exercise.name, n=len(ex.checks)),
                                  style="bold green"))
            else:
                parts.append(Text(""))
                parts.append(failure_block(ref.topic.slug, ref.exercise.name, failing[0], self.lang, self.verbose))
                parts.append(Text(t("w_checks", self.lang, passed=passed, total=len(ex.checks),
                                    exercise=ref.exercise.name), style="dim"))
        shown = self.progress.hints(ref)
        for i in range(shown):
            label, _, _ = t("hint_line", self.lang, i=i + 1, n=len(ref.exercise.hints), text="\0").partition("\0")
            line_ = Text(label, style="yellow")  # the catalogue's punctuation: 提示 1/2：, hint 1/2:
            line_.append(ref.exercise.hints[i].get(self.lang))
            parts.append(Wrapped().add(line_, indent=2, hanging=cell_len(label)))  # code in a hint stays on one line
        return parts

    def prompt(self) -> Text:
        if self.pending == "reset" and self.current is not None:
            file = self.rel(self.path(self.current.topic.slug))
            if not self.path(self.current.topic.slug).is_file():
                return Text(t("w_confirm_restore", self.lang, file=file), style="bold yellow")
            return Text(t("w_confirm_reset", self.lang, exercise=self.current.exercise.name, file=file),
                        style="bold yellow")
        if self.mode == "list":
            return Text(t("w_list_keys", self.lang), style="bold")
        return Text(t("w_keys", self.lang), style="bold")

    def report(self, result: Result) -> Group:
        """The full report, with the watch-mode key where the one-shot report names ``--all``."""
        group = render(result, self.lang, verbose=self.verbose, show_all=self.show_all)
        pattern = CATALOGUE["more_failures"][self.lang].split("{n}")
        for i, part in enumerate(group.renderables):
            plain = part.plain if isinstance(part, Text) else ""
            if len(pattern) == 2 and plain.startswith(pattern[0]) and plain.endswith(pattern[1]):
                n = plain[len(pattern[0]):len(plain) - len(pattern[1])]
                if n.isdigit():
                    group.renderables[i] = Text(t("w_more_failures", self.lang, n=n), style="bold")
        return group

    def screen(self) -> Group:
        parts = self.header()
        if self.mode == "list" and self.exercises is not None:
            # Only what fits: the window of rows, no notes that would push the title off a small terminal.
            self.exercises.fit(self.list_rows())
            parts += self.exercises.lines(self.progress, self.results, self.lang, self.current, self.width)
            return Group(*parts)
        if self.error:
            parts.append(Text("\n" + t("w_error", self.lang, error=neutralize(self.error)), style="red"))
        if self.mode == "all" and self.full is not None:
            parts += [Text(""), self.report(self.full)]
        else:
            parts += self.exercise_view()
        warning = shadow_warning(self.kit.starter, self.lang)
        if warning:
            parts.append(Text(warning, style="yellow"))
        note = self.hidden_note() if self.mode != "all" else None  # the full report says it already
        parts.append(Text(""))
        if note is not None:
            parts.append(note)
        if self.progress.problem:
            parts.append(Text(self.progress.problem, style="yellow"))
        if self.notice:
            parts.append(Text(self.notice, style="yellow"))
        if self.current is not None and self.mode == "exercise":
            parts.append(Text(t("w_save", self.lang, file=self.rel(self.path(self.current.topic.slug))), style="dim"))
        return Group(*parts)
