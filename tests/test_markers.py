"""The suite's own markers: ``-m 'not slow'`` leaves out the soak and the tmux tests, and nothing else."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

FILES = ["tests/test_soak.py", "tests/test_watch.py", "tests/test_console.py"]


def collected(*args: str) -> set[str]:
    proc = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", *args, *FILES], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return {line for line in proc.stdout.splitlines() if "::" in line}


def test_not_slow_leaves_out_the_soak_and_the_terminal_tests_only():
    every, slow, quick = collected(), collected("-m", "slow"), collected("-m", "not slow")
    assert slow and quick and slow | quick == every and not slow & quick
    assert {t for t in every if "test_soak.py" in t} <= slow
    assert "tests/test_console.py::test_watch_mode_in_a_gbk_terminal" in slow
    # Watch mode in tmux is slow; the warm session's tests, driven without a terminal, are not.
    assert any("test_watch.py" in t for t in slow) and any("test_watch.py" in t for t in quick)
    assert not any("test_soak.py" in t or "gbk_terminal" in t for t in quick)
