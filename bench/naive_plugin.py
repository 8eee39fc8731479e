"""Benchmark baseline only: the way peers grade, with student code imported INTO pytest.

Never used for grading.  It gives the graders real modules instead of sandbox
proxies (one pytest process per topic, the student's file imported in-process),
so ``bench_grade.py`` can compare gradekit against the naive cost structure on
the very same checks.
"""

from __future__ import annotations

import builtins
import importlib.util
import io
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

import gradekit.grader as grader

SUBMISSION = Path(os.environ.get("NAIVE_SUBMISSION", "."))
SEED = int(os.environ.get("NAIVE_SEED", "1"))
TOPIC = os.environ.get("NAIVE_TOPIC", "")
_buffer = io.StringIO()


def _printed(anchor):
    text = _buffer.getvalue()
    _buffer.seek(0)
    _buffer.truncate()
    return text


def _helper(anchor, source, name):
    namespace = {"__name__": "naive_helper", "__builtins__": builtins}
    exec(compile(source, "<helper>", "exec"), namespace)
    return namespace[name]


def _run_script(anchor, argv=(), stdin="", timeout=None):
    proc = subprocess.run([sys.executable, str(SUBMISSION / f"{TOPIC}.py"), *argv], input=stdin,
                          capture_output=True, text=True, timeout=timeout or 5)
    proc.timed_out = False
    return proc


def _raises(self, exc_type, message=None):
    try:
        value = self.fn(*self.args, **self.kwargs)
    except exc_type as exc:
        if message is not None and str(exc) != message:
            raise grader.CheckFailure("wrong_message", call=self.text) from None
        return exc
    except Exception as exc:
        raise grader.CheckFailure("wrong_exception", call=self.text, exc_type=type(exc).__name__) from None
    raise grader.CheckFailure("no_raise", call=self.text, actual=repr(value))


def pytest_configure(config):
    for name in ("points", "public", "exercise", "hint", "time_limit"):
        config.addinivalue_line("markers", f"{name}: gradekit marker")
    grader.Call.raises = _raises  # in-process exceptions carry no sandbox origin
    grader.printed = _printed
    grader.helper = _helper
    grader.run_script = _run_script
    grader.remote_isinstance = isinstance
    grader.remote_type = type
    grader.remote_dir = lambda obj: sorted(dir(obj))
    grader.type_name = lambda obj: type(obj).__name__
    sys.path.insert(0, str(SUBMISSION))


def _load():
    spec = importlib.util.spec_from_file_location(TOPIC, SUBMISSION / f"{TOPIC}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[TOPIC] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(autouse=True)
def _capture(monkeypatch):
    monkeypatch.setattr(sys, "stdout", _buffer)
    _printed(None)


@pytest.fixture
def rng(request):
    return random.Random(f"{SEED}:{request.node.nodeid}")


@pytest.fixture
def student_file():
    return SUBMISSION / f"{TOPIC}.py"


def pytest_collection_modifyitems(items):
    for item in items:
        item.fixturenames.append(TOPIC)


@pytest.fixture(scope="session")
def _module():
    return _load()


def _make_topic_fixture():
    @pytest.fixture(name=TOPIC)
    def fixture(_module):
        return _module
    return fixture


if TOPIC:
    globals()[f"fixture_{TOPIC}"] = _make_topic_fixture()
