"""Public checks for sets: counting distinct items, intersection and difference."""

from gradekit.grader import call, exercise, points, public


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
