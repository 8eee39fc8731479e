"""Make student-controlled text harmless wherever gradekit writes it.

Anything a submission chooses can reach an output: messages, what it printed or
returned, exception type names, file names (``compile(..., filename)`` picks
any), the integrity flags naming its files, and, in a batch, user, roster and
repository names.  Each output format has one way to make such text inert, and
it lives here so every renderer uses the same one:

* CI logs: GitHub Actions treats a line holding ``::command::`` (or the older
  ``##[command]``) as a workflow command, and terminals obey escape sequences.
  ``neutralize`` puts a zero-width space inside those markers and shows control
  characters (ESC, CR, BEL, bidi overrides) as visible ``\\x1b``-style escapes,
  so the text reads the same to a person and means nothing to the runner or
  the terminal.
* Workflow-command data and properties: ``workflow_data`` and
  ``workflow_property`` escape ``%``, CR and LF (and ``:`` and ``,`` in
  properties) the way the Actions toolkit's ``escapeData``/``escapeProperty``
  do, so the runner unescapes them to the original text.
* Markdown: ``md_text`` for text inside a line (table cells, headings, list
  items), ``md_code`` for an inline code span, ``md_fence`` for a block.
  Code spans and fences use a backtick run longer than any in the text
  (CommonMark: a fence closes only on a run at least as long as its opener,
  and ``~~~`` never closes a backtick fence), and line endings are
  normalised first because a bare CR ends a line for CommonMark.
* HTML: Jinja's autoescaping (``render.html``), never ``|safe`` on student text.
* CSV: ``csv_cell`` puts a single quote before a string that a spreadsheet
  would read as a formula (OWASP's rule: a leading ``=``, ``+``, ``-``, ``@``,
  tab or CR), and before one that already starts with ``'``, so that stripping
  one leading ``'`` from any cell that has one always gives the value back.
"""

from __future__ import annotations

import re

ZWSP = "\u200b"

#: C0 controls but TAB and LF, DEL, C1 controls, and the bidi embeddings/overrides/isolates
#: (which reorder what a reader sees in a log line).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def neutralize(text: str) -> str:
    """``text`` safe to print into a CI log or a terminal (see the module docstring)."""
    text = str(text).replace("\r\n", "\n")
    text = _CONTROL.sub(_visible, text)
    return text.replace("::", f":{ZWSP}:").replace("##[", f"##{ZWSP}[")


# -- GitHub workflow commands (actions/toolkit packages/core/src/command.ts) ---------------------

def workflow_data(text: str) -> str:
    """A workflow command's message: ``%``, CR and LF escaped (``escapeData``)."""
    return str(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def workflow_property(text: str) -> str:
    """A workflow command's property value: also ``:`` and ``,`` (``escapeProperty``)."""
    return workflow_data(text).replace(":", "%3A").replace(",", "%2C")


# -- Markdown (CommonMark / GitHub Flavored Markdown) ------------------------------------------

_LINE_ENDS = re.compile(r"\r\n|\r|\n")
#: What can start markup inside a line: emphasis, code, links and images, tables,
#: strikethrough, HTML and entities, and the backslash itself.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def _lines(text: str) -> str:
    """``text`` with every CommonMark line ending made ``\\n`` and NUL made U+FFFD (as CommonMark does)."""
    return _LINE_ENDS.sub("\n", str(text)).replace("\x00", "\ufffd")


def _longest_run(text: str, char: str) -> int:
    return max((len(m) for m in re.findall(re.escape(char) + "+", text)), default=0)


def md_text(text: str) -> str:
    """``text`` as literal Markdown inside one line: one line, no markup, no HTML."""
    text = " ".join(_lines(text).split("\n"))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def md_code(text: str) -> str:
    """``text`` as one inline code span (backticks and line breaks in it cannot end the span early)."""
    text = " ".join(_lines(text).split("\n"))
    bar = "`" * (_longest_run(text, "`") + 1)
    return f"{bar} {text} {bar}"


def md_fence(text: str, info: str = "text", indent: str = "") -> str:
    """``text`` as a fenced code block whose fence no line of ``text`` can close.

    ``indent`` is put before every line, the fences included (a block inside a
    list item); every line gets it, so no line of ``text`` can end the item.  Control characters
    (a terminal's colour codes, bidi overrides) are shown as escapes, as ``neutralize`` shows them.
    """
    text = _CONTROL.sub(_visible, _lines(text))
    bar = "`" * max(3, _longest_run(text, "`") + 1)
    lines = [f"{bar}{info}", *text.split("\n"), bar]
    return "\n".join(indent + line for line in lines)


# -- CSV -------------------------------------------------------------------------------------

#: A spreadsheet reads a cell starting with one of these as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: Quoted too, so that the quote ``csv_cell`` adds can always be taken off again.
QUOTE = "'"


def csv_cell(value):
    """``value`` safe as a spreadsheet cell: a string a spreadsheet would run gets a leading ``'``.

    Only strings are touched: numbers gradekit computes (a score, a count) stay
    numbers.  The change is reversible: strip one leading ``'`` (``csv_value``).
    """
    if isinstance(value, str) and value.startswith((*FORMULA_STARTS, QUOTE)):
        return QUOTE + value
    return value


def csv_value(cell: str) -> str:
    """The original text of a cell ``csv_cell`` wrote."""
    return cell[1:] if cell.startswith(QUOTE) else cell
