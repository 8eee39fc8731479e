"""Public checks for loops: the simplest cases of for, break, continue and while."""

from gradekit.grader import call, exercise, fail, grader_module, helper, points, public, where

tools = grader_module(__file__, "_tools")



def at(fn):
    """The student's file and line of ``fn``, for a failure to point at."""
    loc = where(fn)
    return {"file": loc[0], "line": loc[1]} if loc else {}


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

    @public
    @points(1)
    def test_stops_at_once(self, loops):
        items = [4, -1, 6, -8]
        found, last_read = call(helper(loops, tools.WATCH, "probe"), items).as_(f"first_negative({items!r})").result()
        if found != 1 or last_read > 1:
            fail(zh=f"调用 first_negative({items!r})：应该返回 1，并且读到下标 1 就停下；"
                    f"实际返回 {found!r}，一直读到了下标 {last_read}。找到后用 break（或 return）立刻停下。",
                 en=f"called first_negative({items!r}): expected 1, reading no further than index 1; "
                    f"got {found!r}, reading up to index {last_read}. Stop at once with break (or return).", **at(loops.first_negative))


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
