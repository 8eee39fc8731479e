"""A student's value that breaks the comparison or its display is the student's failure, never the kit's.

Each case returns something awkward where the grader expects a plain value:
an int too big for a float, NaN, an int too long to print, a list nested
deeper than the recursion limit, a set whose items do not sort, a complex, bytes.
Comparing or showing such a value may raise inside the kit's own helpers; the
check must still end as ``fail`` with a message about the value, at every
isolation level, while a genuine bug in a grader stays ``error``.
"""

from __future__ import annotations


import pytest

from gradekit.course.kit import load_kit
from gradekit.model import Status
from gradekit.grading.runner import Submission, grade

from conftest import MINIKIT, grading_at, isolation_levels, one_topic_kit, read_json, run_grade, solution_text, write_submission

EXERCISE_TOML = """format_version = 1
order = 1
title = { zh = "数值", en = "Values" }

[[exercises]]
name = "value"
title = { zh = "值", en = "Value" }
hints = [{ zh = "返回题目要的值。", en = "Return the value asked for." }]
"""

# One check per expected shape; ``which`` picks the student's answer for it.
GRADER = '''
from gradekit.grader import call, exercise, expect, points

@points(1)
@exercise("value")
def test_float(values):
    call(values.answer, "float").returns(2.5)

@points(1)
@exercise("value")
def test_int(values):
    call(values.answer, "int").returns(7)

@points(1)
@exercise("value")
def test_text(values):
    call(values.answer, "text").returns("seven")

@points(1)
@exercise("value")
def test_list(values):
    call(values.answer, "list").returns([1, [2, [3]]])

@points(1)
@exercise("value")
def test_set(values):
    call(values.answer, "set").returns({1, 2, 3})

@points(1)
@exercise("value")
def test_dict(values):
    call(values.answer, "dict").returns({"a": 1, "b": 2.0})

@points(1)
@exercise("value")
def test_expect(values):
    expect(values.answer("float"), 2.5, call="answer('float')")

@points(1)
@exercise("value")
def test_no_raise(values):
    call(values.answer, "raise").raises(ValueError)
'''

HONEST = '''
def answer(which):
    if which == "raise":
        raise ValueError("no")
    return {"float": 2.5, "int": 7, "text": "seven", "list": [1, [2, [3]]], "set": {1, 2, 3},
            "dict": {"a": 1, "b": 2.0}}[which]
'''


def everything(value: str) -> str:
    """A student whose every answer is ``value`` (an expression evaluated in the student's file)."""
    return f"import sys\nsys.set_int_max_str_digits(0) if hasattr(sys, 'set_int_max_str_digits') else None\n" \
           f"def answer(which):\n    return {value}\n"


NESTED = "__import__('functools').reduce(lambda x, _: [x], range(5000), [])"

#: name -> the student's answer for every check.
CASES = {
    "huge_int": "10 ** 400",
    "huge_negative_int": "-(10 ** 400)",
    "too_long_to_print": "10 ** 5000",
    "nan": "float('nan')",
    "infinity": "float('inf')",
    "complex": "complex(2.5, 0)",
    "bytes": "b'seven'",
    "nested_list": NESTED,
    "unsortable_set": "{1, 'a', (2,), None}",
    "mixed_key_dict": "{1: 'a', 'b': 2, (3,): None, None: 1.5}",
    "huge_in_list": "[1, [2, [10 ** 400]]]",
    "huge_dict_value": "{'a': 1, 'b': 10 ** 400}",
}




@pytest.fixture(scope="module")
def values_kit(tmp_path_factory):
    grader = GRADER.replace("from gradekit.grader import", "from gradekit.grader import public,").replace(
        "@points(1)", "@public\n@points(1)")
    return one_topic_kit(tmp_path_factory.mktemp("kit"), "values", toml=EXERCISE_TOML, solution=HONEST, grader=grader,
                         starter="def answer(which):\n    raise NotImplementedError\n")


@pytest.fixture(scope="module", params=isolation_levels())
def graded(request, values_kit, tmp_path_factory):
    level = request.param
    base = tmp_path_factory.mktemp(f"subs-{level}")
    subs = [Submission(write_submission(base / "honest", {"values.py": HONEST}), "honest")]
    subs += [Submission(write_submission(base / name, {"values.py": everything(value)}), name)
             for name, value in CASES.items()]
    with grading_at(level):
        results = grade(values_kit, subs, seed=7, lang="en", timeout=5.0)
    return {"level": level, "results": {s.id: r for s, r in zip(subs, results)}}


def test_honest_answers_score_full(graded):
    result = graded["results"]["honest"]
    assert result.isolation == graded["level"]
    assert result.score == result.max_score == 8, [c.message for c in result.checks if c.status is not Status.PASS]


@pytest.mark.parametrize("case", list(CASES))
def test_awkward_value_is_the_students_failure(graded, case):
    result = graded["results"][case]
    errors = [(c.name, c.message) for c in result.checks if c.status is Status.ERROR]
    assert not errors, errors
    assert result.score == 0, [c.name for c in result.checks if c.status is Status.PASS]
    for check in result.checks:
        assert check.status is Status.FAIL, (check.name, check.status, check.message)
        assert "grader itself failed" not in check.message and check.message.strip()


@pytest.mark.parametrize("lang, words", [("en", ("got", "returned")), ("zh", ("实际", "返回"))])
def test_the_message_is_about_the_value(values_kit, tmp_path, lang, words):
    sub = write_submission(tmp_path / "s", {"values.py": everything("10 ** 400")})
    (result,) = grade(values_kit, [Submission(sub)], seed=7, lang=lang, timeout=5.0)
    check = next(c for c in result.checks if c.name == "test_float")
    assert check.status is Status.FAIL
    assert any(w in check.message for w in words), check.message
    assert "10**400" in check.message  # the student's value is shown by its size, not an exception from the kit


def test_too_long_to_print_is_still_shown_honestly(values_kit, tmp_path):
    sub = write_submission(tmp_path / "s", {"values.py": everything("10 ** 5000")})
    (result,) = grade(values_kit, [Submission(sub)], seed=7, lang="en", timeout=5.0)
    check = next(c for c in result.checks if c.name == "test_text")
    assert check.status is Status.FAIL and "<int ≈ 10**5000>" in check.message, check.message
    assert "repr failed" not in check.message and "set_int_max_str_digits" not in check.message


@pytest.mark.parametrize("expected, actual, equal", [
    (2.5, 10 ** 400, False), (10 ** 400, 2.5, False), (float("inf"), 10 ** 400, False),
    (10 ** 400, 10 ** 400, True), (2.5, float("nan"), False), (float("nan"), float("nan"), True),
    (7, float("nan"), False), ([1.0, 2], [1, 2], True), ({"a": 10 ** 400}, {"a": 1e300}, False),
    ("seven", b"seven", False), (2.5, 2.5 + 0j, False), ({1, 2}, {1, "a"}, False),
])
def test_same_never_raises_on_a_students_value(expected, actual, equal):
    from gradekit.grader import same
    assert same(expected, actual) is equal


def test_a_value_that_cannot_be_shown_is_named_by_its_type():
    from gradekit.grader import CheckFailure, expect
    deep: list = []
    for _ in range(100_000):
        deep = [deep]
    with pytest.raises(CheckFailure) as info:
        expect(deep, [1], call="f()")
    assert info.value.detail["actual"] == "<list>" and info.value.detail["kind"] == "returned"
    with pytest.raises(CheckFailure) as info:
        expect({"k": [-(10 ** 5000)]}, {"k": [1]}, call="f()")
    assert info.value.detail["actual"] == "{'k': [<int ≈ -10**5000>]}"


def test_a_grader_bug_next_to_an_awkward_value_stays_the_kits_error(values_kit, tmp_path):
    """Only the comparison and the display are the student's: the grader's own arithmetic failing is the kit's."""
    import shutil
    root = tmp_path / "kit"
    shutil.copytree(values_kit.root, root)
    (root / "graders" / "values" / "test_hidden.py").write_text(
        "from gradekit.grader import call, exercise, points\n\n"
        "@points(1)\n@exercise('value')\ndef test_grader_bug(values):\n"
        "    call(values.answer, 'float').returns(2.5)\n    len(5)\n", encoding="utf-8")
    sub = write_submission(tmp_path / "s", {"values.py": HONEST})
    (result,) = grade(load_kit(root), [Submission(sub)], seed=7, lang="en", timeout=5.0)
    check = next(c for c in result.checks if c.name == "test_grader_bug")
    assert check.status is Status.ERROR and "the grader itself failed" in check.message


def test_the_published_seed_does_not_replay_a_hidden_checks_random_inputs(tmp_path):
    """The seed is in the template's assignment.toml and the check's name in every report: a student who
    replays ``random.Random(f"{seed}:{check}")`` must still be asked inputs they could not predict."""
    import random

    check = "alpha/test_hidden.py::test_double_random"
    replayed = random.Random(f"7:{check}")
    predicted = [replayed.randint(-100, 100) for _ in range(5)]
    stub = (MINIKIT / "starter" / "alpha.py").read_text(encoding="utf-8")
    replay = stub.replace("def double(x):\n    raise NotImplementedError",
                          f"def double(x):\n    return 2 * x if x in {predicted!r} else 0")
    submission = write_submission(tmp_path / "s", {"alpha.py": replay})
    proc = run_grade("check", "--kit", MINIKIT, "--submission", submission, "--seed", "7", "--json",
                     tmp_path / "r.json")
    checks = {c["id"]: c for t in read_json(tmp_path / "r.json")["topics"] for e in t["exercises"] for c in e["checks"]}
    assert checks[check]["status"] == "fail", proc.stdout
    # ... while the same seed still gives every run the same inputs: the honest solution passes, twice alike
    honest = write_submission(tmp_path / "h", {"alpha.py": solution_text("alpha", MINIKIT)})
    for n in (1, 2):
        run_grade("check", "--kit", MINIKIT, "--submission", honest, "--seed", "7", "--json", tmp_path / f"h{n}.json")
    first, second = (read_json(tmp_path / f"h{n}.json") for n in (1, 2))
    assert first["score"] == first["max_score"] == second["score"]
