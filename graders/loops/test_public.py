"""Public checks for loops: the simplest cases of for, break, continue and while."""

from gradekit.grader import call, exercise, points, public


@exercise("sum_to")
class TestSumTo:
    @public
    @points(2)
    def test_small(self, loops):
        call(loops.sum_to, 5).returns(15)
        call(loops.sum_to, 1).returns(1)

    @public
    @points(1)
    def test_zero(self, loops):
        call(loops.sum_to, 0).returns(0)


@exercise("first_negative")
class TestFirstNegative:
    @public
    @points(2)
    def test_found(self, loops):
        call(loops.first_negative, [1, -2, 3]).returns(1)

    @public
    @points(1)
    def test_not_found(self, loops):
        call(loops.first_negative, [1, 2, 3]).returns(-1)


@exercise("odd_squares_sum")
class TestOddSquaresSum:
    @public
    @points(2)
    def test_small(self, loops):
        call(loops.odd_squares_sum, [1, 2, 3, 4, 5]).returns(35)

    @public
    @points(1)
    def test_empty(self, loops):
        call(loops.odd_squares_sum, []).returns(0)


@exercise("collatz_steps")
class TestCollatzSteps:
    @public
    @points(2)
    def test_small(self, loops):
        call(loops.collatz_steps, 6).returns(8)
        call(loops.collatz_steps, 1).returns(0)

    @public
    @points(1)
    def test_zero_rejected(self, loops):
        call(loops.collatz_steps, 0).raises(ValueError)
