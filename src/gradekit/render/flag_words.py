"""Integrity flags said in words a student understands, in Chinese and English.

A flag token (``protected-changed:.github/workflows/classroom.yml``) is written
for the instructor and for machines; a student reading it in their report
needs to know what it means and that it is no accusation and no penalty.
So each known flag has a sentence in the catalogue (``fl_<flag>``), split around its argument (a path
the student's repository chose, or a count), so each renderer can show the
argument escaped for its own format (a Markdown code span, an HTML
``<code>``) and the fixed words as they are.  An unknown flag (one a newer
gradekit adds) still gets a sentence, with the raw token as its argument.
"""

from __future__ import annotations

from dataclasses import dataclass

from gradekit.messages.catalogue import CATALOGUE

@dataclass(frozen=True)
class FlagWords:
    """One flag as a sentence: ``before`` + ``arg`` (student text: escape it) + ``after``."""

    token: str
    before: str
    arg: str
    after: str

    def plain(self) -> str:
        return f"{self.before}{self.arg}{self.after}"


def explain(flag: str, lang: str) -> FlagWords:
    name, sep, arg = str(flag).partition(":")
    words = CATALOGUE.get(f"fl_{name}") if name != "unknown" else None
    if words is None:
        words, arg = CATALOGUE["fl_unknown"], str(flag)
    elif not sep:
        arg = ""
    sentence = words.get(lang, words["en"])
    before, _, after = sentence.partition("{arg}")
    return FlagWords(str(flag), before, arg, after)
