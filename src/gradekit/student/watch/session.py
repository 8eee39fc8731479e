"""Watch mode's grading session, started ahead and kept warm between saves.

A fresh ``grade`` spends most of a one-topic run before the first check: the
interpreter, pytest and its plugins, collecting the graders, and starting the
sandbox.  Watch mode grades the same folder on every save, so ``WarmSession``
pays that once: one hardened pytest process, started exactly as the runner
starts one (``runner.pytest_command``: ``-I``, its own config and rootdir, no
conftest, a scrubbed environment, the plan and the sealing key through pipes)
with ``gradekit.grading.rounds`` loaded, collects the graders and waits; each
``grade(topics)`` is one round in it.  The round's checks fork their children
from a fork server started when the previous round ended, which has read
nothing of the student's files yet: every save is graded by fresh sandbox
children that load the file as saved (``grading.rounds`` says how).

Each round's record comes back sealed with this session's key, and is checked
as the runner checks a streamed record (its seal, its submission, the topics
asked for, each collected check once) before it becomes a ``Result``.  The
runner's watchdog (``runner.watch_session``) watches the process between and
during rounds.  Whenever anything is off (the process died or was killed, a
record is missing, late or does not verify), ``grade`` returns None and the
caller grades with a fresh session (``runner.grade``), which has the runner's
whole recovery (``runner.isolate_killer``); the warm session is then started
again, and after ``MAX_FAILURES`` failures in a row no more.

(DESIGN §10 puts this in ``student/watch/session``; that package cannot exist
beside ``gradekit/student/commands.py`` until the layout move.)
"""

from __future__ import annotations

import json
import os
import queue
import secrets
import shutil
import stat
import subprocess
import tempfile
import threading
import time
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import BinaryIO

from gradekit.course.kit import Kit
from gradekit.grading.contract import Manifest, Plan, PlannedSubmission, Record
from gradekit.model import Result
from gradekit.grading.runner import (SESSION_SLACK, Submission, Watch, build_result, detected_isolation, git_commit,
                                     pytest_command, pytest_env, verified_records, watch_session)
from gradekit.sandbox import proctree
from gradekit.sandbox.topic import DEFAULT_CHECK_BUDGET, DEFAULT_TIMEOUT
from gradekit.grading.scoring import outcomes_by_check

#: Failures in a row after which watch mode stops starting warm sessions and grades each save afresh.
MAX_FAILURES = 3
#: Seconds a round may take per topic, on top of ``runner.SESSION_SLACK`` (as the runner allows a session).
PER_TOPIC = 20
#: Lines of the session's own output kept for a --verbose error.
OUTPUT_KEEP = 200


class WarmSession:
    """One pytest process grading the student's folder round after round; see the module's docstring."""

    def __init__(self, kit: Kit, slugs: list[str], *, lang: str = "en", timeout: float = DEFAULT_TIMEOUT,
                 budget: float = DEFAULT_CHECK_BUDGET):
        self.kit, self.slugs, self.lang, self.timeout, self.budget = kit, list(slugs), lang, timeout, budget
        self.submission = Submission(kit.starter, "s0")
        self.proc: subprocess.Popen | None = None
        self.failures = 0
        self.rounds = 0
        self.output: list[str] = []
        self._tmp: str | None = None
        self._commands: BinaryIO | None = None
        self._records: queue.Queue = queue.Queue()
        self._watch: Watch | None = None
        self._done: threading.Event | None = None
        self._before: set[int] = set()
        self._graders: tuple = ()

    @property
    def usable(self) -> bool:
        return self.failures < MAX_FAILURES

    # -- life cycle ----------------------------------------------------------------------

    def start(self) -> None:
        """Start the process now: it collects the graders and boots the first fork server while the caller
        does other work.  Returns at once."""
        if self.proc is not None or not self.usable:
            return
        self._graders = self.graders_stamp()
        self._tmp = tempfile.mkdtemp(prefix="gradekit-watch-")
        tmp = Path(self._tmp)
        key = secrets.token_bytes(32)
        plan = Plan(kit=str(self.kit.root), seed=0, public_only=False, timeout=self.timeout, budget=self.budget,
                    topics=list(self.slugs),
                    submissions=[PlannedSubmission(self.submission.id, str(Path(self.submission.path).resolve()))],
                    isolation=detected_isolation())
        key_r, key_w = os.pipe()
        os.write(key_w, key)
        os.close(key_w)
        plan_r, plan_w = os.pipe()
        stream_r, stream_w = os.pipe()
        rounds_r, rounds_w = os.pipe()
        cmd = pytest_command(self.kit, self.slugs, tmp, Path(f"/dev/fd/{plan_r}"), Path(os.devnull))
        cmd += ["--gradekit-key-fd", str(key_r), "--gradekit-stream-fd", str(stream_w),
                "-p", "gradekit.grading.rounds", "--gradekit-rounds-fd", str(rounds_r)]
        child_fds = [key_r, plan_r, stream_w, rounds_r]
        proctree.become_subreaper()
        self._before = _children()
        self._records = queue.Queue()
        try:
            self.proc = subprocess.Popen(cmd, cwd=tmp, env={**pytest_env(), "TMPDIR": str(tmp)},
                                         stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                         pass_fds=child_fds)
        except Exception:  # noqa: BLE001 -- whatever keeps it from starting, each save is graded afresh
            for fd in (plan_w, stream_r, rounds_w):
                os.close(fd)
            self._fail()
            return
        finally:
            for fd in child_fds:
                os.close(fd)
        self._commands = os.fdopen(rounds_w, "wb")
        self._watch = Watch()
        self._done = threading.Event()
        threading.Thread(target=_feed, args=(plan_w, plan), daemon=True).start()
        threading.Thread(target=self._listen, args=(stream_r, key, self._watch, self._records), daemon=True).start()
        threading.Thread(target=self._drain, args=(self.proc,), daemon=True).start()
        threading.Thread(target=watch_session, args=(self.proc, self._watch, self._done), daemon=True).start()

    def close(self) -> None:
        """End the process (it closes its sandboxes), and sweep whatever is left of it."""
        proc, self.proc = self.proc, None
        if proc is not None:
            try:
                if self._commands is not None:
                    self._commands.write(b'{"op": "exit"}\n')
                    self._commands.flush()
            except (OSError, ValueError):
                pass
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proctree.kill_frozen([proc.pid])
                proc.kill()
                proc.wait()
        if self._commands is not None:
            try:
                self._commands.close()
            except OSError:
                pass
            self._commands = None
        if self._done is not None:
            self._done.set()
        if proc is not None:
            proctree.sweep_strays(self._before)
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None

    def graders_stamp(self) -> tuple:
        """What the graders' files are now (name, size, modification time): the session collected these."""
        stamp = []
        for slug in self.slugs:
            folder = self.kit.graders / slug
            try:
                names = sorted(os.listdir(folder))
            except OSError:
                continue
            for name in names:
                try:
                    st = os.stat(folder / name)
                except OSError:
                    continue
                if stat.S_ISREG(st.st_mode):   # files only: pytest writes bytecode into __pycache__/
                    stamp.append((slug, name, st.st_size, st.st_mtime_ns))
        return tuple(stamp)

    def _fail(self) -> None:
        self.failures += 1
        self.close()

    # -- grading -----------------------------------------------------------------------------

    def grade(self, topics: list[str], seed: int) -> Result | None:
        """One round: ``topics`` graded in the warm process; None when it cannot be trusted to have been."""
        if not self.usable:
            return None
        if self.proc is not None and self.graders_stamp() != self._graders:
            self.close()   # a kit author edited a grader: collect again, as a fresh session would
        if self.proc is None:
            self.start()
        if self.proc is None or self.proc.poll() is not None or self._commands is None:
            self._fail()
            return None
        order = [s for s in self.slugs if s in topics]
        self.rounds += 1
        number = self.rounds
        started = datetime.now(timezone.utc)
        t0 = time.monotonic()
        commit: list[str | None] = []   # the folder's git commit, asked while the round runs
        asking = threading.Thread(target=lambda: commit.append(git_commit(Path(self.submission.path))), daemon=True)
        asking.start()
        try:
            self._commands.write(json.dumps({"round": number, "topics": order, "seed": seed}).encode() + b"\n")
            self._commands.flush()
        except (OSError, ValueError):
            self._fail()
            return None
        deadline = t0 + SESSION_SLACK + PER_TOPIC * len(order)
        record = None
        while record is None:
            try:
                got = self._records.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                break
            if got is None:
                break   # the stream ended: the process is gone
            if got.round == number:
                record = got
        if record is None or (self._watch is not None and self._watch.stalled):
            self._fail()
            return None
        part = self._verified(record, order)
        if part is None:
            self._fail()
            return None
        outcomes, problems = outcomes_by_check(record.tests)
        if problems:
            self._fail()
            return None
        self.failures = 0
        asking.join(timeout=10)
        sub = replace(self.submission, commit=commit[0] if commit else None)
        return build_result(self.kit, sub, order, part, outcomes, started=started,
                            duration=time.monotonic() - t0, seed=seed, lang=self.lang, public_only=False)

    def _verified(self, record: Record, order: list[str]) -> Manifest | None:
        """The record's checks, isolation and hidden counts, if it is the round asked for: None otherwise."""
        if record.submission != self.submission.id:
            return None
        if any(e.topic not in order for e in record.manifest.checks):
            return None
        return record.manifest

    # -- threads -----------------------------------------------------------------------------

    @staticmethod
    def _listen(fd: int, key: bytes, watch: Watch, records: queue.Queue) -> None:
        """Heartbeats to the watchdog, sealed round records to ``grade``; None once the stream ends."""
        try:
            with os.fdopen(fd, "rb") as stream:
                for record in verified_records(stream, key, watch):
                    if record.round is not None:
                        records.put(record)
        finally:
            records.put(None)

    def _drain(self, proc: subprocess.Popen) -> None:
        assert proc.stdout is not None
        for raw in proc.stdout:
            self.output.append(raw.decode("utf-8", "replace"))
            del self.output[:-OUTPUT_KEEP]


def _feed(fd: int, plan: Plan) -> None:
    with os.fdopen(fd, "wb") as pipe:
        try:
            pipe.write(json.dumps(plan.to_json()).encode("utf-8"))
        except BrokenPipeError:
            pass


def _children() -> set[int]:
    import psutil

    try:
        return {c.pid for c in psutil.Process().children()}
    except psutil.Error:
        return set()
