"""From the items pytest collected to the manifest: markers validated, checks chosen and ordered.

A grader's mistake in its markers is the author's, and the same for every submission: so it is a
``pytest.UsageError`` at collection, naming the check, once, rather than an ``error`` on every check
of every student at run time.  The manifest built here is what the runner scores against (a check
that reports nothing still counts, as ``not_reported``), so it lists exactly the checks that run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gradekit.course.kit import Kit
from gradekit.grading.contract import Entry, HiddenCounts, Plan

#: The parameter every check is parametrized over: the id of the submission it grades.
SUBMISSION_ARG = "_gk_submission"
#: The most seconds ``@time_limit`` may give one sandbox request: past this a check holds up a class's regrade.
MAX_TIME_LIMIT = 60


class Collector:
    """Reads checks' places and markers, for one session's kit and plan."""

    def __init__(self, kit: Kit, plan: Plan):
        self.kit = kit
        self.plan = plan
        self.slugs = [t.slug for t in kit.topics]
        self.order = {s.id: i for i, s in enumerate(plan.submissions)}
        self._rel_paths: dict[str, str] = {}

    def grader_path(self, item) -> str:
        """The item's grader file relative to ``graders/`` (resolved once per file, not once per check)."""
        key = str(item.path)
        rel = self._rel_paths.get(key)
        if rel is None:
            try:
                rel = Path(item.path).resolve().relative_to(self.kit.graders.resolve()).as_posix()
            except ValueError:
                raise pytest.UsageError(f"{item.nodeid}: grader files must live under graders/<slug>/") from None
            self._rel_paths[key] = rel
        return rel

    def topic_of(self, item) -> str:
        parts = self.grader_path(item).split("/")
        return parts[0] if len(parts) > 1 else ""

    def check_id(self, item) -> str:
        """``functions/test_public.py::TestMyAbs::test_negative`` (no submission parameter)."""
        parts = item.nodeid.split("::")[1:]
        parts[-1] = parts[-1].split("[")[0]
        return "::".join([self.grader_path(item), *parts])

    def entry(self, item) -> Entry:
        """Validate one check's markers and return its manifest entry."""
        where = item.nodeid.split("[")[0]
        topic = self.topic_of(item)
        if topic not in self.slugs:
            raise pytest.UsageError(f"{where}: folder graders/{topic}/ is not a topic of the kit")
        pm = item.get_closest_marker("points")
        if pm is None or len(pm.args) != 1 or pm.kwargs or type(pm.args[0]) is not int or pm.args[0] <= 0:
            raise pytest.UsageError(f"{where}: every check needs @points(n) with one positive integer")
        em = item.get_closest_marker("exercise")
        if em is None or len(em.args) != 1:
            raise pytest.UsageError(f"{where}: say which exercise the check belongs to with @exercise('name')")
        name = em.args[0]
        topic_data = self.kit.topic(topic)
        if topic_data.exercise(name) is None:
            raise pytest.UsageError(f"{where}: @exercise({name!r}) is not an exercise of {topic} "
                                    f"({', '.join(e.name for e in topic_data.exercises)})")
        # The file says it (test_public*.py ship to students, nothing else does); @public may say it again.
        visibility = "public" if Path(item.path).name.startswith("test_public") else "hidden"
        if visibility == "hidden" and item.get_closest_marker("public"):
            raise pytest.UsageError(f"{where}: @public checks belong in a test_public*.py file (hidden files never ship)")
        tm = item.get_closest_marker("time_limit")
        if tm is not None and (len(tm.args) != 1 or tm.kwargs or type(tm.args[0]) not in (int, float)
                               or not 0 < tm.args[0] <= MAX_TIME_LIMIT):
            raise pytest.UsageError(f"{where}: use @time_limit(seconds) with one number of seconds, "
                                    f"more than 0 and at most {MAX_TIME_LIMIT}")
        hm = item.get_closest_marker("hint")
        hint = None
        if hm is not None:
            if set(hm.kwargs) != {"zh", "en"} or hm.args or not all(isinstance(v, str) for v in hm.kwargs.values()):
                raise pytest.UsageError(f"{where}: use @hint(zh='...', en='...')")
            hint = {"zh": hm.kwargs["zh"], "en": hm.kwargs["en"]}
        return Entry(nodeid=item.nodeid, check=self.check_id(item), name=item.name.split("[")[0],
                     submission=item.callspec.params[SUBMISSION_ARG], topic=topic, exercise=name,
                     points=pm.args[0], visibility=visibility, hint=hint)

    def sort_key(self, entry: Entry) -> tuple:
        """Submission by submission (so each one's sandboxes can close), every public check before any hidden
        one (what the student's code learnt in a hidden check cannot come back in a public check's message),
        then in course order."""
        topic = self.kit.topic(entry.topic)
        exercise_index = [e.name for e in topic.exercises].index(entry.exercise)
        return (self.order[entry.submission], entry.visibility != "public", topic.order, exercise_index)

    def choose(self, items: list) -> tuple[list[tuple[object, Entry]], list, HiddenCounts]:
        """The checks to run (with their entries, in running order), the items left out, and the count of
        hidden checks a public-only plan leaves out (counted once: it is the same for every submission)."""
        keep: list[tuple[object, Entry]] = []
        drop: list = []
        hidden: HiddenCounts = {}
        first = self.plan.submissions[0].id if self.plan.submissions else None
        for item in items:
            entry = self.entry(item)
            wanted = self.plan.submission(entry.submission).topics
            if wanted is not None and entry.topic not in wanted:
                drop.append(item)
                continue
            if self.plan.public_only and entry.visibility == "hidden":
                if entry.submission == first:
                    counts = hidden.setdefault(entry.topic, {}).setdefault(entry.exercise, {"checks": 0, "points": 0})
                    counts["checks"] += 1
                    counts["points"] += entry.points
                drop.append(item)
                continue
            keep.append((item, entry))
        keep.sort(key=lambda pair: self.sort_key(pair[1]))
        return keep, drop, hidden
