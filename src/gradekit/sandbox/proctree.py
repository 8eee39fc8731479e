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


def kill_frozen(roots: list[psutil.Process]) -> None:
    """Stop ``roots`` and all their descendants (a stopped process cannot fork any more), until no new
    one appears; then kill them all and reap those that are this process's children."""
    if sys.platform == "win32":
        stop, kill = None, None
    else:
        stop, kill = signal.SIGSTOP, signal.SIGKILL
    seen: dict[int, psutil.Process] = {}
    frontier = list(roots)
    for _ in range(ROUNDS):
        fresh = []
        for proc in frontier:
            if proc.pid in seen or proc.pid == os.getpid():
                continue
            seen[proc.pid] = proc
            try:
                if stop is not None:
                    proc.send_signal(stop)
                fresh += proc.children(recursive=True)
            except psutil.Error:
                continue
        if not fresh:
            break
        frontier = fresh
    for proc in seen.values():
        try:
            proc.send_signal(kill) if kill is not None else proc.kill()
        except psutil.Error:
            pass
    mine = []
    for proc in seen.values():
        try:
            if proc.ppid() == os.getpid():
                mine.append(proc)
        except psutil.Error:
            pass
    psutil.wait_procs(mine, timeout=2)


def sweep_strays(keep: set[int] = frozenset()) -> int:  # type: ignore[assignment]
    """Kill every child of this (subreaper) process that it did not start itself, with everything below.

    A child of another session than this process's, and not in ``keep`` (the sandbox servers still
    in use), can only be a sandbox's process handed over when its parent died: everything this process
    starts in its own session (pytest, a grader's helper, ``cat`` in a test) keeps that session, and
    nothing below a sandbox can ever join it.  Reaps orphaned zombies too.  Returns how many were found.
    """
    if sys.platform == "win32":
        return 0
    found = 0
    mysid = os.getsid(0)
    for _ in range(ROUNDS):
        strays = []
        try:
            children = psutil.Process().children()
        except psutil.Error:
            return found
        for child in children:
            if child.pid in keep:
                continue
            try:
                if os.getsid(child.pid) == mysid:
                    continue
            except OSError:
                continue
            strays.append(child)
        if not strays:
            break
        found += len(strays)
        kill_frozen(strays)
    return found


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
