"""grading.manifest: a grader's marker mistakes are the author's, refused at collection naming the check.

Each case is collected in this process with pytester and handed to ``Collector.entry``, as the
plugin does; ``test_plugin.py`` drives one case through ``grade check`` end to end.
"""

from __future__ import annotations

import pytest

from gradekit.course.kit import load_kit
from gradekit.grading.contract import Plan, PlannedSubmission
from gradekit.grading.manifest import MAX_TIME_LIMIT, Collector

HEAD = "import pytest\nfrom gradekit.grader import exercise, points, time_limit, public, hint\n\n"


def entries(pytester, minikit, body: str, name: str = "test_hidden_x.py"):
    """Collect ``body`` as a grader of minikit's topic ``alpha``; the Collector's verdict on each check."""
    grader = minikit / "graders" / "alpha" / name
    grader.write_text(HEAD + body, encoding="utf-8")
    items, _ = pytester.inline_genitems(str(grader), "-p", "no:cacheprovider", "--rootdir", str(minikit / "graders"))
    kit = load_kit(minikit)
    plan = Plan(kit=str(minikit), seed=1, topics=["alpha"], public_only=False, timeout=2, budget=10,
                submissions=[PlannedSubmission("s0", str(minikit / "starter"))])
    collector = Collector(kit, plan)
    return [collector.entry(item) for item in items]


@pytest.mark.parametrize("body, needle", [
    ("@exercise('double')\ndef test_x(): pass\n", "every check needs @points(n) with one positive integer"),
    ("@points(0)\n@exercise('double')\ndef test_x(): pass\n", "every check needs @points(n)"),
    ("@points(True)\n@exercise('double')\ndef test_x(): pass\n", "every check needs @points(n)"),
    ("@points(1, 2)\n@exercise('double')\ndef test_x(): pass\n", "every check needs @points(n)"),
    ("@points(1)\ndef test_x(): pass\n", "say which exercise the check belongs to with @exercise('name')"),
    ("@points(1)\n@exercise('triple')\ndef test_x(): pass\n", "@exercise('triple') is not an exercise of alpha"),
    ("@public\n@points(1)\n@exercise('double')\ndef test_x(): pass\n", "@public checks belong in a test_public*.py file"),
    ("@time_limit('5')\n@points(1)\n@exercise('double')\ndef test_x(): pass\n", "use @time_limit(seconds)"),
    ("@time_limit(0)\n@points(1)\n@exercise('double')\ndef test_x(): pass\n", f"more than 0 and at most {MAX_TIME_LIMIT}"),
    (f"@time_limit({MAX_TIME_LIMIT + 1})\n@points(1)\n@exercise('double')\ndef test_x(): pass\n", "at most"),
    ("@pytest.mark.hint(zh='只有中文')\n@points(1)\n@exercise('double')\ndef test_x(): pass\n", "use @hint(zh='...', en='...')"),
    ("@pytest.mark.hint(zh=1, en=2)\n@points(1)\n@exercise('double')\ndef test_x(): pass\n", "use @hint(zh='...', en='...')"),
    ("class TestDouble:\n    @points(1)\n    def test_x(self): pass\n", "TestDouble::test_x: say which exercise"),
])
def test_a_marker_mistake_is_refused_naming_the_check(pytester, minikit, body, needle):
    with pytest.raises(pytest.UsageError) as caught:
        entries(pytester, minikit, body)
    assert needle in str(caught.value)
    assert str(caught.value).startswith("alpha/test_hidden_x.py::") or "graders/alpha/test_hidden_x.py::" in str(caught.value)


def test_a_grader_outside_a_topic_folder_is_refused(pytester, minikit):
    (minikit / "graders" / "nowhere").mkdir()
    with pytest.raises(pytest.UsageError, match="folder graders/nowhere/ is not a topic of the kit"):
        grader = minikit / "graders" / "nowhere" / "test_hidden_x.py"
        grader.write_text(HEAD + "@points(1)\n@exercise('double')\ndef test_x(): pass\n", encoding="utf-8")
        items, _ = pytester.inline_genitems(str(grader), "-p", "no:cacheprovider")
        plan = Plan(kit=str(minikit), seed=1, topics=["alpha"], public_only=False, timeout=2, budget=10,
                    submissions=[PlannedSubmission("s0", str(minikit / "starter"))])
        Collector(load_kit(minikit), plan).entry(items[0])


def test_a_check_with_good_markers_is_its_manifest_entry_and_the_file_name_says_public(pytester, minikit):
    (entry,) = entries(pytester, minikit, "@pytest.mark.parametrize('_gk_submission', ['s0'])\n"
                                          "@hint(zh='想想负数', en='think of negatives')\n@time_limit(5)\n"
                                          "@points(3)\n@exercise('double')\ndef test_x(_gk_submission): pass\n",
                       name="test_public_x.py")
    assert (entry.check, entry.name, entry.topic, entry.exercise, entry.points, entry.visibility, entry.submission) == (
        "alpha/test_public_x.py::test_x", "test_x", "alpha", "double", 3, "public", "s0")
    assert entry.nodeid.endswith("test_public_x.py::test_x[s0]") and entry.hint == {"zh": "想想负数", "en": "think of negatives"}
