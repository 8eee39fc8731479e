"""The trusted reading of the child watchdog's note (``sandbox.child.watchdog``): where the student's code was.

The note comes from a process the student controls, so it is data to check, never to trust: a
bounded line of JSON naming the request in flight, holding at most ``MAX_FRAMES`` frames of
``[file, line, function]`` with short text, positive line numbers and a function name that is an
identifier (or one of Python's own ``<...>`` names).  Anything else is dropped.
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


def frames_of(line: bytes, rid: int) -> list[list]:
    """The note's frames, innermost first, when ``line`` is a well-formed note about request ``rid``; else []."""
    if len(line) > NOTE_CAP:
        return []
    try:
        note = json.loads(line)
    except (ValueError, RecursionError):
        return []
    if not isinstance(note, dict) or note.get("note") != "where" or note.get("id") != rid:
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
