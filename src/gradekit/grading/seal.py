"""Sealing what the grading process reports, so a report rewritten behind its back is caught.

The runner passes a fresh random key to pytest through a pipe (never argv or
the environment).  The plugin seals the manifest of collected checks and every
outcome with it; the runner recomputes each seal.  Student children run as the
same user, so the pytest process also makes itself non-dumpable: /proc no
longer shows them its memory, file descriptors or environment.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os


def read_key(fd: int | None) -> bytes:
    """Read the sealing key once from the runner's pipe; afterwards the pipe is empty and closed."""
    if fd is None:
        return b""
    with os.fdopen(fd, "rb") as pipe:
        return pipe.read(256)


def make_undumpable() -> None:
    """Hide this process's memory, fds and environ from same-user processes (Linux).

    Student children run as the same user; a non-dumpable process cannot be read
    through /proc by them, so the sealing key stays private.
    """
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE = 4
    except (OSError, AttributeError):
        pass


def seal(key: bytes, payload) -> str:
    """The MAC the runner checks: a report rewritten behind pytest's back will not match."""
    data = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hmac.new(key, data, hashlib.sha256).hexdigest()
