"""The trusted side of the sandbox: talking to and killing the child that runs one student file.

Together with ``forkserver`` (which starts the processes) this is the only
place student code is started from.  A ``Sandbox`` owns one child for one
student file: a fork of the submission's fork server, which runs ``python -I
-B`` behind the isolation walls with a private copy of the submission's ``.py``
files (never bytecode), a scrubbed environment and lowered resource limits.
The child has its own process group.  Every
request has a wall-clock timeout; a child that overruns is killed with its whole
process group and replaced on the next ``load``.  Handles from a replaced child
are refused rather than silently pointing at a new object.  Each request carries
its limit, and the child's watchdog says where the student's code is just before
it runs out (``sandbox.notes``): a timeout names the line it was stopped at.

``run_script`` runs a student file as a program (stdin in, stdout out) in a
fork of the check's child, behind the same walls.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from gradekit.sandbox import isolation as isolation_mod
from gradekit.sandbox import protocol
from gradekit.sandbox.forkserver import ForkServer, SubmissionChanged, TopicChild  # noqa: F401 (re-exported)
from gradekit.sandbox.isolation import Isolation
from gradekit.sandbox import notes
from gradekit.sandbox.notes import NOTE_PREFIX
from gradekit.sandbox.portable import PortableChild, PortableServer

#: Seconds one request may take before the child is killed.
DEFAULT_TIMEOUT = 2.0
#: Seconds all requests of one check may take together.
DEFAULT_CHECK_BUDGET = 10.0


@dataclass(frozen=True)
class Limits:
    """Resource limits applied inside every child (see ``sandbox_child.apply_limits``)."""

    cpu_seconds: int = 30
    file_size: int = 64 * 1024 * 1024
    open_files: int = 256
    address_space: int = 4 * 1024 * 1024 * 1024
    #: Processes (threads, on Linux) a submission may add to its user's count: a fork bomb stops there.
    #: Root is exempt from the kernel's count (so the grader's own machine, run as root, is not).
    processes: int = 128

    def as_config(self) -> dict:
        return {"cpu": self.cpu_seconds, "fsize": self.file_size, "nofile": self.open_files,
                "core": 0, "as": self.address_space, "nproc": self.processes}


class SandboxError(Exception):
    """Something went wrong on the student's side of the boundary."""

    during = ""


class SandboxTimeout(SandboxError):
    """``frames``: where the child said the student's code was just before the deadline
    (``[[file, line, function], ...]``, innermost first; ``sandbox.child.watchdog``), or empty."""

    def __init__(self, seconds: float, during: str, frames: list | None = None):
        super().__init__(f"{during} timed out after {seconds:g} s")
        self.seconds, self.during, self.frames = seconds, during, frames or []


class SandboxCrashed(SandboxError):
    def __init__(self, returncode, during: str, stderr: str = ""):
        super().__init__(f"the student process exited (code {returncode}) during {during}")
        self.returncode, self.during, self.stderr = returncode, during, stderr


class StaleHandle(SandboxError):
    def __init__(self, during: str):
        super().__init__(f"{during}: the object came from a student process that was restarted")
        self.during = during


class ChildProtocolError(SandboxError):
    def __init__(self, reason: str, during: str):
        super().__init__(f"{during}: the student process sent an invalid reply ({reason})")
        self.reason, self.during = reason, during


class StudentException(Exception):
    """Carries what the child said about an exception raised by student code."""


def server_for(submission: Path, isolation: Isolation, limits: Limits, topics: tuple = (),
               digest: str | None = None) -> ForkServer | PortableServer:
    """The submission's process starter at this isolation level: a fork server, or (``portable``) a spawner.

    ``digest``: the submission's ``sandbox.digest.source_digest`` at export; its files are checked
    against it when first copied (``forkserver.SubmissionChanged`` when they differ)."""
    if isolation.level == "portable":
        return PortableServer(Path(submission), isolation, limits.as_config(), topics, digest)
    return ForkServer(Path(submission), isolation, limits.as_config(), topics, digest)


@dataclass
class Reply:
    value: object
    out: str = ""
    err: str = ""
    names: object = None   # with a load: the module's functions and classes, as handles
    kept: object = None    # with a next: the yielded value, as a handle (``Proxy.__next__``)


@dataclass
class Sandbox:
    """One student file, served by one child process at a time."""

    submission: Path
    slug: str
    timeout: float = DEFAULT_TIMEOUT
    limits: Limits = field(default_factory=Limits)
    isolation: Isolation = field(default_factory=isolation_mod.detect)
    other_topics: tuple = ()   # the kit's other slugs: their files need not be copied
    server: ForkServer | PortableServer | None = None   # the submission's server; a private one when not given

    def __post_init__(self):
        self.submission = Path(self.submission)
        self._owns_server = self.server is None
        if self.server is None:
            self.server = server_for(self.submission, self.isolation, self.limits, self.other_topics)
        self.child: TopicChild | PortableChild | None = None
        self.generation = 0
        self.deadline: float | None = None
        self.printed: list[str] = []
        self.attr_cache: dict = {}
        self.load_failure: BaseException | None = None
        self._stderr_path: str | None = None
        self._next_id = 0
        self._checks = 0
        self._import_retried = False
        self._where: list = []   # the watchdog's note on the request in flight (``_take_note``)
        self.tallies: dict[str, int] = {}   # grader helpers' counts by key, from the child's tally notes
        self.yielded: dict = {}   # iterator handle -> proxy of what its last next() gave (``Proxy.__next__``)
        self._lock = threading.Lock()

    # -- life cycle ---------------------------------------------------------

    @property
    def source_path(self) -> Path:
        return self.submission / f"{self.slug}.py"

    def start(self) -> None:
        """Start the child now (it comes up while the caller does other work); ``load`` waits for it."""
        if self.child is None:
            self._start()

    def _start(self) -> None:
        self._stop_child()
        self.child = self.server.fork(self.slug)
        self._stderr_path = self.child.stderr_path
        self._buffer = b""
        self._ready = False
        self.generation += 1

    def _stop_child(self) -> None:
        """Kill the child and anything it started (the fork server sees to stragglers)."""
        if self.child is not None:
            self.server.kill(self.child)
            self.child = None

    def close(self) -> None:
        """Kill the child (and anything it started); a private fork server goes too, with its files."""
        self._stop_child()
        if self._owns_server:
            self.server.close()

    def _stderr_tail(self) -> str:
        try:
            return Path(self._stderr_path).read_bytes()[-4000:].decode("utf-8", "replace")
        except (OSError, TypeError):
            return ""

    # -- requests -------------------------------------------------------------

    def begin_check(self, budget: float = DEFAULT_CHECK_BUDGET) -> None:
        self.deadline = time.monotonic() + budget
        self.printed = []

    def load(self):
        """Execute the student's file afresh for a new check and return its module handle."""
        if self.load_failure is not None:
            raise self.load_failure
        self.attr_cache.clear()
        self.yielded.clear()
        self._checks += 1
        if self.child is None or self.child.poll():
            self._start()
        try:
            return self.request("load", during="import", slug=self.slug, check=self._checks)
        except SandboxTimeout as exc:
            if self._import_retried:
                self.load_failure = exc  # it hangs every time: later checks fail at once
                raise
            # A busy machine can stall one import; give it one more, longer chance before judging.
            self._import_retried = True
            self._start()
            try:
                return self.request("load", during="import", slug=self.slug, check=self._checks,
                                    timeout=self.timeout * 3)
            except (SandboxTimeout, SandboxCrashed) as again:
                self.load_failure = again
                raise
        except SandboxCrashed as exc:
            # An import that exits will do so every time: remember it.
            self.load_failure = exc
            raise

    def request(self, op: str, *, during: str, generation: int | None = None, timeout: float | None = None, **fields) -> Reply:
        """Send one request and wait for its reply, killing the child if it overruns."""
        with self._lock:
            if generation is not None and generation != self.generation:
                raise StaleHandle(during)
            if self.child is None:
                raise StaleHandle(during)
            if not self._ready:
                try:
                    line = self._read_line(protocol.START_TIMEOUT, "start")
                except SandboxCrashed:
                    if op != "load":
                        raise
                    # The fork server died before this child came up (another topic of the same
                    # submission may have killed it); the next fork starts a new one.
                    self._start()
                    line = self._read_line(protocol.START_TIMEOUT, "start")
                if line + b"\n" != protocol.READY:
                    self._stop_child()
                    raise ChildProtocolError("bad start-up line", during)
                self._ready = True
            limit = timeout or self.timeout
            if self.deadline is not None:
                limit = max(0.05, min(limit, self.deadline - time.monotonic()))
            self._next_id += 1
            rid = self._next_id
            self._where = []
            try:
                data = protocol.dumps({"id": rid, "op": op, "wd": round(limit, 3), **fields})
            except (TypeError, ValueError) as exc:
                raise TypeError(f"cannot send {during} to the sandbox: {exc}") from None
            try:
                self.child.send(data)
            except (BrokenPipeError, OSError):
                raise self._crashed(during) from None
            line = self._read_line(limit, during, rid)
            try:
                msg = protocol.loads(line, "reply")
                protocol.check_response(msg, rid)
            except protocol.ProtocolError as exc:
                self._stop_child()
                raise ChildProtocolError(str(exc), during) from None
            out, err = msg.get("out", ""), msg.get("err", "")
            if out:
                self.printed.append(out)
            if msg["ok"]:
                return Reply(msg.get("value"), out, err, msg.get("names"), msg.get("kept"))
            error = msg["error"]
            error["during"] = during
            raise StudentException(error)

    def _read_line(self, limit: float, during: str, rid: int | None = None) -> bytes:
        """The next line from the child; with ``rid``, the watchdog's notes before it are taken aside."""
        end = time.monotonic() + limit
        while True:
            while b"\n" not in self._buffer:
                remaining = end - time.monotonic()
                chunk = self.child.recv(remaining) if remaining > 0 else None
                if chunk is None:
                    self._stop_child()
                    raise SandboxTimeout(round(limit, 2), during, self._where if rid is not None else None)
                if not chunk:
                    raise self._crashed(during)
                self._buffer += chunk
                if len(self._buffer) > protocol.MAX_MESSAGE:
                    self._stop_child()
                    raise ChildProtocolError("reply too large", during)
            line, _, self._buffer = self._buffer.partition(b"\n")
            if rid is not None and line.startswith(NOTE_PREFIX):
                self._take_note(line, rid)
                continue
            if self._buffer:
                # Nothing may follow a reply: anything there was written behind our back.
                self._stop_child()
                raise ChildProtocolError("unexpected data after the reply", during)
            return line

    def _take_note(self, line: bytes, rid: int) -> None:
        """Keep the child's last word on where it is, or add up a helper's tally, as plain checked
        data (it is the student's to forge)."""
        key = notes.tally_of(line, rid)
        if key is None:
            self._where = notes.frames_of(line, rid) or self._where
        elif key in self.tallies:   # only keys the grader made (``proxy.new_tally``)
            self.tallies[key] += 1

    def _crashed(self, during: str) -> SandboxCrashed:
        code = None
        if self.child is not None:
            self.child.poll(wait=2)
            code = self.child.returncode
        stderr = self._stderr_tail()
        self._stop_child()
        return SandboxCrashed(code, during, stderr)

    # -- whole programs ------------------------------------------------------

    def run_script(self, argv=(), stdin: str = "", timeout: float | None = None) -> "ScriptRun":
        """Run the student's file as ``python FILE ARGV`` (a fork of this check's child) and collect its output."""
        timeout = timeout or self.timeout
        started = time.monotonic()
        label = f"python {self.slug}.py {' '.join(map(str, argv))}".rstrip()
        reply = self.request("script", during=label, timeout=timeout + 5, argv=[str(a) for a in argv],
                             stdin=stdin, timeout_s=timeout).value
        data = protocol.decode(reply, lambda hid, t: None, "script")
        if not isinstance(data, dict) or not all(isinstance(data.get(k), str) for k in ("stdout", "stderr")):
            raise ChildProtocolError("malformed script result", label)
        code = data.get("returncode")
        return ScriptRun(data["stdout"], data["stderr"], code if isinstance(code, int) else None,
                         bool(data.get("timed_out")), time.monotonic() - started)


@dataclass
class ScriptRun:
    stdout: str
    stderr: str
    returncode: int | None
    timed_out: bool
    seconds: float
