"""Line wrapping for failure text: at word boundaries, never inside a quoted value or code.

rich wraps at spaces, so ``'hello there'`` or ``f(1, 2)`` could be split over two
lines, where a beginner reads the break as part of the value; and its continuation
lines start at column 0, out of the message's indentation.  Here a line may break
after spaces and between CJK characters (Chinese has no spaces), but not inside a
quoted string, a backtick span, a call's or subscript's parentheses, or a list or
dict literal; a continuation is indented under its line.  A piece longer than a
whole line is folded (it cannot fit any other way), starting on a line of its own
when that lets it fit there.

The wrapping happens when rich renders, at the console's real width, so watch
mode and ``grade check`` in a narrow terminal get it alike.
"""

from __future__ import annotations

import unicodedata

from rich.cells import cell_len
from rich.text import Text

#: Characters a line must not start with, or end with (Chinese line-breaking rules, roughly).
NO_START = set("，。、；：？！）》」』】,.;:?!)]}…")
NO_END = set("（《「『【([{")
_OPEN = {"(": ")", "[": "]", "{": "}"}


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def _quote_end(text: str, start: int) -> int | None:
    """Index just past the quote closing the one at ``start``, honouring backslash escapes."""
    quote, i = text[start], start + 1
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == quote:
            return i + 1
        i += 1
    return None


def _bracket_end(text: str, start: int) -> int | None:
    """Index just past the bracket matching the one at ``start`` (quotes inside are skipped)."""
    stack, i = [_OPEN[text[start]]], start + 1
    while i < len(text):
        ch = text[i]
        if ch in "'\"":
            end = _quote_end(text, i)
            if end is None:
                return None
            i = end
            continue
        if ch in _OPEN:
            stack.append(_OPEN[ch])
        elif ch == stack[-1]:
            stack.pop()
            if not stack:
                return i + 1
        elif ch in ")]}":
            return None
        i += 1
    return None


def protected_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every piece a line must not break inside: quoted values and code."""
    spans, i = [], 0
    while i < len(text):
        ch, before = text[i], text[i - 1] if i else " "
        end = None
        if ch in "'\"" and not before.isalnum():   # an apostrophe (don't, the kit's) opens nothing
            end = _quote_end(text, i)
        elif ch == "`":
            close = text.find("`", i + 1)
            end = close + 1 if close > 0 else None
        elif ch in "[{" or ch == "(" and (before.isalnum() or before in "_)]'\""):
            end = _bracket_end(text, i)
        if end is not None:
            spans.append((i, end))
            i = end
        else:
            i += 1
    return spans


def _number_and_word(left: str, right: str) -> bool:
    """A number and the Chinese word it counts (第 30 行, 532 分): the space between them is no place to break."""
    return (left.isdigit() and _wide(right)) or (_wide(left) and right.isdigit())


def break_points(text: str) -> list[int]:
    """Offsets a line may break before, in order."""
    inside = bytearray(len(text) + 1)
    for start, end in protected_spans(text):
        for k in range(start + 1, end):
            inside[k] = 1
    points = []
    for i in range(1, len(text)):
        if inside[i]:
            continue
        prev, ch = text[i - 1], text[i]
        if ch == " ":
            continue
        if prev == " ":
            if not _number_and_word(text[i - 2] if i > 1 else " ", ch):
                points.append(i)
        elif (_wide(prev) or _wide(ch)) and ch not in NO_START and prev not in NO_END:
            points.append(i)
    return points


def _fold(piece: Text, room: int, later: int) -> list[Text]:
    """``piece`` cut into runs of at most ``room`` cells, then ``later`` cells: after a space where there is one
    (a long value still reads word by word), else anywhere."""
    plain, out, start = piece.plain, [], 0
    while cell_len(plain[start:]) > room:
        end, cells = start, 0
        while end < len(plain) and cells + cell_len(plain[end]) <= room:
            cells += cell_len(plain[end])
            end += 1
        space = plain.rfind(" ", start, end)
        cut = space + 1 if space > start else max(end, start + 1)
        out.append(piece[start:cut])
        start, room = cut, later
    out.append(piece[start:])
    return out


def wrap(line: Text, width: int, indent: int = 0, hanging: int = 2) -> list[Text]:
    """``line`` as lines of at most ``width`` cells: the first indented by ``indent`` spaces, the rest by
    ``indent + hanging``."""
    plain = line.plain
    cuts = [0, *break_points(plain), len(plain)]
    rest = " " * (indent + hanging)
    later = max(1, width - len(rest))
    lines: list[Text] = []
    current = Text(" " * indent)
    for a, b in zip(cuts, cuts[1:]):
        piece = line[a:b]
        need = cell_len(piece.plain.rstrip(" "))
        used = cell_len(current.plain)
        if used + need <= width:
            current.append_text(piece)
            continue
        started = bool(current.plain.strip())
        if started and (need <= later or width - used < 8):
            lines.append(current)   # the piece fits on a line of its own, or too little room is left here
            current, used = Text(rest), len(rest)
        if used + need <= width:
            current.append_text(piece)
            continue
        folds = _fold(piece, max(1, width - used), later)  # wider than any line: it cannot stay whole
        for more in folds[:-1]:
            current.append_text(more)
            lines.append(current)
            current = Text(rest)
        current.append_text(folds[-1])
    lines.append(current)
    for out in lines:
        out.rstrip()
    return lines


class Wrapped:
    """Lines of text, each wrapped by ``wrap`` at the width rich renders it at."""

    def __init__(self) -> None:
        self.lines: list[tuple[Text, int, int]] = []

    def add(self, text: Text | str, indent: int = 0, hanging: int = 2, style: str = "") -> "Wrapped":
        line = text if isinstance(text, Text) else Text(text, style=style)
        for part in line.split("\n", allow_blank=True) if "\n" in line.plain else [line]:
            self.lines.append((part, indent, hanging))
        return self

    @property
    def plain(self) -> str:
        return "\n".join(" " * indent + line.plain for line, indent, _ in self.lines)

    def __rich_console__(self, console, options):
        width = max(20, options.max_width)
        rows = [row for line, indent, hanging in self.lines for row in wrap(line, width, indent, hanging)]
        out = Text("\n").join(rows)
        out.no_wrap = True
        out.overflow = "fold"
        yield out
