"""Console text that never crashes the console it is written to.

Students run ``grade`` where the console is not UTF-8: a Chinese Windows
console or pipe in code page 936 (GBK), a western one in cp1252.  Chinese
text encodes in GBK, but ``✓ ✗ ▶ ⏱`` and emoji do not, and Python's answer is
a ``UnicodeEncodeError`` in the middle of a report.  Choosing symbols in each
renderer would miss the next one (a catalogue sentence, a student's own
output echoed in a failure), so the choice is made once, where text becomes
bytes: ``configure_streams`` gives stdout and stderr an error handler that
writes, for each character the stream cannot encode, its first stand-in the
stream can encode (``✓`` is ``√`` in GBK and ``v`` in cp1252), else its
compatibility form (full-width ``：`` is ``:``), else ``?``.  A UTF-8 console
never calls the handler, so nothing changes there.

A real Windows console is the one place where the stream's encoding says
nothing: Python hands it UTF-16 (PEP 528, so the stream reports UTF-8), and
the console shows only what its output code page and font can.  There the
stream is wrapped so that text is degraded for that code page before it is
written.

rich needs nothing more: it draws table boxes and progress bars in ASCII by
itself when the stream's encoding is not UTF-8 (``ascii_only``), and writes
through the stream, also on legacy Windows consoles.
"""

from __future__ import annotations

import codecs
import io
import sys
import unicodedata

#: Stand-ins for the symbols gradekit writes, best first; the last one is ASCII.
STAND_INS: dict[str, tuple[str, ...]] = {
    "✓": ("√", "v"), "✔": ("√", "v"), "✅": ("√", "v"),
    "✗": ("×", "x"), "✘": ("×", "x"), "❌": ("×", "x"),
    "⏱": ("T",), "▶": (">",), "►": (">",), "→": ("->",), "←": ("<-",),
    "·": (".",), "•": ("·", "*"), "…": ("...",), "—": ("-",), "–": ("-",),
    "━": ("-",), "─": ("-",), "│": ("|",),
    "“": ('"',), "”": ('"',), "‘": ("'",), "’": ("'",),
    "🎉": ("*",), "⚠": ("!",), "💡": ("*",), "\ufe0f": ("",),
}
#: Written when a character has no stand-in the stream can encode.
UNKNOWN = "?"


def _encodes(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def stand_in(char: str, encoding: str) -> str:
    """``char`` itself if ``encoding`` can write it, else its best stand-in that it can."""
    if _encodes(char, encoding):
        return char
    for candidate in STAND_INS.get(char, ()):
        if _encodes(candidate, encoding):
            return candidate
    compatible = unicodedata.normalize("NFKC", char)
    if compatible != char and _encodes(compatible, encoding):
        return compatible
    return UNKNOWN


def degrade(text: str, encoding: str) -> str:
    """``text`` with every character ``encoding`` cannot write replaced by its stand-in."""
    if _encodes(text, encoding):
        return text
    return "".join(stand_in(ch, encoding) for ch in text)


def error_handler(encoding: str) -> str:
    """The name of a codec error handler that writes stand-ins for ``encoding`` (registered on first use).

    The handler is bound to one encoding because a ``UnicodeEncodeError`` does
    not reliably name it (cp1252's says ``charmap``).
    """
    name = f"gradekit-stand-in-{codecs.lookup(encoding).name}"
    try:
        codecs.lookup_error(name)
    except LookupError:
        def handle(exc: UnicodeError) -> tuple[str, int]:
            if not isinstance(exc, UnicodeEncodeError):
                raise exc
            return degrade(exc.object[exc.start:exc.end], encoding), exc.end

        codecs.register_error(name, handle)
    return name


class CodePageStream:
    """A Windows console stream that degrades text for the console's code page before writing it."""

    def __init__(self, stream, encoding: str):
        self.stream, self.code_page = stream, encoding

    def write(self, text: str) -> int:
        self.stream.write(degrade(text, self.code_page))
        return len(text)

    def __getattr__(self, name: str):
        return getattr(self.stream, name)


def windows_code_page(stream) -> str | None:
    """The output code page of the Windows console ``stream`` writes to, unless it is UTF-8 (or not a console)."""
    if sys.platform != "win32":
        return None
    try:
        if not stream.isatty():
            return None
        import ctypes

        page = ctypes.windll.kernel32.GetConsoleOutputCP()
    except (AttributeError, OSError, ValueError):
        return None
    if not page or page == 65001:
        return None
    name = f"cp{page}"
    return name if _encodes("a", name) else None


def configure_streams() -> None:
    """Make stdout and stderr write stand-ins instead of raising ``UnicodeEncodeError`` (see the module docstring)."""
    for attr in ("stdout", "stderr"):
        stream = getattr(sys, attr)
        if isinstance(stream, io.TextIOWrapper) and stream.encoding:
            try:
                stream.reconfigure(errors=error_handler(stream.encoding))
            except (LookupError, ValueError, OSError):
                pass  # an unknown codec or a closed stream: leave it as Python set it up
            page = windows_code_page(stream)
            if page is not None:
                setattr(sys, attr, CodePageStream(stream, page))
