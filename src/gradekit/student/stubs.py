"""``grade reset``: put the original stub back, for one exercise or a whole topic.

The original stub comes from git, because in a student's copy of the course
``starter/`` *is* the student's work: nothing else on their machine remembers
the stub.  In a released template (it has ``gradekit.toml``) that is the file
as ``grade release`` committed it, or, in a repository GitHub created from the
template (which starts with a fresh history), the commit that added the file.
In the kit itself the stubs are what is committed at HEAD.

Resetting one exercise replaces only that definition (decorators included; a
property's getter and setter together) with the stub's, found with ``ast``;
the rest of the student's file is untouched, down to its line endings and a
UTF-8 BOM (Windows editors write both).  The student's source is parsed,
never run.
"""

from __future__ import annotations

import codecs
import subprocess
from dataclasses import dataclass
from pathlib import Path

from gradekit import _git as scrubbed_git
from gradekit.messages.catalogue import t
from gradekit.course.kit import Kit
from gradekit.course.spans import definition_span

RELEASE_AUTHOR = "release@gradekit.invalid"   # the committer ``grade release`` uses


class StubError(Exception):
    """Why a reset cannot be done, already worded for the student."""


def _git(root: Path, *args: str) -> str | None:
    # UTF-8, not the locale's encoding: on a Chinese Windows laptop that is GBK, and stubs are UTF-8.
    try:
        out = scrubbed_git.run(None, *args, cwd=root, check=False, encoding="utf-8", timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.stdout if out.returncode == 0 else None


@dataclass
class Source:
    """A source file's text with LF line endings, and what it takes to write it back as it was."""

    text: str
    newline: str = "\n"
    bom: bool = False

    @classmethod
    def decode(cls, data: bytes) -> Source:
        """Raises UnicodeDecodeError for a file that is not UTF-8 (an editor saving in GBK)."""
        bom = data.startswith(codecs.BOM_UTF8)
        text = data.decode("utf-8-sig")
        newline = "\r\n" if "\r\n" in text else "\n"
        return cls(text.replace("\r\n", "\n").replace("\r", "\n"), newline, bom)

    @classmethod
    def read(cls, path: Path) -> Source:
        return cls.decode(Path(path).read_bytes())

    def write(self, path: Path, text: str) -> None:
        """Write ``text`` (LF endings) to ``path`` with this file's line endings and BOM."""
        data = text.replace("\n", self.newline).encode("utf-8")
        Path(path).write_bytes((codecs.BOM_UTF8 if self.bom else b"") + data)


def stub_commit(kit: Kit, slug: str) -> str | None:
    """The commit holding the original stub of ``starter/<slug>.py`` (see the module docstring)."""
    rel = f"starter/{slug}.py"
    if not (kit.root / "gradekit.toml").is_file():
        return "HEAD" if _git(kit.root, "cat-file", "-e", f"HEAD:./{rel}") is not None else None
    released = (_git(kit.root, "log", "-1", "--format=%H", f"--author={RELEASE_AUTHOR}", "--", rel) or "").strip()
    if released:
        return released
    added = (_git(kit.root, "log", "--diff-filter=A", "--format=%H", "--", rel) or "").split()
    return added[-1] if added else None


def original_stub(kit: Kit, slug: str, lang: str) -> str:
    commit = stub_commit(kit, slug)
    text = _git(kit.root, "show", f"{commit}:./starter/{slug}.py") if commit else None
    if text is None:
        raise StubError(t("reset_no_stub", lang, file=f"starter/{slug}.py"))
    return text


def _existing(path: Path) -> Source:
    """How the student's file is written (line endings, BOM), to write the stub back the same way."""
    try:
        return Source.read(path)
    except (OSError, UnicodeDecodeError):
        return Source("")


def reset_topic(kit: Kit, slug: str, lang: str) -> Path:
    path = kit.starter / f"{slug}.py"
    stub = original_stub(kit, slug, lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    _existing(path).write(path, stub.replace("\r\n", "\n"))
    return path


def reset_exercise(kit: Kit, slug: str, name: str, lang: str) -> Path:
    path = kit.starter / f"{slug}.py"
    stub = original_stub(kit, slug, lang)
    if not path.is_file():
        return reset_topic(kit, slug, lang)
    try:
        mine = Source.read(path)
        ours = definition_span(mine.text, name)
    except (SyntaxError, ValueError):  # UnicodeDecodeError is a ValueError: a file saved in GBK, say
        raise StubError(t("reset_cannot_parse", lang, file=f"starter/{slug}.py", topic=slug)) from None
    stub = stub.replace("\r\n", "\n").replace("\r", "\n")
    theirs = definition_span(stub, name)
    if theirs is None:
        raise StubError(t("reset_not_found", lang, name=name, file=f"starter/{slug}.py", topic=slug))
    # Lines as ast counts them: only "\n" ends one (str.splitlines would also split at \f, \x1c, U+2028...).
    stub_lines = stub.split("\n")[theirs[0] - 1:theirs[1]]
    lines = mine.text.split("\n")
    if lines[-1] == "":
        lines.pop()  # the file ends with a newline
    if ours is None:
        lines += ["", "", *stub_lines]  # the definition was deleted: add it back at the end
    else:
        lines[ours[0] - 1:ours[1]] = stub_lines
    mine.write(path, "\n".join(lines) + "\n")
    return path
