"""Public checks for lists: the simplest cases, shipped to students."""

from gradekit.grader import call, exercise, points, public


@exercise("rotate")
class TestRotate:
    @public
    @points(2)
    def test_rotate_left(self, lists):
        call(lists.rotate, [1, 2, 3, 4, 5], 2).returns([3, 4, 5, 1, 2])
        call(lists.rotate, ['a', 'b', 'c'], 1).returns(['b', 'c', 'a'])

    @public
    @points(1)
    def test_zero_steps(self, lists):
        call(lists.rotate, [1, 2, 3], 0).returns([1, 2, 3])


@exercise("move_to_front")
class TestMoveToFront:
    @public
    @points(2)
    def test_moves_value(self, lists):
        call(lists.move_to_front, ['a', 'b', 'c'], 'c').returns(['c', 'a', 'b'])
        call(lists.move_to_front, [1, 2, 3, 4], 3).returns([3, 1, 2, 4])

    @public
    @points(1)
    def test_absent_value(self, lists):
        call(lists.move_to_front, ['a', 'b'], 'z').raises(ValueError)


@exercise("dedupe")
class TestDedupe:
    @public
    @points(2)
    def test_keeps_first_in_order(self, lists):
        call(lists.dedupe, [3, 1, 3, 2, 1]).returns([3, 1, 2])

    @public
    @points(1)
    def test_no_duplicates(self, lists):
        call(lists.dedupe, ['b', 'a']).returns(['b', 'a'])
        call(lists.dedupe, []).returns([])
