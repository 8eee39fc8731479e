"""``grade feedback OUT --push``: each graded student's report committed into a branch of their own repository.

Nothing is ever checked out and the student's own branches are never touched:
for each student a temporary bare repository fetches only the feedback branch
(if it exists), writes the report files as blobs (``hash-object``), a tree
(``mktree``) and a commit (``commit-tree``, its parent the previous feedback
commit), and pushes that one commit to ``refs/heads/<branch>``.  The branch
has its own history (its first commit has no parent), so it shares nothing
with the student's work and cannot conflict with it.  A rerun whose files are
unchanged adds nothing; a changed report adds one commit on top.

Every git command goes through ``gradekit._git`` (scrubbed configuration,
``network=True`` only for the commands that talk to the student's
repository).  A push to a local repository (a path, a ``file://`` URL, a
folder of repositories) runs ``git receive-pack`` on this machine inside
that repository, which would read its configuration and run its hooks, so
there ``--receive-pack`` names a receive-pack with hooks and fsmonitor off.

Student text never becomes a path or an option: the files pushed have fixed
names (``FEEDBACK.md``, ``feedback.html``), the report is read from
``OUT/reports/<store.file_names stem>``, every URL follows ``--``, and the
commit message is the instructor's (or gradekit's), made one plain line.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from gradekit import _git
from gradekit.classroom.sources import foreign_repository
from gradekit.classroom.store import Store, file_names

BRANCH = "gradekit-feedback"
#: The only files a feedback branch holds; one holding anything else is not ours to add to.
FILES = ("FEEDBACK.md", "feedback.html")
IDENTITY = ("gradekit", "gradekit@localhost")
#: A branch name we accept from the instructor: plain, so it is a ref and never an option.
BRANCH_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]{0,99}")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@dataclass
class Target:
    """One student's feedback: where it goes and what it holds (name -> bytes)."""

    username: str
    repo: str
    files: dict[str, bytes] = field(default_factory=dict)
    state: str = "planned"     # planned, pushed, unchanged, failed, skipped
    detail: str = ""
    commit: str = ""
    kind: str = "url"          # "url" (a roster's URL or path) or "folder" (a folder source's student)


def one_line(text: str, limit: int = 200) -> str:
    """``text`` as one line without control characters (a commit message's subject)."""
    return " ".join(_CONTROL.sub(" ", str(text)).split())[:limit]


def check_branch(branch: str) -> str:
    if not BRANCH_NAME.fullmatch(branch) or ".." in branch or branch.endswith((".lock", "/", ".")) or "//" in branch:
        raise ValueError(f"--branch {branch!r}: use a plain branch name such as {BRANCH}")
    return branch


def plan(out: Path, *, html: bool = False) -> list[Target]:
    """One target per row of ``OUT/grades.sqlite``: graded rows with a report and a repository; others skipped."""
    out = Path(out)
    store = Store(out / "grades.sqlite")
    try:
        rows = store.rows()
    finally:
        store.close()
    stems = file_names(row["username"] for row in rows)
    targets = []
    for row in rows:
        student = row.get("student") or {}
        repo = student.get("url") or student.get("folder") or ""
        target = Target(row["username"], str(repo), kind="url" if student.get("url") else "folder")
        report = out / "reports" / f"{stems[row['username']]}.md"
        if row.get("status") != "graded" or row.get("score") is None:
            target.state, target.detail = "skipped", f"not graded ({row.get('status')})"
        elif not repo:
            target.state, target.detail = "skipped", "no repository in the row"
        elif not report.is_file():
            target.state, target.detail = "skipped", f"no report at {report}"
        else:
            target.files[FILES[0]] = report.read_bytes()
            page = report.with_suffix(".html")
            if html and page.is_file():
                target.files[FILES[1]] = page.read_bytes()
        targets.append(target)
    return targets


def _local(repo: str) -> str | None:
    """The folder of a repository reached without a network (a path or ``file://``), else None."""
    if repo.startswith("file://"):
        return repo[len("file://"):]
    if "://" in repo or re.match(r"^[\w.-]+@[\w.-]+:", repo):
        return None
    return repo


def _remote_program(folder: str, program: str) -> str:
    """``git <program>`` that runs nothing of the repository's, as git runs it there (through a shell)."""
    folder = str(Path(folder).resolve())
    # core.alternateRefsCommand runs when the repository borrows objects (objects/info/alternates);
    # receive.denyCurrentBranch=updateInstead would check the pushed commit out, running the
    # repository's filters (.git/info/attributes) and its push-to-checkout hook.
    keys = [("core.hooksPath", os.devnull), ("core.fsmonitor", "false"), ("safe.directory", folder),
            ("gc.auto", "0"), ("receive.autogc", "false"), ("core.alternateRefsCommand", "true"),
            ("receive.denyCurrentBranch", "refuse"), ("receive.denyDeleteCurrent", "refuse"),
            ("core.untrackedCache", "false")]
    return " ".join(["git", *(f"-c {shlex.quote(f'{k}={v}')}" for k, v in keys), program])


def _local_refusal(target: Target, url: str) -> str:
    """Why a push to this local repository is refused, or "".

    A folder whose ``.git`` is a link or a ``gitdir:`` file (or whose git directories lie elsewhere) is
    another repository: the push would land there.  One that borrows objects (``objects/info/alternates``)
    makes receive-pack read a repository we never chose, and run ``core.alternateRefsCommand``."""
    folder = _local(url)
    if folder is None or not os.path.lexists(folder):
        return ""  # git says what is wrong with a path that is not there
    path = Path(folder)
    if target.kind == "folder" and path.is_symlink():
        return f"{path.name} is a symbolic link, not a repository of its own: refused"
    refused = foreign_repository(path.resolve() if target.kind == "url" else path)
    if refused:
        return refused
    dirs = _git.run(path, "rev-parse", "--absolute-git-dir", "--git-common-dir", check=False).stdout.splitlines()
    for place in dirs:
        where = Path(place) if Path(place).is_absolute() else path / place
        if os.path.lexists(where / "objects" / "info" / "alternates"):
            return "the repository borrows objects from another (objects/info/alternates): refused"
    return ""


def _local_options(url: str, option: str, program: str) -> list[str]:
    folder = _local(url)
    return [f"--{option}={_remote_program(folder, program)}"] if folder is not None else []


def _last_line(exc: subprocess.CalledProcessError) -> str:
    """git's first ``fatal:``/``error:`` line (its last is often advice such as "and the repository exists.")."""
    said = [line for line in (exc.stderr or exc.stdout or "").strip().splitlines() if line.strip()]
    first = next((line for line in said if line.startswith(("fatal:", "error:"))), said[-1] if said else str(exc))
    return one_line(first, 300)


def push_one(target: Target, *, branch: str, message: str, work: Path) -> Target:
    """Commit ``target.files`` on top of the branch (if any) in a temporary bare repository and push it."""
    url = target.repo
    if _local(url) is not None and not url.startswith("file://"):
        url = str(Path(url).resolve())  # git runs in the temporary repository: a relative path would mean a folder there
    bare = Path(tempfile.mkdtemp(prefix="feedback-", dir=work)) / "repo.git"
    ref = f"refs/heads/{branch}"
    try:
        refused = _local_refusal(target, target.repo)
        if refused:
            target.state, target.detail = "failed", refused
            return target
        _git.run(None, "init", "-q", "--bare", str(bare), cwd=work)
        upload = _local_options(url, "upload-pack", "upload-pack")
        remote = _git.run(bare, "ls-remote", *upload, "--", url, ref, network=True).stdout.split()
        parent = remote[0] if remote else None
        if parent:
            _git.run(bare, "fetch", "-q", "--no-tags", *upload, "--", url, f"+{ref}:{ref}", network=True)
            held = set(_git.run(bare, "ls-tree", "-z", "--name-only", parent).stdout.split("\0")) - {""}
            if not held <= set(FILES):  # a branch of the student's own work (say, main): never replace it
                target.state = "failed"
                target.detail = f"branch {branch} holds the student's own files, not only feedback: choose another --branch"
                return target
        entries = []
        for name in sorted(target.files):
            oid = _git.run(bare, "hash-object", "-w", "--stdin", text=False, input=target.files[name]).stdout
            entries.append(f"100644 blob {oid.decode().strip()}\t{name}\n")
        tree = _git.run(bare, "mktree", input="".join(entries)).stdout.strip()
        if parent and _git.run(bare, "rev-parse", f"{parent}^{{tree}}").stdout.strip() == tree:
            target.state, target.commit, target.detail = "unchanged", parent, "the report is already on the branch"
            return target
        name, email = IDENTITY
        identity = ["-c", f"user.name={name}", "-c", f"user.email={email}"]
        commit = _git.run(bare, *identity, "commit-tree", tree, *(["-p", parent] if parent else []),
                          "-m", message).stdout.strip()
        _git.run(bare, "push", "-q", "--porcelain", *_local_options(url, "receive-pack", "receive-pack"), "--", url,
                 f"{commit}:{ref}", network=True)
        target.state, target.commit, target.detail = "pushed", commit, ""
    except subprocess.CalledProcessError as exc:
        target.state, target.detail = "failed", _last_line(exc)
    except subprocess.TimeoutExpired:
        target.state, target.detail = "failed", f"git did not answer within {_git.GIT_TIMEOUT} s"
    except OSError as exc:
        target.state, target.detail = "failed", one_line(f"{type(exc).__name__}: {exc}")
    return target


def default_message(out: Path) -> str:
    """``gradekit feedback`` plus the assignment's name when the batch recorded one."""
    import json

    try:
        data = json.loads((Path(out) / "batch.json").read_text(encoding="utf-8"))
        name = ((data.get("assignment") or {}).get("data") or {}).get("assignment", {}).get("name", "")
    except (OSError, ValueError, AttributeError):
        name = ""
    return one_line(f"gradekit feedback: {name}" if name else "gradekit feedback")


def made_with_full_feedback(out: Path) -> bool:
    """Whether ``grade batch --full-feedback`` wrote OUT's reports (they then show hidden checks' inputs)."""
    import json

    try:
        data = json.loads((Path(out) / "batch.json").read_text(encoding="utf-8"))
        return bool((data.get("options") or {}).get("full_feedback"))
    except (OSError, ValueError, AttributeError):
        return False


def run(out: Path, *, push: bool = False, branch: str = BRANCH, message: str | None = None,
        html: bool = False, full_feedback: bool = False) -> list[Target]:
    """Plan every student's feedback, and with ``push`` push it; one student's failure is theirs alone."""
    branch = check_branch(branch)
    if made_with_full_feedback(out) and not full_feedback:
        raise ValueError(f"{out}: its reports were made with `grade batch --full-feedback` and show the hidden "
                         "checks' inputs and expected values; pass --full-feedback to push them anyway")
    message = one_line(message) if message else default_message(out)
    message = message or "gradekit feedback"
    targets = plan(out, html=html)
    if not push:
        return targets
    with tempfile.TemporaryDirectory(prefix="gradekit-feedback-") as work:
        for target in targets:
            if target.state == "planned":
                push_one(target, branch=branch, message=message, work=Path(work))
    return targets
