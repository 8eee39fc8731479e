"""``grade`` in a terminal: watch mode, one exercise at a time.

A beginner should always know what to do next.  So the screen shows one
exercise (the first one not done, in course order), its first failing check,
the hints asked for so far, a progress bar, and a one-line prompt; saving the
file grades it again.  Moving on is the student's choice after a pass (``n``),
never automatic, so the success is seen.

Saves are debounced twice over: watchfiles groups the bursts of events one
save makes (an editor writing a temporary file, renaming it, touching it), and
a topic is graded again only when its file's bytes differ from the last graded
version, so an editor that writes the same content twice costs one run.

``Session`` holds the state and builds the screen without a terminal (tests
drive it directly); ``run`` adds the terminal: single key presses (``Keys``:
cbreak mode on POSIX, ``msvcrt`` on Windows), the file watcher and the
redraws.  Student code runs, as always, only in sandbox children
started by the runner.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import queue
import sys
import threading
from datetime import datetime
from pathlib import Path

from rich.console import Console, Group
from rich.progress_bar import ProgressBar
from rich.table import Table
from rich.text import Text

from gradekit.i18n import t
from gradekit.kit import Kit
from gradekit.model import Result, Status, TopicResult
from gradekit.progress import Progress, Ref, course
from gradekit.render.safe import neutralize
from gradekit.render.terminal import exercise_table, failure_block, render, shadow_warning
from gradekit.runner import RunnerError, Submission, grade
from gradekit.stubs import Source, StubError, definition_span, reset_exercise

KEYS = {"n": "next", "h": "hint", "l": "list", "c": "all", "r": "reset", "q": "quit", "\x04": "quit"}


def file_digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


class Session:
    """Watch mode's state: what was graded, which exercise is current, what the screen shows."""

    def __init__(self, kit: Kit, lang: str, *, topics: list[str] | None = None, seed: int | None = None,
                 timeout: float = 2.0, verbose: bool = False):
        self.kit, self.lang, self.seed, self.timeout, self.verbose = kit, lang, seed, timeout, verbose
        self.slugs = [topic.slug for topic in kit.select(topics)]
        self.refs = [r for r in course(kit) if r.topic.slug in self.slugs]
        self.progress = Progress(kit.root)
        self.results: dict[str, TopicResult] = {}
        self.full: Result | None = None            # the last "check all" report
        self.digests: dict[str, str | None] = {}
        self.current: Ref | None = None
        self.mode = "exercise"                     # or "all", "list"
        self.notice: str | None = None
        self.pending: str | None = None            # "reset" while waiting for y/N
        self.error: str | None = None
        self.runs = 0
        self.checked_at = ""

    # -- grading ------------------------------------------------------------------

    def path(self, slug: str) -> Path:
        return self.kit.starter / f"{slug}.py"

    def grade(self, slugs: list[str]) -> Result | None:
        digests = {slug: file_digest(self.path(slug)) for slug in slugs}
        try:
            result = grade(self.kit, [Submission(self.kit.starter, "s0")], topics=slugs, seed=self.seed,
                           lang=self.lang, timeout=self.timeout)[0]
        except RunnerError as exc:
            self.error = f"{exc}\n{exc.output[-2000:]}" if self.verbose else str(exc)
            return None
        self.error = None
        self.runs += 1
        self.checked_at = datetime.now().strftime("%H:%M:%S")
        self.digests.update(digests)
        self.progress.record(result)
        for topic in result.topics:
            self.results[topic.slug] = topic
        return result

    def start(self) -> None:
        """Grade everything once, so the progress bar is true, then open the first exercise not done."""
        self.full = self.grade(self.slugs)
        self.current = self.progress.current(self.refs)
        self.progress.set_current(self.current)

    def changed(self, paths) -> bool:
        """Files were saved: grade the topics whose content really changed.  True if anything was graded."""
        slugs = []
        for p in paths:
            p = Path(p)
            if p.suffix == ".py" and p.stem in self.slugs and p.stem not in slugs:
                if file_digest(p) != self.digests.get(p.stem):
                    slugs.append(p.stem)
        if not slugs:
            return False
        slugs.sort(key=self.slugs.index)
        self.grade(slugs)
        self.mode, self.notice, self.pending = "exercise", None, None
        if self.current is None or self.current.topic.slug not in slugs:
            # The student is working on another topic's file: follow them there.
            mine = [r for r in self.refs if r.topic.slug == slugs[0]]
            self.current = next((r for r in mine if not self.progress.done(r)), mine[0] if mine else self.current)
            self.progress.set_current(self.current)
        return True

    # -- keys -------------------------------------------------------------------------

    def key(self, ch: str) -> bool:
        """Handle one key press; False means quit."""
        if self.pending == "reset":
            self.pending = None
            if ch.lower() == "y" and self.current is not None:
                self.reset()
            else:
                self.notice = t("w_reset_cancelled", self.lang)
            return True
        action = KEYS.get(ch.lower() if ch.isalpha() else ch)
        self.notice = None
        if action == "quit":
            return False
        if action == "next":
            self.next()
        elif action == "hint":
            self.hint()
        elif action == "list":
            self.mode = "exercise" if self.mode == "list" else "list"
        elif action == "all":
            self.full = self.grade(self.slugs)
            self.mode = "all"
        elif action == "reset" and self.current is not None:
            self.pending = "reset"
        elif ch in ("\r", "\n", " ", "\x1b"):
            self.mode = "exercise"
        return True

    def next(self) -> None:
        self.mode = "exercise"
        if self.current is not None and not self.progress.done(self.current):
            following = self.progress.next_after(self.current, self.refs)
            if following is None or following == self.current:
                self.notice = t("w_not_done", self.lang, exercise=self.current.exercise.name)
                return
            self.notice = t("w_skipped", self.lang, exercise=self.current.exercise.name)
            self.current = following
        else:
            self.current = self.progress.next_after(self.current, self.refs)
        self.progress.set_current(self.current)
        if self.current is not None and self.current.topic.slug not in self.results:
            self.grade([self.current.topic.slug])

    def hint(self) -> None:
        self.mode = "exercise"
        if self.current is None:
            return
        before = self.progress.hints(self.current)
        after = self.progress.reveal_hint(self.current)
        if after == before:
            self.notice = t("hint_no_more", self.lang, statement=self.statement(self.current))

    def reset(self) -> None:
        ref = self.current
        self.mode = "exercise"
        if ref is None:
            return
        try:
            reset_exercise(self.kit, ref.topic.slug, ref.exercise.name, self.lang)
        except StubError as exc:
            self.notice = str(exc)
            return
        self.progress.forget([ref])
        self.grade([ref.topic.slug])
        self.notice = t("w_reset_done", self.lang, exercise=ref.exercise.name, file=self.rel(self.path(ref.topic.slug)))

    # -- screen --------------------------------------------------------------------------

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
        parts = []
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
        if ex is None or not ex.checks:
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
            line_ = Text(f"  {t('hint', self.lang)} {i + 1}/{len(ref.exercise.hints)}: ", style="yellow")
            line_.append(ref.exercise.hints[i].get(self.lang))
            parts.append(line_)
        return parts

    def prompt(self) -> Text:
        if self.pending == "reset" and self.current is not None:
            return Text(t("w_confirm_reset", self.lang, exercise=self.current.exercise.name,
                          file=self.rel(self.path(self.current.topic.slug))), style="bold yellow")
        return Text(t("w_prompt", self.lang), style="bold")

    def screen(self) -> Group:
        parts = self.header()
        if self.error:
            parts.append(Text("\n" + t("w_error", self.lang, error=neutralize(self.error)), style="red"))
        if self.mode == "all" and self.full is not None:
            parts += [Text(""), render(self.full, self.lang, verbose=self.verbose)]
        elif self.mode == "list":
            parts += [Text(""), exercise_table(self.refs, self.progress, self.results, self.lang, self.current)]
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


# -- the terminal -----------------------------------------------------------------------------


if sys.platform == "win32":
    import msvcrt

    class Keys:
        """Key presses from the Windows console: ``msvcrt`` reads them one by one, unechoed, with no mode to set."""

        #: How long ``read`` waits for a key before it looks at ``stop`` again.
        POLL = 0.05

        def __init__(self, stdin) -> None:
            self.stdin = stdin

        def start(self) -> None:
            pass

        def restore(self) -> None:
            pass

        def read(self, stop: threading.Event) -> str | None:
            """The next keys typed ('' once ``stop`` is set); None at the end of input."""
            while not stop.is_set():
                if not msvcrt.kbhit():
                    stop.wait(self.POLL)  # kbhit does not block, and getwch cannot be interrupted
                    continue
                ch = msvcrt.getwch()
                if ch in ("\x00", "\xe0"):
                    msvcrt.getwch()  # an arrow or function key: its second half says which; ignored
                    continue
                return ch
            return ""
else:
    import termios
    import tty

    class Keys:
        """Key presses from a POSIX terminal, put in cbreak mode (keys arrive unbuffered, Ctrl+C still works)."""

        def __init__(self, stdin) -> None:
            self.fd = stdin.fileno()
            self.saved = termios.tcgetattr(self.fd)
            self.decoder = codecs.getincrementaldecoder(getattr(stdin, "encoding", None) or "utf-8")("replace")

        def start(self) -> None:
            tty.setcbreak(self.fd)

        def restore(self) -> None:
            termios.tcsetattr(self.fd, termios.TCSADRAIN, self.saved)

        def read(self, stop: threading.Event) -> str | None:
            """The next keys typed; None at the end of input (or when the terminal is gone)."""
            while not stop.is_set():
                try:
                    data = os.read(self.fd, 64)
                except OSError:
                    return None
                if not data:
                    return None
                if data.startswith(b"\x1b") and len(data) > 1:
                    continue  # arrow keys and other escape sequences
                return self.decoder.decode(data)
            return ""


def _keys(keys: Keys, events: queue.Queue, stop: threading.Event) -> None:
    while not stop.is_set():
        typed = keys.read(stop)
        if typed is None:
            events.put(("key", "\x04"))
            return
        for ch in typed:
            events.put(("key", ch))


def _files(folder: Path, slugs: list[str], events: queue.Queue, stop: threading.Event) -> None:
    import watchfiles

    wanted = set(slugs)

    def keep(change, path: str) -> bool:
        p = Path(path)
        return p.suffix == ".py" and p.stem in wanted and p.parent == folder

    try:
        for changes in watchfiles.watch(folder, watch_filter=keep, stop_event=stop, raise_interrupt=False,
                                        recursive=False):
            events.put(("files", {Path(p) for _, p in changes}))
    except Exception as exc:  # the watcher died (folder removed...): say so, keep the keys working
        events.put(("watch_error", str(exc)))


def run(kit: Kit, lang: str, *, topics: list[str] | None = None, seed: int | None = None, timeout: float = 2.0,
        verbose: bool = False, console: Console | None = None) -> int:
    console = console or Console(highlight=False)
    session = Session(kit, lang, topics=topics, seed=seed, timeout=timeout, verbose=verbose)
    kit.starter.mkdir(parents=True, exist_ok=True)
    keys = Keys(sys.stdin)
    events: queue.Queue = queue.Queue()
    stop = threading.Event()

    def draw(status: str | None = None) -> None:
        console.clear()
        console.print(session.screen())
        if status:
            console.print(Text(status, style="dim"))
        console.print(session.prompt(), end="")
        console.file.flush()

    try:
        keys.start()
        console.clear()
        console.print(Text(t("w_title", lang), style="bold"))
        console.print(Text(t("w_starting", lang), style="dim"), end="")
        console.file.flush()
        threading.Thread(target=_files, args=(kit.starter.resolve(), session.slugs, events, stop), daemon=True).start()
        session.start()
        threading.Thread(target=_keys, args=(keys, events, stop), daemon=True).start()
        draw()
        while True:
            try:
                kind, payload = events.get(timeout=0.5)
            except queue.Empty:
                continue
            if kind == "key":
                if not session.key(payload):
                    break
            elif kind == "files":
                paths = set(payload)
                while True:  # saves that queued up while grading: one run for all of them
                    try:
                        more_kind, more = events.get_nowait()
                    except queue.Empty:
                        break
                    if more_kind == "files":
                        paths |= more
                    else:
                        events.put((more_kind, more))
                        break
                if not any(file_digest(Path(p)) != session.digests.get(Path(p).stem) for p in paths):
                    continue
                draw(t("w_checking", lang))
                session.changed(paths)
            elif kind == "watch_error":
                session.notice = t("w_watch_failed", lang, error=payload)
            draw()
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        keys.restore()
    console.print()
    console.print(t("w_bye", lang, file=session.rel(session.progress.path)))
    return 0
