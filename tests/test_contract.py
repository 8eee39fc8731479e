"""gradekit.grading.contract: one failure vocabulary, read alike by scoring, the renderers and the student view."""

from __future__ import annotations

import json

import pytest

from gradekit.grading.contract import Failure, is_load_failure
from gradekit.messages.catalogue import CATALOGUE, LANGS
from gradekit.messages.failures import hidden_reason
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


# -- the typed contract between the runner and the pytest process --------------------------------

from gradekit.grading.contract import ContractError, Entry, Manifest, Outcome, Plan, PlannedSubmission, Record  # noqa: E402

ENTRY = {"nodeid": "alpha/test_public.py::test_x[s0]", "check": "alpha/test_public.py::test_x", "name": "test_x",
         "submission": "s0", "topic": "alpha", "exercise": "double", "points": 3, "visibility": "public",
         "hint": {"zh": "想想负数", "en": "think of negatives"}}


def _record(**changes) -> dict:
    body = {"submission": "s0", "checks": [ENTRY], "tests": [], "isolation": {"level": "bwrap"},
            "hidden_not_run": {"alpha": {"double": {"checks": 2, "points": 4}}}, "round": 3}
    return {**body, **changes}


def test_what_is_sent_is_what_is_read_back():
    # The seal is over to_json()'s dict: reading it back and writing it again must give the same bytes.
    plan = Plan(kit="/k", seed=7, topics=["alpha"], public_only=True, timeout=2.0, budget=10.0,
                submissions=[PlannedSubmission("s0", "/sub", ["alpha"], "abc"), PlannedSubmission("s1", "/other")])
    assert Plan.from_json(json.loads(json.dumps(plan.to_json()))) == plan
    assert plan.topics_of("s1") == ["alpha"] and plan.submission("s0").digest == "abc"
    record = Record.from_json(_record())
    assert record.to_json() == _record() and record.manifest.checks == [Entry.from_json(ENTRY)]
    outcome = Outcome("fail", {"kind": "returned"}, check="c", submission="s0", output="hi", duration=0.5)
    assert Outcome.from_json(outcome.to_json()) == outcome


@pytest.mark.parametrize("change, why", [
    ({"points": "3"}, "'points' should be int"),
    ({"points": True}, "'points' should be int"),
    ({"points": 0}, "positive number of points"),
    ({"visibility": "secret"}, "neither public nor hidden"),
    ({"hint": {"zh": "只有中文"}}, "a zh and an en text"),
    ({"topic": None}, "'topic' should be str"),
])
def test_a_malformed_manifest_entry_is_refused_naming_the_field(change, why):
    with pytest.raises(ContractError, match=why):
        Entry.from_json({**ENTRY, **change})


@pytest.mark.parametrize("record, why", [
    (_record(checks=[ENTRY, ENTRY]), "listed twice"),
    (_record(checks=[{**ENTRY, "submission": "s1"}]), "another submission's checks"),
    (_record(hidden_not_run={"alpha": {"double": {"checks": "many"}}}), "counts checks and points"),
    (_record(tests="everything passed"), "'tests' should be list"),
    (_record(round="3"), "'round' should be int"),
    ({k: v for k, v in _record().items() if k != "isolation"}, "'isolation' should be dict"),
])
def test_a_malformed_record_is_refused(record, why):
    with pytest.raises(ContractError, match=why):
        Record.from_json(record)


def test_an_outcome_with_a_status_no_check_can_have_is_refused_and_a_non_dict_detail_kept_as_text():
    with pytest.raises(ContractError, match="'passed' is not one"):
        Outcome.from_json({"status": "passed"})
    outcome = Outcome.from_json({"status": "fail", "detail": "boom", "duration": True, "output": 5})
    assert outcome.detail == {"kind": "assert", "text": "boom"} and outcome.duration == 0.0 and outcome.output == ""


def test_manifests_of_several_sessions_add_up_without_losing_a_topics_hidden_counts():
    first = Manifest([Entry.from_json(ENTRY)], {"alpha": {"double": {"checks": 1, "points": 2}}}, {"level": "bwrap"})
    second = Manifest([Entry.from_json({**ENTRY, "nodeid": "beta/test_public.py::test_y[s0]", "topic": "beta"})],
                      {"beta": {"triple": {"checks": 3, "points": 3}}}, {"level": "bwrap"})
    total = Manifest()
    total.add(first)
    total.add(second)
    assert [e.topic for e in total.of("s0")] == ["alpha", "beta"] and total.of("s1") == []
    assert set(total.hidden_not_run) == {"alpha", "beta"} and total.isolation == {"level": "bwrap"}


def test_the_plugin_refuses_a_plan_it_cannot_read_before_grading_anything(pytester):
    plan = pytester.path / "plan.json"
    plan.write_text(json.dumps({"kit": str(pytester.path), "topics": [], "submissions": [], "public_only": False,
                                "timeout": 2, "budget": 10}), encoding="utf-8")
    pytester.makepyfile(test_nothing="def test_x():\n    pass\n")
    result = pytester.runpytest_subprocess("-p", "gradekit.grading.plugin", "--gradekit-plan", str(plan))
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*the runner's plan is not one this version reads: 'seed' should be int*"])


def test_a_session_believes_the_walls_the_runner_found_instead_of_probing_again(minikit, tmp_path, monkeypatch):
    # The runner's plan carries the level it detected; a session that probed again would find bwrap here, and
    # its manifest (and so the result) would say so.
    from gradekit.course.kit import load_kit
    from gradekit.grading import runner
    from gradekit.sandbox.isolation import Isolation

    told = {**Isolation("portable", "told by the runner").__dict__}
    monkeypatch.setattr(runner, "detected_isolation", lambda: told)
    sub = write_submission(tmp_path / "sub", {})
    (result,) = runner.grade(load_kit(minikit), [runner.Submission(sub)], lang="en", seed=1)
    assert result.isolation == "portable"
