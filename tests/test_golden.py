"""Golden files for every output format: the same result rendered, byte for byte, as it was approved.

Each ``tests/golden/example-*/`` folder is a case (``tests/golden/render_all.py`` says what is in
one); a new case is a new folder.  The expected files of the first cases were written by the
renderers as they stood before the layout change of issue 16, so these tests prove that move
changed no output.  ``GRADEKIT_GOLDEN=update`` rewrites the expected files instead of comparing.
"""

from __future__ import annotations

import difflib
import os
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent / "golden"
sys.path.insert(0, str(HERE))

from render_all import render_all  # noqa: E402

CASES = sorted(p for p in HERE.glob("example-*") if p.is_dir())


def test_there_are_cases_for_every_format():
    names = {name for case in CASES for name in render_all(case)}
    assert len(CASES) >= 4 and names == {"native.json", "student.json", "classroom.json", "classroom50.json",
                                         "gradescope.json", "summary.md", "annotations.txt", "gradebook.csv"}


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_every_format_renders_as_approved(case):
    rendered = render_all(case)
    if os.environ.get("GRADEKIT_GOLDEN") == "update":
        for name, text in rendered.items():
            (case / name).write_bytes(text.encode("utf-8"))
        pytest.skip("golden files rewritten: read the diff before committing it")
    for name, text in rendered.items():
        expected = (case / name).read_bytes().decode("utf-8")
        if text != expected:
            diff = "".join(difflib.unified_diff(expected.splitlines(keepends=True), text.splitlines(keepends=True),
                                                f"{case.name}/{name} (approved)", f"{case.name}/{name} (now)"))
            pytest.fail(f"{case.name}/{name} differs from the approved file:\n{diff}")


def test_no_hidden_input_or_expected_value_reaches_what_a_student_downloads():
    # double(53) -> 106 is the hidden check of the fixture kit: its call, input and expected value.
    assert any("double(53)" in (case / "native.json").read_text(encoding="utf-8") for case in CASES)
    for case in CASES:
        for name in ("student.json", "classroom.json", "classroom50.json", "gradescope.json", "summary.md",
                     "annotations.txt"):
            text = (case / name).read_text(encoding="utf-8")
            assert "double(53)" not in text and "106" not in text, (case.name, name)
