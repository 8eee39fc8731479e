"""Public checks for partials: the notes' examples, shipped to students."""

from gradekit.grader import call, exercise, grader_module, points, public

need_partial = grader_module(__file__, "_shared").need_partial


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
