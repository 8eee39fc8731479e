"""Public checks for tuples: the simplest cases, shipped to students."""

from gradekit.grader import call, exercise, points, public


@exercise("single")
class TestSingle:
    @public
    @points(2)
    def test_number(self, tuples):
        call(tuples.single, 1).returns((1,))

    @public
    @points(1)
    def test_string(self, tuples):
        call(tuples.single, 'abc').returns(('abc',))


@exercise("swap")
class TestSwap:
    @public
    @points(2)
    def test_numbers(self, tuples):
        call(tuples.swap, (1, 2)).returns((2, 1))

    @public
    @points(1)
    def test_mixed(self, tuples):
        call(tuples.swap, ('x', 3.5)).returns((3.5, 'x'))

    @public
    @points(1)
    def test_list_pair_gives_tuple(self, tuples):
        # The statement stresses it: a new tuple even when pair is a list.
        call(tuples.swap, [7, 'z']).returns(('z', 7))


@exercise("freeze")
class TestFreeze:
    @public
    @points(2)
    def test_grid(self, tuples):
        call(tuples.freeze, [[1, 2], [3, 4]]).returns(((1, 2), (3, 4)))

    @public
    @points(1)
    def test_empty(self, tuples):
        call(tuples.freeze, []).returns(())

    @public
    @points(1)
    def test_nested_list_inside_a_row(self, tuples):
        # A deep copy: a list inside a row becomes a tuple too.
        call(tuples.freeze, [[0, [8, 9]]]).returns(((0, (8, 9)),))
