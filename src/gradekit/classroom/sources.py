"""Where student submissions come from: a folder of repositories, or a roster of git URLs.

Rosters may be the retired GitHub Classroom grade CSV (``github_username``,
``roster_identifier``, ``student_repository_url``, ...) or a plain
``username,repo_url`` file.  Repositories are cloned (or fetched again) into
the batch workspace with git; the last moment a student's work may be graded
(their deadline, or the late policy's cut-off: ``StudentDeadline.last_graded``)
picks the last commit at or before it.  Git records when a commit was *made*, not when it was pushed, and
students set commit dates: the deadline uses committer dates and the record
says so, with a flag when dates run backwards or into the future.

Git runs only through ``gradekit._git`` (a scrubbed configuration: nothing in
a student's ``.git/config`` runs), clones are bare, and a commit's files are
written by ``_git.export``: regular files only, never a symlink, never outside
the export folder.

Every failure becomes a ``Prepared`` with a status and a message; nothing here
raises for one bad student.
"""

from __future__ import annotations

import csv
import errno
import io
import os
import secrets
import shutil
import subprocess
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from gradekit import _git
from gradekit.classroom.store import file_key

CLASSROOM_COLUMNS = ["assignment_name", "assignment_url", "starter_code_url", "github_username", "roster_identifier",
                     "student_repository_name", "student_repository_url", "submission_timestamp", "points_awarded",
                     "points_available"]
GIT_TIMEOUT = _git.GIT_TIMEOUT


@dataclass
class Student:
    username: str
    url: str | None = None          # None: a local folder
    folder: Path | None = None
    roster_identifier: str = ""
    repository_name: str = ""
    extra: dict = field(default_factory=dict)


@dataclass
class Prepared:
    """A student's submission made ready to grade, or the reason it is not."""

    student: Student
    status: str  # "ready", or: "empty", "late", "clone-failed", "broken-repository", "no-repository", "not-found"
    message: str = ""
    path: Path | None = None         # exported files (no .git) to grade
    commit: str | None = None
    commit_time: str | None = None
    later_commits: int = 0
    flags: list[str] = field(default_factory=list)
    digest: str | None = None        # sandbox.digest.source_digest of the exported files, taken at export
    sources: dict[str, bytes] | None = None  # the *.py files exported (top level and one folder down), from git


def read_roster(path: Path) -> list[Student]:
    """Students from a Classroom grade CSV or a ``username,repo_url`` file (header optional)."""
    text = Path(path).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        return []
    header = [h.strip().lower() for h in rows[0]]
    students = []
    if "github_username" in header or "username" in header:
        col = {h: i for i, h in enumerate(header)}
        user_col = col.get("github_username", col.get("username"))
        url_col = col.get("student_repository_url", col.get("repo_url", col.get("url")))
        for row in rows[1:]:
            if not any(cell.strip() for cell in row):
                continue
            get = lambda i: row[i].strip() if i is not None and i < len(row) else ""  # noqa: E731
            user = get(user_col) or get(col.get("roster_identifier"))
            students.append(Student(user, get(url_col) or None, roster_identifier=get(col.get("roster_identifier")),
                                    repository_name=get(col.get("student_repository_name")),
                                    extra={h: get(i) for h, i in col.items()}))
    else:
        for row in rows:
            if row and row[0].strip():
                students.append(Student(row[0].strip(), (row[1].strip() if len(row) > 1 else "") or None))
    return students


def folder_students(folder: Path) -> list[Student]:
    """Each sub-folder of ``folder`` is one student's repository, named after the student."""
    return [Student(p.name, folder=p) for p in sorted(Path(folder).iterdir()) if p.is_dir() and not p.name.startswith(".")]


def git(repo: Path, *args: str, check: bool = True, network: bool = False) -> subprocess.CompletedProcess:
    return _git.run(repo, *args, check=check, network=network, timeout=GIT_TIMEOUT)


def fetch(student: Student, workspace: Path) -> tuple[Path | None, str]:
    """Clone or update the student's repository in the workspace; (path, error message).

    The clone is bare: nothing is ever checked out, so no filter or hook of the student's repository runs,
    and its files reach the disk only through ``_git.export``.  ``--`` keeps a URL that starts with ``-``
    from being read as an option (``--upload-pack=...``).
    """
    dest = workspace / "git" / f"{file_key(student.username)}.git"
    try:
        if (dest / "HEAD").is_file():
            git(dest, "fetch", "-q", "--prune", "--no-tags", "--", "origin", "+refs/heads/*:refs/heads/*", network=True)
        else:
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.rmtree(dest, ignore_errors=True)
            _git.run(None, "clone", "-q", "--bare", "--no-recurse-submodules", "--", student.url, str(dest),
                     network=True, timeout=GIT_TIMEOUT)
    except subprocess.CalledProcessError as exc:
        return None, ((exc.stderr or exc.stdout or str(exc)).strip().splitlines() or [str(exc)])[-1][:300]
    except subprocess.TimeoutExpired:
        return None, f"git did not answer within {GIT_TIMEOUT} s"
    return dest, ""


def pick_commit(repo: Path, deadline: datetime | None) -> tuple[str | None, str | None, int, list[str]]:
    """(commit, its committer time, commits after it, flags) for the last commit at or before the deadline."""
    ref = git(repo, "rev-parse", "--verify", "-q", "HEAD", check=False).stdout.strip()
    if not ref:
        return None, None, 0, []
    # The branch names a commit the repository cannot produce: objects are missing or corrupt.
    git(repo, "rev-parse", "--verify", "-q", "HEAD^{commit}")
    # rev-list, not log: plumbing honours no log.showSignature (which runs gpg.program) and no pretty config.
    rows = git(repo, "rev-list", "--timestamp", "HEAD").stdout.split()
    commits = [(rows[i + 1], int(rows[i])) for i in range(0, len(rows), 2)]  # newest first
    flags = []
    now = datetime.now(timezone.utc).timestamp()
    if any(t > now + 3600 for _, t in commits):
        flags.append("commit-dated-in-future")
    if any(commits[i][1] < commits[i + 1][1] for i in range(len(commits) - 1)):
        flags.append("commit-dates-out-of-order")
    if deadline is None:
        chosen = 0
    else:
        limit = deadline.timestamp()
        chosen = next((i for i, (_, t) in enumerate(commits) if t <= limit), None)
        if chosen is None:
            return None, None, len(commits), flags
    sha, t = commits[chosen]
    return sha, datetime.fromtimestamp(t, timezone.utc).isoformat(timespec="seconds"), chosen, flags


def export(repo: Path, commit: str, dest: Path, written: dict[str, bytes] | None = None) -> list[str]:
    """The regular files of one commit, without the repository; flags for what was left out (``_git.export``)."""
    return _git.export(repo, commit, dest, written)


NO_STUDENT_COMMITS = "the graded commit holds only the template's files: no work of the student's"


def tree_of(repo: Path, commit: str) -> str:
    return git(repo, "rev-parse", "--verify", "-q", f"{commit}^{{tree}}").stdout.strip()


def foreign_repository(folder: Path) -> str:
    """Why ``folder`` is not a repository of its own (its ``.git`` a link or a ``gitdir:`` file, or git's
    directories outside it), or "" when it is.  A student's ``.git`` pointing at a classmate's would grade the
    classmate's commits as theirs, and a feedback push would land in the classmate's repository."""
    folder = Path(folder)
    if folder.is_symlink():
        return f"{folder.name} is a symbolic link, not a repository of its own: refused"
    dot = folder / ".git"
    if os.path.lexists(dot) and (dot.is_symlink() or not dot.is_dir()):
        kind = "a symbolic link" if dot.is_symlink() else "a file (gitdir: ...)"
        return f".git is {kind}, not a folder: the repository would be another folder's, refused"
    home = folder.resolve()
    try:
        # One question per call: a folder's name may hold a newline, so the answer is never split into lines.
        found = [git(folder, "rev-parse", ask).stdout.removesuffix("\n") for ask in ("--absolute-git-dir",
                                                                                     "--git-common-dir")]
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        said = ((getattr(exc, "stderr", "") or "").strip().splitlines() or [""])[-1][:200]
        return f"git could not read the repository{': ' + said if said else ''}"
    for place in found:
        where = Path(place) if Path(place).is_absolute() else folder / place
        if not where.resolve().is_relative_to(home):
            return "git's directory for this folder lies outside it (in another folder's repository): refused"
    return ""


def students_later(repo: Path, later: int, template_trees: frozenset[str]) -> int:
    """How many of the ``later`` newest commits hold something other than a template tree (the student's)."""
    if not later:
        return 0
    trees = git(repo, "rev-list", "--format=%T", "--no-commit-header", f"--max-count={later}", "HEAD").stdout.split()
    return sum(tree not in template_trees for tree in trees)


def template_flags(repo: Path, commit: str, when: str | None, template_trees: frozenset[str]) -> list[str]:
    """Flags for a history rewritten away from the template (an orphan branch, perhaps backdated).

    ``template_trees`` carries the release commit and its time when it came from ``template.committed``."""
    if not template_trees:
        return []
    flags = []
    released = getattr(template_trees, "commit_time", None)
    if released is not None and when is not None and datetime.fromisoformat(when).timestamp() < released:
        flags.append("commit-dated-before-template")
    head = getattr(template_trees, "commit", "")
    rows = git(repo, "rev-list", "--format=%H %T", "--no-commit-header", commit).stdout.split()
    if not (set(rows) & template_trees) and head not in rows:
        flags.append("history-without-template")
    return flags


def prepare(student: Student, workspace: Path, deadline: datetime | None, *,
            template_trees: frozenset[str] = frozenset(), limit: str = "deadline") -> Prepared:
    """``deadline``: the last moment graded (``None``: the latest commit); ``limit`` names it in messages.
    A graded commit whose tree is one of ``template_trees`` (the template's history) is ``no-student-commits``:
    GitHub's "use this template" makes new commits with the template's trees, so ids would not tell."""
    if student.folder is None and not student.url:
        return Prepared(student, "no-repository", "the roster row has no repository URL")
    if student.folder is not None:
        repo = student.folder
        if not repo.is_dir():
            return Prepared(student, "not-found", f"{repo} does not exist")
        if not os.path.lexists(repo / ".git") and not repo.is_symlink():
            # A plain folder (say, an unpacked download) is graded as it is, with a flag.
            return Prepared(student, "ready", "not a git repository: graded as it is, no commit recorded",
                            path=repo, flags=["not-a-git-repository"])
        refused = foreign_repository(repo)
        if refused:
            return Prepared(student, "broken-repository", refused)
    else:
        repo, error = fetch(student, workspace)
        if repo is None:
            return Prepared(student, "clone-failed", error)
    try:
        commit, when, later, flags = pick_commit(repo, deadline)
        if commit is None:
            if later:
                return Prepared(student, "late", f"all {later} commits are after the {limit}", later_commits=later,
                                flags=flags)
            return Prepared(student, "empty", "the repository has no commits")
        if template_trees and tree_of(repo, commit) in template_trees:
            own = students_later(repo, later, template_trees)
            if own:
                return Prepared(student, "late", f"all {own} of the student's commit{'s' * (own != 1)} are after "
                                f"the {limit}: the last commit before it is the template's", commit=commit,
                                commit_time=when, later_commits=later, flags=[*flags, "commits-after-deadline"])
            after = f" ({later} commit{'s' * (later != 1)} after the {limit})" if later else ""
            return Prepared(student, "no-student-commits", NO_STUDENT_COMMITS + after, commit=commit, commit_time=when,
                            later_commits=later, flags=[*flags, *(["commits-after-deadline"] if later else [])])
        # A fresh folder of its own each time: a re-export never reuses files someone else could have touched.
        exports = workspace / "exports"
        exports.mkdir(mode=0o700, parents=True, exist_ok=True)
        dest = exports / f"{file_key(student.username)}-{secrets.token_hex(4)}"
        written: dict[str, bytes] = {}
        flags = [*flags, *template_flags(repo, commit, when, template_trees), *export(repo, commit, dest, written)]
        sources = {path: data for path, data in written.items() if path.endswith(".py") and path.count("/") <= 1}
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, _git.GitError, ValueError, OSError) as exc:
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise  # the machine's problem, not the student's: the batch stops and says so
        said = getattr(exc, "stderr", "") or ""
        detail = (said.decode("utf-8", "replace") if isinstance(said, bytes) else said).strip().splitlines()
        return Prepared(student, "broken-repository",
                        f"git could not read the repository{': ' + detail[-1][:200] if detail else ''}")
    if later:
        flags = [*flags, "commits-after-deadline"]
    return Prepared(student, "ready", "", path=dest, commit=commit, commit_time=when, later_commits=later, flags=flags,
                    sources=sources)
