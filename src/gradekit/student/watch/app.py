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

``Session`` holds the state and answers keys and saves; ``screen.Screen``
builds what it shows, without a terminal (tests drive both directly).  ``run``
adds the terminal: the key presses and saved files of ``events``, one queue
read by one loop, and the redraws.  Student code runs, as always, only in
sandbox children started by the runner.
"""

from __future__ import annotations

import hashlib
import os
import queue
import random
import sys
import threading
from datetime import datetime
from pathlib import Path

from rich.console import Console
from rich.control import Control
from rich.segment import ControlType
from rich.text import Text

from gradekit.course.kit import Kit
from gradekit.grading.runner import RunnerError, Submission, grade
from gradekit.messages.catalogue import t
from gradekit.model import EXIT_OK, Result, TopicResult
from gradekit.student.progress import Progress, Ref, course, resolve
from gradekit.student.stubs import StubError, reset_exercise
from gradekit.student.watch.events import (Event, FilesSaved, KeyPressed, Keys, WatcherFailed, read_keys, saved_since,
                                           watch_files)
from gradekit.student.watch.exercise_list import ExerciseList
from gradekit.student.watch.screen import Screen
from gradekit.student.watch.session import WarmSession

KEYS = {"n": "next", "p": "previous", "h": "hint", "l": "list", "c": "all", "a": "every", "r": "reset",
        "q": "quit", "\x04": "quit"}
#: Keys inside the list; q and Esc close it there instead of quitting.
LIST_KEYS = {"<up>": -1, "k": -1, "<down>": 1, "j": 1}
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


class Session(Screen):
    """Watch mode's state: what was graded, which exercise is current; ``Screen`` draws it."""

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
        self.exercises: ExerciseList | None = None      # while mode == "list"
        self.width, self.height = 100, 40          # the terminal's size; run() keeps it current
        self.notice: str | None = None
        self.pending: str | None = None            # "reset" while waiting for y/N
        self.error: str | None = None
        self.runs = 0
        self.checked_at = ""

    # -- grading ------------------------------------------------------------------

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
            self.mode, self.exercises = "list", ExerciseList(self.refs, self.current, self.list_rows())
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
        assert self.exercises is not None
        self.exercises.fit(self.list_rows())
        action = action_of(ch)
        if ch == "\x04":
            return False
        if action not in (None, "list", "quit") and ch not in LIST_KEYS:
            self.mode, self.exercises = "exercise", None
            return self.key(ch)
        if ch in LIST_KEYS:
            self.exercises.move(LIST_KEYS[ch])
        elif ch in ("<pgup>", "<pgdn>"):
            self.exercises.page(-1 if ch == "<pgup>" else 1)
        elif ch in ("<home>", "<end>", "g", "G"):
            self.exercises.home(end=ch in ("<end>", "G"))
        elif ch in ("\r", "\n"):
            chosen = self.exercises.selected()
            self.mode, self.exercises = "exercise", None
            if chosen is not None:
                self.go(chosen)
        elif ch in ("\x1b", "q", "Q", "l", "L"):
            self.mode, self.exercises = "exercise", None
        return True

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
    events: queue.Queue[Event] = queue.Queue()
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
        threading.Thread(target=watch_files, args=(kit.starter.resolve(), session.slugs, events, stop), daemon=True).start()
        session.start()
        threading.Thread(target=read_keys, args=(keys, events, stop), daemon=True).start()
        draw()
        while True:
            try:
                event = events.get(timeout=0.5)
            except queue.Empty:
                if terminal_size(console) != (session.width, session.height):
                    draw()  # the window was resized (a Codespaces or VS Code panel dragged): redraw to fit
                continue
            if isinstance(event, KeyPressed):
                if not session.key(event.key):
                    break
            elif isinstance(event, FilesSaved):
                paths = saved_since(event, events)   # saves that queued up while grading: one run for all of them
                if not any(file_digest(p) != session.digests.get(p.stem) for p in paths):
                    continue
                checking(t("w_checking", lang))
                session.changed(paths)
            elif isinstance(event, WatcherFailed):
                session.notice = t("w_watch_failed", lang, error=event.error)
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
