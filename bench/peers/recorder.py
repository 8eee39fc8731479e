"""Benchmark only: a pytest plugin that runs gradekit's real graders on the reference solutions, in-process,
and writes down every call each check makes, so the peers can run the very same checks.

    python -m pytest graders/functions ... -p recorder   (run by bench_peers.py; RECORD_OUT names the JSON)

Each check (one test function of ``graders/<topic>/test_*.py``) becomes one entry: its check id, topic, exercise,
points, public or hidden, and its cases in order.  A case is what the grader asked of ``call(...)``: ``returns``
(function, arguments, expected value), ``prints`` (function, arguments, exact output) or ``raises`` (function,
arguments, exception type, message).  Values are written as Python source (``repr``) and must read back as the
same value; an object a grader builds with ``helper(topic, SOURCE, name)`` is written as ``_made(i, name, *args)``,
i the index of SOURCE in ``helpers``.
Random inputs come from the check's own generator, seeded as gradekit's ``rng`` fixture seeds it (the run's
seed, the check id, and for a hidden grader the salt of its bytes), so the inputs are the ones gradekit grades.
Anything else of the grader API is refused: a topic whose checks need it cannot be translated.
"""

from __future__ import annotations

import ast
import builtins
import contextlib
import importlib.util
import io
import json
import math
import os
import sys
from pathlib import Path

import pytest

import gradekit.grader as grader
from gradekit.grading.plugin import hidden_salt

OUT = Path(os.environ.get("RECORD_OUT", "recorded.json"))
SEED = int(os.environ.get("RECORD_SEED", "1"))
SOLUTIONS = Path(os.environ.get("RECORD_SOLUTIONS", "exercises"))
TOPICS = [t for t in os.environ.get("RECORD_TOPICS", "").split(",") if t]

_checks: list[dict] = []
_helpers: list[str] = []
_made: dict[int, tuple[int, str, tuple]] = {}
_keep: list[object] = []          # made objects stay alive, so their ids stay theirs
_cases: list[dict] | None = None
_failed: list[str] = []
_modules: dict[str, object] = {}  # the reference solutions, by topic (not in sys.modules: pytest names its own so)


class Untranslatable(Exception):
    """A check does something the table of cases cannot say."""


def source(value, depth: int = 0) -> str:
    """``value`` as Python source that reads back as the same value."""
    if id(value) in _made:
        index, name, args = _made[id(value)]
        return f"_made({index}, {name!r}{''.join(', ' + source(a, depth + 1) for a in args)})"
    if depth > 20:
        raise Untranslatable("value nested too deep")
    kind = type(value)
    if value is None or kind in (bool, int, str, bytes):
        return repr(value)
    if kind is float:
        if not math.isfinite(value):
            raise Untranslatable(f"float {value!r}")
        return repr(value)
    if kind is list:
        return "[" + ", ".join(source(v, depth + 1) for v in value) + "]"
    if kind is tuple:
        return "(" + "".join(source(v, depth + 1) + ", " for v in value) + ")"
    if kind is dict:
        return "{" + ", ".join(f"{source(k, depth + 1)}: {source(v, depth + 1)}" for k, v in value.items()) + "}"
    if kind is set:
        return "set()" if not value else "{" + ", ".join(sorted(source(v, depth + 1) for v in value)) + "}"
    raise Untranslatable(f"a value of type {kind.__name__}")


def _case(kind: str, self: grader.Call, **more) -> dict:
    if _cases is None:
        raise Untranslatable("call() outside a check")
    name = getattr(self.fn, "__name__", None)
    if not isinstance(self.fn, _Factory) and getattr(_modules.get(getattr(self.fn, "__module__", "")), name or "",
                                                     None) is not self.fn:
        raise Untranslatable(f"call of {self.fn!r}, not a function of the topic")
    case = {"kind": kind, "fn": name, "args": [source(a) for a in self.args],
            "kwargs": {k: source(v) for k, v in self.kwargs.items()}, **more}
    _cases.append(case)
    return case


def _returns(self, expected, *, rel: float = 1e-9):
    if rel != 1e-9:
        raise Untranslatable("returns(rel=...)")
    _case("returns", self, expected=source(expected))
    value = self.fn(*self.args, **self.kwargs)
    if not grader.same(expected, value):
        raise AssertionError(f"the reference solution fails its own check: {self.text} -> {value!r}, not {expected!r}")
    return value


def _prints(self, expected: str):
    _case("prints", self, expected=source(expected))
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        value = self.fn(*self.args, **self.kwargs)
    if buffer.getvalue() != expected:
        raise AssertionError(f"the reference solution prints {buffer.getvalue()!r}: {self.text}")
    return value


def _raises(self, exc_type, message=None):
    if getattr(builtins, exc_type.__name__, None) is not exc_type:
        raise Untranslatable(f"raises({exc_type!r}): not a builtin exception")
    _case("raises", self, exc=exc_type.__name__, message=message)
    try:
        self.fn(*self.args, **self.kwargs)
    except exc_type as exc:
        if message is not None and str(exc) != message:
            raise AssertionError(f"the reference solution's message: {exc}") from None
        return exc
    raise AssertionError(f"the reference solution does not raise: {self.text}")


class _Factory:
    """What ``helper(topic, SOURCE, name)`` gives a grader here: the helper, and a note of what it made."""

    def __init__(self, index: int, name: str, fn):
        self.index, self.__name__, self.fn = index, name, fn

    def __call__(self, *args):
        obj = self.fn(*args)
        _made[id(obj)] = (self.index, self.__name__, args)
        _keep.append(obj)
        return obj


def _helper(anchor, text, name):
    if text not in _helpers:
        _helpers.append(text)
    namespace = {"__name__": "helper", "__builtins__": builtins}
    exec(compile(text, "<helper>", "exec"), namespace)
    return _Factory(_helpers.index(text), name, namespace[name])


def _result(self):
    if not isinstance(self.fn, _Factory):
        raise Untranslatable("call(...).result() of a student function")
    for value in (*self.args, *self.kwargs.values()):
        source(value)
    return self.fn(*self.args, **self.kwargs)


def _refused(what):
    def refuse(*args, **kwargs):
        raise Untranslatable(f"gradekit.grader.{what}")
    return refuse


def pytest_configure(config):
    for name in ("points", "public", "exercise", "hint", "time_limit"):
        config.addinivalue_line("markers", f"{name}: gradekit marker")
    grader.Call.returns, grader.Call.raises, grader.Call.prints = _returns, _raises, _prints
    grader.Call.result = _result
    grader.helper = _helper
    for what in ("printed", "run_script", "remote_isinstance", "remote_type", "remote_dir", "type_name", "where",
                 "expect", "fail", "grader_module"):
        setattr(grader, what, _refused(what))
    for slug in TOPICS:
        spec = importlib.util.spec_from_file_location(slug, SOLUTIONS / slug / "solution.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        _modules[slug] = module


def _topic_fixture(slug):
    @pytest.fixture(name=slug)
    def fixture():
        return _modules[slug]
    return fixture


for _slug in TOPICS:
    globals()[f"fixture_{_slug}"] = _topic_fixture(_slug)


def _check_id(item) -> str:
    path = Path(str(item.path))
    parts = item.nodeid.split("::")[1:]
    return "::".join([f"{path.parent.name}/{path.name}", *parts])


@pytest.fixture
def rng(request):
    return grader.seeded(SEED, _check_id(request.node), hidden_salt(Path(str(request.node.path))))


@pytest.fixture
def student_file():
    raise Untranslatable("student_file (a structural check)")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    global _cases
    _cases = []
    try:
        result = yield
    except BaseException as exc:
        _failed.append(f"{item.nodeid}: {type(exc).__name__}: {exc}")
        raise
    finally:
        cases, _cases = _cases, None
    points = item.get_closest_marker("points").args[0]
    _checks.append({"id": _check_id(item), "topic": Path(str(item.path)).parent.name,
                    "exercise": item.get_closest_marker("exercise").args[0], "points": points,
                    "public": item.get_closest_marker("public") is not None, "cases": cases})
    return result


def pytest_sessionfinish(session, exitstatus):
    if _failed or exitstatus != 0:
        OUT.unlink(missing_ok=True)
        return
    for check in _checks:
        for case in check["cases"]:  # every value reads back as itself
            for text in [*case["args"], *case["kwargs"].values(), case.get("expected") or "None"]:
                if "_made(" not in text:
                    ast.literal_eval(text)
    OUT.write_text(json.dumps({"seed": SEED, "helpers": _helpers, "checks": _checks}, ensure_ascii=False, indent=1),
                   encoding="utf-8")
