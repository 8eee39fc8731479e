"""Public checks for slicing: the simplest cases, shipped to students."""

from gradekit.grader import call, exercise, helper, points, public, sandbox_source

# Whether reverse changed the caller's list is seen in the sandbox child: a list sent there is a copy.
KEEPS = sandbox_source(__file__, "_sandbox_keeps")
from gradekit.grader.structure import forbid_names


@exercise("trim")
class TestTrim:
    @public
    @points(2)
    def test_both_sides(self, slicing):
        call(slicing.trim, '  hello  ').returns('hello')
        call(slicing.trim, 'hello  ').returns('hello')
        call(slicing.trim, '  hello').returns('hello')

    @public
    @points(1)
    def test_nothing_to_trim(self, slicing):
        call(slicing.trim, 'hello').returns('hello')

    @public
    @points(1)
    def test_no_strip(self, slicing, student_file):
        # only a working trim earns this point (the stub does not call strip either)
        call(slicing.trim, '  hi  ').returns('hi')
        forbid_names(student_file, {"strip", "lstrip", "rstrip"}, within="trim",
                     zh="trim 里不许调用 strip / lstrip / rstrip：用切片 s[1:]、s[:-1] 一个个去掉空格",
                     en="trim must not call strip / lstrip / rstrip: remove the spaces one by one with s[1:] and s[:-1]")


@exercise("every_other")
class TestEveryOther:
    @public
    @points(1)
    def test_list(self, slicing):
        call(slicing.every_other, [1, 2, 3, 4, 5, 6, 7, 8, 9]).returns([1, 3, 5, 7, 9])

    @public
    @points(1)
    def test_string(self, slicing):
        call(slicing.every_other, 'ABCDEFG').returns('ACEG')


@exercise("last_n")
class TestLastN:
    @public
    @points(1)
    def test_list(self, slicing):
        L = ['Michael', 'Bob', 'Tracy', 'Sarah', 'Jack', 'Tom', 'Jerry']
        call(slicing.last_n, L, 2).returns(['Tom', 'Jerry'])

    @public
    @points(1)
    def test_string(self, slicing):
        call(slicing.last_n, 'Python', 3).returns('hon')

    @public
    @points(1)
    def test_zero_is_empty(self, slicing):
        # The statement's trap: L[-0:] is the whole list, but last_n(seq, 0) is empty.
        call(slicing.last_n, ['a', 'b'], 0).returns([])


@exercise("reverse")
class TestReverse:
    @public
    @points(1)
    def test_string(self, slicing):
        call(slicing.reverse, 'abc').returns('cba')

    @public
    @points(1)
    def test_list(self, slicing):
        call(slicing.reverse, [1, 2, 3]).returns([3, 2, 1])

    @public
    @points(1)
    def test_argument_unchanged(self, slicing):
        call(helper(slicing, KEEPS, "reverse_keeps"), [7, 8]).as_("L = [7, 8]; reverse(L); L == [7, 8]").returns(True)
