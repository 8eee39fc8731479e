"""A submission's content digest, taken when it is exported and checked when it is copied for grading.

At the process level every child runs as the same user as the grader, so a
student graded earlier in a batch could rewrite a neighbour's exported files
before that neighbour is graded.  The exporter records this digest; the
trusted side recomputes it over the very bytes it copies, and a mismatch means
the files changed on disk after export: the submission is exported and graded
again instead of being scored on someone else's edits.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def digest_of(files: dict[str, bytes]) -> str:
    """SHA-256 over ``{file name: bytes}`` (name, size, bytes), in name order."""
    h = hashlib.sha256()
    for name in sorted(files):
        raw = name.encode("utf-8", "surrogateescape")
        h.update(len(raw).to_bytes(4, "big") + raw + len(files[name]).to_bytes(8, "big") + files[name])
    return h.hexdigest()


def read_top_sources(folder: Path | str) -> dict[str, bytes]:
    """The folder's top-level ``*.py`` regular files: exactly what a sandbox copies (``forkserver.copy_sources``)."""
    files = {}
    for entry in os.scandir(folder):
        if entry.name.endswith(".py") and entry.is_file(follow_symlinks=False):
            with open(entry.path, "rb") as f:
                files[entry.name] = f.read()
    return files


def source_digest(folder: Path | str) -> str:
    """``digest_of`` the folder's top-level sources."""
    return digest_of(read_top_sources(folder))
