"""Runs the graders on submissions: one hardened pytest process, verified results.

The pytest process is trusted (student code runs only in sandbox children), but
it is still started defensively so nothing in a submission or the caller's
environment can steer it:

- its working directory is a fresh temporary folder, never the submission;
- ``-c`` names an empty config the runner wrote, ``--rootdir`` is the kit's
  graders folder, ``--noconftest`` and ``-p no:cacheprovider``;
- plugin autoload is off and the two plugins it needs are named with ``-p``;
- ``PYTEST_*`` and ``PYTHON*`` variables are removed and Python runs with ``-I``.

Afterwards the report is checked against the manifest of collected checks
(see ``scoring``).  Exit codes of ``grade`` are defined in ``cli``.

The per-check watchdog lives inside the pytest process, which student code can
stop at the process level where the kernel does not scope signals.  So the
runner watches too: the plugin sends a sealed heartbeat as each check starts
and ends, and a session that is stopped (``T`` in the process table) or has a
check running past its limit plus ``STALL_SLACK`` is killed with its whole tree.
The check in flight is then graded alone to confirm it, and its topic loses
its points (``grader_killed``); the session's other submissions keep the
points they had or are graded again.  The runner is a subreaper and sweeps
whatever a killed session leaves behind.
"""

from __future__ import annotations

import hmac
import json
import os
import random
import re
import secrets
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path

import psutil

from gradekit import __version__
from gradekit.grading.contract import (ContractError, Entry, Failure, HiddenCounts, Manifest, Outcome, Plan,
                                       PlannedSubmission, Record)
from gradekit.course.kit import Kit
from gradekit.model import Result
from gradekit.grading.seal import seal
from gradekit.sandbox import proctree
from gradekit.sandbox.topic import DEFAULT_CHECK_BUDGET, DEFAULT_TIMEOUT
from gradekit.grading.scoring import assemble, outcomes_by_check, submission_files

#: Seconds the whole pytest process may run, on top of the per-check budgets.
SESSION_SLACK = 120
#: Seconds a check may run past the limit its heartbeat announced before the runner kills the session.
STALL_SLACK = 20.0
#: Seconds the pytest process may stay stopped (SIGSTOP, SIGTSTP) before the runner kills it.
STOPPED_GRACE = 1.0
#: Seconds between two looks at the session's state.
WATCH_EVERY = 0.1


class RunnerError(Exception):
    """The kit could not grade at all (grader collection failed, pytest crashed...)."""

    def __init__(self, message: str, output: str = "", killed: bool = False, culprit: dict | None = None,
                 records: dict | None = None):
        super().__init__(message)
        self.output = output
        self.killed = killed  # the session was killed mid-run (by a signal), not refused by pytest
        self.culprit = culprit    # the check in flight when it died or stalled (its heartbeat), if any
        self.records = records or {}   # submission id -> its record, for submissions done before that


class Watch:
    """What the runner knows of a session from its heartbeats, and its verdict when it stalls."""

    def __init__(self) -> None:
        self.inflight: dict | None = None    # the check started and not ended, with its start time
        self.records: dict[str, Record] = {}
        self.stalled: str | None = None      # why the runner killed the session
        self.lock = threading.Lock()

    def beat(self, beat: dict) -> None:
        with self.lock:
            if beat.get("phase") == "start":
                self.inflight = {**beat, "at": time.monotonic()}
            elif self.inflight is not None and beat.get("nodeid") == self.inflight.get("nodeid"):
                self.inflight = None

    def overdue(self) -> bool:
        with self.lock:
            check = self.inflight
            if check is None:
                return False
            try:
                limit = float(check.get("seconds", 0))
            except (TypeError, ValueError):
                limit = 0.0
            return time.monotonic() - check["at"] > max(limit, DEFAULT_CHECK_BUDGET) + STALL_SLACK

    def culprit(self) -> dict | None:
        with self.lock:
            if self.inflight is None:
                return None
            return {k: self.inflight.get(k) for k in ("submission", "topic", "nodeid")}


def verified_records(stream: Iterable[bytes], key: bytes, watch: Watch) -> Iterator[Record]:
    """The records a grading process streams, each once its seal verifies; its heartbeats go to ``watch``.

    A line that is not JSON or whose seal is wrong is dropped: only pytest holds the key, so such a
    line was written by something else that reached the pipe.  A sealed one that is not a record's
    shape is dropped too (a gradekit of another version)."""
    for line in stream:
        try:
            msg = json.loads(line)
            body = msg["record"] if "record" in msg else msg["beat"]
            mac = msg["mac"]
        except (ValueError, TypeError, KeyError):
            continue
        if not (isinstance(body, dict) and isinstance(mac, str) and hmac.compare_digest(mac, seal(key, body))):
            continue
        if "beat" in msg:
            watch.beat(body)
            continue
        try:
            yield Record.from_json(body)
        except ContractError:
            continue


def _stopped(proc: psutil.Process) -> bool:
    try:
        return proc.status() in (psutil.STATUS_STOPPED, psutil.STATUS_TRACING_STOP)
    except psutil.Error:
        return False


def watch_session(proc: subprocess.Popen, watch: Watch, done: threading.Event) -> None:
    """Kill the session (its whole tree) when it is stopped or a check overruns; say why in ``watch``."""
    try:
        me = psutil.Process(proc.pid)
    except psutil.Error:
        return
    stopped_since: float | None = None
    last = time.monotonic()
    while not done.wait(WATCH_EVERY):
        now = time.monotonic()
        if now - last > 5 * WATCH_EVERY + 0.5:
            stopped_since = None     # this process was not running either (suspended, a loaded machine)
        last = now
        if _stopped(me):
            stopped_since = stopped_since if stopped_since is not None else now
        else:
            stopped_since = None
        why = None
        if stopped_since is not None and now - stopped_since >= STOPPED_GRACE:
            why = "stopped"
        elif watch.overdue():
            why = "no progress"
        if why is not None:
            watch.stalled = why
            try:
                proctree.kill_frozen([me.pid])
            except psutil.Error:
                pass
            try:
                proc.kill()
            except OSError:
                pass
            return


@dataclass
class Submission:
    path: Path
    id: str = "s0"
    topics: list[str] | None = None     # None: every selected topic
    label: str = ""
    commit: str | None = None            # known already (a batch exported it); None: asked of git
    digest: str | None = None            # ``sandbox.digest.source_digest`` at export; checked when copied


def git_commit(path: Path) -> str | None:
    from gradekit import _git

    try:
        out = _git.run(path, "rev-parse", "HEAD", check=False, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.stdout.strip() or None if out.returncode == 0 else None


#: The only variables the grading process inherits: nothing secret (tokens, keys) ever reaches it.
PASSED_ENV = ("PATH", "HOME", "LANG", "LC_ALL", "LC_CTYPE", "LC_MESSAGES", "LANGUAGE", "TMPDIR", "TZ",
              "GRADEKIT_ISOLATION", "GRADEKIT_LANDLOCK", "SYSTEMROOT")


def pytest_env() -> dict:
    env = {k: os.environ[k] for k in PASSED_ENV if k in os.environ}
    env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    return env


def pytest_command(kit: Kit, slugs: list[str], tmp: Path, plan_path: Path, report: Path) -> list[str]:
    paths = [str(kit.graders / s) for s in slugs if (kit.graders / s).is_dir()]
    return [
        sys.executable, "-I", "-m", "pytest", *paths,
        "-c", os.devnull, "--rootdir", str(kit.graders),
        "-p", "no:cacheprovider", "-p", "no:stepwise", "-p", "no:pastebin", "-p", "no:nose",
        # These collect garbage after every test to spot unraisable exceptions in the grader's own
        # process, where student code never runs: a fifth of the session's time for nothing.
        "-p", "no:unraisableexception", "-p", "no:threadexception",
        "-p", "pytest_jsonreport.plugin", "-p", "gradekit.grading.plugin",
        "--noconftest", "--strict-markers", "--import-mode=importlib",
        "-o", "python_files=test_*.py", "-o", "python_classes=Test*", "-o", "python_functions=test_*",
        "-o", "xfail_strict=true", "-o", "console_output_style=classic",
        "--basetemp", str(tmp / "basetemp"),
        # Failures are described by the plugin, not by pytest: its tracebacks cost 4x a failing check.
        "-q", "--tb=no", "-p", "no:warnings",
        # Nothing a grader prints or logs is read: capturing it per phase costs a tenth of the session.
        "-p", "no:logging", "--capture=no",
        "--json-report", f"--json-report-file={report}", "--json-report-omit", "collectors", "log", "streams", "keywords", "traceback",
        "--gradekit-plan", str(plan_path),
    ]


def run_pytest(kit: Kit, slugs: list[str], tmp: Path, plan: Plan, key: bytes, timeout: float, extra=(),
               on_record=None):
    """Run the grading session; plan, key and report all travel through pipes only pytest holds.

    Nothing the session reads or writes lies in the file system (its config is
    ``-c /dev/null``), so no process of a student's can rewrite it; the key seals
    the report's contents besides.  With ``on_record``, each submission's sealed
    outcomes also arrive on a pipe as soon as its last check is done, and
    ``on_record(record)`` is called (from another thread) with each one whose seal holds.
    """
    key_r, key_w = os.pipe()
    os.write(key_w, key)
    os.close(key_w)
    plan_r, plan_w = os.pipe()
    report_r, report_w = os.pipe()
    cmd = pytest_command(kit, slugs, tmp, Path(f"/dev/fd/{plan_r}"), Path(f"/dev/fd/{report_w}"))
    cmd += ["--gradekit-key-fd", str(key_r), *extra]
    child_fds = [key_r, report_w, plan_r]
    watch = Watch()
    stream_r, stream_w = os.pipe()
    cmd += ["--gradekit-stream-fd", str(stream_w)]
    child_fds.append(stream_w)

    def listen():
        with os.fdopen(stream_r, "rb") as stream:
            for record in verified_records(stream, key, watch):
                watch.records[record.submission] = record
                if on_record is not None:
                    on_record(record)
    listener = threading.Thread(target=listen, daemon=True)

    def feed():
        with os.fdopen(plan_w, "wb") as pipe:
            try:
                pipe.write(json.dumps(plan.to_json()).encode("utf-8"))
            except BrokenPipeError:
                pass
    chunks: list[bytes] = []

    def drain():
        while True:
            chunk = os.read(report_r, 1 << 20)
            if not chunk:
                return
            chunks.append(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    feeder = threading.Thread(target=feed, daemon=True)
    proctree.become_subreaper()
    before = _children()
    try:
        # TMPDIR: the sandboxes' folders live inside this run's folder, which is removed even when the
        # session is killed before it can clean up after itself.
        proc = subprocess.Popen(cmd, cwd=tmp, env={**pytest_env(), "TMPDIR": str(tmp)}, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, pass_fds=child_fds)
    finally:
        for fd in child_fds:
            os.close(fd)
    reader.start()
    feeder.start()
    listener.start()
    done = threading.Event()
    watcher = threading.Thread(target=watch_session, args=(proc, watch, done), daemon=True)
    watcher.start()
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        watch.stalled = "session budget"
        if proc.poll() is None:
            proctree.kill_frozen([proc.pid])
        proc.kill()
        out, _ = proc.communicate()
    finally:
        done.set()
    watcher.join(timeout=10)
    # Whatever the session's sandboxes left when it died came here (this process is their subreaper).
    proctree.sweep_strays(before)
    reader.join(timeout=30)
    listener.join(timeout=30)
    os.close(report_r)
    output = out.decode("utf-8", "replace")
    try:
        report = json.loads(b"".join(chunks)) if chunks else None
    except ValueError:
        report = None
    return (report if isinstance(report, dict) else None), output, proc.returncode, watch


def _children() -> set[int]:
    try:
        return {c.pid for c in psutil.Process().children()}
    except psutil.Error:
        return set()


def detected_isolation() -> dict:
    """The walls this machine gives (probed once per process, ``isolation.detect``), for the plan; empty when
    there are none to be had, so the session finds that out itself and refuses to grade, saying why."""
    from dataclasses import asdict

    from gradekit.sandbox import isolation

    try:
        return asdict(isolation.detect())
    except isolation.IsolationUnavailable:
        return {}


def run_session(kit: Kit, slugs: list[str], submissions: list[Submission], *, seed: int, public_only: bool = False,
                timeout: float = DEFAULT_TIMEOUT, budget: float = DEFAULT_CHECK_BUDGET,
                extra: tuple[str, ...] = (), on_record=None) -> tuple[Manifest, dict[str, Outcome]]:
    """One pytest session; returns the verified manifest and the sealed outcomes by nodeid."""
    with tempfile.TemporaryDirectory(prefix="gradekit-run-", ignore_cleanup_errors=True) as tmpdir:
        tmp = Path(tmpdir)
        plan = Plan(kit=str(kit.root), seed=seed, public_only=public_only, timeout=timeout, budget=budget,
                    topics=list(slugs),
                    submissions=[PlannedSubmission(s.id, str(Path(s.path).resolve()), s.topics, s.digest)
                                 for s in submissions], isolation=detected_isolation())
        key = secrets.token_bytes(32)
        report, output, returncode, watch = run_pytest(
            kit, slugs, tmp, plan, key, SESSION_SLACK + 20 * len(slugs) * max(1, len(submissions)), extra, on_record)
    if report is None or watch.stalled:
        why = f" ({watch.stalled})" if watch.stalled else ""
        raise RunnerError(f"the grading process stopped without a report (exit code {returncode}){why}", output,
                          killed=returncode is not None and returncode < 0 or watch.stalled is not None,
                          culprit=watch.culprit(), records=watch.records)
    if returncode not in (0, 1, 5):
        # 0/1: checks ran (all passed / some failed); 5: nothing selected.  Anything else is
        # pytest refusing the graders (collection error, usage error, internal error).  Sessions
        # run with --tb=no, so collect once more with tracebacks to tell the author why.
        with tempfile.TemporaryDirectory(prefix="gradekit-run-", ignore_cleanup_errors=True) as tmpdir:
            _, why, _, _ = run_pytest(kit, slugs, Path(tmpdir), plan, key, SESSION_SLACK,
                                      ("--collect-only", "--tb=short"))
        raise RunnerError(f"the graders could not be run (pytest exit code {returncode})", without_node_ids(why or output))
    try:
        body = json.loads(report.get("gradekit_manifest") or "null")
    except (TypeError, ValueError):
        body = None
    if not isinstance(body, dict) or "mac" not in body:
        raise RunnerError("the graders could not be collected", output)
    mac = body.pop("mac")
    if not hmac.compare_digest(str(mac), seal(key, body)):
        raise RunnerError("the list of collected checks does not carry the grading process's seal", output)
    try:
        manifest = Manifest.from_json(body)
    except ContractError as exc:
        raise RunnerError(f"the list of collected checks is not one this version reads: {exc}", output) from None
    try:
        tests = json.loads(report.get("gradekit_tests") or "[]")
    except (TypeError, ValueError):
        tests = []
    outcomes, _problems = outcomes_by_check(
        tests, lambda payload, mac: isinstance(mac, str) and hmac.compare_digest(mac, seal(key, payload)))
    return manifest, outcomes


#: What ``--collect-only`` lists besides the error: every check's node id, then a count.
_COLLECTED = re.compile(r"^(\S+\.py::\S+|\d+ tests? collected.*|no tests ran in [\d.]+s)$")


def without_node_ids(output: str) -> str:
    """pytest's reason for refusing the graders, without the list of checks it did collect: an author
    with one bad marker needs the one line naming it, not every check of the kit after it."""
    lines = [line for line in output.splitlines() if not _COLLECTED.match(line.strip())]
    return "\n".join(lines).strip() + "\n"


def collect(kit: Kit, topics: list[str] | None = None) -> list[Entry]:
    """The checks the graders define (manifest entries), without running any."""
    slugs = [t.slug for t in kit.select(topics)]
    manifest, _ = run_session(kit, slugs, [Submission(kit.starter, "collect")], seed=0, extra=("--collect-only",))
    return manifest.checks


def isolate_killer(kit: Kit, slugs: list[str], submissions: list[Submission], first: RunnerError | None = None,
                   **options) -> tuple[Manifest, dict[str, Outcome]]:
    """The session was killed or stalled (a child can signal the grader at process-level isolation).

    Submissions it finished keep their sealed outcomes.  The check in flight (its heartbeat says which)
    is graded again alone, topic and submission: dying again there convicts that topic, which loses
    its points; everything else is graded again together.  Without a heartbeat to go by, each
    submission is graded alone, and a submission whose session dies again topic by topic.
    """
    from collections import deque

    manifest = Manifest()
    outcomes: dict[str, Outcome] = {}

    def merge(part: Manifest, found: dict[str, Outcome]) -> None:
        manifest.add(part)
        outcomes.update(found)

    def blame(sub: Submission, slug: str) -> None:
        part = Manifest([replace(e, submission=sub.id, nodeid=e.nodeid.replace("[collect]", f"[{sub.id}]"))
                         for e in collect(kit, [slug])])
        merge(part, {e.nodeid: Outcome("fail", {"kind": Failure.GRADER_KILLED}, check=e.check, submission=sub.id)
                     for e in part.checks})

    def explicit(sub: Submission) -> Submission:
        return replace(sub, topics=[s for s in slugs if sub.topics is None or s in sub.topics])

    def topics(sub: Submission) -> list[str]:
        return sub.topics or []   # explicit already

    queue: deque[list[Submission]] = deque()
    retried: set[tuple[str, str]] = set()

    def killed(exc: RunnerError, subs: list[Submission]) -> None:
        done = set()
        for sub_id, record in exc.records.items():
            if any(s.id == sub_id for s in subs):
                found, _ = outcomes_by_check(record.tests)
                merge(record.manifest, found)
                done.add(sub_id)
        rest = [s for s in subs if s.id not in done]
        culprit = exc.culprit or {}
        guilty = next((s for s in rest if s.id == culprit.get("submission") and culprit.get("topic") in topics(s)), None)
        if guilty is not None:
            topic = culprit["topic"]
            if len(rest) == 1 and topics(guilty) == [topic]:
                blame(guilty, topic)
                return
            queue.append([replace(guilty, topics=[topic])])
            others = [s for s in rest if s is not guilty]
            if len(topics(guilty)) > 1:
                others.append(replace(guilty, topics=[t for t in topics(guilty) if t != topic]))
            if others:
                queue.append(others)
        elif len(rest) > 1:
            queue.extend([s] for s in rest)
        elif rest and len(topics(rest[0])) > 1:
            queue.extend([replace(rest[0], topics=[t])] for t in topics(rest[0]))
        elif rest:
            # No heartbeat named it (stopped before its first check, or by someone else): once more
            # alone, and only a second death convicts it.
            key = (rest[0].id, topics(rest[0])[0])
            if key in retried:
                blame(rest[0], key[1])
            else:
                retried.add(key)
                queue.append([rest[0]])

    subs = [s for s in (explicit(s) for s in submissions) if s.topics]
    if first is not None:
        killed(first, subs)
    else:
        queue.extend([s] for s in subs)
    while queue:
        group = queue.popleft()
        mine = [s for s in slugs if any(s in topics(sub) for sub in group)]
        try:
            merge(*run_session(kit, mine, group, **options))
        except RunnerError as exc:
            if not exc.killed:
                raise
            killed(exc, group)
    return manifest, outcomes


#: A single student's many topics are split over this many sessions at most (one per core).
SPLIT_MIN_TOPICS = 8


def session_groups(slugs: list[str], submissions: list[Submission], workers: int | None) -> list[list[str]]:
    """Topics per session.  A grading session is a ping-pong between pytest and a child, using
    about one core; one student's whole kit is split across cores (topics interleaved, so each
    group gets a fair share of heavy and light topics).  Batches parallelise over students instead.

    Only under bubblewrap: each session runs its own public checks before its hidden ones, but
    below it two sessions' children share ``/dev/shm`` and the loopback, so one session's hidden
    inputs could reach the other's public messages, which the student reads in full."""
    n = workers if workers is not None else min(2, os.cpu_count() or 1)
    if len(submissions) != 1 or len(slugs) < SPLIT_MIN_TOPICS or n < 2:
        return [slugs]
    from gradekit.sandbox import isolation

    try:
        if isolation.detect().level != "bwrap":
            return [slugs]
    except isolation.IsolationUnavailable:
        return [slugs]
    return [slugs[i::n] for i in range(n)]


def grade(kit: Kit, submissions: list[Submission], *, topics: list[str] | None = None, seed: int | None = None,
          public_only: bool = False, lang: str = "en", timeout: float = DEFAULT_TIMEOUT,
          budget: float = DEFAULT_CHECK_BUDGET, workers: int | None = None, on_result=None) -> list[Result]:
    """Grade every submission; one ``Result`` per submission, in order.

    ``on_result(submission, result)``, if given, is called (from another thread) as soon as a
    submission is done, before the session ends: a batch stores each student as they finish.
    """
    slugs = [t.slug for t in kit.select(topics)]
    seed = random.randrange(1, 2**31) if seed is None else seed
    started = datetime.now(timezone.utc)
    t0 = time.monotonic()
    options = dict(seed=seed, public_only=public_only, timeout=timeout, budget=budget)
    result_options = dict(started=started, seed=seed, lang=lang, public_only=public_only)
    groups = session_groups(slugs, submissions, workers)
    by_id = {s.id: s for s in submissions}
    previous = [t0]

    def on_record(record: Record) -> None:
        """A submission finished in a session that grades all its topics: its result, now."""
        sub = by_id.get(record.submission)
        if sub is None:
            return  # the report at the end carries it too
        outcomes, _ = outcomes_by_check(record.tests)  # the record as a whole is sealed
        now = time.monotonic()
        result = build_result(kit, sub, slugs, record.manifest, outcomes, duration=now - previous[0], **result_options)
        previous[0] = now
        on_result(sub, result)

    streaming = on_result is not None and len(groups) == 1

    def session(group: list[str]) -> tuple[Manifest, dict[str, Outcome]]:
        try:
            return run_session(kit, group, submissions, **options, on_record=on_record if streaming else None)
        except RunnerError as exc:
            if not exc.killed:
                raise
            return isolate_killer(kit, group, submissions, exc, **options)

    if len(groups) == 1:
        parts = [session(slugs)]
    else:
        from concurrent.futures import ThreadPoolExecutor
        with ThreadPoolExecutor(len(groups)) as pool:
            parts = list(pool.map(session, groups))
    manifest = Manifest()
    outcomes: dict[str, Outcome] = {}
    for part, found in parts:
        manifest.add(part)
        outcomes.update(found)
    duration = (time.monotonic() - t0) / max(1, len(submissions))
    return [build_result(kit, sub, slugs, manifest, outcomes, duration=duration, **result_options)
            for sub in submissions]


def build_result(kit: Kit, sub: Submission, slugs: list[str], manifest: Manifest, outcomes: dict[str, Outcome], *,
                 started: datetime,
                 duration: float, seed: int, lang: str, public_only: bool) -> Result:
    """One submission's ``Result`` from the checks the session collected and their outcomes."""
    entries = manifest.of(sub.id)
    hidden_not_run = dict(manifest.hidden_not_run)
    add_released_hidden_counts(kit, slugs, entries, hidden_not_run)
    sub_slugs = [s for s in slugs if sub.topics is None or s in sub.topics]
    about: dict[str, object] = {"id": sub.id, "path": str(sub.path), "label": sub.label,
                                 "commit": sub.commit if sub.commit is not None else git_commit(Path(sub.path))}
    if any(Failure.of(o.detail) == Failure.SUBMISSION_CHANGED for o in (outcomes.get(e.nodeid) for e in entries) if o):
        about["changed_on_disk"] = True   # not scored on those files: the batch exports and grades it again
    return Result(
        kit_version=__version__,
        submission=about,
        started=started.isoformat(timespec="seconds"), duration=duration,
        seed=seed, lang=lang, isolation=manifest.isolation.get("level", "unknown"),
        public_only=public_only,
        topics=assemble(kit, sub_slugs, entries, outcomes, hidden_not_run, lang, files=submission_files(sub.path)),
    )


def add_released_hidden_counts(kit: Kit, slugs: list[str], entries: list[Entry], hidden_not_run: HiddenCounts) -> None:
    """In a released template the hidden graders are absent; ``graders/<slug>/hidden.json`` counts them."""
    present = {e.topic for e in entries if e.visibility == "hidden"} | set(hidden_not_run)
    for slug in slugs:
        counts = kit.graders / slug / "hidden.json"
        if slug in present or not counts.is_file():
            continue
        try:
            data = json.loads(counts.read_text(encoding="utf-8"))
            hidden_not_run[slug] = {ex: {"checks": int(v["checks"]), "points": int(v["points"])}
                                    for ex, v in data.items()}
        except (ValueError, KeyError, TypeError, AttributeError):
            continue
