"""Where a student is in the course, kept in ``.gradekit/progress.json`` at the kit root.

Watch mode, ``grade hint``, ``grade next`` and ``grade list`` must agree on which
exercise is current and which hints were already shown, across restarts and
across machines (students copy their folder, or commit it).  So the file holds
only names, counts and times: no paths, nothing about the machine.  It is not a
grade either: a ``done`` here means "passed the checks that ran on this
machine"; the teacher's regrade is the grade.

Format, version 1 (UTF-8 JSON)::

    {
      "format": "gradekit/progress",
      "version": 1,
      "current": "functions/my_abs",        # the exercise watch mode opens on (null: first not done)
      "exercises": {
        "functions/my_abs": {
          "done": true,                     # every check that ran here passed, at the last grading
          "score": 3, "max_score": 3,       # points of those checks
          "hints": 1,                       # hints revealed so far (they stay revealed)
          "checked": "2026-11-24T21:14:03+00:00"
        }
      }
    }

Keys are ``<topic>/<exercise>`` with the exercise's public name
(``properties/Student.score``).  Entries for exercises the kit does not have
are kept, unknown fields are ignored, a file from a newer gradekit is read as
far as it is understood and never overwritten, and a damaged file is set aside
as ``progress.json.bad`` rather than crashing a student's ``grade``.  Every
change re-reads the file first, so ``grade hint`` in a second terminal and a
running watch mode do not undo each other.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from gradekit.messages.catalogue import names_list, t
from gradekit.course.kit import Exercise, Kit, KitError, Topic
from gradekit.model import Result, Status

FORMAT = "gradekit/progress"
VERSION = 1
FOLDER = ".gradekit"
FILENAME = "progress.json"


@dataclass(frozen=True)
class Ref:
    """One exercise of the course, with the topic it belongs to."""

    topic: Topic
    exercise: Exercise

    @property
    def key(self) -> str:
        return f"{self.topic.slug}/{self.exercise.name}"

    @property
    def label(self) -> str:
        return f"{self.topic.slug} · {self.exercise.name}"


def course(kit: Kit) -> list[Ref]:
    """Every exercise in curriculum order (topics by ``order``, exercises as listed)."""
    return [Ref(topic, ex) for topic in kit.topics for ex in topic.exercises]


def resolve(kit: Kit, text: str, lang: str) -> list[Ref]:
    """``functions``, ``functions/my_abs`` or ``my_abs`` to exercises; a worded KitError otherwise."""
    refs = course(kit)
    text = text.strip().strip("/")
    if any(topic.slug == text for topic in kit.topics):
        return [r for r in refs if r.topic.slug == text]
    found = [r for r in refs if r.key == text] or [r for r in refs if r.exercise.name == text]
    if not found:
        found = [r for r in refs if r.key.lower() == text.lower() or r.exercise.name.lower() == text.lower()]
    if len(found) > 1:
        raise KitError(t("ambiguous_exercise", lang, name=text, options=names_list([r.key for r in found], lang)))
    if not found:
        from gradekit.course.kit import unknown_name

        names = [r.key for r in refs] + [r.exercise.name for r in refs] + [topic.slug for topic in kit.topics]
        raise KitError(unknown_name(text, names, lang, key="unknown_exercise"))
    return found


def _replace(src: str, dest: Path) -> None:
    """``os.replace``, tried again a few times on Windows, where a reader holding the file open (watch mode
    in another terminal) makes it fail for a moment."""
    for attempt in range(5):
        try:
            os.replace(src, dest)
            return
        except PermissionError:
            if sys.platform != "win32" or attempt == 4:
                raise
            time.sleep(0.02 * (attempt + 1))


class Progress:
    """The state file of one kit folder."""

    def __init__(self, root: Path):
        self.path = Path(root) / FOLDER / FILENAME
        self.problem: str | None = None     # set when the file was unreadable or from a newer gradekit
        self.read_only = False
        self.data = self._load()

    # -- file -----------------------------------------------------------------

    def _empty(self) -> dict:
        return {"format": FORMAT, "version": VERSION, "current": None, "exercises": {}}

    def _load(self) -> dict:
        try:
            raw = self.path.read_text(encoding="utf-8-sig")  # a Windows editor may have saved it with a BOM
        except FileNotFoundError:
            return self._empty()
        except OSError as exc:
            self.problem, self.read_only = f"{self.path}: {exc}", True
            return self._empty()
        try:
            data = json.loads(raw)
            if not isinstance(data, dict) or data.get("format") != FORMAT:
                raise ValueError("not a gradekit progress file")
            version = data.get("version")
            if not isinstance(version, int) or version < 1:
                raise ValueError(f"bad version {version!r}")
        except ValueError as exc:
            self.problem = f"{self.path}: {exc}; kept as {self.path.name}.bad, starting afresh"
            try:
                os.replace(self.path, self.path.with_name(self.path.name + ".bad"))
            except OSError:
                self.read_only = True
            return self._empty()
        if version > VERSION:
            self.problem = f"{self.path}: written by a newer gradekit (version {version}); not changing it"
            self.read_only = True
        out = self._empty()
        out["current"] = data.get("current") if isinstance(data.get("current"), str) else None
        exercises = data.get("exercises")
        if isinstance(exercises, dict):
            out["exercises"] = {k: dict(v) for k, v in exercises.items() if isinstance(k, str) and isinstance(v, dict)}
        return out

    def reload(self) -> None:
        self.data = self._load()

    def save(self) -> None:
        """Write atomically (a crash mid-write never leaves half a file)."""
        if self.read_only:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".progress-", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(self.data, f, ensure_ascii=False, indent=2, sort_keys=True)
                f.write("\n")
            _replace(tmp, self.path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise

    # -- reading --------------------------------------------------------------

    def entry(self, ref: Ref) -> dict:
        return self.data["exercises"].get(ref.key, {})

    def done(self, ref: Ref) -> bool:
        return self.entry(ref).get("done") is True

    def hints(self, ref: Ref) -> int:
        n = self.entry(ref).get("hints", 0)
        return max(0, min(n, len(ref.exercise.hints))) if isinstance(n, int) else 0

    def done_count(self, refs: list[Ref]) -> int:
        return sum(self.done(r) for r in refs)

    def current(self, refs: list[Ref]) -> Ref | None:
        """The stored current exercise while it is not done, else the first one not done (None: all done)."""
        stored = next((r for r in refs if r.key == self.data.get("current")), None)
        if stored is not None and not self.done(stored):
            return stored
        return next((r for r in refs if not self.done(r)), None)

    def next_after(self, ref: Ref | None, refs: list[Ref]) -> Ref | None:
        """The first exercise not done after ``ref`` in course order, wrapping round; None when all are done."""
        start = refs.index(ref) + 1 if ref in refs else 0
        for r in refs[start:] + refs[:start]:
            if r != ref and not self.done(r):
                return r
        return None

    # -- changing (each re-reads the file first) ----------------------------------

    def record(self, result: Result) -> None:
        """Remember which exercises passed in a grading run of the student's own folder."""
        self.reload()
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        for topic in result.topics:
            for ex in topic.exercises:
                if not ex.checks:
                    continue
                entry = self.data["exercises"].setdefault(f"{topic.slug}/{ex.name}", {})
                entry.update(done=all(c.status is Status.PASS for c in ex.checks), score=ex.score,
                             max_score=ex.max_score, checked=now)
        self.save()

    def reveal_hint(self, ref: Ref) -> int:
        """Show one more hint (up to all of them); returns how many are revealed now."""
        self.reload()
        entry = self.data["exercises"].setdefault(ref.key, {})
        shown = entry.get("hints", 0) if isinstance(entry.get("hints"), int) else 0
        entry["hints"] = max(0, min(shown + 1, len(ref.exercise.hints)))
        self.save()
        return entry["hints"]

    def set_current(self, ref: Ref | None) -> None:
        self.reload()
        self.data["current"] = ref.key if ref is not None else None
        self.save()

    def forget(self, refs: list[Ref]) -> None:
        """After a reset the exercise is back to a stub: no longer done (hints stay revealed)."""
        self.reload()
        for ref in refs:
            entry = self.data["exercises"].get(ref.key)
            if entry is not None:
                entry["done"] = False
                entry.pop("score", None)
        self.save()
