"""A coding line must not let the structural checks and the interpreter read different programs.

``# coding: utf-7`` turns ``+AAo-`` into a line break for the interpreter, while a
reader decoding the file as UTF-8 sees one comment: a "trim must not call strip"
rule would pass while ``strip`` runs.  Any declaration other than UTF-8 is refused
on both sides: the child reports it like a syntax error and runs nothing, the
structural rule fails with the same explanation, and ``grade batch`` flags the
file.  Honest UTF-8 declarations (any spelling, with or without a BOM) still grade
in full.  Every case runs at every isolation level.
"""

from __future__ import annotations

import codecs

import pytest

from gradekit.classroom.tamper import integrity_flags
from gradekit.messages.failures import word_failure
from gradekit.model import Status
from gradekit.grading.runner import Submission, grade
from gradekit.sandbox.child.scripts import declared_encoding

from conftest import grading_at, isolation_levels, one_topic_kit, write_submission

EXERCISE_TOML = """format_version = 1
order = 1
title = { zh = "修剪", en = "Trimming" }

[[exercises]]
name = "trim"
title = { zh = "去空格", en = "Trim" }
hints = [{ zh = "用切片。", en = "Use slices." }]
"""

GRADER = '''
from gradekit.grader import call, exercise, expect, points, public, run_script
from gradekit.grader.structure import forbid_names


@public
@points(1)
@exercise("trim")
def test_trims(trimming):
    call(trimming.trim, "  hi  ").returns("hi")


@public
@points(1)
@exercise("trim")
def test_no_strip(trimming, student_file):
    forbid_names(student_file, {"strip", "lstrip", "rstrip"}, within="trim",
                 zh="trim 里不许调用 strip", en="trim must not call strip")


@public
@points(1)
@exercise("trim")
def test_as_a_script(trimming):
    run = run_script(trimming)
    expect(run.stdout, "[hi]\\n", call="python trimming.py")
    expect(run.returncode, 0, call="python trimming.py  # exit code")
'''

BODY = '''def trim(s):
    while s[:1] == " ":
        s = s[1:]
    while s[-1:] == " ":
        s = s[:-1]
    return s


if __name__ == "__main__":
    print("[" + trim("  hi  ") + "]")
'''

# What a UTF-8 reader sees: a trim that returns s untouched, no strip anywhere but in a comment.
# What the interpreter sees with UTF-7: ``return s.strip()`` on a line of its own.
# (No other "+" in it: UTF-7 reads "+" as the start of an encoded run.)
SMUGGLED = '''def trim(s):
    pass  #+AAo-    return s.strip()
    return s


if __name__ == "__main__":
    print(f"[{trim('  hi  ')}]")
'''

BOM = codecs.BOM_UTF8

#: name -> (file bytes, refused?)
CASES = {
    "utf7": (b"# coding: utf-7\n" + SMUGGLED.encode(), True),
    "utf7_emacs_underscore": (b"# -*- coding: utf_7 -*-\n" + SMUGGLED.encode(), True),
    "utf7_line_two": (b"#!/usr/bin/env python3\n# -*- coding: UTF-7 -*-\n" + SMUGGLED.encode(), True),
    "utf7_vim": (b"# vim: set fileencoding=utf-7 :\n" + SMUGGLED.encode(), True),
    "utf7_after_bom": (BOM + b"# coding: utf-7\n" + SMUGGLED.encode(), True),
    "utf7_equals_no_space": (b"#coding=utf-7\n" + SMUGGLED.encode(), True),
    "latin1": (b"# coding: latin-1\n" + BODY.encode(), True),
    "cp1252": (b"# -*- coding: cp1252 -*-\n# caf\xe9\n" + BODY.encode(), True),
    "utf8": (b"# coding: utf-8\n" + BODY.encode(), False),
    "utf8_no_dash": (b"# -*- coding: utf8 -*-\n" + BODY.encode(), False),
    "utf8_upper_line_two": (b"#!/usr/bin/env python3\n# coding: UTF-8\n" + BODY.encode(), False),
    "utf8_bom_and_cookie": (BOM + b"# coding: utf-8\n" + BODY.encode(), False),
    "bom_only": (BOM + BODY.encode(), False),
    "no_cookie": (BODY.encode(), False),
}


@pytest.fixture(scope="module")
def trimming_kit(tmp_path_factory):
    return one_topic_kit(tmp_path_factory.mktemp("kit"), "trimming", toml=EXERCISE_TOML, solution=BODY, grader=GRADER,
                         starter="def trim(s):\n    raise NotImplementedError\n")


@pytest.fixture(scope="module", params=isolation_levels())
def graded(request, trimming_kit, tmp_path_factory):
    level = request.param
    base = tmp_path_factory.mktemp(f"subs-{level}")
    subs = [Submission(write_submission(base / name, {"trimming.py": data}), name) for name, (data, _) in CASES.items()]
    with grading_at(level):
        results = grade(trimming_kit, subs, seed=3, lang="en", timeout=5.0)
    return {"level": level, "results": {s.id: r for s, r in zip(subs, results)}}


@pytest.mark.parametrize("case", [c for c, (_, refused) in CASES.items() if refused])
def test_a_foreign_coding_line_gains_nothing(graded, case):
    result = graded["results"][case]
    assert result.isolation == graded["level"]
    by_name = {c.name: c for c in result.checks}
    assert result.score == 0, [(c.name, c.message) for c in result.checks if c.status is Status.PASS]
    assert all(c.status is Status.FAIL for c in result.checks), [(c.name, c.status, c.message) for c in result.checks]
    # The loaded module and the structural rule say the same honest thing, at the declaration's line.
    line = 2 if case.endswith("line_two") else 1
    for name in ("test_trims", "test_no_strip"):
        message = by_name[name].message
        assert "declares the encoding" in message and "save it as UTF-8" in message, (name, message)
        assert f"trimming.py line {line}" in message, (name, message)
    assert "syntax error" in by_name["test_trims"].message
    assert "[hi]" not in by_name["test_as_a_script"].output + by_name["test_as_a_script"].message


@pytest.mark.parametrize("case", [c for c, (_, refused) in CASES.items() if not refused])
def test_an_honest_utf8_file_grades_in_full(graded, case):
    result = graded["results"][case]
    assert result.score == result.max_score == 3, [(c.name, c.message) for c in result.checks if c.status is not Status.PASS]


def test_the_explanation_exists_in_chinese(trimming_kit, tmp_path):
    sub = write_submission(tmp_path / "s", {"trimming.py": CASES["utf7"][0]})
    (result,) = grade(trimming_kit, [Submission(sub)], seed=3, lang="zh", timeout=5.0)
    for check in result.checks[:2]:
        assert "声明了编码 utf-7" in check.message and "UTF-8" in check.message, check.message


def test_batch_flags_the_declaration(tmp_path):
    folder = write_submission(tmp_path / "repo", {"starter/trimming.py": CASES["utf7_line_two"][0],
                                                  "starter/other.py": CASES["utf8"][0],
                                                  "starter/helper.py": CASES["latin1"][0]})
    flags = integrity_flags(folder, ["trimming", "other", "helper"])
    assert [f for f in flags if f.startswith("coding-cookie:")] == ["coding-cookie:starter/helper.py",
                                                                    "coding-cookie:starter/trimming.py"]


def test_the_smuggled_file_is_a_real_attack():
    """Without the refusal the two readings differ: UTF-8 sees no strip, the interpreter runs one."""
    import ast
    data = CASES["utf7"][0]
    as_text = ast.parse(data.decode("utf-8"))
    assert not any(isinstance(n, ast.Attribute) and n.attr == "strip" for n in ast.walk(as_text))
    namespace: dict = {}
    exec(compile(data, "trimming.py", "exec"), namespace)
    assert namespace["trim"]("  hi  ") == "hi"


@pytest.mark.parametrize("data, expected", [
    (b"# coding: utf-7\n", ("utf-7", 1)),
    (b"\n# coding: utf_7\n", ("utf_7", 2)),
    (b"x = 1\n# coding: utf-7\n", ("utf-7", 2)),  # refused although the interpreter would ignore it: never less
    (b"# a\n# b\n# coding: utf-7\n", None),        # line 3 is no declaration for anyone
    (b"# coding: no-such-codec\n", ("no-such-codec", 1)),
    (b"# coding: utf-8\n", None), (b"# coding: UTF8\n", None), (b"# coding: utf-8-sig\n", None),
    (BOM + b"# coding: latin-1\n", ("latin-1", 1)),
    (b"s = '# coding: utf-7'\n", None),
])
def test_declared_encoding(data, expected):
    assert declared_encoding(data) == expected


def test_the_structural_failure_reads_like_the_syntax_error():
    detail = {"kind": "coding_cookie", "file": "trimming.py", "line": 1, "encoding": "utf-7"}
    assert word_failure(detail, "en").startswith("trimming.py line 1: this file declares the encoding utf-7")
    assert "声明了编码 utf-7" in word_failure(detail, "zh")


REWRITER = '''def trim(s):
    return s.strip()


# Once imported, put a file without strip where the grader would read the source from.
import os
for path in ({paths!r}):
    try:
        with open(path, "w", encoding="utf-8") as f:
            f.write("def trim(s):\\n    while s[:1] == ' ':\\n        s = s[1:]\\n    return s\\n")
    except OSError:
        pass
'''


@pytest.mark.parametrize("level", ["process", "portable"])
def test_a_file_rewritten_after_import_is_judged_as_it_ran(trimming_kit, tmp_path, monkeypatch, level):
    """Without Landlock (a kernel without it) the child may write its own original file: the
    structural rule must still read the program that ran, the bytes the sandbox was given."""
    folder = tmp_path / "sub"
    original = folder / "trimming.py"
    write_submission(folder, {"trimming.py": REWRITER.format(paths=[str(original)])})
    with grading_at(level, GRADEKIT_LANDLOCK="off"):
        result = grade(trimming_kit, [Submission(folder, "rewriter")], seed=3, lang="en", timeout=5.0)[0]
    assert "strip" not in original.read_text(encoding="utf-8"), "the rewrite never happened: the case proves nothing"
    by_name = {c.name: c for c in result.checks}
    assert by_name["test_trims"].status is Status.PASS            # strip ran, and trims
    assert by_name["test_no_strip"].status is Status.FAIL, by_name["test_no_strip"].message
    assert "must not call strip" in by_name["test_no_strip"].message


DECOYS = {
    "second_def_wins": "def trim(s):\n    return s\n\n\ndef trim(s):\n    return s.strip()\n",
    "lambda_after_def": "def trim(s):\n    return s\n\n\ntrim = lambda s: s.strip()\n",
    "def_in_if_after": "def trim(s):\n    return s\n\n\nif True:\n    def trim(s):\n        return s.strip()\n",
    "rebound_by_assignment": "def _t(s):\n    return s.strip()\n\n\ndef trim(s):\n    return s\n\n\ntrim = _t\n",
}


@pytest.mark.parametrize("case", list(DECOYS))
def test_a_decoy_definition_never_passes_a_structural_rule(trimming_kit, tmp_path, case):
    """ast would inspect the first ``trim``; Python runs the last binding."""
    folder = write_submission(tmp_path / case, {"trimming.py": DECOYS[case]})
    with grading_at("process"):
        result = grade(trimming_kit, [Submission(folder, case)], seed=3, lang="en", timeout=5.0)[0]
    by_name = {c.name: c for c in result.checks}
    assert by_name["test_trims"].status is Status.PASS        # the strip version is what ran
    check = by_name["test_no_strip"]
    assert check.status is Status.FAIL, check.message
    assert "more than once" in check.message and check.file == "trimming.py", check.message


@pytest.mark.parametrize("level", ["process", "portable"])
def test_a_nul_byte_is_a_syntax_error_at_its_line(trimming_kit, tmp_path, level):
    folder = write_submission(tmp_path / "nul", {"trimming.py": b"def trim(s):\n    return s[1:]\nx = 1\x00\n"})
    with grading_at(level):
        result = grade(trimming_kit, [Submission(folder, "nul")], seed=3, lang="en", timeout=5.0)[0]
    check = {c.name: c for c in result.checks}["test_trims"]
    assert check.status is Status.FAIL and result.score == 0
    assert "trimming.py line 3" in check.message and "null bytes" in check.message, check.message


# -- sources the trusted process must not choke on ---------------------------------------------------------------

#: Python runs it (the child starts with a shallow stack); on 3.11 the parser next to the graders, deeper in the
#: stack under pytest, runs out of recursion, while 3.10, 3.12 and 3.13 parse it there too: either outcome is right.
DEEP = BODY + "\n\nif False:\n    x = " + "+".join(["1"] * 2900) + "\n"
#: Megabytes of dead code: ast.parse would take seconds and a gigabyte next to the graders.
PADDED = BODY + "\n\nif False:\n    x = [" + ", ".join(["1"] * 400_000) + "]\n"


@pytest.mark.parametrize("name, data, words", [
    ("deep", DEEP, "nested too deeply"),
    ("padded", PADDED, "too large for the check to read"),
], ids=["deep", "padded"])
def test_a_source_too_deep_or_too_large_for_the_trusted_parser_gains_nothing(trimming_kit, tmp_path, name, data,
                                                                             words):
    folder = write_submission(tmp_path / name, {"trimming.py": data})
    with grading_at("process"):
        result = grade(trimming_kit, [Submission(folder, name)], seed=3, lang="en", timeout=10.0)[0]
    rule = {c.name: c for c in result.checks}["test_no_strip"]
    assert "grader itself failed" not in rule.message
    if name == "deep" and rule.status is Status.PASS:
        return  # this Python's parser reads it next to the graders too: the honest trim passes, rightly
    assert rule.status is Status.FAIL and words in rule.message, rule.message
    zh = word_failure(rule.detail, "zh")
    assert ("嵌套得太深" if name == "deep" else "太大了") in zh
