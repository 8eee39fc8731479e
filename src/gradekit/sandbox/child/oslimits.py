"""What the operating system is asked to enforce on a sandboxed interpreter, before any student code runs.

Resource limits (CPU seconds, file size, open files, memory, processes), and the kernel's promise
that the interpreter dies with its parent, so nothing a student starts outlives the grading
session that started it.  Each is best effort where a kernel or platform refuses one: the
isolation level's own walls (bubblewrap, or the portable level's Job Object) do not depend on them.

Standard library only, like the rest of ``sandbox.child``.
"""

import os
import signal
import sys
import threading
import time

try:
    import resource
except ImportError:  # Windows: the portable level says which limits it could not apply
    resource = None  # type: ignore[assignment]


def _user_tasks():
    """Tasks (processes and threads) of this user on Linux, as RLIMIT_NPROC counts them; None elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    uid, count = os.getuid(), 0
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            if os.stat(f"/proc/{name}").st_uid != uid:
                continue
            with open(f"/proc/{name}/stat", "rb") as f:
                count += int(f.read().rsplit(b")", 1)[1].split()[17])
        except (OSError, IndexError, ValueError):
            continue
    return count


def apply_limits(limits):
    """Lower rlimits; each is best effort because some kernels refuse some.

    ``nproc`` is how many processes the child may add: RLIMIT_NPROC counts every task of the user,
    across the machine, so the limit is that count plus ``nproc``.  The kernel does not apply it to
    root, and it is not set where it cannot be counted (outside Linux).
    """
    if sys.platform == "win32" or resource is None:
        return   # no rlimits: the portable level's Job Object limits memory and processes instead
    names = {
        "cpu": resource.RLIMIT_CPU,
        "fsize": resource.RLIMIT_FSIZE,
        "nofile": resource.RLIMIT_NOFILE,
        "core": resource.RLIMIT_CORE,
        "as": resource.RLIMIT_AS,
    }
    if hasattr(resource, "RLIMIT_NPROC"):
        names["nproc"] = resource.RLIMIT_NPROC
    for key, value in limits.items():
        if key not in names or value is None:
            continue
        if key == "nproc":
            if os.geteuid() == 0:
                continue   # root is exempt: counting would only cost time
            tasks = _user_tasks()
            if tasks is None:
                continue
            value = tasks + value
        try:
            _, hard = resource.getrlimit(names[key])
            if hard != resource.RLIM_INFINITY:
                value = min(value, hard)
            resource.setrlimit(names[key], (value, value))
        except (ValueError, OSError):
            pass
    # A disk-filling student gets an OSError instead of a silent death.
    if hasattr(signal, "SIGXFSZ"):
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


PR_SET_PDEATHSIG = 1
PR_SET_CHILD_SUBREAPER = 36


def prctl(option, value):
    try:
        import ctypes
        return ctypes.CDLL(None).prctl(option, value, 0, 0, 0)
    except (OSError, AttributeError):
        return -1


def die_with_parent():
    """If the parent dies, so does this process: no orphan keeps running.

    Linux says so to the kernel; elsewhere a watcher thread notices the new parent.
    """
    if sys.platform.startswith("linux"):
        prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        return
    parent = os.getppid()

    def watch():
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="gradekit-parent-watch", daemon=True).start()


def prepare(config):
    """What every sandboxed interpreter does first, before any student file can shadow a module."""
    die_with_parent()
    apply_limits(config.get("limits", {}))
    sys.dont_write_bytecode = True
