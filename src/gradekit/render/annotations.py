"""GitHub workflow-command annotations on the student's own lines.

``::error file=…,line=…,title=…::message``.  Property values and the message are
escaped the way the Actions runner unescapes them (``%``, CR, LF, and ``:`` and
``,`` inside properties), and student text is defused, so nothing a student
printed or returned can become a command.
"""

from __future__ import annotations

from gradekit.i18n import short_kind, t
from gradekit.model import Result, Status
from gradekit.render.safe import neutralize

MAX_ANNOTATIONS = 10  # GitHub shows at most 10 error annotations per step


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def lines(result: Result, lang: str, prefix: str = "starter/") -> list[str]:
    out = []
    for topic in result.topics:
        for ex in topic.exercises:
            for c in ex.checks:
                if c.status is Status.PASS or c.status is Status.SKIPPED or len(out) >= MAX_ANNOTATIONS:
                    continue
                if c.visibility == "hidden":
                    message = t("hidden_failed", lang, exercise=ex.name, short=short_kind(c.detail, lang))
                else:
                    message = c.message
                props = [f"file={escape_property(prefix + (c.file or topic.slug + '.py'))}"]
                if c.line:
                    props.append(f"line={int(c.line)}")
                props.append(f"title={escape_property(neutralize(f'{topic.slug} · {ex.name}'))}")
                out.append(f"::error {','.join(props)}::{escape_data(neutralize(message))}")
    return out


def notices(result: Result) -> list[str]:
    """The two lines the Classroom reporter would post, for workflows without it."""
    x, y = result.score, result.max_score
    return [f"::notice title=Autograding complete::Points {x}/{y}",
            f'::notice title=Autograding report::{{"totalPoints":{x},"maxPoints":{y}}}']
