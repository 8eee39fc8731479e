"""assignment.toml: strict times, errors that name the key, a digest of meaning, late policy arithmetic."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from gradekit.course import assignment as am

CST = timezone(timedelta(hours=8))


def sample(**changes) -> am.Assignment:
    a = am.Assignment(name="Problem set 1 \"quoted\" 第一次", topics=("functions", "lists"), points=78, lang="zh",
                      seed=42, install="gradekit==0.1.0", deadline=datetime(2026, 11, 30, 23, 59, tzinfo=CST),
                      topic_points={"functions": 40, "lists": 38}, graders={"public": "sha256:ab", "hidden": "sha256:cd"},
                      late=am.LatePolicy("per_day", 10, 30, datetime(2026, 12, 3, 23, 59, tzinfo=CST)),
                      extensions="extensions.csv")
    return a.with_(**changes)


@pytest.mark.parametrize("text", ["2026-11-30T23:59+08:00", "2026-11-30 23:59 +08:00", "2026-11-30 23:59+0800",
                                  "2026-11-30T15:59Z", "2026-11-30 15:59 UTC", "2026-11-30 23:59 Asia/Shanghai",
                                  "2026-11-30T23:59:00+08:00", " 2026-11-30 23:59 +08 "])
def test_common_spellings_mean_the_same_moment(text):
    assert am.parse_when(text) == datetime(2026, 11, 30, 23, 59, tzinfo=CST)


@pytest.mark.parametrize("text, says", [("2026-11-30", "a date without a time"),
                                        ("2026-11-30 23:59", "without a zone"),
                                        ("next friday", "not a time"), ("2026-11-30 23:59 Mars/Base", "unknown time zone"),
                                        ("2026-13-30 10:00Z", "month")])
def test_vague_times_are_refused_with_the_fix(text, says):
    with pytest.raises(ValueError) as err:
        am.parse_when(text)
    assert says in str(err.value) and "--deadline" in str(err.value)
    if "date without" in says:
        assert "2026-11-30T23:59" in str(err.value)


def test_the_file_round_trips_and_its_digest_ignores_layout(tmp_path):
    a = sample()
    path = am.write(a, tmp_path / am.FILE, header="written by a test")
    back = am.load(path)
    assert back == a and back.digest == a.digest
    text = path.read_text(encoding="utf-8")
    reordered = text.replace("# written by a test\n", "# another comment\n\n")
    (tmp_path / "b.toml").write_text(reordered, encoding="utf-8")
    assert am.load(tmp_path / "b.toml").digest == a.digest
    assert sample(seed=43).digest != a.digest


@pytest.mark.parametrize("edit, key", [
    (("format_version = 1", "format_version = 9"), "format_version"),
    (("points = 78", "points = \"many\""), "assignment.points"),
    (("kind = \"per_day\"", "kind = \"weekly\""), "policy.late.kind"),
    (("penalty = 10.0", "penalty = 150"), "policy.late.penalty"),
    (("deadline = \"2026-11-30T23:59:00+08:00\"", "deadline = \"2026-11-30\""), "assignment.deadline"),
    (("cutoff = \"2026-12-03T23:59:00+08:00\"", "cutoff = \"2026-11-01T00:00+08:00\""), "policy.late.cutoff"),
    (("lang = \"zh\"", "lang = \"fr\""), "assignment.lang"),
    (("functions = 40", "functions = 41"), "assignment.topic_points"),
])
def test_errors_name_the_file_and_the_key(tmp_path, edit, key):
    path = am.write(sample(), tmp_path / am.FILE)
    text = path.read_text(encoding="utf-8")
    assert edit[0] in text
    path.write_text(text.replace(edit[0], edit[1]), encoding="utf-8")
    with pytest.raises(am.AssignmentError) as err:
        am.load(path)
    assert str(err.value).startswith(f"{path}: {key}:")


def test_late_penalty_counts_started_units_up_to_the_cap():
    a = sample()
    d = a.deadline
    rule = a.for_student("anyone", {})
    assert rule.penalty(d) == 0 and rule.penalty(d - timedelta(days=3)) == 0
    assert rule.penalty(d + timedelta(minutes=1)) == 10
    assert rule.penalty(d + timedelta(days=1, seconds=1)) == 20
    assert rule.penalty(d + timedelta(days=9)) == 30
    assert rule.last_graded == a.late.cutoff


def test_an_extension_moves_the_deadline_and_the_cutoff(tmp_path):
    (tmp_path / "extensions.csv").write_text("student,deadline\ndave,2026-12-02 23:59 +08:00\n", encoding="utf-8")
    a = am.load(am.write(sample(), tmp_path / am.FILE))
    dave, eve = a.for_student("dave"), a.for_student("eve")
    assert dave.extended and not eve.extended
    assert dave.deadline == datetime(2026, 12, 2, 23, 59, tzinfo=CST)
    assert dave.cutoff == datetime(2026, 12, 5, 23, 59, tzinfo=CST)
    assert eve.deadline == a.deadline


def test_a_bad_extension_row_names_the_line(tmp_path):
    (tmp_path / "x.csv").write_text("dave,2026-12-02 23:59 +08:00\nerin,tomorrow\n", encoding="utf-8")
    with pytest.raises(am.AssignmentError, match=r"x\.csv: line 2: deadline of erin"):
        am.read_extensions(tmp_path / "x.csv")


def test_contradicting_flags_are_listed_and_equal_ones_are_not():
    a = sample()
    assert am.contradictions(a, topics=["functions", "lists"], deadline=a.deadline, seed=42, lang="zh") == []
    found = am.contradictions(a, topics=["functions"], deadline=a.deadline + timedelta(days=1), seed=7, lang="en")
    assert [c.option for c in found] == ["--topics", "--deadline", "--seed", "--lang"]


def test_local_times_show_the_zone():
    a = sample(timezone="Asia/Shanghai")
    assert am.local("2026-11-30T15:59:00+00:00", a.tz) == "2026-11-30 23:59 +08:00 (Asia/Shanghai)"
    assert am.local(a.deadline, sample().tz) == "2026-11-30 23:59 +08:00"
