"""Where the student's code was when its time ran out, told by the child itself just before the deadline.

The parent kills a child that overruns a request; by then nothing is left to ask where it was.
So every request carries its limit (``wd``), and a thread of the child wakes a little before it,
reads the request thread's frames (``sys._current_frames``: no signal, so it works the same on
Windows and inside bubblewrap) and writes one *note* on the reply pipe: the student's frames,
innermost first.  The parent keeps the note as data and still kills the child on time; a
program that holds the GIL in one long C call gets no note, only the timeout.

Only frames of the student's files are reported, never the server's or a grader helper's.
"""

import json
import os
import sys
import threading
import time

#: Frames a note carries at most (the innermost ones).
MAX_FRAMES = 8
#: How often an armed watchdog looks at the clock.
TICK = 0.05


def lead(limit):
    """Seconds before the deadline at which the note is written: early enough to reach the parent in time."""
    return min(0.3, max(0.02, limit * 0.15))


def student_frames(frame, src):
    """[[file, line, function], ...] of the student's frames from ``frame`` outwards (innermost first)."""
    found, prefix = [], os.path.join(src, "")
    while frame is not None and len(found) < MAX_FRAMES:
        code = frame.f_code
        name = code.co_filename
        if isinstance(name, str) and name.startswith(prefix) and name.endswith(".py"):
            found.append([os.path.basename(name)[:200], int(frame.f_lineno or 0), str(code.co_name)[:100]])
        frame = frame.f_back
    return found


class Watchdog:
    """One thread per child, armed for each request by the thread serving it."""

    def __init__(self, src, write):
        self.src = src
        self.write = write            # writes one line on the reply pipe; called under ``lock``
        self.lock = threading.Lock()  # the reply and a note never interleave on the pipe
        self.target = threading.get_ident()
        self.armed = None             # (request id, monotonic time to write the note at)
        self.wake = threading.Event()
        threading.Thread(target=self.run, name="gradekit-watchdog", daemon=True).start()

    def arm(self, rid, limit):
        if isinstance(limit, (int, float)) and not isinstance(limit, bool) and limit > 0:
            self.armed = (rid, time.monotonic() + max(0.0, limit - lead(limit)))
            self.wake.set()

    def disarm(self):
        """Called with ``lock`` held, before the reply is written: no note may follow a reply."""
        self.armed = None

    def run(self):
        while True:
            try:
                armed = self.armed
                if armed is None:
                    self.wake.wait()
                    self.wake.clear()
                    continue
                left = armed[1] - time.monotonic()
                if left > 0:
                    time.sleep(min(left, TICK))
                    continue
                frame = sys._current_frames().get(self.target)
                frames = student_frames(frame, self.src)
                del frame
                with self.lock:
                    if self.armed is armed:
                        self.armed = None
                        if frames:
                            note = {"note": "where", "id": armed[0], "frames": frames}
                            self.write(json.dumps(note, ensure_ascii=True, separators=(",", ":")).encode() + b"\n")
            except BaseException:  # noqa: BLE001 -- a student who broke the tools loses the note, nothing else
                self.armed = None
                time.sleep(TICK)
