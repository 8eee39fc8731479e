"""The README `grade release` writes for students: one command form throughout, and commands that run.

A beginner copies commands from it.  A README that mixes `.venv/bin/grade` with bare `grade`, or shows
`grade` before the line that activates the venv, leaves them with "command not found" and no idea why.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from conftest import MINIKIT, run_grade

ACTIVATE = {
    "bash/zsh": "source .venv/bin/activate",
    "PowerShell": ".venv\\Scripts\\Activate.ps1",
    "cmd": ".venv\\Scripts\\activate.bat",
}


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    dest = tmp_path_factory.mktemp("readme") / "template"
    proc = run_grade("release", dest, "--kit", MINIKIT)
    assert proc.returncode == 0, proc.stderr
    return dest


def sections(readme: str) -> tuple[str, str]:
    zh, en = readme.index("## 中文"), readme.index("## English")
    assert zh < en  # Chinese first
    return readme[zh:en], readme[en:]


def code_blocks(text: str) -> list[list[str]]:
    return [block.strip("\n").splitlines() for block in re.findall(r"```[a-z]*\n(.*?)```", text, re.S)]


def test_one_command_form_activation_once_for_every_shell(template):
    readme = (template / "README.md").read_text(encoding="utf-8")
    # Never a path to the command, never another way to start it: plain `grade` everywhere.
    assert not re.search(r"[/\\]grade\b", readme), re.search(r".*[/\\]grade\b.*", readme).group(0)
    assert "python -m gradekit" not in readme and "py -m gradekit" not in readme
    for text in sections(readme):
        for shell, line in ACTIVATE.items():
            assert text.count(line) >= 2, (shell, line)  # in its first-time block and in the every-terminal table
        blocks = code_blocks(text)
        setup = [b for b in blocks if any(line.strip().startswith("pip install") for line in b)]
        assert len(setup) == 3  # PowerShell, cmd, bash/zsh
        for block in setup:
            lines = [line.strip() for line in block]
            activate = next(i for i, line in enumerate(lines) if line in ACTIVATE.values())
            assert "-m venv .venv" in lines[activate - 1]
            later = [i for i, line in enumerate(lines) if line.startswith(("pip ", "grade"))]
            assert later and min(later) > activate  # pip and grade only once the venv is active
        for block in blocks:
            for line in block:
                words = line.strip().split()
                if "grade" in line and words and words[0] not in ("pip",):
                    assert words[0] == "grade" or line.strip() in ACTIVATE.values(), line
    zh, en = sections(readme)
    assert "找不到 `grade`？" in zh and "`.venv` 没有激活" in zh
    assert "`grade` not found?" in en and "`.venv` is not active in this terminal" in en


def test_the_readme_names_this_templates_own_topic_and_the_watch_keys(template):
    readme = (template / "README.md").read_text(encoding="utf-8")
    zh, en = sections(readme)
    for text in (zh, en):
        assert "`grade watch alpha`" in text and "`grade watch alpha/double`" in text
        assert "`grade reset alpha`" in text
        for key in ("`p`", "`l`", "`j` `k`", "PgUp/PgDn", "Enter", "Esc", "`a`"):
            assert key in text, key
    assert "之后按 `a` 显示所有没通过的检查" in zh and "then `a` shows every failing check" in en


def test_every_documented_command_runs_in_the_template(template, tmp_path):
    """Each command of the code blocks and the command table, run as written in a copy of the template: a usage
    error would exit 2.  No line carries a ``#`` comment, which cmd would pass to grade as arguments."""
    course = tmp_path / "course"
    shutil.copytree(template, course, symlinks=True)
    readme = (course / "README.md").read_text(encoding="utf-8")
    commands: list[list[str]] = []
    for zh_or_en in sections(readme):
        lines = [line for block in code_blocks(zh_or_en) for line in block]
        lines += re.findall(r"`(grade[^`]*)`", zh_or_en)  # the command table and the commands named in sentences
        for line in lines:
            assert "#" not in line, line
            words = line.split()
            placeholder = any("..." in w or "…" in w for w in words)  # "grade ..." in a sentence is no command
            # grade watch needs a terminal (tests/test_watch.py runs it in tmux, with these arguments)
            if words[:1] == ["grade"] and words[1:2] != ["watch"] and not placeholder and words not in commands:
                commands.append(words)
    assert ["grade", "check", "alpha"] in commands and ["grade", "reset", "double"] in commands
    for words in commands:
        proc = subprocess.run([sys.executable, "-m", "gradekit", *words[1:]], cwd=course, stdin=subprocess.DEVNULL,
                              capture_output=True, text=True, timeout=300)
        assert proc.returncode in (0, 1), (words, proc.stderr)
        assert "usage:" not in proc.stderr, (words, proc.stderr)
