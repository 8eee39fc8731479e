"""``grade`` in a terminal: watch mode, one exercise at a time.

A beginner should always know what to do next.  So the screen shows one
exercise (the first one not done, in course order), its first failing check,
the hints asked for so far, a progress bar, and a one-line prompt; saving the
file grades it again.  Moving on is the student's choice after a pass (``n``),
never automatic, so the success is seen; ``p`` goes back, and ``l`` opens the
list (``watch_list``) to jump anywhere.  ``grade watch functions/move`` opens
one exercise first.

Saves are debounced twice over: watchfiles groups the bursts of events one
save makes (an editor writing a temporary file, renaming it, touching it), and
a topic is graded again only when its file's bytes differ from the last graded
version, so an editor that writes the same content twice costs one run.

From a save to its result on screen should take no longer than a glance
(DESIGN §7: 150 ms median; ``bench/bench_watch.py`` measures it).  So the
grading session is started ahead and kept warm (``watch_session``): graders
collected once, and for every save a round in it whose sandbox children come
from a fork server started while the student was still typing, loading the
file as saved.  Should that session fail in any way, the save is graded by a
fresh one (``runner.grade``) as before.

``Session`` holds the state and builds the screen without a terminal (tests
drive it directly); ``run`` adds the terminal: single key presses (``Keys``:
cbreak mode on POSIX, ``msvcrt`` on Windows; arrows and page keys arrive as
names such as ``<down>``), the file watcher and the redraws.  Student code runs, as always, only in sandbox children
started by the runner.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import queue
import random
import sys
import threading
from datetime import datetime
from pathlib import Path

from rich.cells import cell_len
from rich.console import Console, Group
from rich.control import Control
from rich.progress_bar import ProgressBar
from rich.segment import ControlType
from rich.table import Table
from rich.text import Text

from gradekit.messages.catalogue import CATALOGUE, t
from gradekit.course.kit import Kit
from gradekit.render.wrap import Wrapped
from gradekit.model import EXIT_OK, Result, Status, TopicResult
from gradekit.student.progress import Progress, Ref, course, resolve
from gradekit.render.safe import neutralize
from gradekit.render.terminal import failure_block, render, shadow_warning
from gradekit.grading.runner import RunnerError, Submission, grade
from gradekit.student.stubs import Source, StubError, definition_span, reset_exercise
from gradekit.student.watch.exercise_list import ExerciseList
from gradekit.student.watch.session import WarmSession

KEYS = {"n": "next", "p": "previous", "h": "hint", "l": "list", "c": "all", "a": "every", "r": "reset",
        "q": "quit", "\x04": "quit"}
#: Keys inside the list; q and Esc close it there instead of quitting.
LIST_KEYS = {"<up>": -1, "k": -1, "<down>": 1, "j": 1}
#: Escape sequences of the keys watch mode knows (xterm and its application-cursor variants).
SEQUENCES = {"\x1b[A": "<up>", "\x1bOA": "<up>", "\x1b[B": "<down>", "\x1bOB": "<down>",
             "\x1b[5~": "<pgup>", "\x1b[6~": "<pgdn>", "\x1b[H": "<home>", "\x1bOH": "<home>",
             "\x1b[1~": "<home>", "\x1b[F": "<end>", "\x1bOF": "<end>", "\x1b[4~": "<end>"}
#: The second half of a Windows console's arrow or page key (after "\x00" or "\xe0").
WINDOWS_KEYS = {"H": "<up>", "P": "<down>", "I": "<pgup>", "Q": "<pgdn>", "G": "<home>", "O": "<end>"}


def split_keys(typed: str) -> list[str]:
    """What one read from the terminal holds, key by key: characters, and names for known escape sequences.

    A lone ESC is the Esc key; other sequences (function keys, mouse reports) are dropped whole, so their
    letters are never taken for commands.
    """
    out, i = [], 0
    while i < len(typed):
        ch = typed[i]
        if ch != "\x1b" or i + 1 == len(typed) or typed[i + 1] not in "[O":
            out.append(ch)
            i += 1
            continue
        j = i + 2  # the sequence ends at its final byte, "@" to "~"
        if typed[i + 1] == "[":
            while j < len(typed) and not "@" <= typed[j] <= "~":
                j += 1
        name = SEQUENCES.get(typed[i:j + 1])
        if name:
            out.append(name)
        i = j + 1
    return out


def action_of(ch: str) -> str | None:
    """The command a key stands for (letters in either case, as Caps Lock leaves them), or None."""
    return KEYS.get(ch.lower() if len(ch) == 1 and ch.isalpha() else ch)


def targets(kit: Kit, items: list[str] | None, lang: str) -> tuple[list[str], Ref | None]:
    """``grade watch`` arguments (topics, exercises or topic/exercise) to the topics to watch and the exercise to
    open first; names are read as ``grade hint`` and ``grade reset`` read them."""
    if not items:
        return [topic.slug for topic in kit.topics], None
    order = [topic.slug for topic in kit.topics]
    slugs: list[str] = []
    start = None
    for item in items:
        found = resolve(kit, item, lang)  # a topic, an exercise, or topic/exercise; a worded did-you-mean if none
        if start is None and item.strip().strip("/") not in order:
            start = found[0]  # `grade watch my_abs` opens my_abs, as `grade hint my_abs` names it
        for ref in found:
            if ref.topic.slug not in slugs:
                slugs.append(ref.topic.slug)
    return sorted(slugs, key=order.index), start


def file_digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


class Session:
    """Watch mode's state: what was graded, which exercise is current, what the screen shows."""

    def __init__(self, kit: Kit, lang: str, *, topics: list[str] | None = None, seed: int | None = None,
                 timeout: float = 2.0, verbose: bool = False, warm: bool = False):
        self.kit, self.lang, self.seed, self.timeout, self.verbose = kit, lang, seed, timeout, verbose
        self.slugs, self.opening = targets(kit, topics, lang)
        # A grading session kept warm between saves (``watch_session``); None: a fresh one for every grading.
        self.warm = WarmSession(kit, self.slugs, lang=lang, timeout=timeout) if warm else None
        self.refs = [r for r in course(kit) if r.topic.slug in self.slugs]
        self.progress = Progress(kit.root)
        self.results: dict[str, TopicResult] = {}
        self.full: Result | None = None            # the last "check all" report
        self.digests: dict[str, str | None] = {}
        self.current: Ref | None = None
        self.mode = "exercise"                     # or "all", "list"
        self.show_all = False                      # "all": every failure (a), not the first few
        self.list: ExerciseList | None = None      # while mode == "list"
        self.width, self.height = 100, 40          # the terminal's size; run() keeps it current
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
        result = None
        if self.warm is not None:
            seed = random.randrange(1, 2**31) if self.seed is None else self.seed
            result = self.warm.grade(slugs, seed)   # None: it could not; a fresh session grades instead
        if result is None:
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
        self.current = self.opening or self.progress.current(self.refs)
        self.progress.set_current(self.current)

    def close(self) -> None:
        """End the warm grading session, if there is one, with everything it started."""
        if self.warm is not None:
            self.warm.close()

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
        if self.mode == "list":
            return self.list_key(ch)
        action = action_of(ch)
        self.notice = None
        if action == "quit":
            return False
        if action == "next":
            self.next()
        elif action == "previous":
            self.previous()
        elif action == "hint":
            self.hint()
        elif action == "list":
            self.mode, self.list = "list", ExerciseList(self.refs, self.current, self.list_rows())
        elif action == "all":
            self.full = self.grade(self.slugs)
            self.mode, self.show_all = "all", False
        elif action == "every":
            if self.mode != "all" or self.full is None:
                self.full = self.grade(self.slugs)
            self.mode, self.show_all = "all", True
        elif action == "reset" and self.current is not None:
            self.pending = "reset"
        elif ch in ("\r", "\n", " ", "\x1b"):
            self.mode = "exercise"
        return True

    def list_key(self, ch: str) -> bool:
        """In the list: moving keys, Enter to open, Esc, q or l to close; the other commands close it and run."""
        assert self.list is not None
        self.list.fit(self.list_rows())
        action = action_of(ch)
        if ch == "\x04":
            return False
        if action not in (None, "list", "quit") and ch not in LIST_KEYS:
            self.mode, self.list = "exercise", None
            return self.key(ch)
        if ch in LIST_KEYS:
            self.list.move(LIST_KEYS[ch])
        elif ch in ("<pgup>", "<pgdn>"):
            self.list.page(-1 if ch == "<pgup>" else 1)
        elif ch in ("<home>", "<end>", "g", "G"):
            self.list.home(end=ch in ("<end>", "G"))
        elif ch in ("\r", "\n"):
            chosen = self.list.selected()
            self.mode, self.list = "exercise", None
            if chosen is not None:
                self.go(chosen)
        elif ch in ("\x1b", "q", "Q", "l", "L"):
            self.mode, self.list = "exercise", None
        return True

    def list_rows(self) -> int:
        """Rows of the list that fit: the terminal less the title, bar, column header, position and key lines."""
        return max(3, self.height - 6)

    def go(self, ref: Ref) -> None:
        """Open ``ref`` (from the list or ``p``), grading its topic first if this session has not yet."""
        self.mode = "exercise"
        self.current = ref
        self.progress.set_current(ref)
        if ref.topic.slug not in self.results:
            self.grade([ref.topic.slug])

    def previous(self) -> None:
        """The exercise before this one in course order, done or not (to look back at a solution, say)."""
        self.mode = "exercise"
        if self.current is None:
            if self.refs:
                self.go(self.refs[-1])
            return
        at = self.refs.index(self.current) if self.current in self.refs else 0
        if at == 0:
            self.notice = t("w_first", self.lang, exercise=self.current.exercise.name)
            return
        self.go(self.refs[at - 1])

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
        gone = not self.path(ref.topic.slug).is_file()
        try:
            reset_exercise(self.kit, ref.topic.slug, ref.exercise.name, self.lang)  # a missing file: all of it
        except StubError as exc:
            self.notice = str(exc)
            return
        self.progress.forget([r for r in self.refs if r.topic.slug == ref.topic.slug] if gone else [ref])
        self.grade([ref.topic.slug])
        file = self.rel(self.path(ref.topic.slug))
        self.notice = (t("w_restored", self.lang, file=file) if gone else
                       t("w_reset_done", self.lang, exercise=ref.exercise.name, file=file))

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
            head, _, _ = t("hint_line", self.lang, i=i + 1, n=len(ref.exercise.hints), text="\0").partition("\0")
            line_ = Text(head, style="yellow")  # the catalogue's punctuation: 提示 1/2：, hint 1/2:
            line_.append(ref.exercise.hints[i].get(self.lang))
            parts.append(Wrapped().add(line_, indent=2, hanging=cell_len(head)))  # code in a hint stays on one line
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
        if self.mode == "list" and self.list is not None:
            # Only what fits: the window of rows, no notes that would push the title off a small terminal.
            self.list.fit(self.list_rows())
            parts += self.list.lines(self.progress, self.results, self.lang, self.current, self.width)
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

        def read(self, stop: threading.Event) -> list[str] | None:
            """The next keys typed ([] once ``stop`` is set); None at the end of input."""
            while not stop.is_set():
                if not msvcrt.kbhit():
                    stop.wait(self.POLL)  # kbhit does not block, and getwch cannot be interrupted
                    continue
                ch = msvcrt.getwch()
                if ch in ("\x00", "\xe0"):
                    name = WINDOWS_KEYS.get(msvcrt.getwch())  # an arrow or function key: its second half says which
                    if name:
                        return [name]
                    continue
                return [ch]
            return []
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

        def read(self, stop: threading.Event) -> list[str] | None:
            """The next keys typed; None at the end of input (or when the terminal is gone)."""
            while not stop.is_set():
                try:
                    data = os.read(self.fd, 64)
                except OSError:
                    return None
                if not data:
                    return None
                keys = split_keys(self.decoder.decode(data))
                if keys:
                    return keys
            return []


def _keys(keys: Keys, events: queue.Queue, stop: threading.Event) -> None:
    while not stop.is_set():
        typed = keys.read(stop)
        if typed is None:
            events.put(("key", "\x04"))
            return
        for key in typed:
            events.put(("key", key))


#: How watchfiles groups one save's events: it yields once no new event came for ``STEP_MS`` (watchfiles' default
#: is 50), or after ``DEBOUNCE_MS`` of events that keep coming.  An editor's write, rename and touch of one save
#: come within a millisecond or two; should one save's events be split anyway, the second part costs no run
#: unless the file's bytes changed in between (a file is graded again only when they did).  Waking every 5 ms
#: costs well under 1 % of a core.
STEP_MS, DEBOUNCE_MS = 5, 1600


def _files(folder: Path, slugs: list[str], events: queue.Queue, stop: threading.Event) -> None:
    import watchfiles

    wanted = set(slugs)

    def keep(change, path: str) -> bool:
        p = Path(path)
        return p.suffix == ".py" and p.stem in wanted and p.parent == folder

    try:
        for changes in watchfiles.watch(folder, watch_filter=keep, stop_event=stop, raise_interrupt=False,
                                        recursive=False, debounce=DEBOUNCE_MS, step=STEP_MS):
            events.put(("files", {Path(p) for _, p in changes}))
    except Exception as exc:  # the watcher died (folder removed...): say so, keep the keys working
        events.put(("watch_error", str(exc)))


def terminal_size(console: Console) -> tuple[int, int]:
    """The terminal's size now, asked of the terminal itself.

    Rich believes ``COLUMNS`` and ``LINES`` when they are set, and a value left over in the environment (from the
    shell, or a parent that ran in another window) would draw the list taller than the screen; this is asked again
    at every redraw, so a resized window is followed too.
    """
    try:
        columns, lines = os.get_terminal_size(console.file.fileno())
    except (AttributeError, ValueError, OSError):
        return console.size
    return (columns, lines) if columns > 0 and lines > 0 else console.size


def run(kit: Kit, lang: str, *, topics: list[str] | None = None, seed: int | None = None, timeout: float = 2.0,
        verbose: bool = False, console: Console | None = None) -> int:
    console = console or Console(highlight=False)
    session = Session(kit, lang, topics=topics, seed=seed, timeout=timeout, verbose=verbose, warm=True)
    kit.starter.mkdir(parents=True, exist_ok=True)
    keys = Keys(sys.stdin)
    events: queue.Queue = queue.Queue()
    stop = threading.Event()

    def draw() -> None:
        session.width, session.height = console.size = terminal_size(console)
        console.clear()
        console.print(session.screen())
        console.print(session.prompt(), end="")
        console.file.flush()

    def checking(status: str) -> None:
        """``status`` on a line above the prompt, without drawing the screen again (a save's result comes in a
        few dozen milliseconds; drawing the screen twice would cost a good part of them): the prompt, the last
        thing drawn with the cursor after it, is erased and written again below the status."""
        rows = max(1, len(console.render_lines(session.prompt(), pad=False)))   # wrapped as draw() wrapped it
        codes = [Control((ControlType.ERASE_IN_LINE, 2))]
        for _ in range(rows - 1):
            codes += [Control((ControlType.CURSOR_UP, 1)), Control((ControlType.ERASE_IN_LINE, 2))]
        console.control(*codes, Control.move_to_column(0))
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
                if terminal_size(console) != (session.width, session.height):
                    draw()  # the window was resized (a Codespaces or VS Code panel dragged): redraw to fit
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
                checking(t("w_checking", lang))
                session.changed(paths)
            elif kind == "watch_error":
                session.notice = t("w_watch_failed", lang, error=payload)
            draw()
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        keys.restore()
        session.close()
    console.print()
    console.print(t("w_bye", lang, file=session.rel(session.progress.path)))
    return EXIT_OK
