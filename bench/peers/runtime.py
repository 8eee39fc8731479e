"""Benchmark only: what a translated check needs, copied as text into every Otter test file and nbgrader notebook.

Standard library only.  ``_eq`` compares as ``gradekit.grader.same`` does (exact container types, ``True != 1``,
floats within a relative 1e-9); ``_raises`` as ``Call.raises`` does (an instance of the type, the exact message
when one is given, a ``NotImplementedError`` counts as not done); ``_prints`` as ``Call.prints`` (exactly what
the call printed).  ``_made(i, name, *args)`` builds an object with the i-th helper source of the check table,
as ``gradekit.grader.helper`` does in the sandbox.  ``_HELPERS`` is filled in where this text is pasted.
"""

import contextlib as _contextlib
import io as _io
import math as _math

_HELPERS = []


def _numbers(*values):
    return all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values)


def _same_(expected, actual, rel):
    if _numbers(expected, actual):
        if isinstance(expected, float) or isinstance(actual, float):
            if any(isinstance(v, float) and _math.isnan(v) for v in (expected, actual)):
                return all(isinstance(v, float) and _math.isnan(v) for v in (expected, actual))
            try:
                return _math.isclose(expected, actual, rel_tol=rel, abs_tol=1e-12)
            except OverflowError:
                return False
        return expected == actual
    if type(expected) is not type(actual):
        return False
    if isinstance(expected, (list, tuple)):
        return len(expected) == len(actual) and all(_same_(e, a, rel) for e, a in zip(expected, actual))
    if isinstance(expected, dict):
        return expected.keys() == actual.keys() and all(_same_(v, actual[k], rel) for k, v in expected.items())
    return expected == actual


def _same(expected, actual, rel=1e-9):
    try:
        return _same_(expected, actual, rel)
    except (ArithmeticError, RecursionError, TypeError, ValueError):
        return False


def _eq(actual, expected):
    if not _same(expected, actual):
        raise AssertionError(f"expected {expected!r}, got {actual!r}")


def _raises(thunk, exc_type, message=None):
    try:
        value = thunk()
    except Exception as exc:
        if isinstance(exc, NotImplementedError) and exc_type is not NotImplementedError:
            raise AssertionError("not done yet (NotImplementedError)") from None
        if not isinstance(exc, exc_type):
            raise AssertionError(f"expected {exc_type.__name__}, got {type(exc).__name__}") from None
        if message is not None and str(exc) != message:
            raise AssertionError(f"expected the message {message!r}, got {str(exc)!r}") from None
        return
    raise AssertionError(f"expected {exc_type.__name__}, got the value {value!r}")


def _prints(thunk, expected):
    buffer = _io.StringIO()
    with _contextlib.redirect_stdout(buffer):
        thunk()
    if buffer.getvalue() != expected:
        raise AssertionError(f"expected the output {expected!r}, got {buffer.getvalue()!r}")


def _made(index, name, *args):
    namespace = {"__name__": "helper"}
    exec(compile(_HELPERS[index], "<helper>", "exec"), namespace)
    return namespace[name](*args)
