"""Killing a sandbox child together with everything it started (trusted side).

A topic's child may fork, spawn, detach with ``setsid`` or ignore SIGTERM.  At
the bwrap and process levels its fork server is the subreaper that sweeps what
is left; at the portable level there is no such process, so the grader itself
kills the tree, by three means that each catch what the others miss:

- the child's own process group or session (POSIX), one signal for a fork burst;
- the descendants psutil finds from the child down (any system);
- every process still carrying the child's token in its environment: a daemon
  whose parent died was handed to init and is nobody's descendant any more, but
  it inherited the environment.

Above every level, the trusted pytest process and the runner are subreapers
(``become_subreaper``): a student who kills the untrusted fork server (or, at
the process level without Landlock, the pytest process) only hands its
processes to the next trusted ancestor, and ``sweep_strays`` kills them there,
however they detached or whatever environment they exec'd with.

On Windows a Job Object does all of this in the kernel (every process the child
starts joins its job, and closing the job kills them), with memory and
process-count limits; where creating one fails, the psutil means remain.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from contextlib import contextmanager

import psutil

#: The environment variable that marks every process of one portable child.
TOKEN_VAR = "GRADEKIT_SANDBOX_TOKEN"
#: Rounds of killing before giving up on a tree that keeps growing.
ROUNDS = 50


def _marked(token: str) -> list[psutil.Process]:
    found = []
    for proc in psutil.process_iter():
        try:
            if proc.environ().get(TOKEN_VAR) == token:
                found.append(proc)
        except (psutil.Error, OSError):
            continue   # gone, a zombie, or not ours to read
    return found


PR_SET_CHILD_SUBREAPER = 36


def become_subreaper() -> bool:
    """Make this process the one orphans of its descendants are handed to, not init (Linux)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes
        return ctypes.CDLL(None).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


#: Pids of the sandbox servers this trusted process started on purpose (fork servers, portable children).
_servers: set[int] = set()
_servers_lock = threading.Lock()


@contextmanager
def starting_server():
    """Hold while starting a server and ``register``-ing its pid: the sweeper must not take it for a stray
    between its start and its registration."""
    with _servers_lock:
        yield


def register(pid: int) -> None:
    _servers.add(pid)


def unregister(pid: int) -> None:
    _servers.discard(pid)


def _children() -> list[int]:
    """This process's children: the kernel's per-thread lists (cheap), else a scan of the process table."""
    if sys.platform.startswith("linux"):
        try:
            found: list[int] = []
            for tid in os.listdir("/proc/self/task"):
                with open(f"/proc/self/task/{tid}/children", "rb") as f:
                    found += [int(x) for x in f.read().split()]
            return found
        except (OSError, ValueError):
            pass
    try:
        return [c.pid for c in psutil.Process().children()]
    except psutil.Error:
        return []


def _parents() -> dict[int, list[int]]:
    """Every process's children, from one look at the process table."""
    table: dict[int, list[int]] = {}
    for proc in psutil.process_iter(["ppid"]):
        ppid = proc.info.get("ppid")
        if ppid is not None:
            table.setdefault(ppid, []).append(proc.pid)
    return table


def kill_frozen(roots: list[int]) -> None:
    """Stop ``roots`` and all their descendants (a stopped process cannot fork any more), until no new
    one appears; then kill them all and reap those that are this process's children."""
    if sys.platform == "win32":
        for pid in roots:
            try:
                psutil.Process(pid).kill()
            except psutil.Error:
                pass
        return
    me = os.getpid()
    seen: set[int] = set()
    frontier = [pid for pid in roots if pid != me]
    for _ in range(ROUNDS):
        for pid in frontier:
            try:
                os.kill(pid, signal.SIGSTOP)
            except OSError:
                pass
        seen.update(frontier)
        table = _parents()
        frontier, stack = [], list(seen)
        while stack:
            for child in table.get(stack.pop(), []):
                if child not in seen and child != me and child not in frontier:
                    frontier.append(child)
                    stack.append(child)
        if not frontier:
            break
    for pid in seen:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    reap(seen)


def reap(pids) -> None:
    """Wait for those of ``pids`` that are this process's children (briefly: they were sent SIGKILL)."""
    if sys.platform == "win32":
        return
    end = time.monotonic() + 2
    pending = set(pids)
    while pending and time.monotonic() < end:
        for pid in list(pending):
            try:
                done, _ = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                pending.discard(pid)   # not ours (or reaped already)
                continue
            if done:
                pending.discard(pid)
        if pending:
            time.sleep(0.01)


def sweep_strays(keep: set[int] | None = None) -> int:
    """Kill every child of this (subreaper) process that it did not start itself, with everything below.

    A child of another session than this process's, and neither a registered server nor in ``keep``,
    can only be a sandbox's process handed over when its parent died: everything this process starts
    in its own session (pytest, a grader's helper, ``cat`` in a test) keeps that session, and nothing
    below a sandbox can ever join it.  Reaps orphaned zombies too.  Returns how many were found.
    """
    if sys.platform == "win32":
        return 0
    found = 0
    mysid = os.getsid(0)
    for _ in range(ROUNDS):
        with _servers_lock:
            spared = _servers | (keep or set())
            strays = []
            for pid in _children():
                if pid in spared:
                    continue
                try:
                    if os.getsid(pid) == mysid:
                        continue
                except OSError:
                    continue
                strays.append(pid)
        if not strays:
            break
        found += len(strays)
        kill_frozen(strays)
    return found


def start_sweeper(every: float = 0.2) -> None:
    """Sweep strays in the background for as long as this process lives: a daemon handed over by a
    killed fork server dies within ``every`` seconds, and its zombies do not pile up."""
    if not sys.platform.startswith("linux"):
        return

    def loop():
        while True:
            time.sleep(every)
            try:
                sweep_strays()
            except Exception:   # noqa: BLE001 - the sweeper must outlive any one odd process
                pass
    threading.Thread(target=loop, name="gradekit-sweeper", daemon=True).start()


def kill_tree(proc: subprocess.Popen, token: str | None = None) -> None:
    """Kill ``proc``, its process group, its descendants and every process marked with ``token``."""
    try:
        victims = psutil.Process(proc.pid).children(recursive=True)
    except psutil.Error:
        victims = []
    if sys.platform != "win32":
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except OSError:
            pass
    try:
        proc.kill()
    except OSError:
        pass
    for _ in range(ROUNDS):
        for victim in victims:
            try:
                victim.kill()
            except psutil.Error:
                pass
        psutil.wait_procs(victims, timeout=1)
        victims = _marked(token) if token else []
        victims = [v for v in victims if v.pid != os.getpid()]
        if not victims:
            break
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        pass


if sys.platform == "win32":
    import ctypes
    from ctypes import wintypes

    _JOB_OBJECT_LIMIT_ACTIVE_PROCESS = 0x0008
    _JOB_OBJECT_LIMIT_PROCESS_MEMORY = 0x0100
    _JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE = 0x2000
    _JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS = 9
    _PROCESS_SET_QUOTA = 0x0100
    _PROCESS_TERMINATE = 0x0001

    class _IoCounters(ctypes.Structure):
        _fields_ = [(name, ctypes.c_ulonglong) for name in (
            "ReadOperationCount", "WriteOperationCount", "OtherOperationCount",
            "ReadTransferCount", "WriteTransferCount", "OtherTransferCount")]

    class _BasicLimits(ctypes.Structure):
        _fields_ = [("PerProcessUserTimeLimit", ctypes.c_longlong), ("PerJobUserTimeLimit", ctypes.c_longlong),
                    ("LimitFlags", wintypes.DWORD), ("MinimumWorkingSetSize", ctypes.c_size_t),
                    ("MaximumWorkingSetSize", ctypes.c_size_t), ("ActiveProcessLimit", wintypes.DWORD),
                    ("Affinity", ctypes.c_size_t), ("PriorityClass", wintypes.DWORD),
                    ("SchedulingClass", wintypes.DWORD)]

    class _ExtendedLimits(ctypes.Structure):
        _fields_ = [("BasicLimitInformation", _BasicLimits), ("IoInfo", _IoCounters),
                    ("ProcessMemoryLimit", ctypes.c_size_t), ("JobMemoryLimit", ctypes.c_size_t),
                    ("PeakProcessMemoryUsed", ctypes.c_size_t), ("PeakJobMemoryUsed", ctypes.c_size_t)]

    class Job:
        """A Windows Job Object holding one child and all it starts; closing it kills them all."""

        def __init__(self, memory: int | None, processes: int | None):
            kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
            kernel32.CreateJobObjectW.restype = wintypes.HANDLE
            kernel32.OpenProcess.restype = wintypes.HANDLE
            self._k = kernel32
            self.handle = kernel32.CreateJobObjectW(None, None)
            if not self.handle:
                raise OSError(ctypes.get_last_error(), "CreateJobObjectW failed")
            info = _ExtendedLimits()
            flags = _JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
            if memory:
                flags |= _JOB_OBJECT_LIMIT_PROCESS_MEMORY
                info.ProcessMemoryLimit = memory
            if processes:
                flags |= _JOB_OBJECT_LIMIT_ACTIVE_PROCESS
                info.BasicLimitInformation.ActiveProcessLimit = processes
            info.BasicLimitInformation.LimitFlags = flags
            if not kernel32.SetInformationJobObject(wintypes.HANDLE(self.handle),
                                                    _JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS,
                                                    ctypes.byref(info), ctypes.sizeof(info)):
                self.close()
                raise OSError(ctypes.get_last_error(), "SetInformationJobObject failed")

        def assign(self, pid: int) -> None:
            process = self._k.OpenProcess(_PROCESS_SET_QUOTA | _PROCESS_TERMINATE, False, pid)
            if not process:
                raise OSError(ctypes.get_last_error(), "OpenProcess failed")
            try:
                if not self._k.AssignProcessToJobObject(wintypes.HANDLE(self.handle), wintypes.HANDLE(process)):
                    raise OSError(ctypes.get_last_error(), "AssignProcessToJobObject failed")
            finally:
                self._k.CloseHandle(wintypes.HANDLE(process))

        def close(self) -> None:
            """Kill every process in the job (the job's last handle closing does the same)."""
            if self.handle:
                self._k.TerminateJobObject(wintypes.HANDLE(self.handle), 1)
                self._k.CloseHandle(wintypes.HANDLE(self.handle))
                self.handle = None

    def new_job(memory: int | None, processes: int | None) -> Job | None:
        """A job for one child, or None where Windows refuses one (the psutil means remain)."""
        try:
            return Job(memory, processes)
        except OSError:
            return None
else:
    def new_job(memory: int | None, processes: int | None) -> None:
        """POSIX has no job objects: process groups, rlimits and ``kill_tree`` do the work."""
        return None
