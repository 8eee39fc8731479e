"""Grader authors' mistakes fail loudly, naming the check; kit faults are `error`, not `fail`."""

from __future__ import annotations

import pytest

from gradekit.course.kit import load_kit
from gradekit.model import Status
from gradekit.grading.runner import RunnerError, Submission, grade

from conftest import MINIKIT, run_grade, solution_text, write_submission

GOOD = '''
from gradekit.grader import call, exercise, points, time_limit
'''


def add_grader(kit, name, text):
    (kit / "graders" / "alpha" / name).write_text(GOOD + text, encoding="utf-8")


# Every marker rule is tested in-process in test_manifest.py; these two go through `grade check` to show the
# author what they meet: a rule of gradekit's, and a marker pytest does not know (--strict-markers).
@pytest.mark.parametrize("name, text, needle", [
    ("test_hidden_x.py", "@exercise('double')\ndef test_x(alpha):\n    pass\n", "every check needs @points(n)"),
    ("test_hidden_x.py", "import pytest\n@pytest.mark.pointz(1)\n@exercise('double')\ndef test_x(alpha):\n    pass\n", "pointz"),
])
def test_marker_mistakes_are_usage_errors(minikit, name, text, needle):
    add_grader(minikit, name, text)
    proc = run_grade("check", "--kit", minikit)
    assert proc.returncode == 2, proc.stdout
    assert needle in proc.stderr
    assert "test_x" in proc.stderr or needle == "pointz"
    assert "tests collected" not in proc.stderr and "test_public.py::test_double" not in proc.stderr


def test_a_check_in_a_public_file_is_public_without_the_marker(minikit, tmp_path):
    add_grader(minikit, "test_public_x.py", "@points(1)\n@exercise('double')\ndef test_x(alpha):\n    call(alpha.double, 1).returns(2)\n")
    sub = write_submission(tmp_path / "sub", {"alpha.py": solution_text("alpha", MINIKIT)})
    (result,) = grade(load_kit(minikit), [Submission(sub)], lang="en", public_only=True)
    check = next(c for c in result.checks if c.name == "test_x")
    assert check.visibility == "public" and check.status is Status.PASS


def test_a_grader_bug_is_an_error_not_the_students_fault(minikit, tmp_path):
    add_grader(minikit, "test_hidden_x.py", "@points(1)\n@exercise('double')\ndef test_x(alpha):\n    {}['missing']\n")
    sub = write_submission(tmp_path / "sub", {"alpha.py": solution_text("alpha", MINIKIT)})
    (result,) = grade(load_kit(minikit), [Submission(sub)], lang="en")
    check = next(c for c in result.checks if c.name == "test_x")
    assert check.status is Status.ERROR and check.points == 0
    assert "the grader itself failed" in check.message and "KeyError" in check.message


PHASES = """
import pytest

@pytest.fixture
def broken_setup():
    raise RuntimeError("fixture could not start")

@pytest.fixture
def broken_teardown():
    yield 1
    raise RuntimeError("fixture could not clean up")

@points(1)
@exercise('double')
def test_skips(alpha):
    pytest.skip("not on this platform")

@points(1)
@exercise('double')
def test_setup_fails(alpha, broken_setup):
    raise AssertionError("never runs")

@points(1)
@exercise('double')
def test_teardown_fails(alpha, broken_teardown):
    assert call(alpha.double, 2).returns(4)

@points(1)
@exercise('double')
def test_fails_then_teardown_fails(alpha, broken_teardown):
    assert call(alpha.double, 2).returns(5)

@points(1)
@exercise('double')
def test_passes(alpha):
    assert call(alpha.double, 2).returns(4)
"""


def test_every_phase_of_a_check_counts(minikit, tmp_path):
    # Checks run pytest's setup, call and teardown hooks without pytest's reports: each phase's
    # outcome must still land on the check, as a grader author expects from pytest.
    add_grader(minikit, "test_hidden_x.py", PHASES)
    sub = write_submission(tmp_path / "sub", {"alpha.py": solution_text("alpha", MINIKIT)})
    (result,) = grade(load_kit(minikit), [Submission(sub)], lang="en")
    by_name = {c.name: c for c in result.checks}
    assert by_name["test_skips"].status is Status.SKIPPED and by_name["test_skips"].points == 0
    assert by_name["test_setup_fails"].status is Status.ERROR and "fixture could not start" in by_name["test_setup_fails"].message
    assert by_name["test_teardown_fails"].status is Status.ERROR
    assert "fixture could not clean up" in by_name["test_teardown_fails"].message
    # The call's own failure is what the student needs to see, not the teardown's.
    assert by_name["test_fails_then_teardown_fails"].status is Status.FAIL
    assert by_name["test_passes"].status is Status.PASS and by_name["test_passes"].points == 1


HELPERS = '''
from gradekit.grader import helper

BROKEN = """
def twice_of(f, x):
    return f(x) + undefined_name
"""

SOUND = """
def twice_of(f, x):
    return f(x) * 2
"""

@points(1)
@exercise('double')
def test_broken_helper(alpha):
    assert call(helper(alpha, BROKEN, 'twice_of'), alpha.double, 2).returns(8)

@points(1)
@exercise('double')
def test_sound_helper(alpha):
    assert call(helper(alpha, SOUND, 'twice_of'), alpha.double, 2).returns(8)
'''


def test_a_name_missing_in_a_grader_helper_is_the_kits_error(minikit, tmp_path):
    # Helper code runs next to the student's: a NameError inside it is the author's bug, and must
    # not reach the student as theirs (with a did-you-mean about a name they never wrote).
    add_grader(minikit, "test_hidden_x.py", HELPERS)
    sub = write_submission(tmp_path / "sub", {"alpha.py": solution_text("alpha", MINIKIT)})
    wrong = write_submission(tmp_path / "wrong", {"alpha.py": solution_text("alpha", MINIKIT).replace(
        "return 2 * x", "return 2 * y")})
    right, broken = grade(load_kit(minikit), [Submission(sub, "s0"), Submission(wrong, "s1")], lang="en")
    checks = {c.name: c for c in right.checks}
    assert checks["test_broken_helper"].status is Status.ERROR
    assert "the grader itself failed" in checks["test_broken_helper"].message
    assert checks["test_sound_helper"].status is Status.PASS
    # The student's own NameError, met through a sound helper, stays the student's.
    theirs = {c.name: c for c in broken.checks}["test_sound_helper"]
    assert theirs.status is Status.FAIL and "NameError" in theirs.message and "grader" not in theirs.message


def test_collection_error_is_a_runner_error(minikit):
    add_grader(minikit, "test_hidden_x.py", "this is not python\n")
    with pytest.raises(RunnerError):
        grade(load_kit(minikit), [Submission(minikit / "starter")])


def test_markers_are_documented():
    import subprocess
    import sys
    proc = subprocess.run([sys.executable, "-m", "pytest", "-p", "gradekit.grading.plugin", "--markers"],
                          capture_output=True, text=True)
    assert "points(n): what the check is worth" in proc.stdout
    assert "exercise(name)" in proc.stdout


def test_selfcheck_passes_on_the_fixture_kit(minikit):
    proc = run_grade("selfcheck", "--kit", minikit)
    assert proc.returncode == 0 and "selfcheck passed" in proc.stdout


def test_selfcheck_names_an_uncaught_mutant(minikit):
    mutant = minikit / "exercises" / "alpha" / "mutants" / "useless.py"
    mutant.write_text("# mutant-of: double\n# mistake: none at all\n" + solution_text("alpha", MINIKIT))
    proc = run_grade("selfcheck", "--kit", minikit)
    assert proc.returncode == 1
    assert "mutants/useless.py (none at all) scores full marks on double" in proc.stdout.replace("\n", " ")


def test_selfcheck_names_a_mutant_that_breaks_another_exercise(minikit):
    mutant = minikit / "exercises" / "alpha" / "mutants" / "wide.py"
    text = solution_text("alpha", MINIKIT).replace("2 * x", "3 * x").replace('!"', '?"')
    mutant.write_text("# mutant-of: double\n# mistake: also breaks greet\n" + text)
    proc = run_grade("selfcheck", "--kit", minikit)
    assert proc.returncode == 1 and "also loses points on greet" in proc.stdout.replace("\n", " ")


def test_selfcheck_names_a_stub_that_passes(minikit):
    (minikit / "starter" / "alpha.py").write_text(solution_text("alpha", MINIKIT))
    proc = run_grade("selfcheck", "--kit", minikit)
    assert proc.returncode == 1 and "the starter stub passes" in proc.stdout.replace("\n", " ")


def test_selfcheck_names_a_topic_folder_without_exercise_toml(minikit):
    (minikit / "exercises" / "beta").mkdir()
    proc = run_grade("selfcheck", "--kit", minikit)
    assert proc.returncode == 1 and "exercises/beta/exercise.toml: missing" in proc.stdout.replace("\n", " ")


def grading_process_alive() -> bool:
    """Is a pytest grading session (a child of this process) running right now?"""
    import os
    me = str(os.getpid())
    for pid in os.listdir("/proc"):
        try:
            with open(f"/proc/{pid}/stat", "rb") as f:
                ppid = f.read().rsplit(b")", 1)[1].split()[1].decode()
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmd = f.read()
        except (OSError, IndexError):
            continue
        if ppid == me and b"--gradekit-plan" in cmd:
            return True
    return False


def test_each_submission_is_reported_as_soon_as_it_is_done(tmp_path):
    # A batch stores every student the moment their last check is done, not when the session ends:
    # results arrive while the session still grades the others, and match the final ones exactly.
    kit = load_kit(MINIKIT)
    solved = solution_text("alpha", MINIKIT)
    texts = [solved, (MINIKIT / "starter" / "alpha.py").read_text(encoding="utf-8"), solved]
    subs = [Submission(write_submission(tmp_path / f"s{i}", {"alpha.py": t}), f"s{i}") for i, t in enumerate(texts)]
    early = []
    final = grade(kit, subs, seed=3, on_result=lambda sub, result: early.append((sub.id, result, grading_process_alive())))
    assert [sub_id for sub_id, _, _ in early] == ["s0", "s1", "s2"]
    assert early[0][2] and early[1][2], "the first submissions were reported only after the session ended"
    for (_, result, _), last in zip(early, final):
        assert result.score == last.score and [c.status for c in result.checks] == [c.status for c in last.checks]
    assert [r.score for r in final] == [final[0].max_score, 0, final[0].max_score]
