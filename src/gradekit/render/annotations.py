"""GitHub workflow-command annotations on the student's own lines.

``::error file=…,line=…,title=…::message``.  Property values and the message are
escaped the way the Actions runner unescapes them (``%``, CR, LF, and ``:`` and
``,`` inside properties), and student text is defused, so nothing a student
printed or returned can become a command.  Annotations are for the student:
they are made from ``redact.student_view``, so a hidden check is named with its
reason and nothing else.
"""

from __future__ import annotations

from gradekit.model import Result, Status
from gradekit.render.common import each_check, exercise_title
from gradekit.render.redact import student_view
from gradekit.render.safe import neutralize, workflow_data, workflow_property

MAX_ANNOTATIONS = 10  # GitHub shows at most 10 error annotations per step

#: The names these had before they moved to ``render.safe``.
escape_data, escape_property = workflow_data, workflow_property


def lines(result: Result, lang: str, prefix: str = "starter/") -> list[str]:
    out = []
    for topic, ex, c in each_check(student_view(result, lang)):
        if c.status is Status.PASS or c.status is Status.SKIPPED or len(out) >= MAX_ANNOTATIONS:
            continue
        props = [f"file={workflow_property(neutralize(prefix + (c.file or topic.slug + '.py')))}"]
        if c.line:
            props.append(f"line={int(c.line)}")
        props.append(f"title={workflow_property(neutralize(exercise_title(topic, ex)))}")
        out.append(f"::error {','.join(props)}::{workflow_data(neutralize(c.message))}")
    return out


def notices(result: Result) -> list[str]:
    """The two lines the Classroom reporter would post, for workflows without it."""
    x, y = result.score, result.max_score
    return [f"::notice title=Autograding complete::Points {x}/{y}",
            f'::notice title=Autograding report::{{"totalPoints":{x},"maxPoints":{y}}}']
