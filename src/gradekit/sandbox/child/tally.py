"""Counts that a grader helper keeps where the student's code cannot take them back (untrusted side).

A helper shipped into the sandbox, such as a function a decorator must call exactly once, could
count its calls in its own closure. The student's code runs in the same process, though, and
reaches that closure (``fn.__closure__``), so a wrapper could call twice and undo one count.
A *note* written on the reply pipe is out of reach once written: the parent adds the notes up
(``gradekit.sandbox.notes.tally_of``). The student can write more notes, which only raises the
count, or keep their code from reaching ``tally``, which is the same as not calling the helper.

Stdlib only and free of side effects on import, like the rest of ``sandbox.child``.
"""

import json

#: Longest key kept; the parent refuses longer ones.
KEY_CAP = 64

_pipe = None   # (write, lock, current request id): set by the server before it answers anything


def attach(write, lock, current):
    """Called by the request server: ``write`` puts one line on the reply pipe under ``lock``."""
    global _pipe
    _pipe = (write, lock, current)


def tally(key):
    """One more event for ``key``, told to the parent now, during the request in flight."""
    if _pipe is None:
        return
    write, lock, current = _pipe
    key = str(key)[:KEY_CAP]
    with lock:   # the server ends a request under the same lock: no note follows its reply
        rid = current()
        if rid is not None:
            write(json.dumps({"note": "tally", "id": rid, "key": key}, ensure_ascii=True,
                             separators=(",", ":")).encode() + b"\n")
