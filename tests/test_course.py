"""The whole course as a kit author and a student meet it."""

from __future__ import annotations

import shutil

from gradekit.course.kit import load_kit

from conftest import ROOT, read_json, run_grade

KIT = load_kit(ROOT)


def test_every_curriculum_topic_is_present():
    assert len(KIT.topics) == 32 and not KIT.incomplete
    assert [t.order for t in KIT.topics] == list(range(1, 33))


def test_selfcheck_passes_over_the_whole_kit():
    proc = run_grade("selfcheck")
    assert proc.returncode == 0, proc.stdout[-5000:] + proc.stderr[-2000:]
    assert "selfcheck passed" in proc.stdout


def test_reference_solutions_score_full_marks(tmp_path):
    for topic in KIT.topics:
        shutil.copyfile(topic.solution, tmp_path / f"{topic.slug}.py")
    out = tmp_path / "result.json"
    proc = run_grade("check", "--submission", tmp_path, "--json", out)
    assert proc.returncode == 0, proc.stdout[-3000:]
    result = read_json(out)
    assert all(t["score"] == t["max_score"] > 0 for t in result["topics"])


def test_stubs_score_zero_with_a_friendly_report():
    proc = run_grade("check", "--lang", "en")
    assert proc.returncode == 1
    assert "total 0/" in proc.stdout and "not done yet" in proc.stdout and "Traceback" not in proc.stdout
