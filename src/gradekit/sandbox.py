"""The trusted side of the sandbox: starting, talking to and killing child processes.

This is the only module that starts processes running student code.  A
``Sandbox`` owns one child for one student file.  The child gets a private copy
of the submission's ``.py`` files (never bytecode), a scrubbed environment,
``python -I -B``, its own process group and lowered resource limits.  Every
request has a wall-clock timeout; a child that overruns is killed with its whole
process group and replaced on the next ``load``.  Handles from a replaced child
are refused rather than silently pointing at a new object.

``run_script`` runs a student file as a program (stdin in, stdout out) in a
fork of the check's child, behind the same walls.
"""

from __future__ import annotations

import os
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from gradekit import isolation as isolation_mod
from gradekit import protocol
from gradekit.isolation import Isolation

CHILD = str(Path(__file__).with_name("sandbox_child.py"))

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

    def as_config(self) -> dict:
        return {"cpu": self.cpu_seconds, "fsize": self.file_size, "nofile": self.open_files,
                "core": 0, "as": self.address_space}


class SandboxError(Exception):
    """Something went wrong on the student's side of the boundary."""

    during = ""


class SandboxTimeout(SandboxError):
    def __init__(self, seconds: float, during: str):
        super().__init__(f"{during} timed out after {seconds:g} s")
        self.seconds, self.during = seconds, during


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


def scrubbed_env(workdir: str) -> dict:
    """The whole environment a child sees: nothing inherited, so no secrets leak."""
    return {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": workdir,
        "TMPDIR": workdir,
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "PYTHONIOENCODING": "utf-8",
        "MALLOC_ARENA_MAX": "2",
    }


def scratch_root(isolation: Isolation, workdir: str) -> str:
    """Where checks write files: the sandbox's size-limited /tmp under bubblewrap, else the workdir."""
    return "/tmp" if isolation.level == "bwrap" else workdir


def copy_sources(submission: Path, dest: Path, skip: frozenset = frozenset()) -> None:
    """Copy the submission's top-level Python sources but ``skip`` (other topics' files).

    Bytecode and folders stay behind; a student's own helper modules come along.
    """
    dest.mkdir(parents=True, exist_ok=True)
    for entry in os.scandir(submission):
        if entry.name.endswith(".py") and entry.name not in skip and entry.is_file(follow_symlinks=False):
            shutil.copyfile(entry.path, dest / entry.name)


def kill_group(proc: subprocess.Popen) -> None:
    """Kill the child's whole process group, then reap the child."""
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


@dataclass
class Reply:
    value: object
    out: str = ""
    err: str = ""


@dataclass
class Sandbox:
    """One student file, served by one child process at a time."""

    submission: Path
    slug: str
    timeout: float = DEFAULT_TIMEOUT
    limits: Limits = field(default_factory=Limits)
    isolation: Isolation = field(default_factory=isolation_mod.detect)
    other_topics: tuple = ()   # the kit's other slugs: their files need not be copied

    def __post_init__(self):
        self.submission = Path(self.submission)
        self.proc: subprocess.Popen | None = None
        self.generation = 0
        self.workdir: str | None = None
        self.deadline: float | None = None
        self.printed: list[str] = []
        self.attr_cache: dict = {}
        self.load_failure: BaseException | None = None
        self._next_id = 0
        self._checks = 0
        self._import_retried = False
        self._lock = threading.Lock()

    # -- life cycle ---------------------------------------------------------

    @property
    def source_path(self) -> Path:
        return self.submission / f"{self.slug}.py"

    def start(self) -> None:
        """Start the child now (it boots while the caller does other work); ``load`` waits for it."""
        if self.proc is None:
            self._start()

    def _start(self) -> None:
        self.close()
        self.workdir = tempfile.mkdtemp(prefix=f"gradekit-{self.slug}-")
        copy_sources(self.submission, Path(self.workdir, "src"),
                     frozenset(f"{t}.py" for t in self.other_topics if t != self.slug))
        req_r, req_w = os.pipe()
        resp_r, resp_w = os.pipe()
        config = {"workdir": self.workdir, "req_fd": req_r, "resp_fd": resp_w,
                  "scratch": scratch_root(self.isolation, self.workdir), "limits": self.limits.as_config()}
        import json
        self._stderr = open(Path(self.workdir, "stderr.log"), "wb")
        try:
            self.proc = subprocess.Popen(
                isolation_mod.wrap([sys.executable, "-I", "-B", CHILD, json.dumps(config)], self.isolation, self.workdir),
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=self._stderr,
                pass_fds=(req_r, resp_w), cwd=self.workdir, env=scrubbed_env(self.workdir),
                start_new_session=True,
            )
        finally:
            os.close(req_r)
            os.close(resp_w)
        self._req = req_w
        self._resp = resp_r
        self._buffer = b""
        self._ready = False
        self.generation += 1

    def close(self) -> None:
        """Kill the child (and anything it started) and remove its files."""
        if self.proc is not None:
            kill_group(self.proc)
            for fd in (self._req, self._resp):
                try:
                    os.close(fd)
                except OSError:
                    pass
            self._stderr.close()
            self.proc = None
        if self.workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)
            self.workdir = None

    def _stderr_tail(self) -> str:
        try:
            return Path(self.workdir, "stderr.log").read_bytes()[-4000:].decode("utf-8", "replace")
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
        self._checks += 1
        if self.proc is None or self.proc.poll() is not None:
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
            if self.proc is None:
                raise StaleHandle(during)
            if not self._ready:
                if self._read_line(protocol.START_TIMEOUT, "start") + b"\n" != protocol.READY:
                    self.close()
                    raise ChildProtocolError("bad start-up line", during)
                self._ready = True
            limit = timeout or self.timeout
            if self.deadline is not None:
                limit = max(0.05, min(limit, self.deadline - time.monotonic()))
            self._next_id += 1
            rid = self._next_id
            try:
                data = protocol.dumps({"id": rid, "op": op, **fields})
            except (TypeError, ValueError) as exc:
                raise TypeError(f"cannot send {during} to the sandbox: {exc}") from None
            try:
                view = memoryview(data)
                while view:
                    view = view[os.write(self._req, view):]
            except BrokenPipeError:
                raise self._crashed(during) from None
            line = self._read_line(limit, during)
            try:
                msg = protocol.loads(line, "reply")
                protocol.check_response(msg, rid)
            except protocol.ProtocolError as exc:
                self.close()
                raise ChildProtocolError(str(exc), during) from None
            out, err = msg.get("out", ""), msg.get("err", "")
            if out:
                self.printed.append(out)
            if msg["ok"]:
                return Reply(msg.get("value"), out, err)
            error = msg["error"]
            error["during"] = during
            raise StudentException(error)

    def _read_line(self, limit: float, during: str) -> bytes:
        end = time.monotonic() + limit
        with selectors.DefaultSelector() as sel:
            sel.register(self._resp, selectors.EVENT_READ)
            while b"\n" not in self._buffer:
                remaining = end - time.monotonic()
                if remaining <= 0 or not sel.select(remaining):
                    self.close()
                    raise SandboxTimeout(round(limit, 2), during)
                chunk = os.read(self._resp, 1 << 20)
                if not chunk:
                    raise self._crashed(during)
                self._buffer += chunk
                if len(self._buffer) > protocol.MAX_MESSAGE:
                    self.close()
                    raise ChildProtocolError("reply too large", during)
        line, _, self._buffer = self._buffer.partition(b"\n")
        if self._buffer:
            # Nothing may follow a reply: anything there was written behind our back.
            self.close()
            raise ChildProtocolError("unexpected data after the reply", during)
        return line

    def _crashed(self, during: str) -> SandboxCrashed:
        code = None
        if self.proc is not None:
            try:
                code = self.proc.wait(timeout=2)
            except subprocess.TimeoutExpired:
                code = None
        stderr = self._stderr_tail()
        self.close()
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
