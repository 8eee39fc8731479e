"""Public checks for sets: counting distinct items, intersection and difference."""

from gradekit.grader import call, exercise, fail, grader_module, helper, points, public, where

COUNT_PROBE = grader_module(__file__, "_shared").COUNT_PROBE

# A list passed through the sandbox is copied: whether unique_count changed it is seen in the child.


def at(fn):
    """The student's file and line of ``fn``, for a failure to point at."""
    loc = where(fn)
    return {"file": loc[0], "line": loc[1]} if loc else {}


@exercise("unique_count")
class TestUniqueCount:
    @public
    @points(2)
    def test_repeats(self, sets):
        call(sets.unique_count, [1, 2, 2, 3, 3, 3]).returns(3)

    @public
    @points(1)
    def test_empty(self, sets):
        call(sets.unique_count, []).returns(0)

    @public
    @points(1)
    def test_argument_unchanged(self, sets):
        items = [9, 4, 9, 1]
        count, after = call(helper(sets, COUNT_PROBE, "probe"), list(items)).as_(f"unique_count({items!r})").result()
        if after != items:
            fail(zh=f"调用 unique_count({items!r}) 之后，传进去的列表变成了 {after!r}（应该仍是 {items!r}）：不要修改参数。",
                 en=f"after unique_count({items!r}) the list passed in became {after!r} (it should still be {items!r}): "
                    "leave the argument alone.", **at(sets.unique_count))
        if count != 3:
            fail(zh=f"调用 unique_count({items!r})：应该返回 3，实际返回 {count!r}。",
                 en=f"called unique_count({items!r}): expected 3, got {count!r}.")


@exercise("common")
class TestCommon:
    @public
    @points(2)
    def test_overlap(self, sets):
        call(sets.common, [1, 2, 3, 4], [3, 4, 5]).returns([3, 4])
        call(sets.common, [10, 3, 7], [3, 10, 8]).returns([3, 10])

    @public
    @points(1)
    def test_nothing_in_common(self, sets):
        call(sets.common, [1, 2], [3, 4]).returns([])


@exercise("diff_report")
class TestDiffReport:
    @public
    @points(2)
    def test_added_and_removed(self, sets):
        call(sets.diff_report, [1, 2, 3], [2, 3, 4]).returns(([4], [1]))
        call(sets.diff_report, [1], [10, 3]).returns(([3, 10], [1]))

    @public
    @points(1)
    def test_no_change(self, sets):
        call(sets.diff_report, [1, 2], [2, 1]).returns(([], []))
