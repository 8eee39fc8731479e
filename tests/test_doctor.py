"""``grade doctor`` states, for every level, what it protects and what it cannot (issue 12)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from gradekit.instructor import doctor


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_doctor_states_every_level_with_what_it_cannot_protect(lang):
    env = {**os.environ, "COLUMNS": "2000", "GRADEKIT_ISOLATION": "process"}
    proc = subprocess.run([sys.executable, "-m", "gradekit", "doctor", "--lang", lang], capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=120)
    assert proc.returncode in (0, 1), proc.stderr
    text = "".join(proc.stdout.split())   # wide enough that no cell wraps
    for level in ("bwrap", "process", "portable"):
        assert level in text
    assert "process←" in text                            # the level this machine grades at is marked
    for head in doctor.level_head(lang):
        assert head in text
    for _, protects, cannot in doctor.level_rows(lang):
        assert "".join(cannot.split()) in text              # shown whole: Chinese is folded, never cut off
        assert "".join(protects.split()) in text
    assert "…" not in proc.stdout


def test_doctor_folds_chinese_instead_of_cutting_it_off():
    from rich.console import Console

    console = Console(width=80, record=True, highlight=False)
    console.print(doctor.levels_table("process", "zh"))
    text = console.export_text()
    assert "…" not in text
    for _, protects, cannot in doctor.level_rows("zh"):
        assert protects[-3:] in text and cannot[-3:] in text   # each cell's end is there: nothing was cut
