"""Benchmark: watch mode, from saving the student's file to the new result on the screen.

    python bench/bench_watch.py                    # 20 saves of functions.py, median/min/p90/max
    python bench/bench_watch.py --saves 40 --topic functions --exercise my_abs
    PYTHONPATH=/path/to/other/checkout/src python bench/bench_watch.py    # another version's watch mode

(PYTHONPATH reaches ``grade watch`` itself; the grading process runs with ``-I`` and uses the installed gradekit.)

What a student sees, measured as a student meets it: a template released with
``grade release`` (as the tests make one; it is a git repository), the current
interpreter's ``grade watch TOPIC`` running in a detached tmux session of fixed
size, and the stub of one exercise saved again and again, alternately wrong and
right, so every save changes the screen.  After each save the pane is read
(``tmux capture-pane -p``) until it shows the new run's result; the time from
just before the write to that read is the latency.  The time to "checking..."
is recorded too when a read catches it.

The pane is read each time the program writes to its terminal (tmux's
``pipe-pane`` copies the output to a FIFO this script waits on), and every
``--poll`` seconds besides.  ``--poll 0.003 --no-events`` reads it every 3 ms
instead: on a 2-core machine the ~300 tmux clients a second that costs take a
good part of a core from the program being measured.

DESIGN §7's target: 150 ms median or less.  The isolation level the sandbox ran
at is printed (it is the machine's: bwrap where bubblewrap works, else process).
"""

from __future__ import annotations

import argparse
import os
import re
import select
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

WRONG = '''def my_abs(x):
    if x >= 0:
        return x
    print(-x)
'''
RIGHT = '''def my_abs(x):
    if not isinstance(x, (int, float)):
        raise TypeError('bad operand type')
    return x if x >= 0 else -x
'''
PROMPT = "q quit"
CHECKING = "checking..."
RUN = re.compile(r"\(run (\d+)\)")


def release(dest: Path, topic: str) -> None:
    proc = subprocess.run([sys.executable, "-m", "gradekit", "release", str(dest), "--topics", topic, "--kit",
                           str(ROOT), "--install", "gradekit"], capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        raise SystemExit(f"grade release failed:\n{proc.stdout}\n{proc.stderr}")
    if (dest / ".git").exists():
        return   # grade release makes the template a repository with its first commit
    for args in (["init", "-q"], ["add", "-A"],
                 ["-c", "user.name=bench", "-c", "user.email=bench@example.invalid", "commit", "-q", "-m", "template"]):
        subprocess.run(["git", *args], cwd=dest, check=True, capture_output=True, timeout=60)


class Pane:
    """``grade watch`` in a detached tmux server of its own (its own socket, so nothing else is touched)."""

    def __init__(self, cwd: Path, args: list[str], size: tuple[int, int] = (120, 50), fifo: Path | None = None):
        self.socket = f"gradekit-bench-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.output: int | None = None   # the read end of the FIFO the pane's output is copied to
        self._keep_open: int | None = None
        env = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "GRADEKIT_LANG": "en", "TERM": "xterm-256color"}
        for name in ("PATH", "PYTHONPATH", "GRADEKIT_ISOLATION", "GRADEKIT_LANDLOCK"):
            if name in os.environ:
                env[name] = os.environ[name]
        command = shlex.join(["env", *(f"{k}={v}" for k, v in env.items()), sys.executable, "-m", "gradekit", *args])
        tail: list[str] = []
        if fifo is not None:
            os.mkfifo(fifo)
            self.output = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
            self._keep_open = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)   # no end of file between two writers
            tail = [";", "pipe-pane", "-t", "main", "-o", f"cat >> {shlex.quote(str(fifo))}"]
        self.tmux("-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", str(size[0]), "-y", str(size[1]),
                  "-c", str(cwd), command, ";", "set-option", "-t", "main", "remain-on-exit", "on", *tail)

    def wait_output(self, timeout: float) -> None:
        """Until the program writes to its terminal, or ``timeout`` seconds; what it wrote is dropped."""
        if self.output is None:
            time.sleep(timeout)
            return
        ready, _, _ = select.select([self.output], [], [], timeout)
        if ready:
            try:
                while os.read(self.output, 1 << 16):
                    pass
            except BlockingIOError:
                pass

    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-u", "-L", self.socket, *args], capture_output=True, text=True,
                              check=True, timeout=30).stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "main")

    def press(self, key: str) -> None:
        self.tmux("send-keys", "-t", "main", "-l", key)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, timeout=30)
        for fd in (self.output, self._keep_open):
            if fd is not None:
                os.close(fd)


def run_number(screen: str) -> int:
    found = RUN.search(screen)
    return int(found.group(1)) if found else 0


def wait_until(pane: Pane, condition, timeout: float, poll: float,
               started: float | None = None) -> tuple[float, str, float | None]:
    """Read the pane whenever the program writes (and every ``poll`` s) until ``condition(screen)``; (seconds
    since ``started`` (default: now), the screen, seconds to "checking..." if a read caught it)."""
    started = time.perf_counter() if started is None else started
    checking = None
    while True:
        screen = pane.screen()
        now = time.perf_counter()
        if condition(screen):
            return now - started, screen, checking
        if checking is None and CHECKING in screen:
            checking = now - started
        if now - started > timeout:
            raise SystemExit(f"the screen did not change within {timeout} s; it shows:\n{screen}")
        pane.wait_output(poll)


def replace_function(path: Path, name: str, source: str) -> str:
    from gradekit.student.stubs import definition_span

    text = path.read_text(encoding="utf-8")
    start, end = definition_span(text, name)
    lines = text.splitlines(keepends=True)
    lines[start - 1:end] = [source]
    return "".join(lines)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--saves", type=int, default=20, help="saves to time (default 20)")
    parser.add_argument("--topic", default="functions")
    parser.add_argument("--exercise", default="my_abs", help="the exercise whose stub is rewritten (default my_abs)")
    parser.add_argument("--poll", type=float, default=0.05,
                        help="seconds between two reads of the pane when the program writes nothing (default 0.05)")
    parser.add_argument("--no-events", action="store_true",
                        help="read the pane every --poll seconds only, not when the program writes")
    parser.add_argument("--gap", type=float, default=0.3, help="seconds between a result and the next save")
    parser.add_argument("--keep", action="store_true", help="keep the template folder (its path is printed)")
    args = parser.parse_args(argv)
    if shutil.which("tmux") is None:
        raise SystemExit("tmux is not installed (apt-get install tmux)")
    from gradekit.sandbox import isolation

    level = isolation.detect()
    load = os.getloadavg()
    tmp = Path(tempfile.mkdtemp(prefix="gradekit-bench-watch-"))
    pane = None
    try:
        dest = tmp / "template"
        release(dest, args.topic)
        path = dest / "starter" / f"{args.topic}.py"
        texts = [replace_function(path, args.exercise, WRONG), replace_function(path, args.exercise, RIGHT)]
        pane = Pane(dest, ["watch", args.topic], fifo=None if args.no_events else tmp / "pane.fifo")
        first, screen, _ = wait_until(pane, lambda s: PROMPT in s and run_number(s) >= 1, 120, 0.02)
        runs = run_number(screen)
        latencies, checkings = [], []
        for i in range(args.saves + 2):  # the first two warm the editor-like writes up and are not counted
            text = texts[i % 2]
            passes = i % 2 == 1
            time.sleep(args.gap)
            start = time.perf_counter()
            path.write_text(text, encoding="utf-8")
            want = runs + 1

            def shows(s: str, want=want, passes=passes) -> bool:
                if run_number(s) < want or PROMPT not in s or CHECKING in s:
                    return False
                return ("passes all" in s) if passes else ("expected: 5" in s and "passes all" not in s)

            took, screen, checking = wait_until(pane, shows, 60, args.poll, start)
            runs = run_number(screen)
            if i >= 2:
                latencies.append(took)
                if checking is not None:
                    checkings.append(checking)
        ms = [x * 1000 for x in latencies]
        print(f"gradekit watch mode: {args.topic}/{args.exercise}, {len(ms)} saves, sandbox level: {level.level}"
              + (f" ({level.reason})" if level.reason else ""))
        how = f"every {args.poll * 1000:g} ms" if args.no_events else f"on each write, else every {args.poll * 1000:g} ms"
        print(f"  pane read {how}; load average before/after: {load[0]:.2f} / {os.getloadavg()[0]:.2f} "
              f"({os.cpu_count()} cores)")
        print(f"  first screen after start: {first:.2f} s")
        print(f"  save -> result on screen: median {statistics.median(ms):.0f} ms, min {min(ms):.0f} ms, "
              f"p90 {percentile(ms, 0.9):.0f} ms, max {max(ms):.0f} ms")
        if checkings:
            cms = [x * 1000 for x in checkings]
            print(f"  save -> \"checking...\": median {statistics.median(cms):.0f} ms ({len(cms)} of {len(ms)} "
                  f"reads caught it)")
        print(f"  target (DESIGN §7): 150 ms median -> {'met' if statistics.median(ms) <= 150 else 'NOT met'}")
        if args.keep:
            print(f"  template kept in {dest}")
    finally:
        if pane is not None:
            pane.close()
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
