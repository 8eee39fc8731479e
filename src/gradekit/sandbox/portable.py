"""The ``portable`` level's trusted side: a fresh interpreter per topic, started without fork.

Windows has no fork, and macOS forks badly once threads or system frameworks
are loaded, so students' laptops cannot use the fork server.  Here every topic's
child is ``python -I -B -m gradekit.sandbox.child.spawned`` started through
``subprocess``, talking over its standard input and output (the one pipe pair
every system hands a child).  It costs one interpreter start per topic instead
of a fork; the walls are the process level's (limits where the system has them,
a scrubbed environment, its own process group or job), and a topic that ends is
killed with its whole process tree (``proctree``).

The interface is the fork server's (``start``, ``fork``, ``kill``, ``close``),
so ``Sandbox`` and everything above it cannot tell the two apart.
"""

from __future__ import annotations

import json
import os
import queue
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from gradekit.sandbox.forkserver import Sources, cache_child_bytecode, scrubbed_env
from gradekit.sandbox.isolation import Isolation
from gradekit.sandbox import proctree

CHILD = ["-m", "gradekit.sandbox.child.spawned"]
#: Processes one topic may run at once on Windows (its Job Object's limit); rlimits elsewhere.
WINDOWS_PROCESSES = 64
#: Reply chunks buffered ahead of the reader (1 MiB each): beyond this the child blocks, as on a pipe.
BUFFERED_CHUNKS = 40
#: Seconds a killed child's reply pipe may take to close.
READER_GRACE = 2.0


class PortableChild:
    """The grader's ends of one spawned topic child: its pipes, its exit status, its stderr file."""

    def __init__(self, proc: subprocess.Popen, stderr_path: str, token: str, job):
        self.proc, self.stderr_path, self.token, self.job = proc, stderr_path, token, job
        self.returncode: int | None = None
        self._chunks: queue.Queue[bytes] = queue.Queue(maxsize=BUFFERED_CHUNKS)
        self._ended = False
        # A thread, not select(): on Windows select() takes sockets only.
        self._reader = threading.Thread(target=self._pump, name="gradekit-portable-reader", daemon=True)
        self._reader.start()

    def _pump(self) -> None:
        """Move the reply stream into the queue; the read end is this thread's to close, at its end.

        (Closed from another thread while a read waits on it, the fd's number could be reused by
        the next file opened, and the read would take from that file.)
        """
        fd = self.proc.stdout.fileno()
        try:
            while True:
                try:
                    chunk = os.read(fd, 1 << 20)
                except (OSError, ValueError):
                    chunk = b""
                self._chunks.put(chunk)
                if not chunk:
                    return
        finally:
            self.proc.stdout.close()

    def send(self, data: bytes) -> None:
        fd = self.proc.stdin.fileno()
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]

    def recv(self, timeout: float) -> bytes | None:
        """The next chunk of the reply stream: None when nothing came within ``timeout``, b"" at its end."""
        if self._ended:
            return b""
        try:
            chunk = self._chunks.get(timeout=max(0.0, timeout))
        except queue.Empty:
            return None
        if not chunk:
            self._ended = True
        return chunk

    def poll(self, wait: float = 0.0) -> bool:
        """True once the child has exited."""
        try:
            self.returncode = self.proc.wait(timeout=wait) if wait else self.proc.poll()
        except subprocess.TimeoutExpired:
            return False
        return self.returncode is not None

    def kill(self) -> None:
        if self.job is not None:
            self.job.close()
        proctree.kill_tree(self.proc, self.token)
        proctree.unregister(self.proc.pid)
        self.close_fds()
        # With the tree gone, the reply pipe has no writer left: the reader sees its end.  A process
        # that escaped every means would keep it open; the reader is then left behind, not waited for.
        end = time.monotonic() + READER_GRACE
        while self._reader.is_alive() and time.monotonic() < end:
            try:
                self._chunks.get_nowait()
            except queue.Empty:
                self._reader.join(0.05)

    def close_fds(self) -> None:
        """Close the request pipe (the reply pipe is the reader thread's)."""
        try:
            if self.proc.stdin is not None:
                self.proc.stdin.close()
        except OSError:
            pass


class PortableServer:
    """One submission's topic children at the portable level, each a fresh interpreter."""

    def __init__(self, submission: Path, isolation: Isolation, limits: dict, topics: tuple = (),
                 digest: str | None = None):
        self.submission = Path(submission)
        self.isolation = isolation
        self.limits = limits
        self.topics = topics
        self.sources = Sources(self.submission, digest)
        self.workdir: str | None = None
        self.live: list[PortableChild] = []
        self._prepared: set[str] = set()
        self._tokens = 0
        self._lock = threading.Lock()

    def start(self) -> None:
        """Lay out the submission's folder (there is no server process to boot)."""
        with self._lock:
            self._start()

    def _start(self) -> None:
        if self.workdir is None:
            cache_child_bytecode()
            self.workdir = tempfile.mkdtemp(prefix="gradekit-sub-")
            for part in ("src", "logs", "scratch"):
                Path(self.workdir, part).mkdir()
            self._prepared = set()

    def fork(self, slug: str) -> PortableChild:
        """Start a fresh child serving ``slug``; it says READY on its reply pipe when it is up."""
        with self._lock:
            self._start()
            assert self.workdir is not None
            src = os.path.join(self.workdir, "src", slug)
            if slug not in self._prepared:
                self.sources.copy(Path(src), frozenset(f"{t}.py" for t in self.topics if t != slug))
                self._prepared.add(slug)
            self._tokens += 1
            scratch = os.path.join(self.workdir, "scratch", f"{slug}-{self._tokens}")
            os.makedirs(scratch)
            config = {"workdir": self.workdir, "src": src, "scratch": scratch, "limits": self.limits,
                      "landlock": self.isolation.landlock_config([scratch], [src])}
            token = secrets.token_hex(16)
            env = {**scrubbed_env(self.workdir), proctree.TOKEN_VAR: token}
            if config["landlock"]:
                env.update(HOME=scratch, TMPDIR=scratch)
            stderr_path = os.path.join(self.workdir, "logs", f"{slug}-{self._tokens}.log")
            with open(stderr_path, "wb") as log, proctree.starting_server():
                proc = subprocess.Popen(
                    [sys.executable, "-I", "-B", "-X", "utf8", *CHILD, json.dumps(config)],
                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, bufsize=0, cwd=scratch, env=env,
                    **_new_group())
                proctree.register(proc.pid)
            job = proctree.new_job(self.limits.get("as"), WINDOWS_PROCESSES)
            if job is not None:
                try:
                    job.assign(proc.pid)   # before the first request: no student code has run yet
                except OSError:
                    job.close()
                    job = None
            child = PortableChild(proc, stderr_path, token, job)
            self.live.append(child)
            return child

    def kill(self, child: PortableChild) -> None:
        """Kill a topic's child and everything it started."""
        child.kill()
        with self._lock:
            if child in self.live:
                self.live.remove(child)

    def close(self) -> None:
        with self._lock:
            live, self.live = self.live, []
        for child in live:
            child.kill()
        with self._lock:
            if self.workdir:
                shutil.rmtree(self.workdir, ignore_errors=True)
                self.workdir = None


def _new_group() -> dict:
    """Popen arguments giving the child its own process group (POSIX session, Windows group)."""
    if sys.platform == "win32":
        return {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP | subprocess.CREATE_NO_WINDOW}
    return {"start_new_session": True}
