"""``grade ci``'s grading process: ``python -I -m gradekit.classroom.ci_worker RESULT_FD``.

``grade ci`` holds the CI step's environment: ``$GITHUB_OUTPUT``, ``$GITHUB_STEP_SUMMARY``
and any secret the step was given.  A process's initial environment stays readable in
``/proc/<pid>/environ`` whatever it later removes from ``os.environ``, and every student
process descends from the grading process.  So the grading runs here instead, in a
process started with only ``runner.PASSED_ENV``: nothing in its environment, or in
anything it starts, names the step files or holds a secret.

The job arrives as one JSON object on stdin (``topics`` are the assignment's, or null for
every topic of the kit); the answer leaves as one JSON object on
the file descriptor named on the command line, which no process this one starts
inherits: ``{"result": <Result.to_dict()>, "hidden_graders": bool}`` when grading ran,
``{"error": message, "output": text}`` when the kit could not grade (``grade ci`` then
exits 2).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path


def work(job: dict) -> dict:
    from gradekit.classroom.ci import hidden_grader_files, with_hidden_graders
    from gradekit.course.kit import KitError, load_kit
    from gradekit.grading.runner import RunnerError, Submission, grade

    try:
        kit = load_kit(Path(job["kit"]))
        with tempfile.TemporaryDirectory(prefix="gradekit-ci-") as tmp:
            hidden = Path(job["hidden_graders"]) if job.get("hidden_graders") else None
            files = hidden_grader_files(hidden)
            grading_kit = with_hidden_graders(kit, files, Path(tmp)) if files else kit
            result = grade(grading_kit, [Submission(Path(job["submission"]))], topics=job.get("topics"),
                           seed=job.get("seed"), lang=job["lang"], timeout=job["timeout"])[0]
    except (RunnerError, KitError) as exc:
        return {"error": str(exc), "output": getattr(exc, "output", "") or ""}
    return {"result": result.to_dict(), "hidden_graders": bool(files)}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    fd = int(argv[0])
    os.set_inheritable(fd, False)
    job = json.loads(sys.stdin.read())
    answer = work(job)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(answer, out, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
