"""A student's own git configuration runs nothing on the instructor's machine when gradekit runs git there.

Each variant is a real repository whose ``.git/config`` (or ``.gitattributes``, hooks, or the instructor's
own global configuration) names a program that would leave a marker file.  Before ``gradekit._git`` the
filter, process-filter, signature, include and lazy-fetch variants all ran it (``git archive`` applies
filters; ``git log`` checks signatures with ``gpg.program``; a partial clone's lazy fetch runs
``remote.<x>.uploadpack``).  Now none may, and grading still works.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import MINIKIT, run_grade, solution_text
from gradekit import _git
from gradekit.grading import runner
from gradekit.student import stubs
from gradekit.course.kit import load_kit
from gradekit.classroom.sources import Student, prepare

SOLVED = solution_text("alpha", MINIKIT)
FULL = 7


def git(repo: Path, *args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(repo), "-c", "user.name=S", "-c", "user.email=s@example.invalid", *args],
                          check=True, capture_output=True, **kw)


def evil_program(tmp: Path) -> tuple[Path, Path]:
    """A program that records that it ran (and passes its input through, as a filter would)."""
    marker = tmp / "MARKER"
    prog = tmp / "evil.sh"
    prog.write_text(f'#!/bin/sh\necho "$0 $*" >> "{marker}"\ncat\n', encoding="utf-8")
    prog.chmod(0o755)
    return prog, marker


def sign(repo: Path) -> None:
    """Replace HEAD by the same commit carrying a (bogus) signature: `log.showSignature` then runs gpg.program."""
    raw = git(repo, "cat-file", "commit", "HEAD").stdout
    head, _, msg = raw.partition(b"\n\n")
    raw = head + b"\ngpgsig -----BEGIN PGP SIGNATURE-----\n \n -----END PGP SIGNATURE-----\n\n" + msg
    oid = git(repo, "hash-object", "-t", "commit", "-w", "--stdin", input=raw).stdout.decode().strip()
    git(repo, "update-ref", "HEAD", oid)


def config(repo: Path, **pairs: str) -> None:
    for key, value in pairs.items():
        git(repo, "config", key.replace("__", "."), value)


#: The attributes a variant commits (its config comes after the commit, as a student would leave it).
ATTRIBUTES = {"filter": "*.py filter=x\n", "process_filter": "*.py filter=y\n", "textconv": "*.py diff=t\n"}


def v_filter(repo, prog):
    config(repo, filter__x__smudge=str(prog), filter__x__clean=str(prog), filter__x__required="true")


def v_process_filter(repo, prog):
    config(repo, filter__y__process=str(prog))


def v_fsmonitor(repo, prog):
    config(repo, core__fsmonitor=str(prog))


def v_hooks(repo, prog):
    hooks = repo / ".git" / "evil-hooks"
    hooks.mkdir()
    for name in ("post-checkout", "reference-transaction", "post-index-change", "pre-auto-gc", "post-merge"):
        shutil.copy(prog, hooks / name)
        shutil.copy(prog, repo / ".git" / "hooks" / name)
    config(repo, core__hooksPath=str(hooks))


def v_textconv(repo, prog):
    config(repo, diff__t__textconv=str(prog), diff__external=str(prog))


def v_signature(repo, prog):
    config(repo, log__showSignature="true", gpg__program=str(prog), gpg__format="openpgp")


def v_pager(repo, prog):
    config(repo, core__pager=str(prog), pager__log=str(prog), pager__show=str(prog))


def v_include(repo, prog):
    inc = repo / ".git" / "more.inc"
    inc.write_text(f"[core]\n\tfsmonitor = {prog}\n[log]\n\tshowSignature = true\n[gpg]\n\tprogram = {prog}\n")
    config(repo, include__path=str(inc))
    git(repo, "config", f"includeIf.gitdir:{repo}/.git.path", str(inc))


def v_lazy_fetch(repo, prog):
    config(repo, core__repositoryformatversion="1", extensions__partialClone="origin",
           remote__origin__url=f"file://{repo.parent}/nowhere", remote__origin__promisor="true",
           remote__origin__uploadpack=str(prog))


def v_ssh_promisor(repo, prog):
    config(repo, core__repositoryformatversion="1", extensions__partialClone="origin",
           remote__origin__url="ssh://example.invalid/x", remote__origin__promisor="true", core__sshCommand=str(prog))


VARIANTS = {f.__name__[2:]: f for f in (v_filter, v_process_filter, v_fsmonitor, v_hooks, v_textconv, v_signature,
                                          v_pager, v_include, v_lazy_fetch, v_ssh_promisor)}
#: These take a blob out, so reading it needs the (refused) lazy fetch: the honest outcome is "broken".
MISSING_OBJECT = {"lazy_fetch", "ssh_promisor"}


def evil_repo(path: Path, variant: str, prog: Path) -> Path:
    path.mkdir(parents=True)
    git(path, "init", "-q", "-b", "main")
    (path / "starter").mkdir()
    (path / "starter" / "alpha.py").write_text(SOLVED, encoding="utf-8")
    (path / "starter" / "subst.txt").write_text("$Format:%H$\n", encoding="utf-8")
    (path / ".gitattributes").write_text("*.txt export-subst\n" + ATTRIBUTES.get(variant, ""))
    git(path, "add", "-A")
    git(path, "commit", "-q", "-m", "work")
    sign(path)
    if variant in MISSING_OBJECT:
        blob = git(path, "rev-parse", "HEAD:starter/alpha.py").stdout.decode().strip()
        os.remove(path / ".git" / "objects" / blob[:2] / blob[2:])
    VARIANTS[variant](path, prog)
    return path


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_preparing_an_evil_repository_runs_nothing_and_exports_the_committed_bytes(tmp_path, variant):
    prog, marker = evil_program(tmp_path)
    repo = evil_repo(tmp_path / "repos" / "eve", variant, prog)
    p = prepare(Student("eve", folder=repo), tmp_path / "workspace", None)
    assert not marker.exists(), marker.read_text()
    if variant in MISSING_OBJECT:
        assert p.status == "broken-repository"
        return
    assert p.status == "ready", p.message
    assert (p.path / "starter" / "alpha.py").read_text(encoding="utf-8") == SOLVED  # no smudge, no textconv
    assert (p.path / "starter" / "subst.txt").read_text(encoding="utf-8") == "$Format:%H$\n"  # no export-subst
    assert not (p.path / ".git").exists()
    assert runner.git_commit(repo) == p.commit
    assert not marker.exists()


def test_a_class_of_evil_repositories_is_graded_and_runs_nothing(tmp_path):
    prog, marker = evil_program(tmp_path)
    repos = tmp_path / "repos"
    for variant in VARIANTS:
        evil_repo(repos / variant, variant, prog)
    out = tmp_path / "out"
    proc = run_grade("batch", repos, "--kit", MINIKIT, "--out", out, "--jobs", "2")
    assert not marker.exists(), marker.read_text()
    assert proc.returncode == 1, proc.stderr  # the two with a missing object are not graded
    with open(out / "gradebook.csv", encoding="utf-8") as f:
        rows = {r["github_username"]: r for r in csv.DictReader(f)}
    for variant in VARIANTS:
        expected = ("", "broken-repository") if variant in MISSING_OBJECT else (str(FULL), "graded")
        assert (rows[variant]["points_awarded"], rows[variant]["status"]) == expected, variant


def instructor_home(tmp: Path, prog: Path) -> dict:
    """An instructor whose global configuration runs programs on checkouts and commits (hooks, an LFS-like
    filter): fine for their own work, but nothing gradekit does may feed a student's files to them."""
    home = tmp / "home"
    hooks = home / "hooks"
    hooks.mkdir(parents=True)
    for name in ("post-checkout", "post-commit", "reference-transaction", "pre-commit"):
        shutil.copy(prog, hooks / name)
    (home / ".gitconfig").write_text(
        f"[core]\n\thooksPath = {hooks}\n\tfsmonitor = {prog}\n[filter \"lfs\"]\n\tsmudge = {prog}\n"
        f"\tclean = {prog}\n\tprocess = {prog}\n[log]\n\tshowSignature = true\n[gpg]\n\tprogram = {prog}\n",
        encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    return {**env, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config")}


def test_roster_clones_run_no_program_of_the_global_config_on_student_files(tmp_path):
    prog, marker = evil_program(tmp_path)
    student = tmp_path / "remote" / "ann"
    student.mkdir(parents=True)
    git(student, "init", "-q", "-b", "main")
    (student / "starter").mkdir()
    (student / "starter" / "alpha.py").write_text(SOLVED, encoding="utf-8")
    (student / ".gitattributes").write_text("*.py filter=lfs diff=lfs merge=lfs\n")
    git(student, "add", "-A")
    git(student, "commit", "-q", "-m", "work")
    roster = tmp_path / "roster.csv"
    roster.write_text(f"username,repo_url\nann,{student.as_uri()}\n", encoding="utf-8")
    env = instructor_home(tmp_path, prog)
    out = tmp_path / "out"
    for _ in range(2):  # the first run clones, the second fetches into the same clone
        proc = run_grade("batch", "--roster", roster, "--kit", MINIKIT, "--out", out, "--regrade", "ann", env=env)
        assert proc.returncode == 0, proc.stderr
        assert not marker.exists(), marker.read_text()
    with open(out / "gradebook.csv", encoding="utf-8") as f:
        assert next(csv.DictReader(f))["points_awarded"] == str(FULL)


def test_fetches_keep_the_instructors_url_rewrites_and_credentials(tmp_path):
    """What a fetch needs of the global configuration (how to reach the repositories) is carried over."""
    student = tmp_path / "remote" / "ann"
    student.mkdir(parents=True)
    git(student, "init", "-q", "-b", "main")
    (student / "starter").mkdir()
    (student / "starter" / "alpha.py").write_text(SOLVED, encoding="utf-8")
    git(student, "add", "-A")
    git(student, "commit", "-q", "-m", "work")
    home = tmp_path / "home"
    home.mkdir()
    (home / ".gitconfig").write_text(f'[url "{(tmp_path / "remote").as_uri()}/"]\n\tinsteadOf = class:\n',
                                     encoding="utf-8")
    roster = tmp_path / "roster.csv"
    roster.write_text("username,repo_url\nann,class:ann\n", encoding="utf-8")
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("GIT_")}, "HOME": str(home)}
    proc = run_grade("batch", "--roster", roster, "--kit", MINIKIT, "--out", tmp_path / "out", env=env)
    assert proc.returncode == 0, proc.stderr
    assert any(k.lower().startswith("url.") for k, _ in _instructor_keys(env))


def _instructor_keys(env: dict) -> list[tuple[str, str]]:
    saved = dict(os.environ)
    try:
        os.environ.clear()
        os.environ.update(env)
        return _git._instructor_keys()
    finally:
        os.environ.clear()
        os.environ.update(saved)


def test_release_runs_no_global_hook_or_filter(tmp_path):
    prog, marker = evil_program(tmp_path)
    dest = tmp_path / "template"
    proc = run_grade("release", dest, "--kit", MINIKIT, env=instructor_home(tmp_path, prog))
    assert proc.returncode == 0, proc.stderr
    assert not marker.exists(), marker.read_text()
    assert git(dest, "log", "--format=%an").stdout.decode().strip() == "gradekit release"


def test_reset_reads_the_stub_from_an_evil_clone_without_running_anything(tmp_path):
    prog, marker = evil_program(tmp_path)
    template = tmp_path / "template"
    assert run_grade("release", template, "--kit", MINIKIT).returncode == 0
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(template), str(clone)], check=True, capture_output=True)
    sign(clone)  # the release commit itself now carries a signature
    (clone / ".git" / "info" / "attributes").write_text("*.py diff=t\n")
    v_signature(clone, prog)
    v_include(clone, prog)
    v_textconv(clone, prog)
    kit = load_kit(clone)
    assert stubs.original_stub(kit, "alpha", "en") == (MINIKIT / "starter" / "alpha.py").read_text(encoding="utf-8")
    assert not marker.exists(), marker.read_text()


def test_every_git_command_starts_from_a_scrubbed_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("GIT_DIR", str(tmp_path / "elsewhere"))
    monkeypatch.setenv("GIT_CONFIG_PARAMETERS", "'core.fsmonitor=/bin/false'")
    monkeypatch.setenv("GIT_EXEC_PATH", str(tmp_path))
    env = _git.env(tmp_path)
    assert "GIT_DIR" not in env and "GIT_CONFIG_PARAMETERS" not in env and "GIT_EXEC_PATH" not in env
    assert env["GIT_CONFIG_NOSYSTEM"] == "1" and env["GIT_CONFIG_GLOBAL"] == os.devnull
    pairs = {env[f"GIT_CONFIG_KEY_{i}"]: env[f"GIT_CONFIG_VALUE_{i}"] for i in range(int(env["GIT_CONFIG_COUNT"]))}
    assert pairs["core.hooksPath"] == os.devnull and pairs["core.fsmonitor"] == "false"
    assert pairs["protocol.allow"] == "never" and pairs["safe.directory"] == str(tmp_path.resolve())
    network = _git.env(tmp_path, network=True)
    npairs = {network[f"GIT_CONFIG_KEY_{i}"]: network[f"GIT_CONFIG_VALUE_{i}"]
              for i in range(int(network["GIT_CONFIG_COUNT"]))}
    assert npairs["protocol.https.allow"] == "always" and "protocol.ext.allow" not in npairs
    assert npairs["protocol.allow"] == "never"  # ext:: and any other transport stay off


def test_a_repository_owned_by_someone_else_is_still_read(tmp_path):
    """safe.directory is set on purpose for the one repository: a class copied from a share is not "broken"."""
    if os.geteuid() != 0:
        pytest.skip("needs root to give the repository another owner")
    repo = evil_repo(tmp_path / "repos" / "other", "fsmonitor", evil_program(tmp_path)[0])
    for path in [repo, *repo.rglob("*")]:
        os.lchown(path, 12345, 12345)
    assert subprocess.run(["git", "-C", str(repo), "rev-parse", "HEAD"], capture_output=True,
                          env={**os.environ, "HOME": str(tmp_path)}).returncode != 0  # plain git refuses it
    p = prepare(Student("other", folder=repo), tmp_path / "workspace", None)
    assert p.status == "ready", p.message
