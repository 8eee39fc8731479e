"""``grade ci``: one grading run, written out in every format a classroom CI needs.

Writes, from a single ``Result``:

* ``$GITHUB_OUTPUT``: ``result=<base64>`` for ``autograding-grading-reporter@v1``;
* ``$GITHUB_STEP_SUMMARY``: the Markdown summary, with the isolation level graded at
  and, when bubblewrap failed, the one note saying why and how to fix it;
* stdout: the report, ``::error`` annotations on the student's lines and, with
  ``--notices``, the reporter's two notice lines;
* ``OUT/gradekit.json`` (native), ``OUT/result.json`` (Classroom 50) and
  ``OUT/results.json`` (Gradescope).

Exit 0 whenever grading ran, whatever the score; 2 when the kit itself failed,
and then the Classroom result still carries ``tests`` and ``max_score``.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from gradekit.kit import Kit, KitError, load_kit, tomllib
from gradekit.render import annotations, classroom, classroom50, gradescope, markdown
from gradekit.render.native import to_json
from gradekit.render.safe import neutralize
from gradekit.runner import RunnerError, Submission, grade


def append_env_file(var: str, text: str) -> None:
    path = os.environ.get(var)
    if path:
        with open(path, "a", encoding="utf-8") as f:
            f.write(text)


def released_max_points(kit: Kit) -> int:
    """Total points recorded by ``grade release`` (public + hidden), for the error result."""
    try:
        data = tomllib.loads((kit.root / "gradekit.toml").read_text(encoding="utf-8-sig"))
        return int(data["assignment"]["max_points"])
    except (OSError, KeyError, ValueError, TypeError, tomllib.TOMLDecodeError):
        return 0


def hidden_grader_files(folder: Path | None) -> list[tuple[str, Path]]:
    """``(slug, file)`` for each hidden grader in a hidden-graders checkout (graders/<slug>/ or <slug>/)."""
    if folder is None or not folder.is_dir():
        return []
    base = folder / "graders" if (folder / "graders").is_dir() else folder
    return [(f.parent.name, f) for f in sorted(base.glob("*/test_hidden*.py"))]


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
    from gradekit import doctor, isolation

    try:
        reason = isolation.detect().reason
    except isolation.IsolationUnavailable as exc:
        reason = str(exc)
    if reason.startswith(isolation.ENV):
        return ""
    return doctor.NOTE[lang].format(reason=reason, fix=isolation.FIX)


def run_ci(kit: Kit, *, submission: Path, out: Path, lang: str, hidden_graders: Path | None, notices: bool,
           seed: int | None, timeout: float, prefix: str) -> int:
    from rich.console import Console

    from gradekit.render.terminal import render

    out.mkdir(parents=True, exist_ok=True)
    console = Console(file=sys.stdout, highlight=False, width=120)
    with tempfile.TemporaryDirectory(prefix="gradekit-ci-") as tmp:
        try:
            files = hidden_grader_files(hidden_graders)
            grading_kit = with_hidden_graders(kit, files, Path(tmp)) if files else kit
            result = grade(grading_kit, [Submission(submission)], seed=seed, lang=lang, timeout=timeout)[0]
        except (RunnerError, KitError) as exc:
            message = f"gradekit could not grade this submission: {exc}"
            append_env_file("GITHUB_OUTPUT", f"result={classroom.encode(classroom.error_result(message, released_max_points(kit)))}\n")
            append_env_file("GITHUB_STEP_SUMMARY", f"## gradekit\n\n❌ {message}\n")
            print(f"::error title=gradekit::{annotations.escape_data(neutralize(message))}")
            output = getattr(exc, "output", "")
            if output:
                print(neutralize(output[-6000:]))
            return 2
    result.submission["hidden_graders"] = bool(files)
    (out / "gradekit.json").write_text(to_json(result), encoding="utf-8")
    (out / "result.json").write_text(classroom50.to_json(result), encoding="utf-8")
    (out / "results.json").write_text(gradescope.to_json(result), encoding="utf-8")
    append_env_file("GITHUB_OUTPUT", f"result={classroom.encode(classroom.build(result, lang, prefix))}\n")
    append_env_file("GITHUB_STEP_SUMMARY", markdown.to_markdown(result, lang, prefix, isolation_note(result, lang)))
    console.print(render(result, lang, narrow_hidden=True))
    for line in annotations.lines(result, lang, prefix):
        print(line)
    if notices:
        for line in annotations.notices(result):
            print(line)
    sys.stdout.flush()
    return 0
