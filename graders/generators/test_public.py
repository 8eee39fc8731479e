"""Public checks for generators: the simplest cases, shipped to students."""

from gradekit.grader import call, exercise, fail, grader_module, helper, points, public
from gradekit.proxy import show

expect_bad_size = grader_module(__file__, "_tools").expect_bad_size

IS_ITERATOR = '''
def is_iterator(obj):
    return hasattr(type(obj), "__next__") and iter(obj) is obj
'''


def need_iterator(topic, value, label):
    """Fail unless ``value`` (what ``label`` returned) is a generator/iterator."""
    if not helper(topic, IS_ITERATOR, "is_iterator")(value):
        fail(zh=f"{label} 应该返回一个生成器（函数体里要用 yield），实际返回了 {show(value)}",
             en=f"{label} should return a generator (use yield in the body), but it returned {show(value)}")
    return value


def take(gen, label, expected):
    """Call next() on ``gen`` once per expected value and compare."""
    for i, want in enumerate(expected, 1):
        call(next, gen).as_(f"next({label}) #{i}").returns(want)


@exercise("fib")
class TestFib:
    @public
    @points(2)
    def test_first_five(self, generators):
        g = need_iterator(generators, call(generators.fib, 5).result(), "fib(5)")
        take(g, "fib(5)", [1, 1, 2, 3, 5])

    @public
    @points(1)
    def test_returns_done(self, generators):
        g = need_iterator(generators, call(generators.fib, 3).result(), "fib(3)")
        take(g, "fib(3)", [1, 1, 2])
        stop = call(next, g).as_("next(fib(3)) #4").raises(StopIteration)
        if stop.value != "done":
            fail(zh=f"fib(3) 产出 3 个数之后应该 return 'done'（StopIteration.value），实际是 {show(stop.value)}",
                 en=f"after its 3 numbers fib(3) should return 'done' (StopIteration.value), got {show(stop.value)}")


@exercise("triangles")
class TestTriangles:
    @public
    @points(2)
    def test_first_rows(self, generators):
        t = need_iterator(generators, call(generators.triangles).result(), "triangles()")
        take(t, "triangles()", [[1], [1, 1], [1, 2, 1], [1, 3, 3, 1], [1, 4, 6, 4, 1]])


@exercise("chunked")
class TestChunked:
    @public
    @points(2)
    def test_list(self, generators):
        g = need_iterator(generators, call(generators.chunked, [1, 2, 3, 4, 5], 2).result(), "chunked([1, 2, 3, 4, 5], 2)")
        take(g, "chunked([1, 2, 3, 4, 5], 2)", [[1, 2], [3, 4], [5]])
        call(next, g).as_("next(chunked([1, 2, 3, 4, 5], 2)) #4").raises(StopIteration)

    @public
    @points(1)
    def test_size_zero(self, generators):
        expect_bad_size(generators, [1, 2, 3], 0)
