"""The pytest plugin that runs inside the trusted grading process: its hooks and fixtures.

Loaded explicitly by the runner (``-p gradekit.grading.plugin``; plugin autoload is off).
In lifecycle order it:

1. registers the markers (``points``, ``public``, ``exercise``, ``hint``,
   ``time_limit``) so ``--strict-markers`` catches typos and ``pytest --markers``
   documents them;
2. reads the runner's *plan* (``contract.Plan``) and registers this session's
   fixtures: one per topic slug, yielding a proxy of that submission's module,
   and ``rng`` and ``student_file``;
3. parametrizes every check over the plan's submissions, so one pytest process
   grades many submissions, each check against each submission;
4. validates markers at collection and builds the *manifest* of the checks that
   run (``grading.manifest``), which travels in the report and lets the runner
   verify it;
5. runs each check's phases itself (``grading.phases``), words each outcome
   (``grading.outcomes``), seals it, streams each finished submission to the
   runner as a ``contract.Record``, and hands them all to pytest-json-report's
   report at the end (``pytest_json_modifyreport``) as one JSON text;
6. sends a sealed heartbeat on the stream as each check starts and ends, so the
   runner, outside the student's reach, can kill a session that stops making
   progress (a student who stopped this process) and blame the check in flight.

The sandboxes themselves are ``grading.pool``'s.  This process is their subreaper.

Student code never runs in this process: fixtures only hold ``Sandbox``
objects, and every value the tests see was rebuilt from plain data.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import random
import types
from pathlib import Path
from typing import Any

import pytest

from gradekit.course.kit import KitError, load_kit
from gradekit.grader import seeded
from gradekit.grading.contract import ContractError, Entry, Manifest, Plan, Record
from gradekit.grading.manifest import SUBMISSION_ARG, Collector
from gradekit.grading.outcomes import CheckRun, Sources
from gradekit.grading.phases import run_phases
from gradekit.grading.pool import SandboxPool
from gradekit.grading.seal import make_undumpable, read_key, seal
from gradekit.sandbox import proctree
from gradekit.sandbox.isolation import Isolation, IsolationUnavailable
from gradekit.sandbox.isolation import detect as detect_isolation
from gradekit.sandbox.protocol import START_TIMEOUT
from gradekit.sandbox.proxy import load_module

MARKERS = {
    "points": "points(n): what the check is worth, a positive integer (required on every check).",
    "public": "public: the check ships to students; checks are hidden unless marked.",
    "exercise": "exercise(name): the exercise (public name, e.g. 'my_abs' or 'Student.score') a check belongs to.",
    "hint": "hint(zh=..., en=...): a hint shown with this check's failure, in both languages.",
    "time_limit": "time_limit(seconds): wall-clock seconds each sandbox request of the check may take (default 2).",
}

STATE = pytest.StashKey["GradingState"]()
#: A graded check's manifest entry (set at collection) and its run (set while its phases run).
ENTRY = pytest.StashKey[Entry]()
RUN = pytest.StashKey[CheckRun]()


def pytest_addoption(parser):
    group = parser.getgroup("gradekit")
    group.addoption("--gradekit-plan", metavar="FILE", help="the runner's plan: kit, submissions, seed")
    group.addoption("--gradekit-key-fd", type=int, metavar="FD",
                    help="pipe carrying the key that seals the manifest and each outcome")
    group.addoption("--gradekit-stream-fd", type=int, metavar="FD",
                    help="pipe receiving each submission's sealed outcomes as soon as its last check is done")


def pytest_configure(config):
    for text in MARKERS.values():
        config.addinivalue_line("markers", text)
    plan_path = config.getoption("--gradekit-plan")
    if not plan_path:
        return
    try:
        plan = Plan.from_json(json.loads(Path(plan_path).read_text(encoding="utf-8")))
        # The runner probed the walls already (a bubblewrap start, a twentieth of a second): believe it.
        isolation = Isolation(**plan.isolation) if plan.isolation else detect_isolation()
    except (ValueError, TypeError, ContractError) as exc:
        raise pytest.UsageError(f"the runner's plan is not one this version reads: {exc}") from None
    except IsolationUnavailable as exc:
        raise pytest.UsageError(str(exc)) from None
    stream_fd = config.getoption("--gradekit-stream-fd")
    state = GradingState(plan, isolation, read_key(config.getoption("--gradekit-key-fd")),
                         os.fdopen(stream_fd, "wb") if stream_fd is not None else None)
    make_undumpable()
    if proctree.become_subreaper():
        proctree.start_sweeper()
    config.stash[STATE] = state
    config.pluginmanager.register(session_plugin(state), "gradekit-session")


def entry_of(item) -> Entry | None:
    """The manifest entry of a check this session grades; None for anything else pytest holds."""
    return item.stash.get(ENTRY, None)


class GradingState:
    """One session: the plan, the kit, the sealing key, the sandboxes, and what has been reported so far."""

    def __init__(self, plan: Plan, isolation: Isolation, key: bytes, stream):
        self.plan = plan
        self.isolation = isolation
        try:
            self.kit = load_kit(Path(plan.kit))
        except KitError as exc:
            raise pytest.UsageError(str(exc)) from None
        self.key = key
        self.stream = stream                # where finished submissions are announced, if anywhere
        self.collector = Collector(self.kit, plan)
        self.pool = SandboxPool(plan, isolation, tuple(self.collector.slugs))
        self.sources = Sources(self.source)
        self.manifest: Manifest | None = None
        self.outcomes: list[dict] = []      # sealed, in pytest-json-report's per-test shape
        self.pending: dict[str, list] = {}  # submission -> its sealed outcomes so far
        self.last_check: dict[str, str] = {}    # submission -> nodeid of its last check, when it announces itself
        self.item: Any = None               # the check being set up or run (fixtures take no ``request``)

    def source(self, sub_id: str, name: str) -> bytes | None:
        """A submission's file as its sandboxes were given it (digest-checked), not as it is on disk now."""
        return self.pool.server(sub_id).sources.files().get(name)

    # -- what the runner hears ---------------------------------------------------------

    def send(self, kind: str, body: dict) -> None:
        """One sealed line on the stream (``runner.verified_records`` reads it); nobody listening is no error:
        the report at the end carries every outcome too."""
        if self.stream is None:
            return
        try:
            self.stream.write(json.dumps({kind: body, "mac": seal(self.key, body)}, ensure_ascii=False).encode("utf-8")
                              + b"\n")
            self.stream.flush()
        except (OSError, ValueError):
            self.stream = None

    def time_limit(self, item) -> float:
        marker = item.get_closest_marker("time_limit")
        return float(marker.args[0]) if marker else self.plan.timeout

    def heartbeat(self, item, entry: Entry, phase: str) -> None:
        """Tell the runner a check starts (with the seconds it may take at most) or has ended.

        The per-check watchdog lives in this process, which a student at the process level may
        stop; the runner, which a student cannot reach, reads these to notice and to know whom to blame.
        """
        beat: dict = {"phase": phase, "submission": entry.submission, "topic": entry.topic, "nodeid": entry.nodeid}
        if phase == "start":
            # The check's budget, its last request's own limit, and a child start or two on the way.
            beat["seconds"] = self.plan.budget + 4 * self.time_limit(item) + 2 * START_TIMEOUT
        self.send("beat", beat)

    def finish_check(self, run: CheckRun) -> None:
        """Seal a check's outcome; once it is its submission's last, send the submission's record."""
        outcome = run.outcome().to_json()
        entry = run.entry
        sealed = {"nodeid": entry.nodeid, "metadata": {"gradekit": outcome, "gradekit_mac": seal(self.key, outcome)}}
        self.outcomes.append(sealed)
        self.pending.setdefault(entry.submission, []).append(sealed)
        if self.last_check.get(entry.submission) == entry.nodeid:
            self.send("record", self.record(entry.submission, self.manifest_of(entry.submission)).to_json())

    def manifest_of(self, sub_id: str, checks: list[Entry] | None = None) -> Manifest:
        assert self.manifest is not None
        return Manifest(self.manifest.of(sub_id) if checks is None else checks, self.manifest.hidden_not_run,
                        self.manifest.isolation)

    def record(self, sub_id: str, manifest: Manifest, round: int | None = None) -> Record:
        return Record(sub_id, manifest, self.pending.pop(sub_id, []), round)

    # -- watch mode's rounds (``grading.rounds``) ------------------------------------------

    def begin_round(self, sub_id: str, topics: list[str], seed: int) -> None:
        """Grade these topics next, with this seed, as a fresh session would; the record is sent by the caller."""
        self.plan.seed = seed
        self.plan.topics = [s for s in self.collector.slugs if s in topics]
        self.plan.submission(sub_id).topics = self.plan.topics   # what the pool forks ahead: this round's only
        self.pending.pop(sub_id, None)
        self.outcomes = []
        self.last_check = {}
        self.sources.forget()


def session_plugin(state: GradingState) -> types.ModuleType:
    """This session's fixtures and its report hook, bound to ``state``.

    Fixtures take the submission (a parameter) rather than ``request``: pytest builds a fixture
    definition each time ``request`` is asked for, a tenth of a session's time.  The check being
    set up is ``state.item``, set before any fixture runs.
    """
    plugin = types.ModuleType("gradekit_session")

    @pytest.fixture(autouse=True)
    def _gk_submission():
        """The submission a check grades (its id): parametrized by ``pytest_generate_tests``."""
        return None

    @pytest.fixture
    def rng(_gk_submission) -> random.Random:
        """A random generator seeded by the run's seed and this check's id (recorded in the result)."""
        return seeded(state.plan.seed, state.item.stash[ENTRY].check, hidden_salt(Path(str(state.item.path))))

    @pytest.fixture
    def student_file(_gk_submission):
        """Path of the submission's file for this check's topic (for structural checks with ast)."""
        path = StudentFile(Path(state.plan.submission(_gk_submission).path) / f"{state.item.stash[ENTRY].topic}.py")
        path.snapshot = state.source(_gk_submission, path.name)
        return path

    def topic_fixture(slug: str):
        @pytest.fixture(name=slug)
        def fixture(_gk_submission):
            item = state.item
            timeout = state.time_limit(item)
            box = state.pool.box(_gk_submission, slug, timeout)
            box.begin_check(state.plan.budget + timeout)
            item.stash[RUN].boxes.append(box)
            return load_module(box)

        fixture.__doc__ = f"A proxy of the submission's {slug}.py, loaded afresh in its sandbox for this check."
        return fixture

    def pytest_json_modifyreport(json_report):
        """The manifest of collected checks and every sealed outcome travel inside the report, through
        the runner's pipe; pytest's own per-test entries are not read, so they are left out."""
        if state.manifest is not None:
            manifest = state.manifest.to_json()
            manifest["mac"] = seal(state.key, manifest)
            json_report["gradekit_manifest"] = json.dumps(manifest, ensure_ascii=False)
            json_report["gradekit_tests"] = json.dumps(state.outcomes, ensure_ascii=False)
            json_report["tests"] = []

    named = {"_gk_submission": _gk_submission, "rng": rng, "student_file": student_file,
             "pytest_json_modifyreport": pytest_json_modifyreport}
    named.update((f"topic_{slug}", topic_fixture(slug)) for slug in state.collector.slugs)
    for name, value in named.items():
        setattr(plugin, name, value)
    return plugin


@functools.lru_cache(maxsize=None)   # asked by every check that takes ``rng``; a session's graders do not change
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




def pytest_generate_tests(metafunc):
    state = metafunc.config.stash.get(STATE, None)
    if state is None or SUBMISSION_ARG not in metafunc.fixturenames:
        return
    ids = [s.id for s in state.plan.submissions]
    metafunc.parametrize(SUBMISSION_ARG, ids, ids=ids)


def pytest_collection_modifyitems(session, config, items):
    state = config.stash.get(STATE, None)
    if state is None:
        return
    keep, drop, hidden = state.collector.choose(items)
    for item, entry in keep:
        item.stash[ENTRY] = entry
    if drop:
        config.hook.pytest_deselected(items=drop)
    items[:] = [item for item, _ in keep]
    state.manifest = Manifest([entry for _, entry in keep], hidden, state.isolation.record())
    state.last_check = {entry.submission: entry.nodeid for _, entry in keep}


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_protocol(item, nextitem):
    """A graded check runs pytest's three phase hooks without pytest's reporting (``grading.phases``)."""
    entry = entry_of(item)
    if entry is None:
        return None
    state = item.config.stash[STATE]
    state.heartbeat(item, entry, "start")
    state.item = item
    item.stash[RUN] = CheckRun(entry)

    def on_phase(item, when: str, exc: BaseException | None) -> bool:
        run = item.stash[RUN]
        run.phase(when, exc, state.sources)
        if when == "teardown":
            state.finish_check(run)
        return run.failed

    run_phases(item, nextitem, on_phase)
    state.heartbeat(item, entry, "end")
    return True


def pytest_sessionfinish(session):
    state = session.config.stash.get(STATE, None)
    if state is not None:
        state.pool.close()
        if state.stream is not None:
            state.stream.close()
            state.stream = None
