"""A seccomp filter that keeps a child from freezing or reading into the processes that grade it.

Landlock scopes signals only from ABI 6 (Linux 6.12); below that, at the process
level, student code runs as the grader's user and could ``SIGSTOP`` the runner
itself, and no watchdog running as that same user would ever wake up.  This
filter, installed before any student code runs and inherited by every fork,
refuses on every kernel since 3.5:

* the stop signals (``SIGSTOP``, ``SIGTSTP``, ``SIGTTIN``, ``SIGTTOU``) through
  every system call that sends a signal to another process;
* ``fcntl`` commands that make the kernel signal a chosen process on I/O
  (``F_SETOWN``, ``F_SETOWN_EX``, ``F_SETSIG``);
* ``ptrace`` and ``process_vm_writev``, which would let a child rewrite a grader;
* any system call made through another architecture's table (i386 or x32 on an
  x86_64 kernel), which the numbers below do not describe.

The refused calls fail with ``EPERM``; nothing a Python-basics exercise needs uses
them.  Stdlib only: this module runs on the untrusted side.
"""

import os
import sys

PR_SET_NO_NEW_PRIVS = 38
PR_SET_SECCOMP = 22
SECCOMP_MODE_FILTER = 2
SECCOMP_RET_ALLOW = 0x7FFF0000
SECCOMP_RET_ERRNO = 0x00050000
EPERM = 1

# BPF opcodes (linux/filter.h).
LD_W_ABS = 0x20      # BPF_LD | BPF_W | BPF_ABS
JEQ_K = 0x15         # BPF_JMP | BPF_JEQ | BPF_K
JGE_K = 0x35         # BPF_JMP | BPF_JGE | BPF_K
RET_K = 0x06         # BPF_RET | BPF_K

#: ``struct seccomp_data`` offsets: the call's number, its architecture, the low word of argument i.
NR, ARCH = 0, 4


def ARG(i):
    return 16 + 8 * i   # little-endian: the low 32 bits of args[i]


STOP_SIGNALS = (19, 20, 21, 22)   # SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU (the same on x86_64 and aarch64)
FCNTL_SIGNALLING = (8, 10, 15)    # F_SETOWN, F_SETSIG, F_SETOWN_EX

#: Per machine: the audit architecture, and the numbers of the calls filtered (generic table on aarch64).
TABLES = {
    "x86_64": {"arch": 0xC000003E, "x32_bit": 0x40000000,
               "signal": {62: 1, 200: 1, 234: 2, 129: 1, 297: 2, 424: 1},  # kill tkill tgkill rt_(tg)sigqueueinfo pidfd_send_signal
               "fcntl": 72, "deny": (101, 311)},                           # ptrace, process_vm_writev
    "aarch64": {"arch": 0xC00000B7, "x32_bit": None,
                "signal": {129: 1, 130: 1, 131: 2, 138: 1, 240: 2, 424: 1},
                "fcntl": 25, "deny": (117, 271)},
}
TABLES["arm64"] = TABLES["aarch64"]


def program(table):
    """The filter as a list of ``(code, jt, jf, k)``, jumps resolved."""
    out = []          # items: ("op", code, k, jt_label, jf_label) or ("label", name)
    deny, allow = "deny", "allow"

    def op(code, k=0, jt=None, jf=None):
        out.append(("op", code, k, jt, jf))

    def label(name):
        out.append(("label", name))

    op(LD_W_ABS, ARCH)
    op(JEQ_K, table["arch"], None, deny)     # another architecture's table: refuse it all
    op(LD_W_ABS, NR)
    if table["x32_bit"]:
        op(JGE_K, table["x32_bit"], deny, None)
    for nr, arg in sorted(table["signal"].items()):
        op(JEQ_K, nr, f"sig{arg}", None)
    op(JEQ_K, table["fcntl"], "fcntl", None)
    for nr in table["deny"]:
        op(JEQ_K, nr, deny, None)
    op(RET_K, SECCOMP_RET_ALLOW)
    for arg in sorted(set(table["signal"].values())):
        label(f"sig{arg}")
        op(LD_W_ABS, ARG(arg))
        for sig in STOP_SIGNALS:
            op(JEQ_K, sig, deny, None)
        op(RET_K, SECCOMP_RET_ALLOW)
    label("fcntl")
    op(LD_W_ABS, ARG(1))
    for cmd in FCNTL_SIGNALLING:
        op(JEQ_K, cmd, deny, None)
    label(allow)
    op(RET_K, SECCOMP_RET_ALLOW)
    label(deny)
    op(RET_K, SECCOMP_RET_ERRNO | EPERM)

    where, n = {}, 0
    for item in out:
        if item[0] == "label":
            where[item[1]] = n
        else:
            n += 1
    prog, i = [], 0
    for item in out:
        if item[0] == "label":
            continue
        _, code, k, jt, jf = item
        rel = [0 if target is None else where[target] - i - 1 for target in (jt, jf)]
        if any(not 0 <= r <= 255 for r in rel):
            raise ValueError("seccomp jump out of range")
        prog.append((code, rel[0], rel[1], k))
        i += 1
    return prog


def install():
    """Install the filter in this process (and so in all it forks); False where it cannot be."""
    if not sys.platform.startswith("linux"):
        return False
    table = TABLES.get(os.uname().machine)
    if table is None:
        return False
    import ctypes

    class SockFilter(ctypes.Structure):
        _fields_ = [("code", ctypes.c_uint16), ("jt", ctypes.c_uint8), ("jf", ctypes.c_uint8), ("k", ctypes.c_uint32)]

    class SockFprog(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(SockFilter))]

    prog = program(table)
    filters = (SockFilter * len(prog))(*[SockFilter(*ins) for ins in prog])
    fprog = SockFprog(len(prog), filters)
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return False
    return libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(fprog), 0, 0) == 0
