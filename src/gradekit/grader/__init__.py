"""The API grader authors import.

A grader is an ordinary pytest file in ``graders/<slug>/``.  Its fixture named
after the topic (``functions``) is a proxy of the student's ``functions.py``
running in the sandbox.  Checks are hidden unless marked ``@public``; every
check has ``@points`` and belongs to an exercise (``@exercise`` on the test or
its class).  Failures carry *fields* (what was called, expected, got), not
sentences: the runner words them in the student's language.

    from gradekit.grader import call, exercise, points, public

    @exercise("my_abs")
    class TestMyAbs:
        @public
        @points(2)
        def test_negative(self, functions):
            call(functions.my_abs, -5).returns(5)
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import pytest

from gradekit.grading.contract import Failure
from gradekit.messages.failures import word_failure  # a failure's detail in the kit's words, for a grader's own
from gradekit.sandbox.proxy import (SHOW_LIMIT, Proxy, StudentError, helper, label_of, last_yielded, remote_callable,
                                    remote_dir, remote_isinstance,
                            new_tally, remote_type, show, tallied, type_name, value_of, where)
from gradekit.sandbox.topic import SandboxError

__all__ = [
    "points", "public", "hint", "exercise", "time_limit",
    "call", "expect", "fail", "CheckFailure", "printed", "helper", "sandbox_source", "same",
    "remote_isinstance", "remote_callable", "remote_type", "remote_dir", "type_name", "where", "StudentError",
    "seeded", "run_script", "grader_module", "show", "Proxy",
    "last_yielded", "value_of", "new_tally", "tallied", "word_failure",
]

#: ``@points(3)``: what the check is worth (a positive int).
points = pytest.mark.points
#: ``@public``: the check ships to students; without it a check is hidden.
public = pytest.mark.public
#: ``@exercise("my_abs")``: the exercise (public name) a check or class of checks belongs to.
exercise = pytest.mark.exercise
#: ``@time_limit(5)``: seconds each sandbox request of this check may take (default 2).
time_limit = pytest.mark.time_limit


def hint(zh: str, en: str):
    """``@hint(zh=..., en=...)``: a check-specific hint shown with its failure."""
    return pytest.mark.hint(zh=zh, en=en)


class CheckFailure(AssertionError):
    """A check failed because of the student's code; ``detail`` holds the facts."""

    def __init__(self, kind: Failure, **detail):
        self.detail = {"kind": kind, **{k: v for k, v in detail.items() if v is not None}}
        super().__init__(f"{kind}: {self.detail}")


def fail(zh: str, en: str, **detail):
    """Fail with a message of your own (both languages)."""
    raise CheckFailure(Failure.CUSTOM, zh=zh, en=en, **detail)


def _origin_fields(exc: BaseException) -> dict:
    origin = getattr(exc, "_gk_origin", {}) or {}
    return {"exc_type": getattr(exc, "type_name", type(exc).__name__), "exc_message": origin.get("message", str(exc)),
            "file": origin.get("file") or None, "line": origin.get("line") or None,
            "traceback": origin.get("traceback") or None}


def student_failure(exc: BaseException, call_label: str) -> CheckFailure:
    """The failure for an exception the student's code raised where none was expected."""
    info = _origin_fields(exc)
    kind = Failure.TODO if info["exc_type"] == "NotImplementedError" else Failure.RAISED
    return CheckFailure(kind, call=call_label, **info)


def _numbers(*values) -> bool:
    return all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values)


def same(expected, actual, rel: float = 1e-9) -> bool:
    """Equality as graders mean it: exact container types, floats within ``rel``.

    ``[1, 2] != (1, 2)``, ``True != 1``, ``5 == 5.0``, and a proxy is only ever
    equal to the same remote object.  A value the comparison itself chokes on
    (an int too big for a float, a list nested past the recursion limit) is
    simply not the expected one: it is the student's answer that is wrong, so
    no exception of the comparison may reach the check and make it the kit's fault.
    """
    try:
        return _same(expected, actual, rel)
    except (ArithmeticError, RecursionError, TypeError, ValueError):
        return False


def _same(expected, actual, rel: float) -> bool:
    if isinstance(expected, Proxy) or isinstance(actual, Proxy):
        return expected == actual
    if _numbers(expected, actual):
        if isinstance(expected, float) or isinstance(actual, float):
            if any(isinstance(v, float) and math.isnan(v) for v in (expected, actual)):
                return all(isinstance(v, float) and math.isnan(v) for v in (expected, actual))
            try:
                return math.isclose(expected, actual, rel_tol=rel, abs_tol=1e-12)
            except OverflowError:  # an int past the float range: no finite float is close to it
                return False
        return expected == actual
    if type(expected) is not type(actual):
        return False
    if isinstance(expected, (list, tuple)):
        return len(expected) == len(actual) and all(_same(e, a, rel) for e, a in zip(expected, actual))
    if isinstance(expected, dict):
        return expected.keys() == actual.keys() and all(_same(v, actual[k], rel) for k, v in expected.items())
    return expected == actual


#: Ints longer than this many digits are shown by their size: Python refuses to print past 4300 digits,
#: and thousands of digits say less to a student than the size does.
SHOWN_DIGITS = 60


def _huge_int(value) -> str | None:
    if type(value) is not int or value.bit_length() < SHOWN_DIGITS * 3.33:
        return None
    digits = max(1, int(abs(value).bit_length() * 0.30103))  # log10(2): the exponent, give or take one
    return f"<int ≈ {'-' if value < 0 else ''}10**{digits}>"


def _shown(value) -> str:
    """A value as the student would see it: objects that stayed in the sandbox by their type.

    Never raises: showing the student's value is part of failing them, so a value that
    cannot be shown is described by its type rather than turning the check into the kit's error.
    """
    if isinstance(value, Proxy):
        return f"<{type_name(value)} object>"
    try:
        huge = _huge_int(value)
        if huge is not None:
            return huge
        if isinstance(value, (list, tuple, dict)) and _has_huge_int(value):
            value = _shrunk(value)
        text = repr(value)
        if len(text) > SHOW_LIMIT:  # as ``show`` shortens it
            text = text[:SHOW_LIMIT] + f"… ({len(text) - SHOW_LIMIT} more characters)"
        return text
    except BaseException as exc:  # noqa: BLE001 -- RecursionError, MemoryError... never the kit's failure
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        return f"<{type_name(value)}>"


def _has_huge_int(value, depth: int = 0) -> bool:
    if _huge_int(value) is not None:
        return True
    if depth > 50:
        return False
    items = value.values() if isinstance(value, dict) else value if isinstance(value, (list, tuple)) else ()
    return any(_has_huge_int(v, depth + 1) for v in items)


class _Shown:
    """Stands in for a huge int inside a container, so the container's repr prints its size."""

    def __init__(self, text: str):
        self.text = text

    def __repr__(self) -> str:
        return self.text


def _shrunk(value, depth: int = 0):
    huge = _huge_int(value)
    if huge is not None:
        return _Shown(huge)
    if depth > 50:
        return value
    if isinstance(value, dict):
        return {k: _shrunk(v, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_shrunk(v, depth + 1) for v in value)
    return value


def first_difference(expected, actual) -> dict:
    """Where two strings part, for a failure to point at: ``'，'`` and ``','`` look alike on a screen.

    Only for text: the 1-based character number and the two characters there (None where a
    string has already ended).
    """
    if not (isinstance(expected, str) and isinstance(actual, str)) or expected == actual:
        return {}
    n = next((i for i, (a, b) in enumerate(zip(expected, actual)) if a != b), min(len(expected), len(actual)))
    return {"diff_at": n + 1, "diff_expected": repr(expected[n]) if n < len(expected) else None,
            "diff_actual": repr(actual[n]) if n < len(actual) else None}


def expect(actual, expected, *, call: str | None = None, rel: float = 1e-9):
    """Fail unless ``actual`` is ``expected`` (see ``same``); ``call`` says what produced it."""
    if not same(expected, actual, rel):
        raise CheckFailure(Failure.RETURNED, call=call or (label_of(actual) if isinstance(actual, Proxy) else None),
                           expected=show(expected), actual=_shown(actual),
                           expected_type=type(expected).__name__, actual_type=type_name(actual),
                           **first_difference(expected, actual))
    return actual


@dataclass
class Call:
    """A call to student code, described before it runs so failures can say what was called."""

    fn: object
    args: tuple
    kwargs: dict
    label: str | None = None

    @property
    def text(self) -> str:
        if self.label:
            return self.label
        parts = [show(a) for a in self.args] + [f"{k}={show(v)}" for k, v in self.kwargs.items()]
        return f"{label_of(self.fn)}({', '.join(parts)})"

    def as_(self, label: str) -> "Call":
        """Describe the call differently in messages (e.g. ``counter()``)."""
        self.label = label
        return self

    def result(self):
        """Run the call; a student exception becomes a failure that names the call."""
        try:
            return self.fn(*self.args, **self.kwargs)
        except SandboxError:
            raise
        except CheckFailure:
            raise
        except (Exception, StudentError) as exc:
            if getattr(exc, "_gk_origin", None) is None:
                raise
            raise student_failure(exc, self.text) from None

    def returns(self, expected, *, rel: float = 1e-9):
        """Fail unless the call returns ``expected``; returns the value."""
        value = self.result()
        try:
            return expect(value, expected, call=self.text, rel=rel)
        except CheckFailure as failure:
            raise self._located(failure) from None

    def _located(self, failure: CheckFailure) -> CheckFailure:
        """Point a failure at the student's definition of the called function, when we can tell."""
        if "line" not in failure.detail and isinstance(self.fn, Proxy):
            try:
                found = where(self.fn)
            except (SandboxError, Exception):
                found = None
            if found:
                failure.detail["file"], failure.detail["line"] = found
        return failure

    def raises(self, exc_type: type, message: str | None = None):
        """Fail unless the call raises ``exc_type`` (and ``message`` exactly, when given)."""
        try:
            value = self.fn(*self.args, **self.kwargs)
        except SandboxError:
            raise
        except (Exception, StudentError) as exc:
            if getattr(exc, "_gk_origin", None) is None:
                raise
            info = _origin_fields(exc)
            if info["exc_type"] == "NotImplementedError" and exc_type is not NotImplementedError:
                raise CheckFailure(Failure.TODO, call=self.text, **info) from None
            if not isinstance(exc, exc_type):
                raise CheckFailure(Failure.WRONG_EXCEPTION, call=self.text, expected=exc_type.__name__, **info) from None
            if message is not None and info["exc_message"] != message:
                raise CheckFailure(Failure.WRONG_MESSAGE, call=self.text, expected=show(message),
                                   actual=show(info["exc_message"]), exc_type=info["exc_type"],
                                   file=info["file"], line=info["line"]) from None
            return exc
        raise self._located(CheckFailure(Failure.NO_RAISE, call=self.text, expected=exc_type.__name__, actual=_shown(value)))

    def prints(self, expected: str):
        """Fail unless what the call printed equals ``expected`` exactly; returns the value."""
        printed(self.fn)  # drop output from earlier requests
        value = self.result()
        got = printed(self.fn)
        if got != expected:
            raise self._located(CheckFailure(Failure.PRINTED, call=self.text, expected=show(expected), actual=_shown(got),
                                             **first_difference(expected, got)))
        return value


def call(fn, *args, **kwargs) -> Call:
    """``call(functions.my_abs, -5).returns(5)``."""
    return Call(fn, args, kwargs)


def printed(anchor: Proxy) -> str:
    """Everything the student's code printed since the last call of ``printed`` (per topic)."""
    box = object.__getattribute__(anchor, "_gk_box")
    text = "".join(box.printed)
    box.printed.clear()
    return text


def seeded(rng_seed: int, check_id: str, salt: str = "") -> random.Random:
    """The random generator of one check: the run's seed and the check id decide it, and for a hidden check a
    salt only its grader's own bytes give (``plugin.rng``).  The seed is in the template students clone, so
    without the salt anyone could replay a hidden check's random inputs from its name in a report."""
    return random.Random(f"{rng_seed}:{salt}:{check_id}" if salt else f"{rng_seed}:{check_id}")


def run_script(anchor: Proxy, argv=(), stdin: str = "", timeout: float | None = None):
    """Run the topic's file as a program (``python <slug>.py ARGV``) in a fresh sandboxed process.

    Returns a ``ScriptRun`` with ``stdout``, ``stderr``, ``returncode`` and
    ``timed_out``.  ``anchor`` is the topic fixture (it names the file).
    """
    box = object.__getattribute__(anchor, "_gk_box")
    return box.run_script(argv, stdin, timeout)


#: File names of peer code: what a check runs inside the sandbox, beside the student's code.  ``_sandbox_*.py``
#: ships with the public graders; ``_hidden_sandbox_*.py`` stays with the hidden ones (``course.assignment``).
SANDBOX_PEERS = ("_sandbox_", "_hidden_sandbox_")


def sandbox_source(grader_file: str, name: str) -> str:
    """The source of a peer file beside a grader (``graders/<slug>/<name>.py``), for ``helper``.

    Peer code runs in the sandbox child, next to the student's code, and never in the grading
    process: it is read here as text, not imported.  Keeping it in a real file lets editors and
    linters see it; ``_hidden_sandbox_`` files are released with the hidden graders only.
    """
    from pathlib import Path

    if not name.startswith(SANDBOX_PEERS):
        raise ValueError(f"{name}: peer files are named _sandbox_<what>.py, or _hidden_sandbox_<what>.py for "
                         "code only hidden checks use")
    return Path(grader_file).resolve().with_name(f"{name}.py").read_text(encoding="utf-8")


def grader_module(grader_file: str, name: str):
    """A helper module beside a grader file (``graders/<slug>/<name>.py``), shared by its checks.

    Public and hidden graders of a topic often need the same peers or reference
    code; they keep it once in a ``_name.py`` file (released with the public
    graders, so it must hold nothing secret) and load it with
    ``rigs = grader_module(__file__, "_rigs")``.
    """
    import importlib.util
    import sys
    from pathlib import Path

    path = Path(grader_file).resolve().with_name(f"{name}.py")
    if name.startswith(SANDBOX_PEERS):
        raise ValueError(f"{path.name} is code for the sandbox: send it with sandbox_source(), never import it here")
    key = f"gradekit_graders.{path.parent.name}.{name}"
    if key not in sys.modules:
        spec = importlib.util.spec_from_file_location(key, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[key] = module
        spec.loader.exec_module(module)
    return sys.modules[key]
