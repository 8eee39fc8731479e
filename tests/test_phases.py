"""gradekit.grading.phases mirrors pytest's private runtestprotocol: this fails loudly when pytest changes it."""

from __future__ import annotations

import inspect
import re

import _pytest.runner
import pytest

from gradekit.grading import phases


#: What phases.run_phases copies from _pytest.runner.runtestprotocol, line for line (spaces squeezed).
MIRRORED = [
    'hasrequest = hasattr(item, "_request")',
    "if hasrequest and not item._request:",
    "item._initrequest()",
    'rep = call_and_report(item, "setup", log)',
    "if rep.passed:",
    'reports.append(call_and_report(item, "call", log))',
    "if item.session.shouldfail or item.session.shouldstop:",
    "nextitem = None",
    'reports.append(call_and_report(item, "teardown", log, nextitem=nextitem))',
    "if hasrequest:",
    "item._request = False",
    "item.funcargs = None",
]


def code_lines(function) -> list[str]:
    lines = []
    for line in inspect.getsource(function).splitlines():
        line = re.sub(r"\s*#.*$", "", line).strip()
        if line:
            lines.append(re.sub(r"\s+", " ", line))
    return lines


def test_pytest_runs_a_test_the_way_phases_mirrors():
    source = code_lines(_pytest.runner.runtestprotocol)
    missing = [line for line in MIRRORED if line not in source]
    assert not missing, ("pytest's runtestprotocol changed: gradekit.grading.phases.run_phases mirrors it and must "
                         f"follow; these lines are gone: {missing}")
    # Everything else it does is reporting (setup-only/setup-show options), which a graded check skips.
    extra = [line for line in source if line not in MIRRORED and "call_and_report" in line]
    assert not extra, f"pytest's runtestprotocol runs more phases than gradekit mirrors: {extra}"


def test_phases_runs_setup_call_teardown_and_skips_the_call_after_a_failed_setup(pytester):
    pytester.makepyfile(test_x='''
import pytest

@pytest.fixture
def broken():
    raise RuntimeError("setup fails")

def test_ok():
    pass

def test_setup_fails(broken):
    pass

def test_call_fails():
    assert False
''')
    seen, failed = [], set()

    def record(item, when, exc) -> bool:
        seen.append((item.name, when, type(exc).__name__))
        if exc is not None:
            failed.add(item.name)
        return when == "teardown" and item.name in failed   # as the plugin's record: once the check is over

    class Recorder:
        @pytest.hookimpl(tryfirst=True)
        def pytest_runtest_protocol(self, item, nextitem):
            phases.run_phases(item, nextitem, record)
            return True

    result = pytester.inline_run("-p", "no:cacheprovider", plugins=[Recorder()])
    assert seen == [("test_ok", "setup", "NoneType"), ("test_ok", "call", "NoneType"), ("test_ok", "teardown", "NoneType"),
                    ("test_setup_fails", "setup", "RuntimeError"), ("test_setup_fails", "teardown", "NoneType"),
                    ("test_call_fails", "setup", "NoneType"), ("test_call_fails", "call", "AssertionError"),
                    ("test_call_fails", "teardown", "NoneType")]
    # pytest's exit code still says that checks failed, though no report was made.
    assert result.getcall("pytest_sessionfinish").session.testsfailed == 2
