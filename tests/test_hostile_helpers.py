"""Hostile code that recognises the grader's helpers, or reaches into them, gains no points.

Grader helpers run in the sandbox next to the student's code, so whatever they keep there the
student can read and change.  Two red-team tricks of issue 14:

- a generator that asks who is calling (``sys._getframe(1)``) yields fresh rows to the helper
  that collected rows and one shared list to everyone else;
- a decorator that calls the original twice, then takes one call back from the counter's own
  closure (``fn.__closure__``) or silences the module the counter reports through.

Each is graded beside the honest version of the same mistake, and must score no more.

What this does not cover: code that silences the tally for exactly one call and restores it
(saving ``_pipe`` or the pipe's fd around the second call).  That second call then has no effect
the grader can see, which is the same as not calling the original: nothing in the sandbox process
is out of the student's reach, only what has already been written to the grader's side.
"""

from __future__ import annotations

import pytest

from gradekit.grader import Proxy, new_tally, tallied
from gradekit.sandbox import notes
from gradekit.course.mutants import program

from conftest import ROOT, read_json, run_grade, solution_text, write_submission


def mutant(slug: str, name: str) -> str:
    return program(ROOT / "exercises" / slug / "mutants" / f"{name}.py")


#: The learners' mistakes, as the kit's own mutants: one list changed in place after each yield,
#: and a function timed once and called again for the value.
IN_PLACE = mutant("generators", "triangles_same_list")
CALLS_TWICE = mutant("decorators", "metric_calls_twice")
YIELD, SECOND_CALL = "        yield row\n", "        return fn(*args, **kw)\n"


def disguised(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return "import sys\n" + text.replace(old, new)


#: The same mistake, hidden from any caller that is not the sandbox server's own next().
RECOGNISES_CALLER = disguised(IN_PLACE, YIELD, """\
        caller = sys._getframe(1).f_code.co_name
        yield row if caller == "op_next" else list(row)
""")
#: Hidden from helper code (a file named <...>) and from functions named like the grader's helpers.
RECOGNISES_HELPER_FILE = disguised(IN_PLACE, YIELD, """\
        code = sys._getframe(1).f_code
        yield list(row) if code.co_filename.startswith("<") or code.co_name in ("collect", "drain") else row
""")
#: Called twice, with one call taken back from every list in the original's closure in between.
UNDOES_CLOSURE_COUNT = disguised(CALLS_TWICE, SECOND_CALL, """\
        for cell in getattr(fn, "__closure__", None) or ():
            try:
                value = cell.cell_contents
            except ValueError:
                continue
            if isinstance(value, list) and value:
                value.pop()
""" + SECOND_CALL)
#: The same, with every gradekit module that could carry a count silenced first.
SILENCES_TALLY = disguised(UNDOES_CLOSURE_COUNT, "        for cell in", """\
        for name, module in list(sys.modules.items()):
            if name.startswith("gradekit") and hasattr(module, "tally"):
                module.tally = lambda *a, **k: None
            if name.startswith("gradekit") and hasattr(module, "attach"):
                module._pipe = None
        for cell in""")

#: Forged tally notes on the reply pipe, for the request in flight: keys of its own, overlong ones,
#: and ever new ones (the pipe and the request id found in the server's frames).
FORGES_NOTES = solution_text("decorators").replace("def metric(fn):", '''def _forge():
    import json, os, sys
    frame, wfd, rid = sys._getframe(1), None, None
    while frame is not None:
        wfd = frame.f_locals.get("wfd", wfd)
        req = frame.f_locals.get("req")
        if isinstance(req, dict) and rid is None:
            rid = req.get("id")
        frame = frame.f_back
    if wfd is None or rid is None:
        raise RuntimeError("the forger found no pipe")
    for key in ["x" * 70, ""] + [f"k{i}" for i in range(400)]:
        os.write(wfd, json.dumps({"note": "tally", "id": rid, "key": key}).encode() + b"\\n")


def metric(fn):
    _forge()''', 1)


def exercise_score(tmp, slug, name, source, exercise):
    """(score, checks by name) of ``exercise`` when ``source`` is the whole of ``slug``'s file."""
    sub = write_submission(tmp / name, {f"{slug}.py": source})
    out = tmp / f"{name}.json"
    proc = run_grade("check", slug, "--submission", sub, "--json", out, "--lang", "en")
    assert proc.returncode in (0, 1), proc.stdout[-3000:] + proc.stderr[-3000:]
    ex = next(e for t in read_json(out)["topics"] for e in t["exercises"] if e["name"] == exercise)
    return ex["score"], ex["max_score"], {c["name"]: c for c in ex["checks"]}


@pytest.fixture(scope="module")
def triangles_scores(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("triangles")
    return {name: exercise_score(tmp, "generators", name, text, "triangles")
            for name, text in [("honest", solution_text("generators")), ("in_place", IN_PLACE),
                               ("caller", RECOGNISES_CALLER), ("helper_file", RECOGNISES_HELPER_FILE)]}


@pytest.fixture(scope="module")
def metric_scores(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("metric")
    return {name: exercise_score(tmp, "decorators", name, text, "metric")
            for name, text in [("honest", solution_text("decorators")), ("twice", CALLS_TWICE),
                               ("closure", UNDOES_CLOSURE_COUNT), ("silenced", SILENCES_TALLY), ("forged", FORGES_NOTES)]}


@pytest.mark.parametrize("scores", ["triangles_scores", "metric_scores"])
def test_the_honest_solution_has_full_marks(request, scores):
    score, top, _ = request.getfixturevalue(scores)["honest"]
    assert score == top > 0


def no_more_than_the_mistake(scores, name, mistake, check):
    """The trick's score is at most the plain mistake's, below full marks; ``check`` failed."""
    plain, top, _ = scores[mistake]
    score, _, checks = scores[name]
    assert plain < top
    assert score <= plain, checks
    assert checks[check]["status"] == "fail", checks[check]
    return checks


@pytest.mark.parametrize("name", ["caller", "helper_file"])
def test_a_generator_that_recognises_its_caller_scores_no_more_than_the_plain_mistake(triangles_scores, name):
    checks = no_more_than_the_mistake(triangles_scores, name, "in_place", "test_collected_rows")
    for check in ("test_collected_rows", "test_rows_do_not_alias"):
        assert "different list object" in checks[check]["message"], checks[check]


@pytest.mark.parametrize("name", ["closure", "silenced"])
def test_a_call_taken_back_from_the_counter_still_counts(metric_scores, name):
    failed = no_more_than_the_mistake(metric_scores, name, "twice", "test_calls_once")["test_calls_once"]
    # Taken back from the closure: both calls were told to the grader.  Silenced: the module stays
    # silent for the rest of the topic, so a later check sees no call at all; either way not once.
    assert ("it was called 2 times" if name == "closure" else "but it was called ") in failed["message"], failed


def test_forged_tally_notes_change_nothing_for_an_honest_decorator(metric_scores):
    score, top, checks = metric_scores["forged"]
    assert score == top, {n: c["message"] for n, c in checks.items() if c["status"] != "pass"}


# -- the trusted reading of a tally note ---------------------------------------------------------


@pytest.mark.parametrize("line, key", [
    (b'{"note":"tally","id":7,"key":"counted-tick-1"}', "counted-tick-1"),
    (b'{"note":"tally","id":8,"key":"counted-tick-1"}', None),        # another request's
    (b'{"note":"tally","id":true,"key":"k"}', None),                  # True is not request 1
    (b'{"note":"tally","id":7,"key":""}', None),
    (b'{"note":"tally","id":7,"key":7}', None),
    (b'{"note":"tally","id":7,"key":"' + b"k" * 65 + b'"}', None),
    (b'{"note":"where","id":7,"key":"k"}', None),
    (b'{"note":"tally","id":7,"key":"k"' + b" " * 9000 + b"}", None),  # longer than a note may be
    (b'{"note":"tally"', None),
])
def test_tally_notes_are_checked_data(line, key):
    rid = 1 if b"true" in line else 7
    assert notes.tally_of(line, rid) == key


def test_only_keys_the_grader_made_are_counted():
    from gradekit.sandbox.topic import Sandbox

    box = Sandbox.__new__(Sandbox)
    box.tallies, box._where, box.generation = {}, [], 0
    anchor = Proxy(box, 1, "module", "")
    key = new_tally(anchor, "counted-tick")
    for i in range(1000):
        box._take_note(b'{"note":"tally","id":3,"key":"k%d"}' % i, 3)
    box._take_note(b'{"note":"tally","id":3,"key":"%s"}' % key.encode(), 3)
    box._take_note(b'{"note":"tally","id":4,"key":"%s"}' % key.encode(), 3)   # another request's
    assert box.tallies == {key: 1} and tallied(anchor, key) == 1
    assert new_tally(anchor, "counted-tick") != key
