"""``grade batch``: the authoritative regrade of a whole class.

Students come from a folder of repositories or a roster (``sources``).  Work
is cut into chunks; ``--jobs`` chunks run at once, each one pytest process
grading several students (every student in sandboxes of their own).  A chunk
fetches and exports its students' repositories when a worker takes it up (not
the whole class up front) and grades them; each student's
row is stored the moment their last check is done (the session streams it, see
``runner.grade``), so an interrupted batch loses only the students in flight.
Chunks are large enough that pytest's start-up is paid rarely, and small enough
that the jobs stay evenly loaded.  A chunk whose session fails is retried one
student at a time, so one broken submission cannot take its neighbours down.
At the process level every child runs as the instructor's user and could
rewrite a neighbour's exported files, so each export's digest is taken at once
and checked by the sandbox over the bytes it copies; a submission found changed
is exported again and graded alone (``Batch.settle``).  The batch refuses that
level unless asked (``isolation_gate``).
Reports, the gradebook and the dashboard are written from the store at the end
(``reports``), so a resumed or merged batch produces the same files.

``batch.json`` records the assignment's digest and every option that changes a
grade (``recorded_options``).  A rerun into the same ``--out`` with other ones
would mix two gradings in one gradebook, so it is refused (``check_rerun``),
naming ``--fresh`` (the old output is moved aside, never deleted: a mistyped
``--fresh`` loses nothing) or ``--regrade USER``.  The one change ``--regrade``
may carry is the extensions file: an extension concerns one student, so
regrading exactly the students whose extension changed brings the store back
to one grading; any student whose extension changed but who is not regraded
is named, and the rerun refused.
"""

from __future__ import annotations

import difflib
import errno
import json
import random
import time
import shutil
import sqlite3
import threading
import zlib
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from gradekit.classroom.batch_plan import extensions_digest
from gradekit.classroom.template import CommittedTemplate
from gradekit.course.assignment import Assignment, LatePolicy, StudentDeadline, iso
from gradekit.classroom.tamper import integrity_flags
from gradekit.messages.catalogue import t
from gradekit.course.kit import Kit
from gradekit.render.native import to_json
from gradekit.grading.runner import RunnerError, Submission, collect, grade
from gradekit.sandbox.digest import digest_of, source_digest
from gradekit.classroom.sources import Prepared, Student, prepare
from gradekit.classroom.store import Store, file_key

#: Students per pytest session: at least, and at most (a chunk is a quarter of the class per job).
CHUNK_MIN, CHUNK_MAX = 5, 25
#: The errors that mean "free some space": only these tell the instructor to.
DISK_FULL = (errno.ENOSPC, errno.EDQUOT)


class BatchStopped(Exception):
    """The machine failed under the batch (disk full...): what was stored stays; rerun to resume."""


class BatchRefused(Exception):
    """The batch will not start (isolation too weak without the instructor's say-so): nothing was graded."""


#: The flag of a student whose files changed on disk between export and grading, again after a fresh export.
CHANGED_FLAG = "changed-during-grading"


def isolation_gate(allow_process_level: bool, lang: str) -> str:
    """The batch is the grade, so it runs at the bwrap level; below it only with ``--allow-process-level``.

    Returns what to say once before grading ('' at bwrap); raises ``BatchRefused`` when refused.
    """
    from gradekit.sandbox import isolation

    try:
        iso = isolation.detect()
    except isolation.IsolationUnavailable as exc:
        raise BatchRefused(str(exc)) from None
    if iso.level == "bwrap":
        return ""
    if not allow_process_level:
        raise BatchRefused(t("batch_needs_bwrap", lang, level=iso.level, reason=iso.reason, fix=isolation.FIX))
    landlock = getattr(iso, "landlock", None)
    where = t("batch_landlock_here", lang, abi=landlock) if landlock else t("batch_landlock_none", lang)
    return t(f"batch_{iso.level}_level_limits", lang, landlock=where)


def os_error(exc: OSError) -> str:
    """An OSError as one line: what failed, and on which file."""
    where = f": {exc.filename}" if exc.filename else ""
    return f"{exc.strerror or exc}{where}"


@dataclass
class BatchOptions:
    out: Path
    jobs: int = 2
    deadline: datetime | None = None
    template: CommittedTemplate | None = None   # the released template as committed (classroom.template)
    shard: tuple[int, int] | None = None     # (k, n), 1-based k
    regrade: tuple[str, ...] = ()
    seed: int | None = None
    lang: str = "en"
    timeout: float = 2.0
    chunk: int | None = None     # students per session; None: sized from the class and the jobs
    assignment: Assignment | None = None      # as the file says (its digest is recorded); None: the old flags
    extensions: dict[str, datetime] = field(default_factory=dict)
    overrides: tuple[str, ...] = ()           # "--deadline ... (the assignment says ...)", recorded in batch.json
    points: int | None = None                 # max_score of every row; None: what the kit's graders are worth
    full_feedback: bool = False
    fresh: bool = False                       # move an output of other options aside and start over

    def policy_for(self, username: str) -> StudentDeadline:
        """The deadline, cut-off and late penalty this student is graded under (an extension moves both)."""
        if self.assignment is None:
            return StudentDeadline(self.deadline, None, LatePolicy())
        return self.assignment.with_(deadline=self.deadline).for_student(username, self.extensions)


def after_penalty(points, penalty_percent: float):
    """The score after a late penalty, to 2 decimals; a whole number stays an int (7, not 7.0)."""
    if not penalty_percent:
        return points
    score = round(points * (1 - penalty_percent / 100), 2)
    return int(score) if float(score).is_integer() else score


def _shown(value) -> str:
    if isinstance(value, list):
        return ",".join(map(str, value)) or "none"
    return "none" if value in (None, "") else str(value)


def parse_shard(text: str) -> tuple[int, int]:
    k, _, n = text.partition("/")
    k, n = int(k), int(n)
    if not (1 <= k <= n):
        raise ValueError(f"--shard {text}: K must be between 1 and N")
    return k, n


def in_shard(username: str, shard: tuple[int, int] | None) -> bool:
    """A deterministic slice: the same student always lands in the same shard."""
    if shard is None:
        return True
    k, n = shard
    return zlib.crc32(username.encode("utf-8")) % n == k - 1


def student_dict(s: Student) -> dict:
    return {"username": s.username, "url": s.url, "folder": str(s.folder) if s.folder else None,
            "roster_identifier": s.roster_identifier, "repository_name": s.repository_name, "extra": s.extra}


def changed(result) -> bool:
    """The sandbox found the files it copied unlike the digest taken at export."""
    return bool(result.submission.get("changed_on_disk"))


def export_digest(p: Prepared) -> str:
    """``source_digest`` of the submission folder, computed from the bytes git gave the export rather than read
    back from disk, so a write landing between the export and this digest is caught too.  A folder graded in
    place (not a repository) has no such bytes: its digest is read from it."""
    folder = submission_folder(p.path)
    if p.sources is None:
        return source_digest(folder)
    prefix = "starter/" if folder != p.path else ""
    return digest_of({path[len(prefix):]: data for path, data in p.sources.items()
                      if path.startswith(prefix) and "/" not in path[len(prefix):]})


def sub_id(index: int) -> str:
    """A student's id inside one grading session: their place in the chunk.  Never the username, which a
    session would carry into pytest's node ids; the result maps back through the chunk, not by parsing this."""
    return f"s{index}"


def submission_folder(path: Path) -> Path:
    return path / "starter" if (path / "starter").is_dir() else path


class Batch:
    def __init__(self, kit: Kit, students: list[Student], options: BatchOptions, progress=None):
        self.kit, self.options, self.progress = kit, options, progress
        self.out = Path(options.out)
        self.out.mkdir(parents=True, exist_ok=True)
        self.notes: list[str] = []
        self.roster = [s.username for s in students]
        if options.fresh:
            self.check_regrade_names()  # a refused --fresh run moves nothing aside
            self.move_aside()
        self.store = Store(self.out / "grades.sqlite")
        if self.store.recovered:
            self.notes.append(self.store.recovered)
            self.restore_rows()
        seen = set()
        self.students = []
        for s in students:
            if s.username in seen:
                self.notes.append(f"{s.username} appears twice; graded once")
                continue
            seen.add(s.username)
            if in_shard(s.username, options.shard):
                self.students.append(s)
        self.slugs = [t.slug for t in kit.topics]
        self.seed = options.seed if options.seed is not None else self.saved_seed()
        self._max_score: int | None = options.points
        self._checked = False
        self._said_points = False
        self._max_lock = threading.Lock()
        self._save_lock = threading.Lock()

    # -- bookkeeping -----------------------------------------------------------

    @property
    def max_score(self) -> int:
        """What the kit is worth: from the first graded student, or (no one graded yet) by collecting the
        graders, a pytest session of its own that a batch of good repositories never needs."""
        with self._max_lock:
            if self._max_score is None:
                self._max_score = sum(c.points for c in collect(self.kit))
            return self._max_score

    def saved_seed(self) -> int:
        """Reuse the seed of an interrupted run, so a resumed batch grades everyone alike."""
        meta = self.read_meta()
        try:
            return int(meta["seed"])
        except (ValueError, KeyError, TypeError):
            pass
        seed = random.randrange(1, 2**31)
        (self.out / "batch.json").write_text(json.dumps({"seed": seed}), encoding="utf-8")
        return seed

    def read_meta(self) -> dict:
        meta = self.out / "batch.json"
        try:
            data = json.loads(meta.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def move_aside(self) -> None:
        """``--fresh``: what an earlier run left in ``--out`` goes to ``--out/previous-<time>/``, not away."""
        names = ["grades.sqlite", "grades.sqlite-wal", "grades.sqlite-shm", ".rows", "batch.json", "reports",
                 "results", "workspace", "gradebook.csv", "gradebook-canvas.csv", "gradebook-moodle.csv",
                 "dashboard.html"]  # the gradebooks too: left behind, they would not match the new store
        present = [n for n in names if (self.out / n).exists()]
        if not present:
            return
        stamp = time.strftime('%Y%m%d-%H%M%S')
        aside = self.out / f"previous-{stamp}"
        n = 1
        while aside.exists():  # two --fresh runs in one second
            n += 1
            aside = self.out / f"previous-{stamp}-{n}"
        aside.mkdir()
        for name in present:
            (self.out / name).rename(aside / name)
        self.notes.append(f"--fresh: the earlier results were moved to {aside}")

    def recorded_options(self) -> dict:
        """Every option that changes a grade; a rerun must match them (``check_rerun``)."""
        o = self.options
        a = o.assignment
        return {"assignment_digest": a.digest if a is not None else None, "topics": list(self.slugs),
                "deadline": iso(o.deadline) if o.deadline is not None else None, "seed": self.seed,
                "template_commit": o.template.commit if o.template is not None else None,
                "extensions_digest": extensions_digest(o.extensions), "lang": o.lang, "timeout": o.timeout,
                "full_feedback": o.full_feedback}

    #: Recorded, not compared: reports are written again from the store on every run, so switching it needs no
    #: regrade.
    NOT_COMPARED = ("full_feedback",)

    def write_meta(self) -> None:
        o = self.options
        data = {"format_version": 1, "seed": self.seed,
                "assignment": {"digest": o.assignment.digest, "data": o.assignment.to_dict()} if o.assignment else None,
                "shard": f"{o.shard[0]}/{o.shard[1]}" if o.shard else None, "options": self.recorded_options(),
                "overrides": list(o.overrides),
                "extensions": {u: iso(d) for u, d in sorted(o.extensions.items())}}
        tmp = self.out / ".batch.json.tmp"
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        tmp.replace(self.out / "batch.json")

    def check_rerun(self) -> None:
        """Refuse (``BatchRefused``) a rerun whose options differ from the stored rows'; then record them."""
        if self._checked:
            return
        self.check_regrade_names()
        meta = self.read_meta()
        stored = meta.get("options")
        done = self.store.done()
        self.check_row_digests()
        if done and isinstance(stored, dict):
            now = self.recorded_options()
            differ = [k for k in now if k not in self.NOT_COMPARED and stored.get(k) != now[k]]
            shard = f"{self.options.shard[0]}/{self.options.shard[1]}" if self.options.shard else None
            if meta.get("shard", shard) != shard:
                differ.append("shard")
                stored = {**stored, "shard": meta.get("shard")}
                now = {**now, "shard": shard}
            if differ == ["extensions_digest"]:
                self.check_extension_regrades(meta.get("extensions") or {}, done)
            elif differ:
                said = "; ".join(f"{k}: {_shown(stored.get(k))} there, {_shown(now.get(k))} now" for k in differ)
                raise BatchRefused(
                    f"{self.out} holds results graded with other options ({said}); give --fresh to start over "
                    f"(the old results are moved to {self.out}/previous-<time>/), or --regrade USER to grade one "
                    "student again (only when what changed is that student's row of the extensions file)")
        elif done and not isinstance(stored, dict):
            self.notes.append(f"{self.out / 'batch.json'} records no options (an older gradekit wrote it): the "
                              "stored results are assumed to match these; give --fresh to start over")
        self.write_meta()
        self._checked = True

    def check_row_digests(self) -> None:
        """Each stored row names the assignment it was graded under: with batch.json lost or edited, they still
        refuse a rerun under another assignment (which would mix two deadlines in one gradebook)."""
        a = self.options.assignment
        if a is None:
            return
        forgotten = set(self.options.regrade)
        other = sorted({r["username"] for r in self.store.rows() if r["username"] not in forgotten
                        and (r.get("grading") or {}).get("assignment_digest") not in (None, a.digest)})
        if other:
            shown = ", ".join(other[:5]) + (f" and {len(other) - 5} more" if len(other) > 5 else "")
            raise BatchRefused(f"{self.out} holds rows graded under another assignment ({shown}); give --fresh to "
                               f"start over (the old results are moved to {self.out}/previous-<time>/), or "
                               "--regrade USER for each of them")

    def check_extension_regrades(self, before: dict, done: set[str]) -> None:
        now = {u: iso(d) for u, d in self.options.extensions.items()}
        changed = sorted(u for u in set(before) | set(now) if before.get(u) != now.get(u) and u in done)
        missing = [u for u in changed if u not in self.options.regrade]
        if missing:
            raise BatchRefused(
                f"the extensions file changed for {', '.join(missing)}, already graded under the old deadline; "
                f"give {' '.join('--regrade ' + u for u in missing)} to grade them again under the new one, or "
                "--fresh to start over")
        if changed:
            self.notes.append(f"extensions changed for {', '.join(changed)}: graded again")

    def check_regrade_names(self) -> None:
        """A ``--regrade`` typo used to do nothing and say nothing."""
        known = set(self.roster)
        for user in self.options.regrade:
            if user not in known:
                close = difflib.get_close_matches(user, sorted(known), n=3, cutoff=0.6)
                hint = f"; did you mean {' or '.join(close)}?" if close else ""
                raise BatchRefused(f"--regrade {user}: no such student in the roster{hint}")

    def restore_rows(self) -> None:
        for path in sorted((self.out / ".rows").glob("*.json")):
            try:
                self.store.save(json.loads(path.read_text(encoding="utf-8")))
            except (ValueError, OSError):
                continue

    def save(self, row: dict) -> None:
        """Store one row now: the database first, then a JSON copy to rebuild it from."""
        with self._save_lock:  # rows arrive from every session's stream at once
            self._save(row)

    def _save(self, row: dict) -> None:
        try:
            self.store.save(row)
        except sqlite3.OperationalError as exc:
            if "full" in str(exc) or "disk" in str(exc):
                raise OSError(errno.ENOSPC, str(exc)) from None
            raise
        rows = self.out / ".rows"
        rows.mkdir(exist_ok=True)
        name = file_key(row["username"])  # the roster's text is never a path (store.file_key)
        tmp = rows / f".{name}.tmp"
        tmp.write_text(json.dumps(row, ensure_ascii=False), encoding="utf-8")
        tmp.replace(rows / f"{name}.json")
        if self.progress:
            self.progress(row)

    # -- grading ------------------------------------------------------------------

    def todo(self) -> list[Student]:
        """Who is left to grade (``--regrade`` forgets its students first); ``run`` checks the options before."""
        for user in self.options.regrade:
            self.store.forget(user)
            (self.out / ".rows" / f"{file_key(user)}.json").unlink(missing_ok=True)
        done = self.store.done()
        return [s for s in self.students if s.username not in done]

    def row_for(self, p: Prepared, result=None, status=None, message=None) -> dict:
        """One stored row (the shared contract): ``score`` is ``None`` unless graded, and after the penalty."""
        status = status or p.status
        if status == "no-student-commits":
            key = "batch_no_student_commits_later" if p.later_commits else "batch_no_student_commits"
            message = t(key, self.options.lang, later=p.later_commits)
        policy = self.options.policy_for(p.student.username)
        if result is not None and self.options.points is None:
            with self._max_lock:
                self._max_score = result.max_score
        elif result is not None and result.max_score != self.options.points and not self._said_points:
            self._said_points = True
            self.notes.append(f"the kit's graders are worth {result.max_score} points, the assignment says "
                              f"{self.options.points}: scores are the graders', the gradebook's maximum the assignment's")
        row = {"username": p.student.username, "status": status, "message": message or p.message,
               "score": None, "max_score": self.options.points if self.options.points is not None
               else (result.max_score if result is not None else self.max_score),
               "commit_sha": p.commit, "commit_time": p.commit_time, "later_commits": p.later_commits,
               "flags": p.flags, "student": student_dict(p.student), "result": None,
               "grading": self.grading(policy, p.commit_time, result.score if result is not None else None)}
        if result is not None and status == "graded":
            row.update(score=after_penalty(result.score, row["grading"]["penalty_percent"]), result=to_json(result))
        return row

    def grading(self, policy: StudentDeadline, commit_time: str | None, points) -> dict:
        a = self.options.assignment
        late = 0
        if commit_time and policy.deadline is not None:
            committed = datetime.fromisoformat(commit_time.replace("Z", "+00:00"))
            late = max(0, int((committed - policy.deadline).total_seconds()))
        return {"assignment": a.name if a else "", "assignment_digest": a.digest if a else "",
                "deadline": iso(policy.deadline) if policy.deadline is not None else None,
                "extended": policy.extended, "cutoff": iso(policy.cutoff) if policy.cutoff is not None else None,
                "late_seconds": late, "penalty_percent": policy.penalty(commit_time) if commit_time else 0.0,
                "points_before_penalty": points, "timezone": a.timezone if a else ""}

    def prepare(self, student: Student) -> Prepared:
        """Export one student's commit and take its digest at once, before anyone else's export starts: the
        sandbox checks it over the bytes it copies, so files changed on disk after this are caught."""
        policy = self.options.policy_for(student.username)
        trees = self.options.template.trees if self.options.template is not None else frozenset()
        p = prepare(student, self.out / "workspace", policy.last_graded, template_trees=trees,
                    limit="cut-off" if policy.cutoff is not None and policy.last_graded == policy.cutoff else "deadline")
        if p.status == "ready":
            p.digest = export_digest(p)
            p.flags = [*p.flags, *integrity_flags(p.path, self.slugs, self.options.template)]
        return p

    def grade_chunk(self, students: list[Student]) -> None:
        # Exported here, when a worker takes up the chunk, not for the whole class up front: the files wait on
        # disk only as long as the chunk's own session runs.
        ready = []
        for s in students:
            p = self.prepare(s)
            if p.status != "ready":
                self.save(self.row_for(p))
                continue
            ready.append(p)
        if not ready:
            return
        finished: set[str] = set()
        by_id = {sub_id(i): p for i, p in enumerate(ready)}

        def early(sub, result) -> None:
            p = by_id[sub.id]
            if changed(result):
                return  # settled after the session: exported again and graded alone
            try:
                self.finish(p, result)
            except OSError:
                return  # (a full disk...) stored with the others after the session, where it stops the batch
            finished.add(p.student.username)

        try:
            results = self.grade_many(ready, early)
        except RunnerError as exc:
            if not exc.killed:
                # pytest refused the graders: no student caused that, and storing a row for each would
                # mark the class done.  Stop; the fixed kit's next run grades everyone.
                raise BatchStopped(f"{exc}\n{exc.output.strip()[-3000:]}") from None
            if len(ready) == 1:
                raise
            results = None
        if results is None:
            for p in ready:  # isolate the submission that broke the session
                if p.student.username in finished:
                    continue
                try:
                    (result,) = self.grade_many([p])
                    self.settle(p, result)
                except RunnerError as exc:
                    self.save(self.row_for(p, status="grading-error", message=str(exc)))
            return
        for p, result in zip(ready, results):
            if p.student.username not in finished:
                self.settle(p, result)

    def settle(self, p: Prepared, result) -> None:
        """Store a result, unless the submission's files changed on disk after export (another student's code
        can write there at the process level): then export it again from git and grade it alone, once."""
        if not changed(result):
            self.finish(p, result)
            return
        user = p.student.username
        with self._max_lock:
            self._max_score = result.max_score  # what the kit is worth holds, whoever's files changed
        if p.sources is None:
            # A folder graded in place (not a repository): no copy anyone else cannot touch to grade again from.
            p.flags = [*p.flags, CHANGED_FLAG]
            self.notes.append(t("batch_changed_in_place", self.options.lang, user=user, flag=CHANGED_FLAG))
            self.save(self.row_for(p, status="grading-error", message=t("changed_in_place", self.options.lang)))
            return
        self.discard(p)
        q = self.prepare(p.student)
        if q.status != "ready":
            self.save(self.row_for(q))
            return
        self.notes.append(t("batch_regraded_changed", self.options.lang, user=user))
        try:
            (again,) = self.grade_many([q])
        except RunnerError as exc:
            self.save(self.row_for(q, status="grading-error", message=str(exc)))
            return
        if changed(again):
            self.discard(q)
            q.flags = [*q.flags, CHANGED_FLAG]
            self.notes.append(t("batch_changed_twice", self.options.lang, user=user, flag=CHANGED_FLAG))
            self.save(self.row_for(q, status="grading-error", message=t("changed_during_grading", self.options.lang)))
            return
        self.finish(q, again)

    def grade_many(self, ready: list[Prepared], on_result=None):
        subs = [Submission(submission_folder(p.path), sub_id(i), label=p.student.username, commit=p.commit or "",
                           digest=p.digest)
                for i, p in enumerate(ready)]
        return grade(self.kit, subs, seed=self.seed, lang=self.options.lang, timeout=self.options.timeout,
                     on_result=on_result)

    def discard(self, p: Prepared) -> None:
        """Remove a student's export (never their own folder, graded in place when it is not a repository)."""
        if p.path is not None and p.path.is_relative_to(self.out / "workspace" / "exports"):
            shutil.rmtree(p.path, ignore_errors=True)

    def finish(self, p: Prepared, result) -> None:
        result.submission.update({"id": p.student.username, "commit": p.commit, "commit_time": p.commit_time,
                                  "later_commits": p.later_commits, "flags": p.flags})
        if p.path is not None and p.path.is_relative_to(self.out / "workspace"):
            result.submission.pop("path", None)  # the export is deleted; the commit says what was graded
        self.save(self.row_for(p, result, status="graded"))
        self.discard(p)

    def run(self) -> list[dict]:
        self.check_rerun()
        todo = self.todo()
        size = self.options.chunk or min(CHUNK_MAX, max(CHUNK_MIN, -(-len(todo) // (2 * max(1, self.options.jobs)))))
        chunks = [todo[i:i + size] for i in range(0, len(todo), size)]
        with ThreadPoolExecutor(max_workers=max(1, self.options.jobs)) as pool:
            futures = {pool.submit(self.grade_chunk, chunk): chunk for chunk in chunks}
            for future in as_completed(futures):
                try:
                    future.result()
                except BatchStopped:
                    for other in futures:
                        other.cancel()
                    raise
                except OSError as exc:
                    for other in futures:
                        other.cancel()
                    kept = f"every finished student is kept in {self.out / 'grades.sqlite'}"
                    if exc.errno in DISK_FULL:
                        raise BatchStopped(f"cannot write results ({exc.strerror}); {kept}: free space and run "
                                           "the same command again to grade the rest") from None
                    raise BatchStopped(f"{os_error(exc)}; {kept}: fix that and run the same command again to "
                                       "grade the rest") from None
                except Exception as exc:  # a kit failure for one student: record it, go on
                    for s in futures[future]:
                        if s.username not in self.store.done():
                            p = Prepared(s, "grading-error", f"{type(exc).__name__}: {exc}")
                            self.save(self.row_for(p))
        wanted = {s.username for s in self.students}
        return [r for r in self.store.rows() if r["username"] in wanted]
