"""Issue 14, items 1 and 3 over the non-function topics: real learners' mistakes lose points,
and a rule the statement stresses is caught by a public check, so the student meets it before
the teacher grades.  One submission of mutants is graded once per language."""

from __future__ import annotations

import pytest

from gradekit.course.mutants import program

from conftest import ROOT, read_json, run_grade, write_submission

# topic -> (mutant, the public check that must catch it, words its message holds (zh, en))
CAUGHT_IN_PUBLIC = {
    "basics": ("divide_truncates", "test_negative_rounds_down", ("divide(-9, 2)", "divide(-9, 2)")),
    "lists": ("rotate_mutates", "test_new_list_argument_unchanged", ("不要修改参数", "do not change the argument")),
    "loops": ("first_negative_reads_on", "test_stops_at_once", ("立刻停下", "Stop at once")),
    "dicts": ("score_of_or_default", "test_zero_is_a_score", ("score_of({'Ann': 0}, 'Ann', 50)",) * 2),
    "user_input": ("boundary_gt", "test_eighteen_is_an_adult", ("你已经成年了", "你已经成年了")),
    "introspection": ("kind_of_bool_is_number", "test_stressed_rules", ("kind_of(True)",) * 2),
    "enums": ("month_class_syntax", "test_functional_api", ("函数式 API", "functional API")),
    "special_methods": ("fib_checks_too_early", "test_stops_at_limit_and_indexing_leaves_it", ("75025", "75025")),
    "threads": ("increment_no_lock", "test_one_shared_lock", ("200", "200")),
    "networking": ("fetch_greetings_made_up", "test_replies_as_sent", ("HI KIM!!", "HI KIM!!")),
    # item 1: any list of ints used to pass; the pids must be the pool's real workers
    "processes": ("worker_pids_thread_ident", "test_two_workers", ("不是它们的 pid", "are not their pids")),
}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """The mutants graded once in each language: {lang: {topic: result}}."""
    folder = tmp_path_factory.mktemp("sweep")
    sub = write_submission(folder / "sub", {
        f"{topic}.py": program(ROOT / "exercises" / topic / "mutants" / f"{mutant}.py")
        for topic, (mutant, _, _) in CAUGHT_IN_PUBLIC.items()})
    out = {}
    for lang in ("zh", "en"):
        result = folder / f"{lang}.json"
        proc = run_grade("check", "--lang", lang, "--submission", sub, "--json", result, *CAUGHT_IN_PUBLIC)
        assert result.exists(), proc.stdout[-3000:] + proc.stderr[-2000:]
        out[lang] = {t["slug"]: t for t in read_json(result)["topics"]}
    return out


def checks_of(topic_result):
    """The public checks by name (a hidden check may share a public one's name)."""
    return {c["name"]: c for e in topic_result["exercises"] for c in e["checks"] if c["visibility"] == "public"}


@pytest.mark.parametrize("topic", sorted(CAUGHT_IN_PUBLIC))
def test_the_mistake_loses_points_on_a_public_check(graded, topic):
    mutant, check_name, words = CAUGHT_IN_PUBLIC[topic]
    for lang, word in zip(("zh", "en"), words):
        result = graded[lang][topic]
        assert result["score"] < result["max_score"], f"{topic}/{mutant} kept full marks"
        check = checks_of(result)[check_name]
        assert check["visibility"] == "public", check
        assert check["status"] == "fail" and check["points"] == 0, (mutant, check)
        assert word in check["message"], (lang, check["message"])


def test_chinese_messages_are_in_chinese(graded):
    """The new sentences are worded in each language, with full-width punctuation in Chinese."""
    for topic, check_name, zh, en in (("loops", "test_stops_at_once", "实际返回", "got"),
                                      ("processes", "test_two_workers", "实际返回", "got"),
                                      ("lists", "test_new_list_argument_unchanged", "（应该仍是", "(it should still be")):
        zh_msg = checks_of(graded["zh"][topic])[check_name]["message"]
        en_msg = checks_of(graded["en"][topic])[check_name]["message"]
        assert zh in zh_msg and "：" in zh_msg and en in en_msg and zh_msg != en_msg
        assert " expected" not in zh_msg and "called " not in zh_msg


def test_custom_failures_point_at_the_students_function(graded):
    for topic, check_name in (("lists", "test_new_list_argument_unchanged"), ("loops", "test_stops_at_once"),
                              ("processes", "test_two_workers"), ("enums", "test_functional_api")):
        check = checks_of(graded["en"][topic])[check_name]
        assert check["file"] == f"{topic}.py" and check["line"], check
