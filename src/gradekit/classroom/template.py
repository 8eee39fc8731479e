"""The released template as git committed it: what integrity flags compare against, never the folder.

A template an instructor tried out (``grade check`` in a clone) holds ignored
``__pycache__``, a ``.venv`` and perhaps an edited file; compared as a folder,
every student would be flagged for what lies on the instructor's disk.  So the
comparison reads the commit (``git ls-tree`` + ``cat-file`` through the scrubbed
``_git``), and the template's history is kept too: a student repository whose
graded commit has one of the template's trees holds no work of the student's
(``no-student-commits``), whatever its commits' ids (GitHub's "use this template"
makes new commits with the same trees).
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from gradekit import _git
from gradekit.course import assignment as assignment_file
from gradekit.course.kit import KitError


class TemplateTrees(frozenset):
    """The template history's tree ids, knowing the HEAD commit and its committer time too.

    ``sources.prepare`` is handed the trees alone; carried on them, the release commit and its date reach the
    checks that need them (a history that never held the template, one dated before the release) without
    every caller growing new arguments.
    """

    commit: str = ""
    commit_time: int | None = None

    @classmethod
    def of(cls, trees, commit: str = "", commit_time: int | None = None) -> "TemplateTrees":
        made = cls(trees)
        made.commit, made.commit_time = commit, commit_time
        return made


@dataclass(frozen=True)
class CommittedTemplate:
    root: Path
    commit: str
    trees: frozenset[str]                                 # every commit's tree id in the template's history
    files: dict[str, bytes] = field(default_factory=dict)  # HEAD's regular files; a symlink as b"symlink:<target>"
    assignment: assignment_file.Assignment | None = None   # the committed assignment.toml, if the template has one
    commit_time: int | None = None                         # HEAD's committer time (epoch seconds)

    def protected(self, is_protected) -> dict[str, bytes]:
        return {rel: data for rel, data in self.files.items() if is_protected(rel)}


def committed(path: Path) -> CommittedTemplate:
    """Read the template repository at ``path`` (a clone, or a bare repository) at its HEAD."""
    path = Path(path)
    if not path.is_dir():
        raise KitError(f"--template {path}: not a folder")
    try:
        head = _git.run(path, "rev-parse", "--verify", "-q", "HEAD^{commit}").stdout.strip()
        trees = _git.run(path, "rev-list", "--format=%T", "--no-commit-header", "HEAD").stdout.split()
        when = int(_git.run(path, "rev-list", "--timestamp", "-1", head).stdout.split()[0])
        entries = _git.tree(path, head)
        data = _git.blobs(path, sorted({oid for mode, oid, _ in entries if mode != "160000"}))
    except (subprocess.CalledProcessError, _git.GitError, OSError, ValueError, IndexError) as exc:
        raise KitError(f"--template {path}: not a git repository with a commit (give the released template, "
                       f"which `grade release` commits): {getattr(exc, 'stderr', '') or exc}".rstrip()) from None
    files: dict[str, bytes] = {}
    for mode, oid, rel in entries:
        if oid in data:
            files[rel] = b"symlink:" + data[oid] if mode == "120000" else data[oid]
    found = None
    if assignment_file.FILE in files:
        try:
            text = files[assignment_file.FILE].decode("utf-8-sig")
            found = assignment_file.from_dict(assignment_file.tomllib.loads(text), path / assignment_file.FILE)
        except (UnicodeDecodeError, assignment_file.tomllib.TOMLDecodeError) as exc:
            raise KitError(f"{path / assignment_file.FILE} (committed): not valid TOML: {exc}") from None
    return CommittedTemplate(path.resolve(), head, TemplateTrees.of(trees, head, when), files, found, when)
