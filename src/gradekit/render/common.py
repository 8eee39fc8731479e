"""What every output format says alike about a check, so the formats cannot drift apart.

A student meets one check in several places at once (the Classroom log, an annotation on their
file, Gradescope, the step summary); the check must carry the same name in all of them, and a
hidden one the same place-holder.  Escaping stays with each format (``render.safe``): these give
the plain text to escape.
"""

from __future__ import annotations

from collections.abc import Iterator

from gradekit.model import Check, ExerciseResult, Result, TopicResult


def each_check(result: Result) -> Iterator[tuple[TopicResult, ExerciseResult, Check]]:
    """Every check of ``result`` with its topic and exercise, in report order."""
    for topic in result.topics:
        for exercise in topic.exercises:
            for check in exercise.checks:
                yield topic, exercise, check


def exercise_title(topic: TopicResult, exercise: ExerciseResult) -> str:
    return f"{topic.slug} · {exercise.name}"


def check_title(topic: TopicResult, exercise: ExerciseResult, check: Check) -> str:
    """``functions · my_abs · test_negative``: a hidden check's name is its only part the student sees."""
    return f"{exercise_title(topic, exercise)} · {check.name}"


def hidden_code(topic: TopicResult, exercise: ExerciseResult) -> str:
    """Where a format shows a check's code, a hidden check shows this instead of its id."""
    return f"{exercise_title(topic, exercise)} (hidden)"
