"""Public checks for functions: the simplest cases, shipped to students."""

import math

from gradekit.grader import call, exercise, points, public


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
