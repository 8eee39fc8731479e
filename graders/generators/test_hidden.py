"""Hidden checks for generators: edges, traps and seeded random inputs."""

from gradekit.grader import call, exercise, expect, fail, grader_module, helper, hint, points, sandbox_source
from gradekit.grader import show

shared = grader_module(__file__, "_tools")
expect_bad_size, pascal = shared.expect_bad_size, shared.pascal

# Runs in the sandbox child, next to the student's code.  Rows and chunks are not collected
# here but by plain next() calls (shared.collect), whose yielded objects the sandbox keeps to be
# read again: a generator could tell a helper collecting here from any other caller.
TOOLS = sandbox_source(__file__, "_hidden_sandbox_tools")


def tools(topic):
    return helper(topic, TOOLS, "tools")


def need_iterator(t, value, label):
    if not t["is_iterator"](value):
        fail(zh=f"{label} 应该返回一个生成器（函数体里要用 yield），实际返回了 {show(value)}",
             en=f"{label} should return a generator (use yield in the body), but it returned {show(value)}")
    return value


def fib_reference(n):
    out, a, b = [], 0, 1
    for _ in range(n):
        out.append(b)
        a, b = b, a + b
    return out


def chunks_reference(items, size):
    items = list(items)
    return [items[i:i + size] for i in range(0, len(items), size)]


@exercise("fib")
class TestFibHidden:
    def check_fib(self, generators, t, n):
        label = f"fib({n})"
        g = need_iterator(t, call(generators.fib, n).result(), label)
        items, stopped, value = call(t["drain"], g, n + 5).as_(f"list({label})").result()
        expect(items, fib_reference(n), call=f"list({label})")
        if not stopped or value != "done":
            fail(zh=f"{label} 产出 {n} 个数之后应该结束并 return 'done'，实际 StopIteration.value 是 {show(value)}",
                 en=f"after {n} numbers {label} should end with return 'done', but StopIteration.value was {show(value)}")

    @points(2)
    def test_random_lengths(self, generators, rng):
        t = tools(generators)
        for _ in range(12):
            self.check_fib(generators, t, rng.randint(2, 90))

    @points(1)
    @hint(zh="max 是 0 时一个数也不产出，直接 return 'done'；max 是 1 时只产出一个 1。",
          en="With max 0 nothing is yielded and it returns 'done' at once; with max 1 only one 1 is yielded.")
    def test_small(self, generators):
        t = tools(generators)
        for n in (0, 1, 2, -1):
            self.check_fib(generators, t, n)

    @points(1)
    @hint(zh="return 'done' 会变成 StopIteration 的 value，用 try/except StopIteration as e 取 e.value 试试。",
          en="return 'done' becomes StopIteration.value: try `except StopIteration as e: e.value`.")
    def test_done_after_loop(self, generators):
        g = need_iterator(tools(generators), call(generators.fib, 1).result(), "fib(1)")
        shared.take(g, "fib(1)", [1], generators.fib)
        stop = shared.expect_stop(g, "fib(1)", 2, generators.fib)
        if stop.value != "done":
            fail(zh=f"fib(1) 结束时的 StopIteration.value 应该是 'done'（生成器里的 return 'done'），实际是 {show(stop.value)}",
                 en=f"when fib(1) ends, StopIteration.value should be 'done' (return 'done' in the generator), got {show(stop.value)}")


@exercise("triangles")
class TestTrianglesHidden:
    @points(3)
    @hint(zh="每一行都要是一个新的 list：不要原地修改已经 yield 出去的那一行（包括往它后面 append）。",
          en="Every row must be a new list: never change a row you have already yielded (appending to it counts).")
    def test_rows_do_not_alias(self, generators):
        gen = need_iterator(tools(generators), call(generators.triangles).result(), "triangles()")
        shared.rows_check(generators, gen, 10)

    @points(2)
    def test_deep_rows(self, generators, rng):
        t = tools(generators)
        gen = need_iterator(t, call(generators.triangles).result(), "triangles()")
        n = rng.randint(20, 60)
        values, held = shared.collect(gen, "triangles()", n + 1, generators.triangles)
        rows, _ = shared.reread(held)
        rows = values if rows is None else rows   # the rows as collected: a row changed later shows
        for k in sorted(rng.sample(range(n + 1), 5)) + [n]:
            expect(rows[k], pascal(k), call=f"list(islice(triangles(), {n + 1}))[{k}]")

    @points(1)
    def test_each_call_starts_over(self, generators):
        t = tools(generators)
        a = need_iterator(t, call(generators.triangles).result(), "triangles()")
        for want in ([1], [1, 1], [1, 2, 1]):
            call(next, a).as_("next(a)").returns(want)
        b = call(generators.triangles).result()
        first = call(next, b).as_("next(triangles())").result()
        if first != [1]:
            fail(zh=f"在别的 triangles() 已经产出 3 行之后，新的 triangles() 第一行应该是 [1]，实际是 {show(first)}："
                    "每次调用 triangles() 都要从头开始（不要用全局变量保存行）",
                 en=f"after another triangles() has yielded 3 rows, a new triangles() should start at [1], got "
                    f"{show(first)}: every triangles() call starts over (do not keep the row in a global)")
        call(next, a).as_("next(a)").returns([1, 3, 3, 1])


@exercise("chunked")
class TestChunkedHidden:
    def collected(self, generators, t, items, size):
        label = f"chunked({show(items)}, {size})"
        gen = need_iterator(t, call(generators.chunked, items, size).result(), label)
        values, held = shared.collect(gen, label, len(items) + 2, generators.chunked, endless=False)
        got, distinct = shared.reread(held)
        return (label, values, len(values)) if got is None else (label, got, distinct)

    @points(3)
    @hint(zh="最后不满 size 个的那一组也要产出；每一组都要是新的 list。",
          en="Yield the last, shorter chunk too; every chunk must be a new list.")
    def test_random_lists(self, generators, rng):
        t = tools(generators)
        for _ in range(12):
            items = [rng.randint(-99, 99) for _ in range(rng.randint(1, 30))]
            size = rng.randint(1, len(items) + 2)
            label, got, distinct = self.collected(generators, t, items, size)
            if distinct != len(got):
                fail(zh=f"list({label}) 的 {len(got)} 组只是 {distinct} 个不同的 list 对象：不要反复使用（再清空）同一个 list，"
                        f"收集到的是 {show(got)}",
                     en=f"the {len(got)} chunks of list({label}) are only {distinct} different list object(s): do not "
                        f"reuse (and clear) one list; collected {show(got)}")
            expect(got, chunks_reference(items, size), call=f"list({label})")

    @points(1)
    @hint(zh="空输入一组也不产出；size 大于长度时整个输入是一组；每一组产出后都不要再改动它。",
          en="Empty input yields nothing; a size above the length gives one chunk; never change a chunk after yielding it.")
    def test_edges(self, generators):
        t = tools(generators)
        for items, size in (([], 3), ([7], 1), ([1, 2, 3], 3), ([1, 2, 3], 10), ([1, 2, 3, 4], 1)):
            label, got, _ = self.collected(generators, t, items, size)
            expect(got, chunks_reference(items, size), call=f"list({label})")

    @points(1)
    @hint(zh="每一组都要是 list，即使输入是 str 或 tuple：用 list(...) 转一下。",
          en="Every chunk is a list, even for str or tuple input: convert with list(...).")
    def test_str_and_tuple(self, generators):
        t = tools(generators)
        for items, size in (("abcdefg", 3), ((1, 2, 3, 4, 5), 2)):
            label, got, _ = self.collected(generators, t, items, size)
            expect(got, chunks_reference(items, size), call=f"list({label})")

    @points(2)
    @hint(zh="iterable 可能是一个迭代器（不能用 len() 和切片），也可能没有尽头：用 iter() 和 next() 或 itertools.islice 一次只取一组。",
          en="iterable may be an iterator (no len(), no slicing) and may never end: use iter() and next() or "
             "itertools.islice to take one chunk at a time.")
    def test_iterators_lazily(self, generators, rng):
        t = tools(generators)
        for _ in range(3):
            items = [rng.randint(0, 9) for _ in range(rng.randint(5, 25))]
            size = rng.randint(1, 6)
            got = call(t["from_iterator"], generators.chunked, items, size) \
                .as_(f"list(chunked(iter({show(items)}), {size}))").result()
            expect(got, chunks_reference(items, size), call=f"list(chunked(iter({show(items)}), {size}))")
        size = rng.randint(2, 6)
        first, taken = call(t["first_chunk_cost"], generators.chunked, size, 1000) \
            .as_(f"next(chunked(iter(range(1000)), {size}))").result()
        expect(first, list(range(size)), call=f"next(chunked(iter(range(1000)), {size}))")
        if taken != size:
            fail(zh=f"为了产出第一组（{size} 个），chunked 从输入里取了 {taken} 个元素：生成器应该用到多少取多少，"
                    "不要先把整个输入读进一个 list",
                 en=f"to yield the first chunk ({size} items) chunked took {taken} items from its input: a generator "
                    "should take only what it needs, not read the whole input into a list first")

    @points(2)
    @hint(zh="size 小于 1 时没法分组：raise ValueError（在调用时或第一次 next() 时都可以）。",
          en="Chunks need size >= 1: raise ValueError (at the call or at the first next(), either is fine).")
    def test_bad_sizes(self, generators):
        for items, size in (([1, 2, 3], 0), ([1, 2, 3], -1), ([], 0), ("abc", -5)):
            expect_bad_size(generators, items, size)
