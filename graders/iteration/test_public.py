"""Public checks for iteration: the simplest cases, shipped to students."""

from gradekit.grader import call, exercise, points, public
from gradekit.grader.structure import forbid_names


@exercise("find_min_and_max")
class TestFindMinAndMax:
    @public
    @points(2)
    def test_simple(self, iteration):
        call(iteration.find_min_and_max, [7]).returns((7, 7))
        call(iteration.find_min_and_max, [7, 1]).returns((1, 7))
        call(iteration.find_min_and_max, [7, 1, 3, 9, 5]).returns((1, 9))

    @public
    @points(1)
    def test_empty(self, iteration):
        call(iteration.find_min_and_max, []).returns((None, None))

    @public
    @points(1)
    def test_no_min_max(self, iteration, student_file):
        # only a working function earns this point (the stub does not call min either)
        call(iteration.find_min_and_max, [3, 8, 1]).returns((1, 8))
        forbid_names(student_file, {"min", "max"}, within="find_min_and_max",
                     zh="find_min_and_max 里不许调用 min() / max()：用 for 循环自己比较",
                     en="find_min_and_max must not call min() / max(): compare the values yourself in a for loop")


@exercise("numbered")
class TestNumbered:
    @public
    @points(2)
    def test_default_start(self, iteration):
        call(iteration.numbered, ['a', 'b']).returns(['1. a', '2. b'])
        call(iteration.numbered, ['Michael', 'Bob', 'Tracy']).returns(['1. Michael', '2. Bob', '3. Tracy'])


@exercise("is_iterable")
class TestIsIterable:
    @public
    @points(1)
    def test_iterables(self, iteration):
        call(iteration.is_iterable, 'abc').returns(True)
        call(iteration.is_iterable, [1, 2, 3]).returns(True)

    @public
    @points(1)
    def test_not_iterable(self, iteration):
        call(iteration.is_iterable, 123).returns(False)
