"""Every output format of one golden case, as {file name: text}: the one place that says what is compared.

``tests/test_golden.py`` compares these with the files in each ``tests/golden/example-*/`` folder.  A case
is a folder holding ``result.json`` (a native result, the instructor's full view, made by a real
``grade check --json`` and then kept fixed) and, for the gradebook, ``rows.json`` (stored batch rows).
Run ``GRADEKIT_GOLDEN=update python -m pytest tests/test_golden.py`` to write the expected files
after a change that is meant to change an output, then read the diff before committing it.
"""

from __future__ import annotations

import json
from pathlib import Path

from gradekit.model import Result
from gradekit.render import annotations, classroom, classroom50, gradebook, gradescope, markdown, native


def render_all(case: Path) -> dict[str, str]:
    data = json.loads((case / "result.json").read_text(encoding="utf-8"))
    result = Result.from_dict(data)
    lang = result.lang
    out = {
        "native.json": native.to_json(result),
        "student.json": native.to_json(result, student=True),
        "classroom.json": json.dumps(classroom.build(result, lang), ensure_ascii=False, indent=2) + "\n",
        "classroom50.json": classroom50.to_json(result),
        "gradescope.json": gradescope.to_json(result),
        "summary.md": markdown.to_markdown(result, lang),
        "annotations.txt": "\n".join(annotations.lines(result, lang) + annotations.notices(result)) + "\n",
    }
    rows = case / "rows.json"
    if rows.is_file():
        stored = json.loads(rows.read_text(encoding="utf-8"))
        slugs = [t.slug for t in result.topics]
        out["gradebook.csv"] = gradebook.to_csv(stored, slugs, assignment_name="Week 3")
    return out
