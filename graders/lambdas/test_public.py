"""Public checks for lambdas: the simplest cases, shipped to students."""

import ast

from gradekit.grader import call, exercise, expect, fail, grader_module, helper, points, public
from gradekit.grader.structure import has_node, mentions, parse, scope

_shared = grader_module(__file__, "_shared")
ON_A_COPY, need_function = _shared.ON_A_COPY, _shared.need_function

# Whether odd_numbers changed the caller's list is seen in the sandbox child: a list sent there is a copy.


@exercise("is_odd")
class TestIsOdd:
    @public
    @points(1)
    def test_examples(self, lambdas):
        call(lambdas.is_odd, 3).returns(True)
        call(lambdas.is_odd, 4).returns(False)
        call(lambdas.is_odd, 0).returns(False)

    @public
    @points(1)
    def test_is_a_lambda(self, lambdas):
        call(getattr, lambdas.is_odd, "__name__").as_("is_odd.__name__").returns("<lambda>")


@exercise("odd_numbers")
class TestOddNumbers:
    @public
    @points(2)
    def test_notes_example(self, lambdas):
        call(lambdas.odd_numbers, list(range(1, 20))).returns([1, 3, 5, 7, 9, 11, 13, 15, 17, 19])

    @public
    @points(1)
    def test_mixed(self, lambdas):
        call(lambdas.odd_numbers, [4, 7, 10, 13, 2]).returns([7, 13])

    @public
    @points(1)
    def test_filter_lambda_new_list(self, lambdas, student_file):
        # Bold in the statement: filter with a lambda, a new list, L left alone.
        # Only a working odd_numbers earns this point (the stub calls no filter either).
        call(lambdas.odd_numbers, [5, 6, 9]).returns([5, 9])
        values = [1, 2, 3, 4]
        after = call(helper(lambdas, ON_A_COPY, "odd_numbers_on_copy"), values).as_(f"L = {values}; odd_numbers(L); L").result()
        expect(after, values, call=f"L = {values}; odd_numbers(L); L")
        tree = parse(student_file)
        node = scope(tree, "odd_numbers") if tree is not None else None
        if node is None:
            return
        if not mentions(node, {"filter"}):
            fail(zh="odd_numbers 里没有调用 filter：应该用 filter 加一个 lambda 来过滤。",
                 en="odd_numbers does not call filter: it should filter with a lambda.",
                 file=student_file.name, line=node.lineno)
        if not (has_node(node, ast.Lambda) or mentions(node, {"is_odd"})):
            fail(zh="odd_numbers 里没有 lambda：应该把判断奇数的 lambda（或 is_odd）交给 filter。",
                 en="odd_numbers has no lambda: it should pass a lambda (or is_odd) testing for odd numbers to filter.",
                 file=student_file.name, line=node.lineno)


@exercise("build")
class TestBuild:
    @public
    @points(2)
    def test_notes_example(self, lambdas):
        f = need_function(call(lambdas.build, 2, 3).result(), "build(2, 3)")
        call(f).as_("build(2, 3)()").returns(13)
