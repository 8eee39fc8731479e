"""The one place that starts git: a scrubbed configuration, and reading commits without running anything.

A student's repository is theirs, and so is its ``.git/config``.  Git reads
that file whatever we do, and several keys in it name programs git runs:
``core.fsmonitor``, ``core.hooksPath`` (hooks), ``filter.<x>.smudge`` and
``.process`` (chosen by ``.gitattributes``), ``diff.<x>.textconv``,
``gpg.program`` with ``log.showSignature``, ``core.pager``,
``remote.<x>.uploadpack`` (a partial clone's lazy fetch), ``core.sshCommand``.
``include.path`` and ``includeIf`` only bring in more of the same.  So every
git command gradekit runs goes through :func:`run`, which

- starts from an environment with no ``GIT_*`` variable of the caller's, no
  system configuration (``GIT_CONFIG_NOSYSTEM``) and an empty global one
  (``GIT_CONFIG_GLOBAL`` = the null device), never prompts, never follows
  replace refs and takes no optional locks;
- lays configuration over the repository's own (``GIT_CONFIG_COUNT``: it wins
  over every file, includes too) that switches those programs off: hooks
  from the null device, no fsmonitor, no signature checks, ``cat`` as pager,
  and no transport at all unless the command fetches (then only https, ssh,
  git and file; never ``ext::``);
- sets ``safe.directory`` to the one repository it runs in.  Git's ownership
  check refuses a repository owned by another user because that user's
  config could run programs as ours; the list above is what neutralises that
  config, and the commands used are plumbing that runs no filter, so trusting
  the one folder on purpose is safe, and spares every student whose folder
  came from a copy owned by someone else a "broken repository".

Commits are read with ``ls-tree`` and ``cat-file --batch`` (:func:`export`),
which apply no filter, textconv or ``export-subst``, unlike ``git archive``
or a checkout; only regular files are written, never symlinks, and only
under paths that cannot leave the destination.

Fetching needs the instructor's own credentials: with ``network=True`` the
``credential.*``, ``url.*``, ``http.*`` and ``core.sshCommand`` keys of the
instructor's global configuration (theirs, not a student's) are carried over.
"""

from __future__ import annotations

import errno
import os
import subprocess
from pathlib import Path

GIT_TIMEOUT = 120

#: Laid over every repository's own configuration.
SCRUB = (
    ("core.hooksPath", os.devnull),
    ("core.fsmonitor", "false"),
    ("core.untrackedCache", "false"),
    ("core.pager", "cat"),
    ("core.editor", "false"),
    ("sequence.editor", "false"),
    ("log.showSignature", "false"),
    ("gpg.program", "false"),
    ("gpg.ssh.program", "false"),
    ("gpg.x509.program", "false"),
    ("submodule.recurse", "false"),
    ("fetch.recurseSubmodules", "false"),
    ("core.sshCommand", "false"),
    ("credential.helper", ""),
    ("protocol.allow", "never"),
)
#: What a fetch may use (the roster's URLs); ``ext::`` and anything else stay off.
NETWORK = (("protocol.https.allow", "always"), ("protocol.http.allow", "always"), ("protocol.ssh.allow", "always"),
           ("protocol.git.allow", "always"), ("protocol.file.allow", "always"))
#: Keys of the instructor's global configuration a fetch keeps (how they reach private repositories).
CARRIED = ("credential", "url", "http", "core.sshcommand")


class GitError(Exception):
    """A git command failed; the message is git's last line."""


def _instructor_keys() -> list[tuple[str, str]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    try:
        proc = subprocess.run(["git", "config", "--global", "--null", "--list"], capture_output=True, env=env,
                              timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return []
    keys = []
    for item in proc.stdout.split(b"\0"):
        key, _, value = item.decode("utf-8", "surrogateescape").partition("\n")
        low = key.lower()
        if any(low == c or low.startswith(c + ".") for c in CARRIED):
            keys.append((key, value))
    return keys


def env(repo: Path | str | None = None, *, network: bool = False) -> dict[str, str]:
    """The environment every git command runs with (see the module docstring)."""
    out = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    out.update(GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull, GIT_TERMINAL_PROMPT="0",
               GIT_NO_REPLACE_OBJECTS="1", GIT_OPTIONAL_LOCKS="0", GIT_PAGER="cat", GIT_ASKPASS="false",
               SSH_ASKPASS="false", GIT_NO_LAZY_FETCH="1")
    pairs = list(SCRUB)
    if network:
        pairs = [p for p in pairs if p[0] not in ("core.sshCommand", "credential.helper")]
        pairs += [*NETWORK, *_instructor_keys()]
    if repo is not None:
        pairs.append(("safe.directory", str(Path(repo).resolve())))
    out["GIT_CONFIG_COUNT"] = str(len(pairs))
    for i, (key, value) in enumerate(pairs):
        out[f"GIT_CONFIG_KEY_{i}"], out[f"GIT_CONFIG_VALUE_{i}"] = key, value
    return out


def command(repo: Path | str | None, *args: str) -> list[str]:
    return ["git", "--no-pager", *(["-C", str(repo)] if repo is not None else []), *args]


def run(repo: Path | str | None, *args: str, check: bool = True, text: bool = True, network: bool = False,
        timeout: float = GIT_TIMEOUT, input=None, cwd: Path | str | None = None,
        encoding: str | None = None) -> subprocess.CompletedProcess:
    """``git -C repo args...`` with the scrubbed configuration; CalledProcessError as subprocess raises it."""
    kw = dict(encoding=encoding or "utf-8", errors="replace") if text else {}
    return subprocess.run(command(repo, *args), capture_output=True, check=check, timeout=timeout, input=input,
                          env=env(repo if repo is not None else cwd, network=network), cwd=cwd,
                          stdin=None if input is not None else subprocess.DEVNULL, **kw)


# -- reading a commit without running anything ------------------------------------------------------------

#: Tree entry modes written as files; symlinks (120000) and submodules (160000) are not.
FILE_MODES = {"100644": 0o644, "100755": 0o755, "100664": 0o644}


def unsafe_part(part: str) -> bool:
    """A path component that could leave the destination, name git's own folder, or break a line."""
    return (part in ("", ".", "..") or part.casefold() == ".git" or "\\" in part or ":" in part
            or any(ord(c) < 32 or ord(c) == 127 for c in part))


def tree(repo: Path, commit: str) -> list[tuple[str, str, str]]:
    """(mode, object, path) for every entry of the commit's tree, recursively, as git stores them."""
    out = run(repo, "ls-tree", "-r", "-z", "--full-tree", commit, text=False).stdout
    entries = []
    for item in out.split(b"\0"):
        if not item:
            continue
        meta, _, path = item.partition(b"\t")
        mode, _kind, oid = meta.decode("ascii", "replace").split(" ")
        entries.append((mode, oid, path.decode("utf-8", "surrogateescape")))
    return entries


def blobs(repo: Path, oids: list[str]) -> dict[str, bytes]:
    """The raw bytes of each blob (``cat-file --batch``: no filter, no textconv)."""
    if not oids:
        return {}
    out = run(repo, "cat-file", "--batch", text=False, input="".join(f"{o}\n" for o in oids).encode()).stdout
    found, i = {}, 0
    while i < len(out):
        end = out.index(b"\n", i)
        header = out[i:end].decode("ascii", "replace").split(" ")
        if len(header) != 3:  # "<oid> missing"
            i = end + 1
            continue
        oid, size = header[0], int(header[2])
        found[oid] = out[end + 1:end + 1 + size]
        i = end + 1 + size + 1
    return found


def _open_dir(parent: int, name: str) -> int:
    try:
        os.mkdir(name, 0o700, dir_fd=parent)
    except FileExistsError:
        pass
    return os.open(name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=parent)


def _write(root: int, parts: list[str], data: bytes, mode: int) -> None:
    """Write ``data`` at ``root/parts`` through directory descriptors: a symlink planted on the way (by anyone)
    is never followed, and an existing file is never overwritten."""
    fds = [root]
    try:
        for part in parts[:-1]:
            fds.append(_open_dir(fds[-1], part))
        fd = os.open(parts[-1], os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, mode, dir_fd=fds[-1])
        with os.fdopen(fd, "wb") as f:
            f.write(data)
    finally:
        for fd in fds[1:]:
            os.close(fd)


def _write_path(root: Path, parts: list[str], data: bytes, mode: int) -> None:
    """Where ``os.open`` takes no directory descriptor (Windows): the same rules, by path."""
    folder = root
    for part in parts[:-1]:
        folder = folder / part
        if folder.is_symlink():
            raise NotADirectoryError(str(folder))
        folder.mkdir(mode=0o700, exist_ok=True)
    fd = os.open(folder / parts[-1], os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    with os.fdopen(fd, "wb") as f:
        f.write(data)


def export(repo: Path, commit: str, dest: Path, written: dict[str, bytes] | None = None) -> list[str]:
    """Write the commit's regular files into ``dest`` (which must not exist yet); the flags for what was left out.

    ``written``, if given, receives each file written (path: bytes), as git holds it: a digest taken from
    these cannot see what anyone else wrote there in the meantime.

    ``skipped-symlink:<path>`` names a committed symlink (never written: it could point anywhere), and
    ``skipped-unsafe-path`` counts entries whose path could escape or is not a plain name.
    """
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.mkdir(mode=0o700)  # a new folder: nothing in it was put there by anyone else
    entries, flags, unsafe = [], [], 0
    for mode, oid, path in tree(repo, commit):
        parts = path.split("/")
        if any(unsafe_part(p) for p in parts):
            unsafe += 1
        elif mode == "120000":
            flags.append(f"skipped-symlink:{path}")
        elif mode in FILE_MODES:
            entries.append((parts, oid, FILE_MODES[mode]))
    data = blobs(repo, sorted({oid for _, oid, _ in entries}))
    by_fd = os.open in os.supports_dir_fd
    root = os.open(dest, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW) if by_fd else -1
    try:
        for parts, oid, mode in entries:
            if oid not in data:
                raise GitError(f"object {oid} is missing")
            try:
                _write(root, parts, data[oid], mode) if by_fd else _write_path(dest, parts, data[oid], mode)
                if written is not None:
                    written["/".join(parts)] = data[oid]
            except (FileExistsError, NotADirectoryError, IsADirectoryError, OSError) as exc:
                if getattr(exc, "errno", None) in (errno.ENOSPC, errno.EDQUOT):  # a full disk is the machine's, not the student's
                    raise
                unsafe += 1
    finally:
        if by_fd:
            os.close(root)
    if unsafe:
        flags.append(f"skipped-unsafe-path:{unsafe}")
    return flags
