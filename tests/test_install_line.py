"""The default install line of `grade release`: one branch per place a gradekit can come from.

Fake distributions are real ``*.dist-info`` folders read through importlib.metadata; fake checkouts are
real git repositories in temporary folders.
"""

from __future__ import annotations

import json
import subprocess
from importlib import metadata
from pathlib import Path

import pytest

from conftest import MINIKIT, git as _git
from gradekit import cli
from gradekit.instructor import install_line
from gradekit.instructor.install_line import NoInstallLine, checked, default, network_url


def git(repo, *args) -> str:
    return _git(repo, *args).strip()


SHA = "0123456789abcdef0123456789abcdef01234567"


def fake_dist(tmp_path: Path, direct: dict | None, version: str = "0.1.0") -> metadata.Distribution:
    info = tmp_path / "site-packages" / f"gradekit-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: gradekit\nVersion: {version}\n", encoding="utf-8")
    if direct is not None:
        (info / "direct_url.json").write_text(json.dumps(direct), encoding="utf-8")
    return metadata.PathDistribution(info)


def installed(tmp_path: Path, direct: dict | None, **kw):
    """The default for a gradekit installed into site-packages with this direct_url.json (None: from an index)."""
    return default(package_dir=tmp_path / "site-packages" / "gradekit", dist=fake_dist(tmp_path, direct, **kw))


def checkout(tmp_path: Path, remote: str | None = "https://github.com/org/gradekit.git") -> tuple[Path, str]:
    """A gradekit source tree (src/gradekit, pyproject.toml) committed in a git repository."""
    root = tmp_path / "gradekit"
    (root / "src" / "gradekit").mkdir(parents=True)
    (root / "src" / "gradekit" / "__init__.py").write_text("", encoding="utf-8")
    (root / "pyproject.toml").write_text('[project]\nname = "gradekit"\n', encoding="utf-8")
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)
    git(root, "add", "-A")
    git(root, "commit", "-qm", "kit")
    if remote is not None:
        git(root, "remote", "add", "origin", remote)
    return root, git(root, "rev-parse", "HEAD")


def test_index_install_pins_the_version(tmp_path):
    # No direct_url.json: pip installed it from an index, which has that version.
    line = installed(tmp_path, None, version="1.2.3")
    assert (line.requirement, line.origin, line.notes) == ("gradekit==1.2.3", "index", [])


def test_vcs_install_pins_the_url_at_its_commit(tmp_path):
    line = installed(tmp_path, {"url": "https://github.com/org/gradekit",
                                "vcs_info": {"vcs": "git", "commit_id": SHA, "requested_revision": "main"}})
    assert (line.requirement, line.origin) == (f"gradekit @ git+https://github.com/org/gradekit@{SHA}", "vcs")


def test_vcs_install_keeps_a_subdirectory_and_never_credentials(tmp_path):
    line = installed(tmp_path, {"url": "https://bot:s3cret@git.example.edu/kits/gradekit.git", "subdirectory": "engine",
                                "vcs_info": {"vcs": "git", "commit_id": SHA}})
    assert line.requirement == f"gradekit @ git+https://git.example.edu/kits/gradekit.git@{SHA}#subdirectory=engine"
    assert "s3cret" not in line.requirement and any("credentials" in n for n in line.notes)


@pytest.mark.parametrize("url", ["file:///srv/kits/gradekit", "/srv/kits/gradekit"])
def test_vcs_install_from_a_repository_on_this_machine_refuses(tmp_path, url):
    with pytest.raises(NoInstallLine, match="--install"):
        installed(tmp_path, {"url": url, "vcs_info": {"vcs": "git", "commit_id": SHA}})


def test_a_local_wheel_refuses(tmp_path):
    with pytest.raises(NoInstallLine, match="--install") as caught:
        installed(tmp_path, {"url": "file:///home/t/dist/gradekit-0.1.0-py3-none-any.whl", "archive_info": {}})
    assert "\n" not in str(caught.value)


def test_an_archive_on_the_network_is_installable(tmp_path):
    url = "https://example.edu/wheels/gradekit-0.1.0-py3-none-any.whl"
    line = installed(tmp_path, {"url": url, "archive_info": {"hashes": {"sha256": "ab"}}})
    assert (line.requirement, line.origin) == (f"gradekit @ {url}", "archive")


def test_unreadable_direct_url_refuses(tmp_path):
    dist = fake_dist(tmp_path, None)
    (tmp_path / "site-packages" / "gradekit-0.1.0.dist-info" / "direct_url.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(NoInstallLine, match="--install"):
        default(package_dir=tmp_path / "site-packages" / "gradekit", dist=dist)


def test_folder_install_of_a_checkout_uses_its_remote(tmp_path):
    # `pip install /path/to/checkout` (dir_info): the checkout's remote at the commit HEAD is on.
    root, head = checkout(tmp_path)
    line = installed(tmp_path, {"url": root.as_uri(), "dir_info": {}})
    assert (line.requirement, line.origin) == (f"gradekit @ git+https://github.com/org/gradekit.git@{head}", "checkout")


def test_source_tree_uses_the_remote_at_head_and_says_when_it_is_not_pushed(tmp_path):
    root, head = checkout(tmp_path)
    line = default(package_dir=root / "src" / "gradekit")
    assert line.requirement == f"gradekit @ git+https://github.com/org/gradekit.git@{head}"
    assert len(line.notes) == 1 and "push it" in line.notes[0] and head[:12] in line.notes[0]
    git(root, "update-ref", "refs/remotes/origin/main", head)  # as after a push (or a fetch that has it)
    assert default(package_dir=root / "src" / "gradekit").notes == []


def test_source_tree_prefers_the_branch_upstream(tmp_path):
    root, head = checkout(tmp_path)
    git(root, "remote", "add", "school", "https://git.example.edu/kits/gradekit.git")
    git(root, "update-ref", "refs/remotes/school/main", head)
    git(root, "config", "branch.main.remote", "school")
    line = default(package_dir=root / "src" / "gradekit")
    assert line.requirement == f"gradekit @ git+https://git.example.edu/kits/gradekit.git@{head}" and line.notes == []


@pytest.mark.parametrize("remote", ["git@github.com:org/gradekit.git", "ssh://git@github.com/org/gradekit.git"])
def test_an_ssh_remote_is_written_as_https(tmp_path, remote):
    root, head = checkout(tmp_path, remote)
    line = default(package_dir=root / "src" / "gradekit")
    assert line.requirement == f"gradekit @ git+https://github.com/org/gradekit.git@{head}"
    assert any("SSH" in n for n in line.notes)


@pytest.mark.parametrize("remote", [None, "/srv/git/gradekit.git", "../gradekit.git", "file:///srv/git/gradekit.git"])
def test_a_checkout_without_a_reachable_remote_refuses(tmp_path, remote):
    root, _ = checkout(tmp_path, remote)
    with pytest.raises(NoInstallLine, match="--install"):
        default(package_dir=root / "src" / "gradekit")


def test_a_source_tree_outside_git_refuses(tmp_path):
    root = tmp_path / "gradekit"
    (root / "src" / "gradekit").mkdir(parents=True)
    (root / "pyproject.toml").write_text('[project]\nname = "gradekit"\n', encoding="utf-8")
    with pytest.raises(NoInstallLine, match="not a git checkout"):
        default(package_dir=root / "src" / "gradekit")


def test_a_folder_named_src_of_another_project_is_not_our_checkout(tmp_path):
    other = tmp_path / "other"
    (other / "src" / "gradekit").mkdir(parents=True)
    (other / "pyproject.toml").write_text('[project]\nname = "something-else"\n', encoding="utf-8")
    assert install_line.source_tree(other / "src" / "gradekit") is None


@pytest.mark.parametrize("url", ["C:\\Users\\t\\gradekit", "~/gradekit", "ext::sh -c evil", "https:///nohost"])
def test_local_and_odd_urls_are_not_network_urls(url):
    assert network_url(url) is None


@pytest.mark.parametrize("bad", ['gradekit"; rm -rf ~', "gradekit==$(id)", "gradekit\nother", "--index-url=x", "", "`x`"])
def test_an_explicit_install_that_would_break_the_template_is_refused(bad):
    with pytest.raises(NoInstallLine, match="--install"):
        checked(bad)


def test_an_explicit_install_is_kept_as_given():
    line = checked(" gradekit @ git+https://github.com/org/gradekit@v0.1.0 ")
    assert (line.requirement, line.origin) == ("gradekit @ git+https://github.com/org/gradekit@v0.1.0", "option")


def test_release_writes_and_prints_the_default(tmp_path, monkeypatch, capsys):
    root, head = checkout(tmp_path)
    monkeypatch.setattr(install_line, "default", lambda: install_line.from_checkout(root))
    dest = tmp_path / "template"
    assert cli.main(["release", str(dest), "--kit", str(MINIKIT), "--lang", "en"]) == 0
    out, err = capsys.readouterr()
    want = f"gradekit @ git+https://github.com/org/gradekit.git@{head}"
    assert f"install line: {want}" in out.splitlines()
    assert "push it" in err and err.count("\n") == 1  # HEAD is on no remote branch: said once
    assert f"install = {json.dumps(want)}" in (dest / "gradekit.toml").read_text(encoding="utf-8")
    assert f'"{want}"' in (dest / ".github" / "workflows" / "classroom.yml").read_text(encoding="utf-8")
    assert f'pip install "{want}"' in (dest / "README.md").read_text(encoding="utf-8")
    devcontainer = json.loads((dest / ".devcontainer" / "devcontainer.json").read_text(encoding="utf-8"))
    assert devcontainer["postCreateCommand"][-1] == want


def test_release_without_a_default_refuses_and_writes_nothing(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(install_line, "default", lambda: (_ for _ in ()).throw(install_line.refuse("a local wheel")))
    dest = tmp_path / "new" / "template"
    assert cli.main(["release", str(dest), "--kit", str(MINIKIT)]) == 2
    out, err = capsys.readouterr()
    assert err.count("\n") == 1 and "--install" in err and "Traceback" not in err
    assert not (tmp_path / "new").exists()
