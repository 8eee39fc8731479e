"""Landlock walls a sandboxed interpreter raises around itself before any student code runs.

At the process level the child runs as the grader's user and sees the machine.
Linux's Landlock lets an unprivileged process give up rights for good, for
itself and everything it starts: here, the right to write anywhere but its
scratch folder, to read anything but the system, the Python installation,
gradekit and its own copy of the submission (so not the kit's hidden graders
nor other students' files), and (ABI 6, Linux 6.12+) to signal any process
outside its own domain or connect to abstract sockets there, so the trusted
pytest process and the runner cannot be stopped or killed from inside.

Standard library only, talking to the kernel with ``ctypes``: this runs in the
untrusted interpreter, which must not import anything a student file could
shadow.  ``abi()`` is also what the trusted side asks to learn what the kernel
offers (``gradekit.sandbox.isolation``).  Where the kernel lacks Landlock (older kernels,
an LSM list without it, other systems) nothing is applied and the caller was
told beforehand by the level's record.
"""

import os
import sys

#: x86_64 and aarch64 share the generic syscall numbers for Landlock.
SYS_CREATE_RULESET, SYS_ADD_RULE, SYS_RESTRICT_SELF = 444, 445, 446
CREATE_RULESET_VERSION = 1
RULE_PATH_BENEATH = 1
PR_SET_NO_NEW_PRIVS = 38

EXECUTE, WRITE_FILE, READ_FILE, READ_DIR = 1 << 0, 1 << 1, 1 << 2, 1 << 3
REMOVE_DIR, REMOVE_FILE, MAKE_CHAR, MAKE_DIR = 1 << 4, 1 << 5, 1 << 6, 1 << 7
MAKE_REG, MAKE_SOCK, MAKE_FIFO, MAKE_BLOCK, MAKE_SYM = 1 << 8, 1 << 9, 1 << 10, 1 << 11, 1 << 12
REFER, TRUNCATE = 1 << 13, 1 << 14          # ABI 2, ABI 3
SCOPE_ABSTRACT_UNIX_SOCKET, SCOPE_SIGNAL = 1 << 0, 1 << 1   # ABI 6

READ = EXECUTE | READ_FILE | READ_DIR
WRITE_ABI1 = (WRITE_FILE | REMOVE_DIR | REMOVE_FILE | MAKE_CHAR | MAKE_DIR | MAKE_REG | MAKE_SOCK | MAKE_FIFO
              | MAKE_BLOCK | MAKE_SYM)
#: Rights that may be granted on a file (not a folder) in a rule.
FILE_RIGHTS = EXECUTE | WRITE_FILE | READ_FILE | TRUNCATE
#: Files every child may write although they lie outside its scratch folder.
WRITABLE_FILES = ("/dev/null", "/dev/zero", "/dev/full", "/dev/tty")
#: Folders likewise: POSIX semaphores and shared memory (``multiprocessing``) live in /dev/shm.  It is
#: shared by the machine, so a child can leave files there, but no grader or student file lives there.
WRITABLE_FOLDERS = ("/dev/shm",)
#: Folders every child may read (the rest comes from the trusted side's list).
READABLE = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc", "/dev", "/proc", "/sys",
            "/opt", "/usr/local", "/nix", "/gnu")


def _libc():
    import ctypes
    return ctypes, ctypes.CDLL(None, use_errno=True)


def _syscall_numbers_known():
    if not sys.platform.startswith("linux"):
        return False
    return os.uname().machine in ("x86_64", "aarch64", "arm64")


def abi():
    """The Landlock ABI version this kernel offers this process (0: none)."""
    if not _syscall_numbers_known():
        return 0
    try:
        ctypes, libc = _libc()
        libc.syscall.restype = ctypes.c_long
        version = libc.syscall(ctypes.c_long(SYS_CREATE_RULESET), None, ctypes.c_size_t(0),
                               ctypes.c_uint32(CREATE_RULESET_VERSION))
    except (OSError, AttributeError):
        return 0
    return max(0, int(version))


def restrict(write, read=None, scope_signals=True, listable=(), most=None):
    """Give up, for this process and all it starts, every write but beneath ``write`` (folders) and the
    null devices, every read but beneath ``read`` (when given) and the system folders (``listable``:
    folders whose names may be listed, nothing more: where an interpreter looks for gradekit), and the
    signalling of processes outside this domain (ABI 6+), using ABI ``most`` at most.  Returns what was applied, as a dict of
    flags; applies nothing (and says so) where the kernel offers no Landlock.
    """
    version = abi() if most is None else min(abi(), most)
    applied = {"abi": version, "fs_write": False, "fs_read": False, "signals": False}
    if version < 1 or not sys.platform.startswith("linux"):
        return applied
    import ctypes

    class RulesetAttr(ctypes.Structure):
        _fields_ = [("handled_access_fs", ctypes.c_uint64), ("handled_access_net", ctypes.c_uint64),
                    ("scoped", ctypes.c_uint64)]

    class PathBeneath(ctypes.Structure):
        _pack_ = 1
        _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]

    _, libc = _libc()
    libc.syscall.restype = ctypes.c_long
    write_rights = WRITE_ABI1 | (REFER if version >= 2 else 0) | (TRUNCATE if version >= 3 else 0)
    handled = write_rights | (READ if read is not None else 0)
    scoped = SCOPE_SIGNAL | SCOPE_ABSTRACT_UNIX_SOCKET if scope_signals and version >= 6 else 0
    attr = RulesetAttr(handled, 0, scoped)
    size = ctypes.sizeof(RulesetAttr) if scoped else 8   # ABI < 4 kernels know the first field only
    ruleset = libc.syscall(ctypes.c_long(SYS_CREATE_RULESET), ctypes.byref(attr), ctypes.c_size_t(size),
                           ctypes.c_uint32(0))
    if ruleset < 0:
        raise OSError(ctypes.get_errno(), "landlock_create_ruleset failed")
    ruleset = int(ruleset)
    try:
        def allow(path, rights):
            try:
                fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
            except OSError:
                return   # absent here: nothing to allow
            try:
                is_dir = os.path.isdir(path)
                rule = PathBeneath(rights if is_dir else rights & FILE_RIGHTS & handled, fd)
                if not rule.allowed_access:
                    return
                if libc.syscall(ctypes.c_long(SYS_ADD_RULE), ctypes.c_int(ruleset), ctypes.c_int(RULE_PATH_BENEATH),
                                ctypes.byref(rule), ctypes.c_uint32(0)) < 0:
                    raise OSError(ctypes.get_errno(), f"landlock_add_rule failed for {path}")
            finally:
                os.close(fd)

        if read is not None:
            for path in {*READABLE, *read}:
                allow(path, READ)
            for path in listable:
                allow(path, READ_DIR)
        for path in WRITABLE_FILES:
            allow(path, (WRITE_FILE | TRUNCATE | READ_FILE) & handled)
        for path in (*write, *WRITABLE_FOLDERS):
            allow(path, write_rights | (READ if read is not None else 0))
        if libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_SET_NO_NEW_PRIVS) failed")
        if libc.syscall(ctypes.c_long(SYS_RESTRICT_SELF), ctypes.c_int(ruleset), ctypes.c_uint32(0)) < 0:
            raise OSError(ctypes.get_errno(), "landlock_restrict_self failed")
    finally:
        os.close(ruleset)
    applied.update(fs_write=True, fs_read=read is not None, signals=bool(scoped))
    return applied


def apply(config):
    """Raise the walls ``config["landlock"]`` asks for (set by the trusted side when the level uses
    Landlock); nothing when it asks for none."""
    wanted = config.get("landlock")
    if not wanted:
        return None
    return restrict(wanted.get("write", []), wanted.get("read"), wanted.get("signals", True),
                    wanted.get("list", ()), wanted.get("abi"))
