"""A graded check's three phases, run as pytest's ``runtestprotocol`` runs them, without its reports.

pytest builds a report for every phase of every test and tells each plugin about it (some thirty
hook calls a test, and the traceback rendering of every failure): half of a grading session's own
time.  The plugin reads outcomes itself, never those reports, so it runs the same setup, call and
teardown hooks under the same rules and hands each phase's outcome to its own recorder.

This is the one place that touches pytest's private API (``item._request``, ``_initrequest``,
``funcargs``, ``session.shouldfail``/``shouldstop``, ``testsfailed``), copied from
``_pytest.runner.runtestprotocol``.  ``tests/test_phases.py`` compares that function with what is
mirrored here and fails, naming the difference, when a pytest release changes it.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

#: ``on_phase(item, when, exc)``: record one phase's outcome; True when the check failed for good
#: (pytest's exit code then still says a check failed).
PhaseRecorder = Callable[[pytest.Item, str, "BaseException | None"], bool]


def run_phases(item: pytest.Item, nextitem: pytest.Item | None, on_phase: PhaseRecorder) -> None:
    """Setup, call (only after a setup that passed) and teardown; ``pytest.exit`` and Ctrl-C stop the session."""
    hasrequest = hasattr(item, "_request")
    if hasrequest and not item._request:  # type: ignore[attr-defined]
        item._initrequest()  # type: ignore[attr-defined]
    ihook = item.ihook
    try:
        if _phase(item, "setup", lambda: ihook.pytest_runtest_setup(item=item), on_phase):
            _phase(item, "call", lambda: ihook.pytest_runtest_call(item=item), on_phase)
        if item.session.shouldfail or item.session.shouldstop:
            nextitem = None  # tear everything down, so fixture teardown errors are reported (pytest #11706)
        _phase(item, "teardown", lambda: ihook.pytest_runtest_teardown(item=item, nextitem=nextitem), on_phase)
    finally:
        if hasrequest:
            item._request = False  # type: ignore[attr-defined]
            item.funcargs = None  # type: ignore[attr-defined]


def _phase(item: pytest.Item, when: str, run: Callable[[], object], on_phase: PhaseRecorder) -> bool:
    try:
        run()
        exc = None
    except (pytest.exit.Exception, KeyboardInterrupt):
        raise
    except BaseException as caught:  # noqa: B902 - whatever a check raised is its outcome
        exc = caught
    if on_phase(item, when, exc) and when == "teardown":
        item.session.testsfailed += 1
    return exc is None
