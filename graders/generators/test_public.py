"""Public checks for generators: the simplest cases, shipped to students."""

from gradekit.grader import call, exercise, fail, grader_module, helper, hint, points, public, sandbox_source
from gradekit.grader import show

tools = grader_module(__file__, "_tools")
expect_bad_size, take, expect_stop = tools.expect_bad_size, tools.take, tools.expect_stop

IS_ITERATOR = sandbox_source(__file__, "_sandbox_is_iterator")


def need_iterator(topic, value, label):
    """Fail unless ``value`` (what ``label`` returned) is a generator/iterator."""
    if not helper(topic, IS_ITERATOR, "is_iterator")(value):
        fail(zh=f"{label} 应该返回一个生成器（函数体里要用 yield），实际返回了 {show(value)}",
             en=f"{label} should return a generator (use yield in the body), but it returned {show(value)}")
    return value


@exercise("fib")
class TestFib:
    @public
    @points(2)
    def test_first_five(self, generators):
        g = need_iterator(generators, call(generators.fib, 5).result(), "fib(5)")
        take(g, "fib(5)", [1, 1, 2, 3, 5], generators.fib)

    @public
    @points(1)
    @hint(zh="生成器用 return 'done' 结束；在生成器里写 raise StopIteration 会被 Python 变成 RuntimeError。",
          en="End the generator with return 'done'; a raise StopIteration inside a generator becomes RuntimeError.")
    def test_returns_done(self, generators):
        g = need_iterator(generators, call(generators.fib, 3).result(), "fib(3)")
        take(g, "fib(3)", [1, 1, 2], generators.fib)
        stop = expect_stop(g, "fib(3)", 4, generators.fib)
        if stop.value != "done":
            fail(zh=f"fib(3) 产出 3 个数之后应该 return 'done'（StopIteration.value），实际是 {show(stop.value)}",
                 en=f"after its 3 numbers fib(3) should return 'done' (StopIteration.value), got {show(stop.value)}",
                 **tools.located(generators.fib))


@exercise("triangles")
class TestTriangles:
    @public
    @points(2)
    def test_first_rows(self, generators):
        t = need_iterator(generators, call(generators.triangles).result(), "triangles()")
        take(t, "triangles()", [[1], [1, 1], [1, 2, 1], [1, 3, 3, 1], [1, 4, 6, 4, 1]], generators.triangles)

    @public
    @points(2)
    @hint(zh="yield 出去的是 list 本身，不是副本：产出一行之后不要再修改它（也不要往它后面 append(0)），下一行用一个新的 list。",
          en="yield hands out the list itself, not a copy: never change a row after yielding it (no append(0) either); "
             "build the next row as a new list.")
    def test_collected_rows(self, generators):
        gen = need_iterator(generators, call(generators.triangles).result(), "triangles()")
        tools.rows_check(generators, gen, 6)


@exercise("chunked")
class TestChunked:
    @public
    @points(2)
    def test_list(self, generators):
        g = need_iterator(generators, call(generators.chunked, [1, 2, 3, 4, 5], 2).result(), "chunked([1, 2, 3, 4, 5], 2)")
        take(g, "chunked([1, 2, 3, 4, 5], 2)", [[1, 2], [3, 4], [5]], generators.chunked)
        expect_stop(g, "chunked([1, 2, 3, 4, 5], 2)", 4, generators.chunked)

    @public
    @points(1)
    @hint(zh="不管输入是什么，每一组都是 list：用 list(...) 转一下。", en="Whatever the input, every chunk is a list: convert with list(...).")
    def test_string(self, generators):
        g = need_iterator(generators, call(generators.chunked, "abcdefg", 3).result(), "chunked('abcdefg', 3)")
        take(g, "chunked('abcdefg', 3)", [["a", "b", "c"], ["d", "e", "f"], ["g"]], generators.chunked)

    @public
    @points(1)
    def test_size_zero(self, generators):
        expect_bad_size(generators, [1, 2, 3], 0)
