"""What watch mode waits on: key presses and saved files, as typed events on one queue.

Two threads feed the queue: one reads single key presses (``Keys``: cbreak mode on POSIX,
``msvcrt`` on Windows; arrows and page keys arrive as names such as ``<down>``), one watches the
student's folder (watchfiles).  The main loop takes one event at a time, so the screen is only
ever drawn from one thread, and ``saved_since`` folds saves that queued up while a round was
grading into one run.
"""

from __future__ import annotations

import codecs
import os
import queue
import sys
import threading
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class KeyPressed:
    key: str          # one character, or a name such as ``<down>``; ``\x04`` at the end of input


@dataclass(frozen=True)
class FilesSaved:
    paths: frozenset[Path]


@dataclass(frozen=True)
class WatcherFailed:
    error: str        # the file watcher stopped (its folder removed...); the keys still work


Event = KeyPressed | FilesSaved | WatcherFailed


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


def read_keys(keys: Keys, events: queue.Queue[Event], stop: threading.Event) -> None:
    """Each key typed, as an event, until ``stop``; the end of input is Ctrl+D's ``\\x04``."""
    while not stop.is_set():
        typed = keys.read(stop)
        if typed is None:
            events.put(KeyPressed("\x04"))
            return
        for key in typed:
            events.put(KeyPressed(key))


#: How watchfiles groups one save's events: it yields once no new event came for ``STEP_MS`` (watchfiles' default
#: is 50), or after ``DEBOUNCE_MS`` of events that keep coming.  An editor's write, rename and touch of one save
#: come within a millisecond or two; should one save's events be split anyway, the second part costs no run
#: unless the file's bytes changed in between (a file is graded again only when they did).  Waking every 5 ms
#: costs well under 1 % of a core.
STEP_MS, DEBOUNCE_MS = 5, 1600


def watch_files(folder: Path, slugs: list[str], events: queue.Queue[Event], stop: threading.Event) -> None:
    """Each save of a topic's file in ``folder``, as an event, until ``stop``."""
    import watchfiles

    wanted = set(slugs)

    def keep(change, path: str) -> bool:
        p = Path(path)
        return p.suffix == ".py" and p.stem in wanted and p.parent == folder

    try:
        for changes in watchfiles.watch(folder, watch_filter=keep, stop_event=stop, raise_interrupt=False,
                                        recursive=False, debounce=DEBOUNCE_MS, step=STEP_MS):
            events.put(FilesSaved(frozenset(Path(p) for _, p in changes)))
    except Exception as exc:  # the watcher died (folder removed...): say so, keep the keys working
        events.put(WatcherFailed(str(exc)))


def saved_since(first: FilesSaved, events: queue.Queue[Event]) -> set[Path]:
    """The files of ``first`` and of every save queued behind it: one run for all of them.  The first other
    event met is put back, after the saves."""
    paths = set(first.paths)
    while True:
        try:
            event = events.get_nowait()
        except queue.Empty:
            return paths
        if isinstance(event, FilesSaved):
            paths |= event.paths
        else:
            events.put(event)
            return paths


