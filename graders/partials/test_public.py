"""Public checks for partials: the notes' examples, shipped to students."""

from gradekit.grader import call, exercise, fail, points, public, type_name
from gradekit.grader import show


def need_partial(value, label):
    """``value`` must be a functools.partial object."""
    if type_name(value) != "partial":
        fail(zh=f"{label} 应该是一个 functools.partial 对象（用 functools.partial(...) 造出来），"
                f"实际是 {type_name(value)}：{show(value)}",
             en=f"{label} should be a functools.partial object (made with functools.partial(...)), "
                f"but it is a {type_name(value)}: {show(value)}")
    return value


@exercise("int2")
class TestInt2:
    @public
    @points(2)
    def test_binary(self, partials):
        call(partials.int2, "1000000").returns(64)
        call(partials.int2, "1010101").returns(85)

    @public
    @points(1)
    def test_base_still_overridable(self, partials):
        call(partials.int2, "10", base=10).returns(10)

    @public
    @points(1)
    def test_is_a_partial(self, partials):
        need_partial(partials.int2, "int2")


@exercise("square")
class TestSquare:
    @public
    @points(2)
    def test_notes_example(self, partials):
        need_partial(partials.square, "square")
        call(partials.square, 5).returns(25)


@exercise("cube")
class TestCube:
    @public
    @points(2)
    def test_notes_example(self, partials):
        need_partial(partials.cube, "cube")
        call(partials.cube, 5).returns(125)


@exercise("make_power")
class TestMakePower:
    @public
    @points(2)
    def test_cube_again(self, partials):
        p = need_partial(call(partials.make_power, 3).result(), "make_power(3)")
        call(p, 2).as_("make_power(3)(2)").returns(8)
