"""The pytest plugin that runs inside the trusted grading process.

Loaded explicitly by the runner (``-p gradekit.grading.plugin``; plugin autoload is off).
In lifecycle order it:

1. registers the markers (``points``, ``public``, ``exercise``, ``hint``,
   ``time_limit``) so ``--strict-markers`` catches typos and ``pytest --markers``
   documents them;
2. reads the runner's *plan* (kit root, submissions, seed) and registers one
   fixture per topic slug, yielding a proxy of that submission's module;
3. parametrizes every check over the plan's submissions, so one pytest process
   grades many submissions, each check against each submission;
4. validates markers at collection (points, exercise, visibility matching the
   file name) and builds the *manifest* of collected checks, which travels in
   the report and lets the runner verify it;
5. runs each check's phases itself (``pytest_runtest_protocol``), turns each
   outcome into a status and structured failure detail, seals it, streams each
   finished submission to the runner, and hands them all to pytest-json-report's
   report at the end (``pytest_json_modifyreport``) as one JSON text;
6. sends a sealed heartbeat on the stream as each check starts and ends, so the
   runner, outside the student's reach, can kill a session that stops making
   progress (a student who stopped this process) and blame the check in flight.

This process is a subreaper: whatever a sandbox leaves behind when its fork
server is killed comes here, and is killed when its submission is done.

Student code never runs in this process: fixtures only hold ``Sandbox``
objects, and every value the tests see was rebuilt from plain data.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import time
import types
from pathlib import Path

import pytest

from gradekit.grading import pinpoint
from gradekit.grading.phases import run_phases
from gradekit.grading.contract import Failure
from gradekit.grader import CheckFailure, seeded, student_failure
from gradekit.grading.seal import make_undumpable, read_key, seal
from gradekit.sandbox.isolation import IsolationUnavailable
from gradekit.sandbox.isolation import detect as detect_isolation
from gradekit.course.kit import KitError, load_kit
from gradekit.sandbox.proxy import load_module
from gradekit.sandbox.forkserver import ForkServer, SubmissionChanged
from gradekit.sandbox import proctree
from gradekit.sandbox.portable import PortableServer
from gradekit.sandbox.protocol import START_TIMEOUT
from gradekit.sandbox.topic import (ChildProtocolError, DEFAULT_CHECK_BUDGET, DEFAULT_TIMEOUT, Limits, Sandbox,
                                   SandboxCrashed, SandboxTimeout, StaleHandle, server_for)

MARKERS = {
    "points": "points(n): what the check is worth, a positive integer (required on every check).",
    "public": "public: the check ships to students; checks are hidden unless marked.",
    "exercise": "exercise(name): the exercise (public name, e.g. 'my_abs' or 'Student.score') a check belongs to.",
    "hint": "hint(zh=..., en=...): a hint shown with this check's failure, in both languages.",
    "time_limit": "time_limit(seconds): wall-clock seconds each sandbox request of the check may take (default 2).",
}
SUBMISSION_ARG = "_gk_submission"
PRESTART = 2  # children started ahead of the topic being graded
OUTPUT_KEEP = 64 * 1024


def pytest_addoption(parser):
    group = parser.getgroup("gradekit")
    group.addoption("--gradekit-plan", metavar="FILE", help="the runner's plan: kit, submissions, seed")
    group.addoption("--gradekit-key-fd", type=int, metavar="FD",
                    help="pipe carrying the key that seals the manifest and each outcome")
    group.addoption("--gradekit-stream-fd", type=int, metavar="FD",
                    help="pipe receiving each submission's sealed outcomes as soon as its last check is done")


def pytest_configure(config):
    for name, text in MARKERS.items():
        config.addinivalue_line("markers", text)
    plan_path = config.getoption("--gradekit-plan")
    if not plan_path:
        return
    try:
        detect_isolation()
    except IsolationUnavailable as exc:
        raise pytest.UsageError(str(exc)) from None
    state = GradingState(json.loads(Path(plan_path).read_text(encoding="utf-8")))
    state.key = read_key(config.getoption("--gradekit-key-fd"))
    stream_fd = config.getoption("--gradekit-stream-fd")
    if stream_fd is not None:
        state.stream = os.fdopen(stream_fd, "wb")
    make_undumpable()
    if proctree.become_subreaper():
        proctree.start_sweeper()
    config.stash[STATE] = state
    _STATE_HOLDER["state"] = state
    holder = types.ModuleType("gradekit_topic_fixtures")
    for slug in state.slugs:
        setattr(holder, f"topic_{slug}", _topic_fixture(slug))
    config.pluginmanager.register(holder, "gradekit-topic-fixtures")


STATE = pytest.StashKey["GradingState"]()
_STATE_HOLDER: dict = {}  # pytest_json_modifyreport gets no config; one session per process


class GradingState:
    """Everything the plugin keeps for one session: the plan, the kit and the live sandboxes."""

    def __init__(self, plan: dict):
        self.plan = plan
        try:
            self.kit = load_kit(Path(plan["kit"]))
        except KitError as exc:
            raise pytest.UsageError(str(exc)) from None
        self.graders = self.kit.graders
        self.slugs = [t.slug for t in self.kit.topics]
        self.seed = int(plan["seed"])
        self.submissions = {s["id"]: s for s in plan["submissions"]}
        self.order = {s["id"]: i for i, s in enumerate(plan["submissions"])}
        self.boxes: dict[tuple[str, str], Sandbox] = {}
        self.servers: dict[str, ForkServer | PortableServer] = {}
        self.current: str | None = None
        self.current_topic: str | None = None
        self.key = b""
        self.manifest: dict | None = None
        self.rel_paths: dict[str, str] = {}
        self.outcomes: list[dict] = []    # sealed, in pytest-json-report's per-test shape
        self.item = None                  # the check being set up or run
        self.stream = None                # where finished submissions are announced, if anywhere
        self.last_check: dict[str, str] = {}      # submission -> nodeid of its last check
        self.pending: dict[str, list] = {}        # submission -> its sealed outcomes so far
        self.trees: dict[tuple[str, str], object] = {}   # (submission, topic) -> its parsed source (``second_look``)

    def box(self, sub_id: str, slug: str, timeout: float) -> Sandbox:
        if sub_id != self.current:
            self.close_all()  # checks are ordered by submission: the previous one is done
            self.current = sub_id
            self.prestart_next_submission(sub_id)
        if slug != self.current_topic:
            # Checks are ordered by topic too: the previous topic is done, and nothing it
            # started may run on beside the next one (they share the submission's fork server).
            for (sub, other), box in list(self.boxes.items()):
                if other == self.current_topic:
                    box.close()
                    del self.boxes[(sub, other)]
            self.current_topic = slug
        key = (sub_id, slug)
        if key not in self.boxes:
            self.boxes[key] = self.new_box(sub_id, slug)
        self.prestart(sub_id, slug)
        box = self.boxes[key]
        box.timeout = timeout
        return box

    def server(self, sub_id: str) -> ForkServer | PortableServer:
        if sub_id not in self.servers:
            self.servers[sub_id] = server_for(Path(self.submissions[sub_id]["path"]), detect_isolation(),
                                              Limits(), tuple(self.slugs), self.submissions[sub_id].get("digest"))
        return self.servers[sub_id]

    def new_box(self, sub_id: str, slug: str) -> Sandbox:
        return Sandbox(Path(self.submissions[sub_id]["path"]), slug,
                       timeout=float(self.plan.get("timeout", DEFAULT_TIMEOUT)), other_topics=tuple(self.slugs),
                       server=self.server(sub_id))

    def prestart(self, sub_id: str, slug: str) -> None:
        """Fork the children of the next few topics now, so they come up during this topic's checks."""
        wanted = self.submissions[sub_id].get("topics") or self.plan.get("topics") or []
        if slug not in wanted:
            return
        start = wanted.index(slug) + 1
        for nxt in wanted[start:start + PRESTART]:
            if (sub_id, nxt) not in self.boxes:
                box = self.boxes[(sub_id, nxt)] = self.new_box(sub_id, nxt)
                try:
                    box.start()
                except SubmissionChanged:
                    pass   # the topic's own checks fail with it, when they load it

    def prestart_next_submission(self, sub_id: str) -> None:
        """Boot the next submission's fork server while this one is graded."""
        nxt = self.order[sub_id] + 1
        ids = list(self.submissions)
        if nxt < len(ids):
            self.server(ids[nxt]).start()

    def close_all(self):
        for box in self.boxes.values():
            box.close()
        self.boxes.clear()
        for sub_id in [s for s in self.servers if s == self.current]:
            self.servers.pop(sub_id).close()
        self.current_topic = None
        self.trees.clear()
        # What the finished submission's sandboxes left when their fork server was killed came here.
        proctree.sweep_strays()

    def close_everything(self):
        self.close_all()
        for server in self.servers.values():
            server.close()
        self.servers.clear()
        proctree.sweep_strays()


# Fixtures take the submission (a parameter) rather than ``request``: pytest builds a fixture
# definition each time ``request`` is asked for, a tenth of a session's time.  The check being
# set up is ``GradingState.item`` (set by ``pytest_runtest_setup`` before any fixture runs).

def _topic_fixture(slug: str):
    @pytest.fixture(name=slug)
    def fixture(_gk_submission):
        state: GradingState = _STATE_HOLDER["state"]
        item = state.item
        marker = item.get_closest_marker("time_limit")
        timeout = float(marker.args[0]) if marker else float(state.plan.get("timeout", DEFAULT_TIMEOUT))
        box = state.box(_gk_submission, slug, timeout)
        box.begin_check(float(state.plan.get("budget", DEFAULT_CHECK_BUDGET)) + timeout)
        item._gk_boxes = getattr(item, "_gk_boxes", []) + [box]
        return load_module(box)

    fixture.__doc__ = f"A proxy of the submission's {slug}.py, loaded afresh in its sandbox for this check."
    return fixture


@pytest.fixture(autouse=True)
def _gk_submission():
    """The submission a check grades (its id): parametrized by ``pytest_generate_tests``."""
    return None


@pytest.fixture
def rng(_gk_submission) -> random.Random:
    """A random generator seeded by the run's seed and this check's id (recorded in the result)."""
    state: GradingState = _STATE_HOLDER["state"]
    return seeded(state.seed, check_id(state.item, state), hidden_salt(Path(str(state.item.path))))


def hidden_salt(grader: Path) -> str:
    """A hidden grader's salt for its random inputs: a digest of its own bytes, under a label of its own, so it
    is neither the published ``graders.hidden`` digest of ``assignment.toml`` nor computable without the file.
    Public graders have none: their inputs are as public as their code."""
    if not grader.name.startswith("test_hidden"):
        return ""
    try:
        return hashlib.sha256(b"gradekit rng salt\0" + grader.read_bytes()).hexdigest()[:32]
    except OSError:
        return ""


class StudentFile(type(Path())):  # type: ignore[misc]
    """The path of a student's file, carrying the bytes its sandbox was given (``structure.parse`` reads them).

    At the process level a student's code runs as the grader's user and could rewrite its own file
    once imported, so a structural rule read from disk would judge a program other than the one that
    ran.  These bytes are the digest-checked ones every topic's child was copied from.
    """

    snapshot: bytes | None = None


@pytest.fixture
def student_file(_gk_submission):
    """Path of the submission's file for this check's topic (for structural checks with ast)."""
    state: GradingState = _STATE_HOLDER["state"]
    path = StudentFile(Path(state.submissions[_gk_submission]["path"]) / f"{topic_of(state.item, state)}.py")
    path.snapshot = state.server(_gk_submission).sources.files().get(path.name)
    return path


def pytest_generate_tests(metafunc):
    state = metafunc.config.stash.get(STATE, None)
    if state is None or SUBMISSION_ARG not in metafunc.fixturenames:
        return
    ids = list(state.submissions)
    metafunc.parametrize(SUBMISSION_ARG, ids, ids=ids)


# -- collection ------------------------------------------------------------------


def grader_path(item, state: GradingState) -> str:
    """The item's grader file relative to ``graders/`` (resolved once per file, not once per check)."""
    key = str(item.path)
    rel = state.rel_paths.get(key)
    if rel is None:
        try:
            rel = Path(item.path).resolve().relative_to(state.graders.resolve()).as_posix()
        except ValueError:
            raise pytest.UsageError(f"{item.nodeid}: grader files must live under graders/<slug>/") from None
        state.rel_paths[key] = rel
    return rel


def topic_of(item, state: GradingState) -> str:
    parts = grader_path(item, state).split("/")
    return parts[0] if len(parts) > 1 else ""


def check_id(item, state: GradingState) -> str:
    """``functions/test_public.py::TestMyAbs::test_negative`` (no submission parameter)."""
    entry = getattr(item, "_gk_entry", None)
    if entry is not None:
        return entry["check"]
    parts = item.nodeid.split("::")[1:]
    parts[-1] = parts[-1].split("[")[0]
    return "::".join([grader_path(item, state), *parts])


#: The most seconds ``@time_limit`` may give one sandbox request: past this a check holds up a class's regrade.
MAX_TIME_LIMIT = 60


def describe(item, state: GradingState) -> dict:
    """Validate one check's markers and return its manifest entry."""
    where = item.nodeid.split("[")[0]
    topic = topic_of(item, state)
    if topic not in state.slugs:
        raise pytest.UsageError(f"{where}: folder graders/{topic}/ is not a topic of the kit")
    pm = item.get_closest_marker("points")
    if pm is None or len(pm.args) != 1 or pm.kwargs or type(pm.args[0]) is not int or pm.args[0] <= 0:
        raise pytest.UsageError(f"{where}: every check needs @points(n) with one positive integer")
    em = item.get_closest_marker("exercise")
    if em is None or len(em.args) != 1:
        raise pytest.UsageError(f"{where}: say which exercise the check belongs to with @exercise('name')")
    name = em.args[0]
    topic_data = state.kit.topic(topic)
    if topic_data.exercise(name) is None:
        raise pytest.UsageError(f"{where}: @exercise({name!r}) is not an exercise of {topic} "
                                f"({', '.join(e.name for e in topic_data.exercises)})")
    # The file says it (test_public*.py ship to students, nothing else does); @public may say it again.
    filename = Path(item.path).name
    visibility = "public" if filename.startswith("test_public") else "hidden"
    if visibility == "hidden" and item.get_closest_marker("public"):
        raise pytest.UsageError(f"{where}: @public checks belong in a test_public*.py file (hidden files never ship)")
    tm = item.get_closest_marker("time_limit")
    if tm is not None and (len(tm.args) != 1 or tm.kwargs or type(tm.args[0]) not in (int, float)
                           or not 0 < tm.args[0] <= MAX_TIME_LIMIT):
        # Checked here, once: at run time a bad value would be an error on every check that has it.
        raise pytest.UsageError(f"{where}: use @time_limit(seconds) with one number of seconds, "
                                f"more than 0 and at most {MAX_TIME_LIMIT}")
    hm = item.get_closest_marker("hint")
    hint = None
    if hm is not None:
        if set(hm.kwargs) != {"zh", "en"} or hm.args:
            raise pytest.UsageError(f"{where}: use @hint(zh='...', en='...')")
        hint = dict(hm.kwargs)
    return {"nodeid": item.nodeid, "check": check_id(item, state), "name": item.name.split("[")[0],
            "submission": item.callspec.params[SUBMISSION_ARG], "topic": topic, "exercise": name,
            "points": pm.args[0], "visibility": visibility, "hint": hint}


def sort_key(entry: dict, state: GradingState) -> tuple:
    """Submission by submission (so each one's sandboxes can close), every public check before any hidden
    one (what the student's code learnt in a hidden check cannot come back in a public check's message),
    then in course order."""
    topic = state.kit.topic(entry["topic"])
    exercise_index = [e.name for e in topic.exercises].index(entry["exercise"])
    return (state.order[entry["submission"]], entry["visibility"] != "public", topic.order, exercise_index)


def pytest_collection_modifyitems(session, config, items):
    state = config.stash.get(STATE, None)
    if state is None:
        return
    keep, drop, hidden = [], [], {}
    for item in items:
        entry = describe(item, state)
        sub = state.submissions[entry["submission"]]
        wanted = sub.get("topics")
        if wanted is not None and entry["topic"] not in wanted:
            drop.append(item)
            continue
        if state.plan.get("public_only") and entry["visibility"] == "hidden":
            if entry["submission"] == next(iter(state.submissions)):
                h = hidden.setdefault(entry["topic"], {}).setdefault(entry["exercise"], {"checks": 0, "points": 0})
                h["checks"] += 1
                h["points"] += entry["points"]
            drop.append(item)
            continue
        item._gk_entry = entry
        keep.append(item)
    keep.sort(key=lambda it: sort_key(it._gk_entry, state))
    if drop:
        config.hook.pytest_deselected(items=drop)
    items[:] = keep
    iso = detect_isolation()
    manifest = {"checks": [it._gk_entry for it in keep], "hidden_not_run": hidden, "isolation": iso.record()}
    manifest["mac"] = seal(state.key, manifest)
    state.manifest = manifest
    state.last_check = {it._gk_entry["submission"]: it.nodeid for it in keep}


def pytest_json_modifyreport(json_report):
    """The manifest of collected checks and every sealed outcome travel inside the report, through
    the runner's pipe; pytest's own per-test entries are not read, so they are left out."""
    state = _STATE_HOLDER.get("state")
    if state is not None and state.manifest is not None:
        json_report["gradekit_manifest"] = json.dumps(state.manifest, ensure_ascii=False)
        json_report["gradekit_tests"] = json.dumps(state.outcomes, ensure_ascii=False)
        json_report["tests"] = []


# -- outcomes ----------------------------------------------------------------------


#: Failures that the child's facts for beginners (a "did you mean", the signature written, a module
#: the student's file shadows) can explain.
BEGINNER_FACTS_KINDS = frozenset({Failure.RAISED, Failure.WRONG_EXCEPTION, Failure.IMPORT_RAISED, Failure.SYNTAX,
                                  Failure.MISSING, Failure.TODO})


def classify(exc: BaseException | None) -> tuple[str, dict]:
    """Map what a check raised onto (status, detail): the student's fault or the kit's.

    The sandbox child adds facts a beginner needs (a did-you-mean, the signature a
    call did not fit, a file shadowing a standard module).  They arrive on the
    rebuilt exception, which a grader's ``call(...)`` keeps as the failure's
    ``__context__``; they are copied into the detail here, type-checked, because
    the child is not trusted to send well-formed data.
    """

    def beginner_facts(origin) -> dict:
        facts = {}
        if not isinstance(origin, dict):
            return facts
        for key in ("suggestion", "signature", "def_file", "shadowed"):
            if isinstance(origin.get(key), str) and origin[key]:
                facts[key] = origin[key][:400]
        for key in ("def_line", "end_offset"):
            if type(origin.get(key)) is int and origin[key] > 0:
                facts[key] = origin[key]
        return facts

    def enriched(status: str, detail: dict, origin) -> tuple[str, dict]:
        if status == "fail" and detail.get("kind") in BEGINNER_FACTS_KINDS:
            detail = {**detail, **beginner_facts(origin)}
            if detail.get("signature") and detail.get("def_line") and not detail.get("line"):
                # The call did not fit the definition: the definition is the line to fix.
                detail.update(file=detail.get("def_file"), line=detail["def_line"], arity_at_call=True)
        return status, detail

    if exc is None:
        return "pass", {}
    origin = getattr(exc, "_gk_origin", None) or getattr(exc.__context__, "_gk_origin", None)
    if isinstance(origin, dict) and origin.get("helper_fault") is True:
        return "error", {"kind": Failure.GRADER_ERROR, "exc_type": str(origin.get("type", ""))[:100],
                         "exc_message": f"{str(origin.get('message', ''))[:1000]} (in a grader helper)",
                         "traceback": str(origin.get("traceback") or "")[-6000:] or None}
    if isinstance(exc, CheckFailure):
        return enriched("fail", exc.detail, getattr(exc.__context__, "_gk_origin", None))
    if isinstance(exc, SubmissionChanged):
        # Not the student's doing as far as this session can tell: the kit refuses to score the files.
        return "error", {"kind": Failure.SUBMISSION_CHANGED}
    if isinstance(exc, SandboxTimeout):
        return "timeout", {"kind": Failure.TIMEOUT, "call": exc.during, "seconds": exc.seconds, **stopped_at(exc.frames)}
    if isinstance(exc, SandboxCrashed):
        return "fail", {"kind": Failure.CRASHED, "call": exc.during, "returncode": exc.returncode,
                        "traceback": exc.stderr or None}
    if isinstance(exc, StaleHandle):
        return "fail", {"kind": Failure.STALE, "call": exc.during}
    if isinstance(exc, ChildProtocolError):
        return "fail", {"kind": Failure.PROTOCOL, "call": exc.during, "reason": exc.reason}
    origin = getattr(exc, "_gk_origin", None)
    if origin is not None:
        during = origin.get("during", "")
        if during == "import" and origin.get("type") == "FileNotFoundError" and not origin.get("line"):
            return "fail", {"kind": Failure.NO_FILE}
        if during == "import":
            kind = Failure.SYNTAX if origin.get("type") in ("SyntaxError", "IndentationError", "TabError") else Failure.IMPORT_RAISED
            detail = {"kind": kind, "exc_type": origin.get("type"), "exc_message": origin.get("message"),
                      "file": origin.get("file") or None, "line": origin.get("line") or None,
                      "offset": origin.get("offset") or None, "text": origin.get("text") or None,
                      "traceback": origin.get("traceback") or None}
            return enriched("fail", {k: v for k, v in detail.items() if v is not None}, origin)
        if origin.get("type") == "AttributeError" and "(" not in during and "[" not in during:
            return enriched("fail", {"kind": Failure.MISSING, "call": during, "exc_message": origin.get("message")}, origin)
        return enriched("fail", student_failure(exc, during).detail, origin)
    if isinstance(exc, pytest.skip.Exception):
        return "skipped", {"kind": Failure.SKIPPED, "reason": str(exc)}
    if isinstance(exc, AssertionError):
        return "fail", {"kind": Failure.ASSERT, "text": str(exc)[:2000]}
    import traceback
    return "error", {"kind": Failure.GRADER_ERROR, "exc_type": type(exc).__name__, "exc_message": str(exc)[:2000],
                     "traceback": "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))[-6000:]}


def second_look(state: GradingState, entry: dict, detail: dict) -> dict:
    """``pinpoint.refine`` with the topic's source as its sandbox ran it (parsed once per submission and topic);
    a missing file is named with the topic, so the message can say which ``grade reset`` brings it back."""
    if detail.get("kind") == Failure.NO_FILE:
        return {**detail, "topic": entry["topic"]}
    key = (entry["submission"], entry["topic"])
    if key not in state.trees:
        try:
            source = state.server(entry["submission"]).sources.files().get(f"{entry['topic']}.py")
        except Exception:  # noqa: BLE001 -- a file that changed or vanished: the check's own failure says so
            source = None
        state.trees[key] = pinpoint.tree_of(source)
    return pinpoint.refine(detail, state.trees[key], entry["exercise"], f"{entry['topic']}.py")


def stopped_at(frames: list) -> dict:
    """Where a stopped child said the student's code was (``SandboxTimeout.frames``, innermost first):
    the innermost frame's file, line and function, and the student's frames when there are several."""
    if not frames:
        return {}
    (file, line, function), *_ = frames
    place = {"file": file, "line": line, "function": function}
    if len(frames) > 1:
        place["stack"] = [list(f) for f in frames]
    return place


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    item._gk_started = time.monotonic()
    state = _STATE_HOLDER.get("state")
    if state is not None:
        state.item = item


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_protocol(item, nextitem):
    """A graded check runs pytest's three phase hooks without pytest's reporting (``grading.phases``)."""
    if getattr(item, "_gk_entry", None) is None:
        return None
    state = item.config.stash[STATE]
    heartbeat(state, item, "start")
    run_phases(item, nextitem, record)
    heartbeat(state, item, "end")
    return True


def heartbeat(state: GradingState, item, phase: str) -> None:
    """Tell the runner a check starts (with the seconds it may take at most) or has ended.

    The per-check watchdog lives in this process, which a student at the process level may
    stop; the runner, which a student cannot reach, reads these to notice and to know whom to blame.
    """
    if state.stream is None:
        return
    entry = item._gk_entry
    beat = {"phase": phase, "submission": entry["submission"], "topic": entry["topic"], "nodeid": item.nodeid}
    if phase == "start":
        marker = item.get_closest_marker("time_limit")
        timeout = float(marker.args[0]) if marker else float(state.plan.get("timeout", DEFAULT_TIMEOUT))
        # The check's budget, its last request's own limit, and a child start or two on the way.
        beat["seconds"] = float(state.plan.get("budget", DEFAULT_CHECK_BUDGET)) + 4 * timeout + 2 * START_TIMEOUT
    try:
        state.stream.write(json.dumps({"beat": beat, "mac": seal(state.key, beat)}).encode("utf-8") + b"\n")
        state.stream.flush()
    except (OSError, ValueError):
        state.stream = None


def record(item, when: str, exc: BaseException | None) -> bool:
    """Word a phase's outcome into the check's result; once its teardown is over, seal it.

    Returns whether the check has failed so far.
    """
    entry = item._gk_entry
    result = getattr(item, "_gk_result", None)
    if result is None:
        result = item._gk_result = {"check": entry["check"], "submission": entry["submission"],
                                    "status": "pass", "detail": {}}
    if when == "call" or exc is not None:
        if result["status"] == "pass" or when != "teardown":
            status, detail = classify(exc)
            if status == "fail":
                detail = second_look(item.config.stash[STATE], entry, detail)
            if not (when == "teardown" and status == "pass"):
                result["status"], result["detail"] = status, detail
    if when == "teardown":
        output = "".join("".join(box.printed) for box in getattr(item, "_gk_boxes", []))
        result["output"] = output[:OUTPUT_KEEP]
        result["duration"] = round(time.monotonic() - getattr(item, "_gk_started", time.monotonic()), 4)
        state = item.config.stash[STATE]
        sealed = {"nodeid": item.nodeid, "metadata": {"gradekit": result, "gradekit_mac": seal(state.key, result)}}
        state.outcomes.append(sealed)
        state.pending.setdefault(entry["submission"], []).append(sealed)
        if state.last_check.get(entry["submission"]) == item.nodeid:
            announce(state, entry["submission"])
    return result["status"] not in ("pass", "skipped")


def announce(state: GradingState, sub_id: str) -> None:
    """Send a finished submission's checks and sealed outcomes to the runner right away, so a batch
    stores each student as they finish rather than when the session ends.  The report at the end
    still carries everything; this is the early copy."""
    tests = state.pending.pop(sub_id, [])
    if state.stream is None:
        return
    record = {"submission": sub_id, "checks": [e for e in state.manifest["checks"] if e["submission"] == sub_id],
              "tests": tests, "isolation": state.manifest["isolation"],
              "hidden_not_run": state.manifest["hidden_not_run"]}
    try:
        state.stream.write(json.dumps({"record": record, "mac": seal(state.key, record)},
                                      ensure_ascii=False).encode("utf-8") + b"\n")
        state.stream.flush()
    except (OSError, ValueError):
        state.stream = None   # nobody listens any more: the report at the end is enough


def pytest_sessionfinish(session):
    state = session.config.stash.get(STATE, None)
    if state is not None:
        state.close_everything()
        if state.stream is not None:
            state.stream.close()
            state.stream = None

