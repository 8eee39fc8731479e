"""``grade ci``: one grading run, written out in every format a classroom CI needs.

Writes, from a single ``Result`` (``publish``, the one place that calls the renderers):

* ``$GITHUB_OUTPUT``: ``result=<base64>`` for ``autograding-grading-reporter@v1``;
* ``$GITHUB_STEP_SUMMARY``: the Markdown summary, with the isolation level graded at
  and, when bubblewrap failed, the one note saying why and how to fix it;
* stdout: the report, ``::error`` annotations on the student's lines and, with
  ``--notices``, the reporter's two notice lines;
* ``OUT/gradekit.json`` (native), ``OUT/result.json`` (Classroom 50) and
  ``OUT/results.json`` (Gradescope).

The grading itself runs in a worker process (``gradekit.classroom.ci_worker``) whose
environment never held the step's variables or secrets.  This process keeps them; on
Linux it makes itself undumpable (other processes of the same user, though not root,
can no longer read its ``/proc`` environment or memory) and a child subreaper, so
whatever the student's code leaves running is reparented here and killed before a
single step file is written.  The step files are snapshotted before grading: if
anything else wrote to them meanwhile, their content is put back, and the result
says so (the score stands: it was computed in the worker, out of the student's reach).

When the kit root (the template clone) holds ``assignment.toml``, it decides what
is graded: only its topics, in its language (an explicit ``--lang`` still wins;
``GRADEKIT_LANG`` does not), with its seed unless ``--seed`` is given, so CI's
randomised inputs are those of the regrade.  A malformed file is the kit's failure.

Exit 0 whenever grading ran, whatever the score; 2 when the kit itself failed,
and then the Classroom result still carries ``tests`` and ``max_score``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from gradekit.course import assignment as assignment_file
from gradekit.messages.catalogue import t
from gradekit.course.kit import Kit, KitError, load_kit, tomllib
from gradekit.model import EXIT_ERROR, EXIT_OK, Result
from gradekit.render import annotations, classroom, classroom50, gradescope, markdown
from gradekit.render.native import to_json
from gradekit.render.redact import student_view
from gradekit.render.safe import md_text, neutralize
from gradekit.grading.runner import PASSED_ENV

#: The step files ``grade ci`` writes, by the variable that names them.
STEP_FILES = ("GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY")
#: Seconds the worker may take before it is killed and the run reported as the kit's failure
#: (the classroom job has 15 minutes; the runner's own session limits normally end it much sooner).
WORKER_BUDGET = 12 * 60
PR_SET_DUMPABLE = 4


def append_env_file(var: str, text: str) -> None:
    path = os.environ.get(var)
    if path:
        with open(path, "a", encoding="utf-8") as f:
            f.write(text)


def released_max_points(kit: Kit) -> int:
    """Total points recorded by ``grade release`` (public + hidden), for the error result: ``assignment.toml``'s,
    else (an older template, or a malformed assignment file) ``gradekit.toml``'s."""
    try:
        return assignment_for(kit).points
    except (KitError, AttributeError):
        pass
    try:
        data = tomllib.loads((kit.root / "gradekit.toml").read_text(encoding="utf-8-sig"))
        return int(data["assignment"]["max_points"])
    except (OSError, KeyError, ValueError, TypeError, tomllib.TOMLDecodeError):
        return 0


def assignment_for(kit: Kit, lang: str | None = None) -> assignment_file.Assignment | None:
    """The template's ``assignment.toml``, checked: its topics must be topics of this kit.

    Errors name the file as the student sees it in their repository (``assignment.toml``, not the runner's
    absolute path) and the key. An unknown topic is worded in ``lang`` (the language of the message it
    goes into), else in the assignment's own.
    """
    path = assignment_file.find(kit.root)
    if path is None:
        return None
    try:
        found = assignment_file.load(path)
        kit.select(list(found.topics), lang or found.lang)
    except assignment_file.AssignmentError as exc:
        raise assignment_file.AssignmentError(str(exc).replace(str(path), assignment_file.FILE, 1)) from None
    except KitError as exc:
        raise assignment_file.AssignmentError(f"{assignment_file.FILE}: assignment.topics: {exc}") from None
    return found


def hidden_grader_files(folder: Path | None) -> list[tuple[str, Path]]:
    """``(slug, file)`` for each hidden grader and hidden peer in a hidden-graders checkout (graders/<slug>/ or
    <slug>/)."""
    if folder is None or not folder.is_dir():
        return []
    base = folder / "graders" if (folder / "graders").is_dir() else folder
    return [(topic.name, f) for topic in sorted(p for p in base.iterdir() if p.is_dir())
            for f in assignment_file.topic_grader_files(topic, "hidden")]


def with_hidden_graders(kit: Kit, files: list[tuple[str, Path]], tmp: Path) -> Kit:
    """A temporary copy of the kit's course files with the hidden graders laid in."""
    root = tmp / "kit"
    shutil.copytree(kit.root / "exercises", root / "exercises")
    shutil.copytree(kit.graders, root / "graders", ignore=shutil.ignore_patterns("__pycache__"))
    for slug, f in files:
        if (root / "graders" / slug).is_dir():
            shutil.copyfile(f, root / "graders" / slug / f.name)
    return load_kit(root)


def isolation_note(result, lang: str) -> str:
    """The summary's one warning when bubblewrap failed, as ``grade check`` words it on stderr (``cli.note_isolation``).

    Nothing when the level was asked for on purpose (``GRADEKIT_ISOLATION``): that is no failure to fix.
    """
    if result.isolation != "process":
        return ""
    from gradekit.instructor import doctor
    from gradekit.sandbox import isolation

    try:
        reason = isolation.detect().reason
    except isolation.IsolationUnavailable as exc:
        reason = str(exc)
    if reason.startswith(isolation.ENV):
        return ""
    return doctor.process_note(reason, lang)


@dataclass
class StepFile:
    """A step file as it was before grading: what must still be there when ``grade ci`` writes."""

    var: str
    path: str
    content: bytes | None   # None: the file did not exist

    @classmethod
    def snapshot(cls, var: str) -> "StepFile | None":
        path = os.environ.get(var)
        if not path:
            return None
        return cls(var, path, _read_regular(path))

    def changed(self) -> bool:
        now = _read_regular(self.path)
        return now != self.content or (now is not None and os.path.islink(self.path))

    def restore(self) -> None:
        """Put the file back as it was (a symlink planted in its place is removed, never followed)."""
        try:
            if os.path.islink(self.path) or not os.path.isfile(self.path):
                os.unlink(self.path)
        except FileNotFoundError:
            pass
        except IsADirectoryError:
            shutil.rmtree(self.path, ignore_errors=True)
        if self.content is not None:
            with open(self.path, "wb") as f:
                f.write(self.content)


def _read_regular(path: str) -> bytes | None:
    try:
        with open(path, "rb") as f:
            return f.read()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None


def guard_this_process() -> None:
    """Linux: undumpable (same-user processes cannot read this process's /proc environ or mem; root still
    can, so at the process level a runner user with sudo remains able to) and a child subreaper (orphans of
    the worker's descendants are reparented here, so ``sweep_descendants`` finds every one of them)."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    from gradekit.sandbox import proctree

    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    except (OSError, AttributeError):
        pass
    proctree.become_subreaper()


def sweep_descendants(rounds: int = 50) -> None:
    """Freeze, then kill, every process below this one until none is left: orphans of the killed come
    back to this subreaper as children, so each round takes whatever is below it now."""
    import psutil

    from gradekit.sandbox import proctree

    for _ in range(rounds):
        try:
            children = [p.pid for p in psutil.Process().children(recursive=True)]
        except psutil.Error:
            return
        if not children:
            return
        proctree.kill_frozen(children)


def worker_env() -> dict:
    """The worker's whole environment: what grading needs (``runner.PASSED_ENV``), nothing of the step's."""
    return {k: os.environ[k] for k in PASSED_ENV if k in os.environ}


def grade_in_worker(job: dict) -> dict:
    """Run ``gradekit.classroom.ci_worker`` on ``job``; its answer, or ``{"error": ...}`` when it gave none."""
    import tempfile

    read_fd, write_fd = os.pipe()
    # A folder of its own as working directory: below 3.11, ``-I -m`` still puts it first on sys.path,
    # and the step's is the student's repository.
    home = tempfile.mkdtemp(prefix="gradekit-ci-worker-")
    try:
        proc = subprocess.Popen([sys.executable, "-I", "-m", "gradekit.classroom.ci_worker", str(write_fd)],
                                cwd=home, env=worker_env(), stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, pass_fds=(write_fd,), start_new_session=True)
    except BaseException:
        shutil.rmtree(home, ignore_errors=True)
        raise
    finally:
        os.close(write_fd)
    chunks: list[bytes] = []

    def drain() -> None:
        with os.fdopen(read_fd, "rb") as pipe:
            chunks.append(pipe.read())

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        _, err = proc.communicate(json.dumps(job).encode("utf-8"), timeout=WORKER_BUDGET)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
        return {"error": f"grading took longer than {WORKER_BUDGET} s and was stopped", "output": ""}
    finally:
        sweep_descendants()
        shutil.rmtree(home, ignore_errors=True)
    reader.join(timeout=30)
    stderr = err.decode("utf-8", "replace")
    try:
        answer = json.loads(b"".join(chunks) or b"null")
    except ValueError:
        answer = None
    if not isinstance(answer, dict) or not ("result" in answer or "error" in answer):
        return {"error": f"the grading process stopped without a result (exit code {proc.returncode})",
                "output": stderr}
    return answer


def run_ci(kit: Kit, *, submission: Path, out: Path, lang: str, hidden_graders: Path | None, notices: bool,
           seed: int | None, timeout: float, prefix: str, lang_given: str | None = None) -> int:
    """``lang`` is the environment's or locale's choice; ``lang_given`` an explicit ``--lang``, which alone
    outranks the assignment's."""
    steps = [f for f in (StepFile.snapshot(var) for var in STEP_FILES) if f is not None]
    lang = lang_given or lang
    try:
        assignment = assignment_for(kit, lang)
    except assignment_file.AssignmentError as exc:  # read before any student code ran: nothing to sweep
        return publish_failure(kit, str(exc), "", [], lang, message=t("ci_bad_assignment", lang, error=str(exc)))
    topics = None
    if assignment is not None:
        topics = list(assignment.topics)
        lang = lang_given or assignment.lang
        seed = seed if seed is not None else assignment.seed
    guard_this_process()
    job = {"kit": str(Path(kit.root).resolve()), "submission": str(Path(submission).resolve()), "lang": lang,
           "seed": seed, "timeout": timeout, "topics": topics,
           "hidden_graders": str(hidden_graders.resolve()) if hidden_graders is not None else None}
    answer = grade_in_worker(job)
    sweep_descendants()  # the worker is gone: nothing below this process may outlive grading
    tampered = [f.var for f in steps if f.changed()]
    for f in steps:
        if f.var in tampered:
            f.restore()
    if "error" in answer:
        # pytest's own output can quote the hidden graders it failed to collect, and this log is the student's.
        output = "" if hidden_grader_files(hidden_graders) else str(answer.get("output") or "")
        return publish_failure(kit, str(answer["error"]), output, tampered, lang)
    result = Result.from_dict(answer["result"])
    result.submission["hidden_graders"] = bool(answer.get("hidden_graders"))
    if tampered:
        result.submission["ci_tampered"] = tampered
    publish(result, out=out, lang=lang, prefix=prefix, notices=notices, tampered=tampered)
    return EXIT_OK


def tamper_message(tampered: list[str], lang: str) -> str:
    from gradekit.messages.catalogue import t

    return t("ci_tampered", lang, files=", ".join(f"${v}" for v in tampered))


def write_inside(out: Path, name: str, text: str) -> None:
    """Write ``out/name`` without following a symlink the student's repository put there.

    ``--out`` lies in the student's checkout, so ``grade-results`` (or a file in it) may be a
    committed symlink aimed anywhere the runner's user can write.
    """
    if out.is_symlink():
        out.unlink()
    out.mkdir(parents=True, exist_ok=True)
    target = out / name
    if target.is_symlink() or target.exists() and not target.is_file():
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)
        else:
            target.unlink()
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    with os.fdopen(os.open(target, flags, 0o644), "w", encoding="utf-8") as f:
        f.write(text)


def publish(result: Result, *, out: Path, lang: str, prefix: str, notices: bool, tampered: list[str]) -> None:
    """Everything ``grade ci`` writes from a graded ``Result``; called only once no student process is left."""
    from rich.console import Console

    from gradekit.render.terminal import render

    console = Console(file=sys.stdout, highlight=False, width=120)
    # Everything below is the student's to read (the artifact, the summary, the log): hidden checks
    # say which failed and why in general terms, never their inputs or expected values.
    result = student_view(result, lang)
    note = isolation_note(result, lang)
    if tampered:
        note = f"{note} · {tamper_message(tampered, lang)}" if note else tamper_message(tampered, lang)
    write_inside(out, "gradekit.json", to_json(result, student=True))
    write_inside(out, "result.json", classroom50.to_json(result))
    write_inside(out, "results.json", gradescope.to_json(result))
    append_env_file("GITHUB_OUTPUT", f"result={classroom.encode(classroom.build(result, lang, prefix))}\n")
    append_env_file("GITHUB_STEP_SUMMARY", markdown.to_markdown(result, lang, prefix, note))
    console.print(render(result, lang, narrow_hidden=True))
    for line in annotations.lines(result, lang, prefix):
        print(line)
    if tampered:
        print(f"::error title=gradekit::{annotations.escape_data(tamper_message(tampered, lang))}")
    if notices:
        for line in annotations.notices(result):
            print(line)
    sys.stdout.flush()


def publish_failure(kit: Kit, error: str, output: str, tampered: list[str], lang: str, *,
                    message: str | None = None) -> int:
    """The kit could not grade: the Classroom result still carries ``tests`` and ``max_score``."""
    message = message or t("ci_could_not_grade", lang, error=error)
    append_env_file("GITHUB_OUTPUT", f"result={classroom.encode(classroom.error_result(message, released_max_points(kit)))}\n")
    append_env_file("GITHUB_STEP_SUMMARY", f"## gradekit\n\n❌ {md_text(message)}\n")
    print(f"::error title=gradekit::{annotations.escape_data(neutralize(message))}")
    if tampered:
        print(f"::error title=gradekit::{annotations.escape_data(tamper_message(tampered, lang))}")
    if output:
        print(neutralize(output[-6000:]))
    return EXIT_ERROR
