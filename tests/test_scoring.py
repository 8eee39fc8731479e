"""Scoring is believed only where the report agrees with the manifest."""

from gradekit.grading.contract import Entry, Outcome
from gradekit.model import Status
from gradekit.grading.scoring import make_check, outcomes_by_check

ENTRY = Entry(nodeid="alpha/test_public.py::test_x[s0]", check="alpha/test_public.py::test_x", name="test_x",
              submission="s0", topic="alpha", exercise="double", points=3, visibility="public")


def test_missing_outcome_scores_zero_as_error():
    check = make_check(ENTRY, None, "en")
    assert check.status is Status.ERROR and check.points == 0 and check.max_points == 3
    assert "produced no result" in check.message


def test_pass_scores_the_markers_points():
    check = make_check(ENTRY, Outcome("pass"), "en")
    assert check.points == 3 and check.message == ""


def test_unknown_status_is_not_trusted():
    sealed = {"nodeid": ENTRY.nodeid, "metadata": {"gradekit": {"status": "excellent"}, "gradekit_mac": "good"}}
    found, problems = outcomes_by_check([sealed])
    assert found == {} and problems == [f"{ENTRY.nodeid}: status 'excellent' is not one a check can have"]
    check = make_check(ENTRY, found.get(ENTRY.nodeid), "en")
    assert check.status is Status.ERROR and check.points == 0


def test_duplicates_and_bad_seals_are_dropped():
    tests = [
        {"nodeid": "a", "metadata": {"gradekit": {"status": "pass"}, "gradekit_mac": "good"}},
        {"nodeid": "a", "metadata": {"gradekit": {"status": "fail"}, "gradekit_mac": "good"}},
        {"nodeid": "b", "metadata": {"gradekit": {"status": "pass"}, "gradekit_mac": "forged"}},
    ]
    found, problems = outcomes_by_check(tests, lambda payload, mac: mac == "good")
    assert found == {"a": Outcome("pass")}
    assert len(problems) == 2
