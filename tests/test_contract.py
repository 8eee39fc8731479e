"""gradekit.grading.contract: one failure vocabulary, read alike by scoring, the renderers and the student view."""

from __future__ import annotations

import json

import pytest

from gradekit.grading.contract import Failure, is_load_failure
from gradekit.messages.catalogue import CATALOGUE, LANGS, hidden_reason
from gradekit.model import Check, ExerciseResult, Result, Status, TopicResult
from gradekit.render.redact import student_view

from conftest import read_json, run_grade, write_submission


def test_a_kind_travels_as_its_plain_string():
    # Outcomes are sealed as JSON and results are stored for months: the enum must not show up in either.
    assert json.dumps({"kind": Failure.IMPORT_RAISED}) == '{"kind": "import_raised"}'
    assert f"{Failure.SYNTAX}" == str(Failure.SYNTAX) == "syntax"
    assert {"syntax": 1}[Failure.SYNTAX] == 1 and Failure.SYNTAX == "syntax"


def test_a_kind_this_version_does_not_know_is_none_not_an_error():
    assert Failure.of({"kind": "returned"}) is Failure.RETURNED
    assert Failure.of({"kind": "from_a_newer_gradekit"}) is None
    assert Failure.of({"kind": ["not", "text"]}) is None and Failure.of({}) is None and Failure.of(None) is None


@pytest.mark.parametrize("kind", list(Failure))
@pytest.mark.parametrize("lang", LANGS)
def test_every_kind_has_its_sentence_in_both_languages(kind, lang):
    assert CATALOGUE[kind.value][lang].strip()


@pytest.mark.parametrize("detail, loaded", [
    ({"kind": "syntax"}, False),
    ({"kind": "import_raised", "exc_type": "NameError"}, False),
    ({"kind": "crashed", "call": "import"}, False),
    ({"kind": "timeout", "call": "import"}, False),
    ({"kind": "crashed", "call": "double(3)"}, True),
    ({"kind": "timeout", "call": "double(3)"}, True),
    ({"kind": "returned", "call": "double(3)"}, True),
    ({"kind": "todo"}, True),
    ({"kind": "no_such_kind", "call": "import"}, True),
    ({}, True),
])
def test_is_load_failure(detail, loaded):
    assert is_load_failure(detail) is (not loaded)


def test_a_hidden_check_of_a_file_that_would_not_load_says_import():
    def hidden(call: str) -> Check:
        return Check(f"t{len(call)}", "test", Status.TIMEOUT, 0, 1, "hidden", "stopped at double(-7)",
                     {"kind": "timeout", "call": call, "seconds": 2})

    exercise = ExerciseResult("double", "Double", [hidden("import"), hidden("double(-7)")])
    result = Result("0", {}, "", 0.0, 1, "en", "bwrap", topics=[TopicResult("alpha", "Alpha", [exercise])])
    at_import, in_call = student_view(result).topics[0].exercises[0].checks
    assert at_import.detail["call"] == "import" and in_call.detail["call"] == "…"
    assert "-7" not in json.dumps(student_view(result).to_dict())
    assert hidden_reason(in_call.detail, "en") == "timed out"


def test_a_file_that_never_finishes_loading_is_the_topics_error_and_shown_once(minikit, tmp_path):
    # Scoring and the terminal used to disagree here: the terminal showed the stopped import once, as
    # for a syntax error, while the result had no topic error at all.
    sub = write_submission(tmp_path / "sub", {"alpha.py": "while True:\n    pass\n"})
    out = tmp_path / "result.json"
    proc = run_grade("check", "--kit", minikit, "--submission", sub, "--lang", "en", "--all", "--json", out)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    (topic,) = read_json(out)["topics"]
    assert "importing your file was stopped" in topic["error"]
    assert proc.stdout.count("importing your file was stopped") == 1, proc.stdout
