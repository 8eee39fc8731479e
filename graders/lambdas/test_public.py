"""Public checks for lambdas: the simplest cases, shipped to students."""

from gradekit.grader import call, exercise, fail, points, public, type_name
from gradekit.proxy import show


def need_function(value, label):
    """``value`` must be a function (a proxy of one), not a number or anything else."""
    if type_name(value) != "function":
        fail(zh=f"{label} 应该返回一个函数（return lambda: ...，不要自己先算出结果），实际返回了 {show(value)}",
             en=f"{label} should return a function (return lambda: ..., do not compute the result yourself), "
                f"but it returned {show(value)}")
    return value


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


@exercise("build")
class TestBuild:
    @public
    @points(2)
    def test_notes_example(self, lambdas):
        f = need_function(call(lambdas.build, 2, 3).result(), "build(2, 3)")
        call(f).as_("build(2, 3)()").returns(13)
