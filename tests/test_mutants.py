"""gradekit.course.mutants: a mutant is the one definition it changes, spliced into the solution."""

from __future__ import annotations

import ast

import pytest

from gradekit.course.kit import load_kit
from gradekit.course.mutants import MutantError, bound_names, program, splice

from conftest import ROOT, run_grade

SOLUTION = '''"""A solution."""

import math

LIMIT = 10


def double(x):
    return 2 * x


class Box:
    def __init__(self, v):
        self._v = v

    @property
    def v(self):
        return self._v


def greet(name):
    return f"hello, {name}!"
'''


def run(source: str) -> dict:
    scope: dict = {}
    exec(compile(source, "spliced.py", "exec"), scope)
    return scope


def test_the_mutant_replaces_its_definition_and_nothing_else():
    spliced = splice(SOLUTION, "# mutant-of: double\n# mistake: adds\n\ndef double(x):\n    return x + 2\n")
    scope = run(spliced)
    assert scope["double"](5) == 7 and scope["greet"]("a") == "hello, a!" and scope["Box"](3).v == 3
    assert spliced.count("def double") == 1 and "import math" in spliced


def test_a_class_is_replaced_whole_with_its_decorated_members():
    mutant = "class Box:\n    def __init__(self, v):\n        self._v = v\n\n    @property\n    def v(self):\n        return -self._v\n"
    assert run(splice(SOLUTION, mutant))["Box"](3).v == -3


def test_imports_and_new_names_go_before_the_first_definition_replaced():
    mutant = "import functools\n\n_calls = []\n\n\n@functools.cache\ndef greet(name):\n    _calls.append(name)\n    return name\n"
    spliced = splice(SOLUTION, mutant)
    scope = run(spliced)
    assert scope["greet"]("x") == "x" and scope["greet"]("x") == "x" and scope["_calls"] == ["x"]
    assert spliced.index("import functools") < spliced.index("def greet") and spliced.index("def double") < spliced.index("_calls")


def test_a_mutant_whose_definition_is_gone_from_the_solution_is_refused():
    with pytest.raises(MutantError, match="it defines triple, which solution.py does not: the definition it changed is gone"):
        splice(SOLUTION, "def triple(x):\n    return 3 * x\n")
    with pytest.raises(MutantError, match="it defines nothing"):
        splice(SOLUTION, "import os\n")
    with pytest.raises(MutantError, match="line 1: the mutant must be valid Python"):
        splice(SOLUTION, "def double(x:\n")


def test_a_whole_file_mutant_is_the_program_itself(tmp_path):
    (tmp_path / "mutants").mkdir()
    (tmp_path / "solution.py").write_text(SOLUTION)
    text = "# mutant-of: double\n# mistake: runs at import\n# whole-file: outside any definition\nprint(1)\n"
    (tmp_path / "mutants" / "m.py").write_text(text)
    assert program(tmp_path / "mutants" / "m.py") == text


def test_every_mutant_of_the_course_is_only_what_it_changes():
    # A statement identical to the solution's is a copy that will drift when the solution changes.
    kit = load_kit(ROOT)
    count = 0
    for topic in kit.topics:
        solution = topic.solution.read_text(encoding="utf-8")
        same = {ast.dump(node) for node in ast.parse(solution).body}
        for mutant in topic.mutants:
            count += 1
            whole = ast.parse(mutant.program())  # splices, or says which definition is gone
            if mutant.whole_file:
                continue
            copied = [node.lineno for node in ast.parse(mutant.path.read_text(encoding="utf-8")).body
                      if ast.dump(node) in same]
            assert not copied, f"{mutant.path.relative_to(ROOT)}: lines {copied} are the solution's own"
            assert {n for node in whole.body for n in bound_names(node)} >= {mutant.exercise.split(".")[0]}
    assert count > 300


def test_selfcheck_names_a_mutant_whose_definition_was_removed(minikit):
    (minikit / "exercises" / "alpha" / "mutants" / "gone.py").write_text(
        "# mutant-of: double\n# mistake: triples\n\ndef triple(x):\n    return 3 * x\n")
    proc = run_grade("selfcheck", "--kit", minikit)
    assert proc.returncode == 1
    assert ("mutants/gone.py: it defines triple, which solution.py does not: the definition it changed is gone"
            in " ".join(proc.stdout.split())), proc.stdout
