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


def source_digest(folder: Path | str) -> str:
    """SHA-256 over the folder's top-level ``*.py`` regular files (name, size, bytes), in name order.

    These are exactly the files a sandbox copies (``forkserver.copy_sources``).
    """
    h = hashlib.sha256()
    entries = sorted((e for e in os.scandir(folder) if e.name.endswith(".py") and e.is_file(follow_symlinks=False)),
                     key=lambda e: e.name)
    for entry in entries:
        with open(entry.path, "rb") as f:
            data = f.read()
        name = entry.name.encode("utf-8", "surrogateescape")
        h.update(len(name).to_bytes(4, "big") + name + len(data).to_bytes(8, "big") + data)
    return h.hexdigest()
