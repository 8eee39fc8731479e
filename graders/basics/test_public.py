"""Public checks for basics: the simplest cases, shipped to students."""

import ast

from gradekit.grader import call, exercise, points, public
from gradekit.grader.structure import require_node


@exercise("divide")
class TestDivide:
    @public
    @points(2)
    def test_notes_example(self, basics):
        call(basics.divide, 10, 3).returns((10 / 3, 3, 1))

    @public
    @points(1)
    def test_exact_division_is_float(self, basics):
        call(basics.divide, 9, 3).returns((3.0, 3, 0))

    @public
    @points(1)
    def test_negative_rounds_down(self, basics):
        # The statement's "pay attention" rule: // rounds down for negative numbers too.
        call(basics.divide, -9, 2).returns((-4.5, -5, 1))


@exercise("is_leap_year")
class TestIsLeapYear:
    @public
    @points(1)
    def test_ordinary_years(self, basics):
        call(basics.is_leap_year, 2024).returns(True)
        call(basics.is_leap_year, 2023).returns(False)

    @public
    @points(1)
    def test_centuries(self, basics):
        call(basics.is_leap_year, 1900).returns(False)
        call(basics.is_leap_year, 2000).returns(True)

    @public
    @points(1)
    def test_uses_boolean_operators(self, student_file):
        require_node(student_file, ast.BoolOp, within="is_leap_year",
                     zh="is_leap_year 里要用 and / or 把几个条件连起来写",
                     en="in is_leap_year, join the conditions with and / or")


@exercise("circle_area")
class TestCircleArea:
    @public
    @points(1)
    def test_unit_circle(self, basics):
        call(basics.circle_area, 1).returns(3.141592653)

    @public
    @points(1)
    def test_radius_three(self, basics):
        call(basics.circle_area, 3).returns(3.141592653 * 9)
