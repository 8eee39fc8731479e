"""Public checks for default_args: the simplest cases, shipped to students."""

import ast

from gradekit.grader import call, exercise, expect, fail, helper, points, public, sandbox_source
from gradekit.grader.structure import forbid_names, parse, scope

# List identity can only be seen in the sandbox child: a list that comes back is a copy.
SAME_LIST = sandbox_source(__file__, "_sandbox_same_list")


@exercise("power")
class TestPower:
    @public
    @points(1)
    def test_default_square(self, default_args):
        call(default_args.power, 5).returns(25)

    @public
    @points(1)
    def test_given_exponent(self, default_args):
        call(default_args.power, 2, 10).returns(1024)
        call(default_args.power, 5, 3).returns(125)

    @public
    @points(1)
    def test_multiplies_in_a_loop(self, default_args, student_file):
        # The statement puts it in bold: a loop, not ** or pow.
        call(default_args.power, 2, 3).returns(8)
        forbid_names(student_file, {"pow"}, within="power",
                     zh="power 里不要用 pow()，用循环一次次乘 x",
                     en="do not use pow() in power: multiply by x in a loop")
        body = scope(parse(student_file), "power")
        if any(isinstance(node, ast.Pow) for node in ast.walk(body)):
            fail(zh="power 里用了 ** 运算符：应该用循环一次次乘 x。",
                 en="power uses the ** operator: it should multiply by x in a loop.")
        if not any(isinstance(node, (ast.For, ast.While)) for node in ast.walk(body)):
            fail(zh="power 里没有 for 或 while 循环：应该用循环一次次乘 x。",
                 en="power has no for or while loop: it should multiply by x in a loop.")


@exercise("enroll")
class TestEnroll:
    @public
    @points(1)
    def test_defaults(self, default_args):
        call(default_args.enroll, 'Sarah', 'F').returns(
            {'name': 'Sarah', 'gender': 'F', 'age': 6, 'city': 'Beijing'})

    @public
    @points(1)
    def test_keyword_city(self, default_args):
        call(default_args.enroll, 'Adam', 'M', city='Tianjin').returns(
            {'name': 'Adam', 'gender': 'M', 'age': 6, 'city': 'Tianjin'})


@exercise("add_end")
class TestAddEnd:
    @public
    @points(1)
    def test_given_list(self, default_args):
        call(default_args.add_end, [1, 2, 3]).returns([1, 2, 3, 'END'])

    @public
    @points(1)
    def test_empty_list_is_that_list(self, default_args):
        # The statement's correction box: test L is None, not "if not L" (an empty list passed in is kept).
        got = call(helper(default_args, SAME_LIST, "same_list"), []).as_("L = []; add_end(L)").result()
        expect(got['result'], ['END'], call="add_end([])")
        expect(got['same'], True, call="L = []; add_end(L) is L")

    @public
    @points(2)
    def test_two_bare_calls(self, default_args):
        call(default_args.add_end).as_("add_end()  #1").returns(['END'])
        call(default_args.add_end).as_("add_end()  #2").returns(['END'])
