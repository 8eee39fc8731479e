"""The trusted reading of the child's notes: where the student's code was, and what a helper counted.

Two kinds of note come up the reply pipe ahead of a reply. The watchdog's (``sandbox.child.watchdog``)
says where the student's code was when its time ran out; a tally (``sandbox.child.tally``) says that
a grader helper's event happened once more. Both come from a process the student controls, so
they are data to check, never to trust: a bounded line of JSON naming the request in flight. A
``where`` note holds at most ``MAX_FRAMES`` frames of ``[file, line, function]`` with short text,
positive line numbers and a function name that is an identifier (or one of Python's own
``<...>`` names); a ``tally`` note holds one short key. Anything else is dropped. A forged tally
only raises a count the student wants low.
"""

from __future__ import annotations

import json

NOTE_PREFIX = b'{"note":'
#: Bytes a note may take; a longer line is not read.
NOTE_CAP = 8 * 1024
MAX_FRAMES = 8
#: The names Python gives code that is not a def; any other function name must be an identifier.
#: A student can rename a code object to anything (``co_name`` is writable through ``replace``),
#: and the name reaches the terminal, Markdown and workflow commands.
CODE_NAMES = frozenset({"<module>", "<lambda>", "<listcomp>", "<dictcomp>", "<setcomp>", "<genexpr>"})


#: Longest tally key read (``sandbox.child.tally.KEY_CAP``).
KEY_CAP = 64


def _note(line: bytes, rid: int, kind: str) -> dict | None:
    """The note as a dict when ``line`` is well-formed JSON of ``kind`` about request ``rid``."""
    if len(line) > NOTE_CAP:
        return None
    try:
        note = json.loads(line)
    except (ValueError, RecursionError):
        return None
    if not isinstance(note, dict) or note.get("note") != kind or type(note.get("id")) is not int or note["id"] != rid:
        return None
    return note


def tally_of(line: bytes, rid: int) -> str | None:
    """The key of a well-formed tally note about request ``rid``, else None."""
    note = _note(line, rid, "tally")
    key = note.get("key") if note is not None else None
    return key if isinstance(key, str) and 0 < len(key) <= KEY_CAP else None


def frames_of(line: bytes, rid: int) -> list[list]:
    """The note's frames, innermost first, when ``line`` is a well-formed note about request ``rid``; else []."""
    note = _note(line, rid, "where")
    if note is None:
        return []
    frames = note.get("frames")
    if not isinstance(frames, list) or not frames:
        return []
    kept = []
    for frame in frames[:MAX_FRAMES]:
        if not (isinstance(frame, list) and len(frame) == 3):
            return []
        file, line_no, function = frame
        if not (isinstance(file, str) and 0 < len(file) <= 200 and file.endswith(".py") and "/" not in file
                and "\\" not in file and type(line_no) is int and 0 < line_no < 10**7
                and isinstance(function, str) and 0 < len(function) <= 100
                and (function.isidentifier() or function in CODE_NAMES)):
            return []
        kept.append([file, line_no, function])
    return kept
