"""How strongly sandbox children are walled off: bubblewrap namespaces, process limits, or the portable level.

Level ``bwrap`` (used when the machine allows it): every child runs inside
bubblewrap with its own user, PID, network, IPC and UTS namespaces.  It sees a
read-only system (``/usr``, the Python installation, the virtual environment
and gradekit's own package), a private copy of the one submission it grades,
size-limited scratch space, and nothing else: no graders, no solutions, no
other students, no home folder, no processes of ours, and no network but its
own loopback.

Level ``process``: the same child with resource limits, a scrubbed
environment and its own process group, but the file system and the process
table of the machine are visible.  Used when bubblewrap is missing or user
namespaces are refused (Ubuntu 24.04's AppArmor rule does this on GitHub's
runners); the runner says so once, with the fix, and every result records the
level it was graded at.

Level ``portable`` (Windows, macOS, or Linux without fork or ``/proc``): no
fork server; each topic's child is a fresh interpreter started through
``subprocess`` (``gradekit.sandbox.portable``), resource limits where the
system has them, and at each topic's end its whole process tree is killed (a
Job Object on Windows).  It protects the grader from mistakes (endless loops,
floods, crashes, leftover processes), not from a student set on harm: students
use it on their own laptops, where what they could attack is their own.

Landlock (Linux 5.13+, signal scoping 6.12+) strengthens the process level and
the portable level on Linux where the kernel offers it: each sandboxed
interpreter gives up writing anywhere but its scratch folder, reading anything
but the system, Python, gradekit and its own copy of the submission, and (ABI
6+) signalling any process outside its own sandbox, so it cannot stop or kill
the trusted pytest process or the runner.  ``Isolation.landlock`` is the ABI in
use (0: none), recorded with the level in every session's manifest.
``GRADEKIT_LANDLOCK=off`` turns it off, and ``GRADEKIT_LANDLOCK=<n>`` uses at
most ABI n (how the tests reach the runner's own watchdog, and an older
kernel's walls, on a kernel that has more).

``auto`` picks bwrap, then process, then portable.  ``GRADEKIT_ISOLATION`` =
``auto`` (default), ``bwrap`` (fail if impossible), ``process`` (never use
bubblewrap) or ``portable`` (the laptop level, forced: how Linux tests it).
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path

#: gradekit's own package folder (this file is in ``gradekit/sandbox/``): every child reads it.
PACKAGE = Path(__file__).resolve().parents[1]

ENV = "GRADEKIT_ISOLATION"
LANDLOCK_ENV = "GRADEKIT_LANDLOCK"
#: The first Landlock ABI that scopes signals (Linux 6.12).
LANDLOCK_SIGNALS_ABI = 6
#: Size of the scratch file system each check writes into (bubblewrap level).
SCRATCH_BYTES = 256 * 1024 * 1024

FIX = ("install bubblewrap (Debian/Ubuntu: apt-get install bubblewrap) and allow unprivileged user "
       "namespaces (Ubuntu 24.04: sysctl kernel.apparmor_restrict_unprivileged_userns=0, or an AppArmor "
       "profile for bwrap)")


class IsolationUnavailable(Exception):
    pass


@dataclass(frozen=True)
class Isolation:
    level: str            # "bwrap", "process" or "portable"
    reason: str = ""      # why not bwrap, when it is another level
    bwrap: str | None = None
    landlock: int = 0     # the Landlock ABI the children restrict themselves with (0: none)
    landlock_note: str = ""   # why not, or what it cannot do here

    @property
    def missing(self) -> list[str]:
        """Protections this level could not apply here, named for the note the student reads."""
        return missing_limits() if self.level == "portable" else []

    @property
    def landlock_signals(self) -> bool:
        return self.landlock >= LANDLOCK_SIGNALS_ABI

    def record(self) -> dict:
        """What every session's manifest says about the walls its checks ran behind."""
        out: dict = {"level": self.level, "reason": self.reason}
        if self.level != "bwrap":
            out["landlock"] = {"abi": self.landlock, "files": self.landlock > 0, "signals": self.landlock_signals,
                               "note": self.landlock_note}
        return out

    def landlock_config(self, write: list[str], read: list[str]) -> dict | None:
        """The walls a child at this level raises around itself (``sandbox.child.landlock.apply``): writes
        only beneath ``write``, reads only beneath ``read`` and the installation, no signals out."""
        if not self.landlock or self.level == "bwrap":
            return None
        # A fresh interpreter (a script at the portable level) finds gradekit by listing the folder it
        # lies in: an editable install's source folder, not otherwise readable.
        return {"write": write, "read": [*read, *installation_paths()], "signals": self.landlock_signals,
                "list": [str(PACKAGE.parent)], "abi": self.landlock}


LEVELS = ("auto", "bwrap", "process", "portable")


def missing_limits(platform: str | None = None) -> list[str]:
    """What the portable level cannot apply on ``platform`` (default: this one); the rest is applied."""
    platform = platform or sys.platform
    if platform == "win32":
        # A Job Object holds memory and the process count; Windows has no rlimits for the others.
        return ["CPU time", "file size", "open files"]
    if platform == "darwin":
        return ["address space (macOS ignores it)"]
    return []


def _process_level_possible() -> tuple[bool, str]:
    """The process level needs Linux: fork, /proc for the sweeper, and prctl for the subreaper."""
    if not sys.platform.startswith("linux"):
        return False, {"win32": "Windows", "darwin": "macOS"}.get(sys.platform, sys.platform)
    if not hasattr(os, "fork") or not os.path.isdir("/proc/self"):
        return False, "no fork or /proc"
    return True, ""


def installation_paths() -> list[str]:
    """Python, the environment and gradekit's own package: what a child must read to run at all."""
    package = str(PACKAGE)
    prefixes = {sys.base_prefix, sys.prefix, sysconfig.get_paths()["purelib"],
                str(Path(os.path.realpath(sys.executable)).parent.parent)}
    return sorted(prefixes) + [package]


def _system_binds() -> list[str]:
    args = []
    for path in ("/usr", "/bin", "/lib", "/lib32", "/lib64", "/sbin", "/etc/ld.so.cache", "/etc/alternatives",
                 "/etc/localtime"):
        args += ["--ro-bind-try", path, path]
    for path in installation_paths():
        args += ["--ro-bind-try", path, path]
    return args


def wrap(command: list[str], isolation: Isolation, workdir: str) -> list[str]:
    """``command`` as it must be started at this isolation level, with ``workdir`` its only writable folder."""
    if isolation.level != "bwrap":
        return command
    return [
        isolation.bwrap, "--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL",
        # The command is the namespace's PID 1: a signal from inside cannot kill it (a student
        # killing its parent, the fork server, changes nothing), and it reaps every orphan.
        "--as-pid-1",
        # Scratch space first: the read-only binds below may live under /tmp (a checkout there).
        "--size", str(SCRATCH_BYTES), "--tmpfs", "/tmp",
        *_system_binds(),
        "--proc", "/proc", "--dev", "/dev",
        "--size", str(SCRATCH_BYTES // 4), "--tmpfs", "/dev/shm",
        "--bind", workdir, workdir,
        "--ro-bind", os.path.join(workdir, "src"), os.path.join(workdir, "src"),
        "--chdir", workdir,
        "--", *command,
    ]


def _probe(bwrap: str) -> tuple[bool, str]:
    """Start a real child under bubblewrap once; what it prints proves the walls are up."""
    import tempfile
    with tempfile.TemporaryDirectory(prefix="gradekit-probe-") as tmp:
        Path(tmp, "src").mkdir()
        iso = Isolation("bwrap", bwrap=bwrap)
        cmd = wrap([sys.executable, "-I", "-c", "import gradekit.sandbox.protocol, os; print(os.getpid(), len(os.listdir('/proc')))"],
                   iso, tmp)
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=20, env={"PATH": "/usr/bin:/bin"})
        except (OSError, subprocess.TimeoutExpired) as exc:
            return False, str(exc)
    if proc.returncode != 0:
        return False, (proc.stderr.strip().splitlines() or ["bwrap failed"])[-1]
    return True, ""


def landlock_probe() -> tuple[int, str]:
    """The Landlock ABI the children may use here, and a note on what it cannot do (the kernel's answer
    to the version query; ``GRADEKIT_LANDLOCK=off`` says none)."""
    wanted = os.environ.get(LANDLOCK_ENV, "").strip().lower()
    if wanted in ("0", "off", "no", "false"):
        return 0, f"{LANDLOCK_ENV}=off"
    if not sys.platform.startswith("linux"):
        return 0, "Landlock is Linux's"
    from gradekit.sandbox.child import landlock
    version = landlock.abi()
    if wanted.isdigit():
        version = min(version, int(wanted))   # an older kernel's ABI, as GitHub's runners have (tests)
    if version < 1:
        return 0, "this kernel offers no Landlock (Linux 5.13+ with landlock in its LSM list)"
    if version < LANDLOCK_SIGNALS_ABI:
        return version, (f"Landlock ABI {version}: files walled, but signals to the grader are not scoped "
                         f"(needs ABI {LANDLOCK_SIGNALS_ABI}, Linux 6.12+); the runner's watchdog remains")
    return version, ""


def _with_landlock(iso: Isolation) -> Isolation:
    version, note = landlock_probe()
    return Isolation(iso.level, iso.reason, iso.bwrap, version, note)


@functools.lru_cache(maxsize=1)
def detect() -> Isolation:
    requested = os.environ.get(ENV, "auto").strip().lower() or "auto"
    if requested not in LEVELS:
        raise IsolationUnavailable(f"{ENV}={requested!r}: use {', '.join(LEVELS)}")
    if requested == "portable":
        return _with_landlock(Isolation("portable", f"{ENV}=portable"))
    possible, why_not = _process_level_possible()
    if requested == "process":
        if not possible:
            raise IsolationUnavailable(f"{ENV}=process but this machine cannot ({why_not}); use portable")
        return _with_landlock(Isolation("process", f"{ENV}=process"))
    bwrap = shutil.which("bwrap") if possible else None
    if not possible:
        reason = why_not
    elif bwrap is None:
        reason = "bubblewrap (bwrap) is not installed"
    else:
        ok, reason = _probe(bwrap)
        if ok:
            return Isolation("bwrap", bwrap=bwrap)
        reason = f"bubblewrap cannot create namespaces here ({reason})"
    if requested == "bwrap":
        raise IsolationUnavailable(f"{ENV}=bwrap but {reason}; {FIX}")
    return _with_landlock(Isolation("process" if possible else "portable", reason))
