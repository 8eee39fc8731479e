"""The trusted side of a submission's fork server: one sandboxed interpreter start per submission.

Starting a sandboxed interpreter (bubblewrap's namespaces, Python, our imports)
costs about 40 ms of CPU; a whole-kit submission needs 32 topic children, and
a batch needs that per student.  So each submission gets one *fork server*
(``gradekit.sandbox.child.forkserver``) behind the usual walls, and every topic's child
is a fork of it: a few milliseconds instead.  Topics of one submission share
the walls (one student's files, one scratch space) but not a process, and the
fork server kills what a finished topic left running.  Submissions never share
a fork server.

The fork server is as untrusted as the children it forks.  If it stops
answering, it is killed with everything it started and a new one takes over.
"""

from __future__ import annotations

import functools
import importlib
import json
import os
import select
import selectors
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import BinaryIO

from gradekit.sandbox import isolation as isolation_mod
from gradekit.sandbox.isolation import Isolation
from gradekit.sandbox import proctree
from gradekit.sandbox.digest import digest_of, read_top_sources

#: The fork server runs as a module (``-m``), so its bytecode comes from the cache instead of being
#: compiled at every start (a fifth of a start).
CHILD = ["-m", "gradekit.sandbox.child.forkserver"]
#: Every module a sandboxed interpreter starts with, at any level.
CHILD_MODULES = ("gradekit.sandbox.child.server", "gradekit.sandbox.child.spawned", "gradekit.sandbox.child.scripts",
                 "gradekit.sandbox.child.landlock", "gradekit.sandbox.child.seccomp",
                 *(("gradekit.sandbox.child.forkserver",) if sys.platform.startswith("linux") else ()))


@functools.cache
def cache_child_bytecode() -> None:
    """Children run with ``-B`` and never write bytecode, so this trusted process imports the child's
    module once, writing its cache even where ``PYTHONDONTWRITEBYTECODE`` is set (where the folder
    cannot be written, children compile it themselves, only slower).  Called before the first child
    starts, not at import: ``grade hint`` and the other commands that grade nothing import this too."""
    saved, sys.dont_write_bytecode = sys.dont_write_bytecode, False
    try:
        for module in CHILD_MODULES:
            importlib.import_module(module)
    finally:
        sys.dont_write_bytecode = saved


#: Seconds the fork server may take to confirm it has killed a topic before it is replaced.
KILL_CONFIRM = 2.0


def scrubbed_env(workdir: str) -> dict:
    """The whole environment a child sees: nothing inherited, so no secrets leak.

    Windows needs a few system variables to start Python at all (``SYSTEMROOT`` for
    its crypto and sockets); those name system folders, never the user's secrets.
    """
    if sys.platform == "win32":
        env = {name: os.environ[name] for name in ("SYSTEMROOT", "WINDIR", "COMSPEC", "PATHEXT")
               if name in os.environ}
        return {**env, "PATH": os.pathsep.join([os.path.dirname(sys.executable), env.get("SYSTEMROOT", "")]),
                "USERPROFILE": workdir, "HOME": workdir, "TEMP": workdir, "TMP": workdir,
                "PYTHONIOENCODING": "utf-8", "PYTHONUTF8": "1"}
    return {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": workdir,
        "TMPDIR": workdir,
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "PYTHONIOENCODING": "utf-8",
        "MALLOC_ARENA_MAX": "2",
    }


class SubmissionChanged(Exception):
    """The submission's files are not those its digest was taken of at export: someone changed them
    on disk since (at the process level, possibly another student's code).  Its checks are not scored
    on them; the batch exports and grades it again."""


def read_sources(submission: Path, digest: str | None = None) -> dict[str, bytes]:
    """The submission's top-level Python sources, read once; with ``digest``, checked against it.

    The digest is ``sandbox.digest.source_digest``'s, taken over these very bytes, which are the
    ones every topic's copy is then written from: nothing read later can differ from what was checked.
    """
    files = read_top_sources(submission)
    if digest is not None:
        if not _same_digest(digest_of(files), digest):
            raise SubmissionChanged(f"{submission}: its files changed after export")
    return files


def _same_digest(a: str, b: str) -> bool:
    import hmac
    return hmac.compare_digest(a.encode(), str(b).encode())


def copy_sources(submission: Path, dest: Path, skip: frozenset = frozenset(),
                 files: dict[str, bytes] | None = None) -> None:
    """Copy the submission's top-level Python sources but ``skip`` (other topics' files).

    Bytecode and folders stay behind; a student's own helper modules come along.  ``files``:
    the sources as ``read_sources`` read (and checked) them; read now when not given.
    """
    dest.mkdir(parents=True, exist_ok=True)
    for name, data in (read_sources(submission) if files is None else files).items():
        if name not in skip:
            (dest / name).write_bytes(data)


class Sources:
    """One submission's sources, read and checked once, at the first copy; every topic's copy comes
    from those bytes.  A mismatch is kept and raised again at every later copy."""

    def __init__(self, submission: Path, digest: str | None = None):
        self.submission, self.digest = Path(submission), digest
        self._files: dict[str, bytes] | None = None
        self._changed: SubmissionChanged | None = None

    def files(self) -> dict[str, bytes]:
        """The checked bytes: what every topic's child runs and what structural checks parse."""
        if self._changed is not None:
            raise self._changed
        if self._files is None:
            try:
                self._files = read_sources(self.submission, self.digest)
            except SubmissionChanged as exc:
                self._changed = exc
                raise
        return self._files

    def copy(self, dest: Path, skip: frozenset) -> None:
        copy_sources(self.submission, dest, skip, self.files())


def kill_group(proc: subprocess.Popen) -> None:
    """Kill the process's whole process group, then reap it."""
    if sys.platform != "win32":
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    try:
        proc.kill()
    except ProcessLookupError:
        pass
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        pass


class TopicChild:
    """The parent's ends of one forked topic child: requests, replies, exit status, stderr."""

    def __init__(self, token: int, req: int, resp: int, status: int, stderr_path: str):
        self.token, self.req, self.resp, self.status, self.stderr_path = token, req, resp, status, stderr_path
        self._status_text = b""
        self.returncode: int | None = None
        self.gone = False   # the exit status is known, or can never be

    def send(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            view = view[os.write(self.req, view):]

    def recv(self, timeout: float) -> bytes | None:
        """The next chunk of the reply stream: None when nothing came within ``timeout``, b"" at its end."""
        with selectors.DefaultSelector() as sel:   # not select(): a batch may hold fds past FD_SETSIZE
            sel.register(self.resp, selectors.EVENT_READ)
            if not sel.select(max(0.0, timeout)):
                return None
        return os.read(self.resp, 1 << 20)

    def poll(self, wait: float = 0.0) -> bool:
        """True once the child has exited (its fork server says so, or the fork server is gone)."""
        while not self.gone:
            ready, _, _ = select.select([self.status], [], [], wait)
            if not ready:
                return False
            chunk = os.read(self.status, 256)
            if not chunk:
                self.gone = True
                break
            self._status_text += chunk
            if self._status_text.endswith(b"\n"):
                try:
                    self.returncode = int(self._status_text.split()[-1])
                except (ValueError, IndexError):
                    pass
                self.gone = True
        return True

    def close_fds(self) -> None:
        for fd in (self.req, self.resp, self.status):
            try:
                os.close(fd)
            except OSError:
                pass


class ForkServer:
    """One submission's fork server, started on first use and again whenever it dies."""

    _log: BinaryIO   # the fork server's stderr, from its start

    def __init__(self, submission: Path, isolation: Isolation, limits: dict, topics: tuple = (),
                 digest: str | None = None):
        self.submission = Path(submission)
        self.isolation = isolation
        self.limits = limits
        self.topics = topics          # the kit's slugs: other topics' files are not copied for a topic
        self.sources = Sources(self.submission, digest)
        self.proc: subprocess.Popen | None = None
        self.sock: socket.socket | None = None
        self.workdir: str | None = None
        self._tokens = 0
        self._prepared: set[str] = set()
        self._lock = threading.Lock()

    def start(self) -> None:
        """Start the fork server now, so it boots while the caller does other work."""
        with self._lock:
            if self.proc is None:
                self._start()

    def _start(self) -> None:
        # The bwrap and process levels are Linux's (``isolation.detect`` picks portable elsewhere).
        if sys.platform == "win32":
            raise OSError("the fork server runs at the Linux levels only")
        cache_child_bytecode()
        self.workdir = tempfile.mkdtemp(prefix="gradekit-sub-")
        Path(self.workdir, "src").mkdir()
        Path(self.workdir, "logs").mkdir()
        self._prepared = set()
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        env = scrubbed_env(self.workdir)
        if self.isolation.level == "bwrap":
            scratch = "/tmp"
        else:
            # The only folder a process-level child may write to (with Landlock, the only one it can).
            scratch = os.path.join(self.workdir, "scratch")
            Path(scratch).mkdir()
            env.update(HOME=scratch, TMPDIR=scratch)
        config = {"workdir": self.workdir, "control_fd": theirs.fileno(),
                  "scratch": scratch, "limits": self.limits,
                  "landlock": self.isolation.landlock_config([scratch], [os.path.join(self.workdir, "src")])}
        self._log = open(Path(self.workdir, "logs", "forkserver.log"), "wb")
        try:
            with proctree.starting_server():
                self.proc = subprocess.Popen(
                    isolation_mod.wrap([sys.executable, "-I", "-B", *CHILD, json.dumps(config)], self.isolation,
                                       self.workdir),
                    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=self._log,
                    pass_fds=(theirs.fileno(),), cwd=self.workdir, env=env,
                    start_new_session=True)
                proctree.register(self.proc.pid)
        finally:
            theirs.close()
        self.sock = ours
        self.scratch = scratch

    def fork(self, slug: str) -> TopicChild:
        """Ask for a fresh child serving ``slug``; it says READY on its reply pipe when it is up."""
        with self._lock:
            for attempt in (1, 2):
                if self.proc is None or self.proc.poll() is not None:
                    self._close()
                    self._start()
                try:
                    return self._fork(slug)
                except OSError:
                    if attempt == 2:
                        raise
                    self._close()   # it died under us: the next attempt starts another

    def _fork(self, slug: str) -> TopicChild:
        if sys.platform == "win32":
            raise OSError("the fork server runs at the Linux levels only")
        if slug not in self._prepared:
            self.sources.copy(Path(self.workdir, "src", slug), frozenset(f"{t}.py" for t in self.topics if t != slug))
            self._prepared.add(slug)
        self._tokens += 1
        token = self._tokens
        req_r, req_w = os.pipe()
        resp_r, resp_w = os.pipe()
        status_r, status_w = os.pipe()
        stderr_path = os.path.join(self.workdir, "logs", f"{slug}-{token}.log")
        err_fd = os.open(stderr_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        msg = {"op": "fork", "token": token, "slug": slug, "src": os.path.join(self.workdir, "src", slug),
               "scratch": os.path.join(self.scratch, f"{slug}-{token}")}
        try:
            socket.send_fds(self.sock, [json.dumps(msg).encode()], [req_r, resp_w, status_w, err_fd])
        except OSError:
            for fd in (req_w, resp_r, status_r):
                os.close(fd)
            raise
        finally:
            for fd in (req_r, resp_w, status_w, err_fd):
                os.close(fd)
        return TopicChild(token, req_w, resp_r, status_r, stderr_path)

    def kill(self, child: TopicChild) -> None:
        """Kill a topic's child and everything it left running; replace a fork server that will not."""
        with self._lock:
            child.close_fds()
            if self.sock is None or self.proc is None:
                return
            try:
                self.sock.send(json.dumps({"op": "kill", "token": child.token}).encode())
                self.sock.settimeout(KILL_CONFIRM)
                try:
                    ok = self.sock.recv(16) == b"ok"
                finally:
                    self.sock.settimeout(None)
            except OSError:
                ok = False
            if not ok:
                self._close()

    def close(self) -> None:
        with self._lock:
            self._close()

    def _close(self) -> None:
        if self.proc is not None:
            if self.sock is not None and self.proc.poll() is None:
                # Let it kill what its topics started (at process level nothing else would), then make sure.
                try:
                    self.sock.send(b'{"op": "exit"}')
                    self.proc.wait(timeout=KILL_CONFIRM)
                except (OSError, subprocess.TimeoutExpired):
                    pass
            kill_group(self.proc)
            proctree.unregister(self.proc.pid)
            self._log.close()
            self.proc = None
        if self.sock is not None:
            self.sock.close()
            self.sock = None
        if self.workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)
            self.workdir = None
