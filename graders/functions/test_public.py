"""Public checks for functions: the simplest cases, shipped to students."""

import math

from gradekit.grader import call, exercise, hint, points, public


@exercise("my_abs")
class TestMyAbs:
    @public
    @points(1)
    def test_positive_and_zero(self, functions):
        call(functions.my_abs, 7).returns(7)
        call(functions.my_abs, 0).returns(0)

    @public
    @points(1)
    def test_negative(self, functions):
        call(functions.my_abs, -5).returns(5)

    @public
    @points(1)
    def test_rejects_strings(self, functions):
        call(functions.my_abs, "A").raises(TypeError, "bad operand type")

    @public
    @points(1)
    @hint(zh="不只是字符串：None、list、tuple 都不是 int 或 float，也要抛出 TypeError('bad operand type')。"
             "用 isinstance(x, (int, float)) 检查。",
          en="Not just strings: None, a list or a tuple is not an int or a float either and raises "
             "TypeError('bad operand type') too. Check with isinstance(x, (int, float)).")
    def test_rejects_none_and_lists(self, functions):
        for bad in (None, [-1], (2, 3)):
            call(functions.my_abs, bad).raises(TypeError, "bad operand type")


@exercise("move")
class TestMove:
    @public
    @points(2)
    def test_notes_example(self, functions):
        call(functions.move, 100, 100, 60, math.pi / 6).returns((151.96152422706632, 70.0))

    @public
    @points(1)
    def test_default_angle(self, functions):
        call(functions.move, 0, 0, 10).returns((10.0, 0.0))


@exercise("quadratic")
class TestQuadratic:
    @public
    @points(2)
    def test_two_roots(self, functions):
        call(functions.quadratic, 2, 3, 1).returns((-0.5, -1.0))

    @public
    @points(1)
    def test_a_is_zero(self, functions):
        call(functions.quadratic, 0, 2, 1).raises(ValueError)

    @public
    @points(1)
    @hint(zh="Δ == 0 不是错误：方程有两个相等的实数根，返回一个 tuple (x1, x2)，两个数相等。只有 Δ < 0 时才抛出 ValueError。",
          en="Δ == 0 is not an error: the equation has two equal real roots; return a tuple (x1, x2) of two equal "
             "numbers. Raise ValueError only when Δ < 0.")
    def test_double_root(self, functions):
        call(functions.quadratic, 1, 2, 1).returns((-1.0, -1.0))
