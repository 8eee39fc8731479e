"""The pip requirement a released template tells students and its CI to install.

A template that names a gradekit no index has fails every student's first CI
step, and a bare name someone else could register would install their code
instead.  So the default is derived from where the running gradekit came from,
and where nothing installable can be derived the release refuses and names
``--install``:

* installed from a VCS URL (PEP 610 ``direct_url.json`` with ``vcs_info``):
  that URL at the exact commit pip recorded;
* running from a checkout (an editable install, a local folder, the source
  tree): the checkout's remote at ``HEAD``'s commit, with a note when ``HEAD``
  is on no remote-tracking branch (students could not fetch that commit);
* installed from an index (no ``direct_url.json``): ``gradekit==<version>``;
* an archive URL on the network: that URL;
* anything else (a local wheel, a folder without a usable remote): no default.

A remote or URL that is a path on this machine is not installable elsewhere.
SSH remotes are written in their https form (CI and most students have no SSH
key), and credentials in a URL are never copied into a public template.
"""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit
from urllib.request import url2pathname

from gradekit import _git
from gradekit.course.kit import KitError

PACKAGE = "gradekit"
NETWORK_SCHEMES = ("https", "http", "ssh", "git")
SCP_LIKE = re.compile(r"^(?:(?P<user>[^@/\\\s]+)@)?(?P<host>[A-Za-z0-9][A-Za-z0-9.-]+):(?!:)(?!//)(?P<path>\S+)$")  # git@host:org/repo
WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")
# Characters that would break the places the line is written into: YAML and JSON strings, a shell's double quotes.
UNSAFE = re.compile(r'["$`\\\x00-\x1f\x7f]')


class NoInstallLine(KitError):
    """Nothing students could install can be derived from this gradekit; pass ``--install``."""


@dataclass(frozen=True)
class InstallLine:
    requirement: str
    origin: str  # "option", "vcs", "checkout", "index" or "archive"
    notes: list[str] = field(default_factory=list)


def refuse(why: str) -> NoInstallLine:
    return NoInstallLine(f"{why}: no install line students could use; pass --install REQUIREMENT "
                         "(e.g. --install 'gradekit @ git+https://github.com/ORG/gradekit@v0.1.0')")


def checked(requirement: str) -> InstallLine:
    """An instructor's own ``--install``, refused only where it would break the files it is written into."""
    requirement = requirement.strip()
    if not requirement or requirement.startswith("-") or UNSAFE.search(requirement):
        raise NoInstallLine(f"--install {requirement!r}: give one pip requirement (not an option), without quotes, "
                            "'$', '`', backslashes or control characters")
    return InstallLine(requirement, "option")


def resolve(install: str | None, **where) -> InstallLine:
    """``--install`` when given, else the default derived from this gradekit (``where``: see ``default``)."""
    return checked(install) if install is not None else default(**where)


def default(*, package_dir: Path | None = None, dist: metadata.Distribution | None = None) -> InstallLine:
    """Derive the install line; ``package_dir`` (the running package) and ``dist`` are for tests."""
    package_dir = Path(package_dir or Path(__file__).resolve().parents[1])
    source = source_tree(package_dir)
    if source is not None:
        return from_checkout(source)
    if dist is None:
        try:
            dist = metadata.distribution(PACKAGE)
        except metadata.PackageNotFoundError:
            raise refuse(f"gradekit runs from {package_dir}, which no installer recorded") from None
    raw = dist.read_text("direct_url.json")
    if raw is None:
        return InstallLine(f"{PACKAGE}=={dist.version}", "index")
    try:
        direct = json.loads(raw)
        url = direct["url"]
    except (ValueError, KeyError, TypeError):
        raise refuse("gradekit's direct_url.json is unreadable") from None
    if "vcs_info" in direct:
        return from_vcs(url, direct)
    if "dir_info" in direct:
        folder = file_url_path(url)
        if folder is None:
            raise refuse(f"gradekit was installed from {url}")
        return from_checkout(folder)
    remote = network_url(url)
    if remote is None:
        raise refuse(f"gradekit was installed from {url}, a file on this machine")
    return InstallLine(f"{PACKAGE} @ {remote[0]}", "archive", remote[1])


def source_tree(package_dir: Path) -> Path | None:
    """The checkout's root when the running package is ``<root>/src/gradekit`` of a gradekit source tree."""
    root = package_dir.parent.parent
    if package_dir.parent.name != "src" or not (root / "pyproject.toml").is_file():
        return None
    try:
        text = (root / "pyproject.toml").read_text(encoding="utf-8")
    except OSError:
        return None
    return root if re.search(rf'^name\s*=\s*"{PACKAGE}"', text, re.M) else None


def from_vcs(url: str, direct: dict) -> InstallLine:
    info = direct["vcs_info"]
    commit, vcs = info.get("commit_id"), info.get("vcs", "git")
    remote = network_url(url)
    if remote is None:
        raise refuse(f"gradekit was installed from {url}, a repository on this machine")
    if not commit:
        raise refuse(f"gradekit was installed from {url} without a recorded commit")
    line = f"{PACKAGE} @ {vcs}+{remote[0]}@{commit}"
    if direct.get("subdirectory"):
        line += f"#subdirectory={direct['subdirectory']}"
    return InstallLine(line, "vcs", remote[1])


def from_checkout(root: Path) -> InstallLine:
    def git(*args: str) -> str | None:
        try:
            proc = _git.run(root, *args, check=False, timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            return None
        return proc.stdout.strip() if proc.returncode == 0 else None

    head = git("rev-parse", "--verify", "-q", "HEAD^{commit}")
    if head is None:
        raise refuse(f"gradekit runs from {root}, which is not a git checkout with a commit")
    remotes = (git("remote") or "").split()
    if not remotes:
        raise refuse(f"gradekit runs from {root}, a git checkout without a remote")
    branch = git("symbolic-ref", "-q", "--short", "HEAD")
    upstream = git("config", "--get", f"branch.{branch}.remote") if branch else None
    name = upstream if upstream in remotes else "origin" if "origin" in remotes else sorted(remotes)[0]
    url = git("remote", "get-url", name) or ""
    remote = network_url(url)
    if remote is None:
        raise refuse(f"the remote {name} of {root} is {url or '?'}, which students cannot reach")
    notes = list(remote[1])
    if not git("for-each-ref", "--contains", head, "--count=1", "--format=%(refname)", f"refs/remotes/{name}/"):
        notes.append(f"commit {head[:12]} is on no branch of {name} that this checkout knows of: "
                     "push it, or students cannot install it")
    return InstallLine(f"{PACKAGE} @ git+{remote[0]}@{head}", "checkout", notes)


def file_url_path(url: str) -> Path | None:
    parts = urlsplit(url)
    if parts.scheme != "file":
        return None
    return Path(url2pathname(unquote(parts.path)))


def network_url(url: str) -> tuple[str, list[str]] | None:
    """``url`` as one a student's machine can fetch (and notes on what was changed), or None for a local path."""
    url = url.strip()
    if WINDOWS_DRIVE.match(url) or url.startswith(("/", ".", "\\", "~")) or "::" in url or any(c.isspace() for c in url):
        return None  # a path, a remote helper (``ext::...``), or not a URL at all
    scp = SCP_LIKE.match(url) if "://" not in url else None
    if scp:
        return f"https://{scp['host']}/{scp['path'].lstrip('/')}", [
            f"the remote {url} is SSH; wrote its https form, which students and CI fetch without a key"]
    parts = urlsplit(url)
    if parts.scheme not in NETWORK_SCHEMES or not parts.hostname:
        return None
    notes = []
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    host += f":{parts.port}" if parts.port and parts.scheme != "ssh" else ""
    scheme = parts.scheme
    if scheme == "ssh":
        scheme = "https"
        notes.append(f"the remote {urlunsplit(parts._replace(netloc=host))} is SSH; wrote its https form, "
                     "which students and CI fetch without a key")
    elif parts.username or parts.password:
        notes.append("left out the credentials in the remote's URL: the template is public")
    return urlunsplit((scheme, host, parts.path, parts.query, "")), notes
