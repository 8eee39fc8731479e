"""Hidden checks for closures: edges, traps and seeded random inputs."""

from gradekit.grader import call, exercise, expect, fail, grader_module, helper, hint, points, sandbox_source
from gradekit.grader import show

# Runs in the sandbox child, next to the student's code.
TOOLS = sandbox_source(__file__, "_hidden_sandbox_tools")


need_function = grader_module(__file__, "_shared").need_function


def tools(topic):
    return helper(topic, TOOLS, "tools")


def args_text(args):
    return ", ".join(show(a) for a in args)


@exercise("lazy_sum")
class TestLazySumHidden:
    @points(2)
    def test_random_numbers(self, closures, rng):
        for _ in range(12):
            args = [rng.randint(-1000, 1000) for _ in range(rng.randint(1, 12))]
            if rng.random() < 0.5:
                args = [a / 8 for a in args]
            label = f"lazy_sum({args_text(args)})"
            f = need_function(call(closures.lazy_sum, *args).result(), label)
            call(f).as_(f"{label}()").returns(sum(args))

    @points(1)
    @hint(zh="没有参数时，和是 0：lazy_sum()() 应该返回 0。",
          en="With no arguments the sum is 0: lazy_sum()() should return 0.")
    def test_no_arguments(self, closures):
        f = need_function(call(closures.lazy_sum).result(), "lazy_sum()")
        call(f).as_("lazy_sum()()").returns(0)

    @points(1)
    def test_sums_are_separate(self, closures, rng):
        groups = [[rng.randint(1, 99) for _ in range(rng.randint(1, 6))] for _ in range(4)]
        fs = [need_function(call(closures.lazy_sum, *g).result(), f"lazy_sum({args_text(g)})") for g in groups]
        if any(fs[i] == fs[j] for i in range(4) for j in range(i)):
            fail(zh="每次调用 lazy_sum 都应该返回一个新的函数，现在两次调用得到了同一个函数对象",
                 en="every lazy_sum call should return a new function; two calls gave the same function object")
        for g, f in reversed(list(zip(groups, fs))):
            call(f).as_(f"lazy_sum({args_text(g)})()").returns(sum(g))
            call(f).as_(f"lazy_sum({args_text(g)})()").returns(sum(g))

    @points(2)
    @hint(zh="“延迟”的意思是：lazy_sum(...) 只是记住参数，加法要等到返回的函数被调用时才做。",
          en="Lazy means lazy_sum(...) only remembers the arguments; the adding happens when the returned function is called.")
    def test_is_lazy(self, closures):
        t = tools(closures)
        need_function(call(closures.lazy_sum, 1, 2, 3).result(), "lazy_sum(1, 2, 3)")
        before, during, value = call(t["laziness"], closures.lazy_sum).as_("f = lazy_sum(a, b, c); f()").result()
        if before:
            fail(zh=f"lazy_sum(...) 一被调用就做了 {before} 次加法：求和应该等到返回的函数被调用时才做",
                 en=f"lazy_sum(...) did {before} additions as soon as it was called: the sum should wait until the "
                    "returned function is called")
        if not during:
            fail(zh="调用返回的函数时没有做任何加法", en="calling the returned function did no additions at all")
        expect(value, 6, call="f = lazy_sum(a, b, c); f()  # a, b, c = 1, 2, 3")


@exercise("count")
class TestCountHidden:
    def functions(self, closures, t):
        fs = call(closures.count).result()
        if not isinstance(fs, (list, tuple)) or len(fs) != 3:
            fail(zh=f"count() 应该返回一个装着 3 个函数的 list，实际返回了 {show(fs)}",
                 en=f"count() should return a list of 3 functions, but it returned {show(fs)}")
        return [need_function(f, f"count()[{i}]") for i, f in enumerate(fs)]

    @points(2)
    @hint(zh="三个函数都返回 9？闭包记住的是变量 i，调用时 i 已经是 3。用默认参数 lambda j=i: j * j 把当时的值固定下来。",
          en="All three give 9? The closure remembers the variable i, which is 3 by call time. Freeze the value "
             "with a default argument: lambda j=i: j * j.")
    def test_any_order(self, closures):
        fs = self.functions(closures, tools(closures))
        for i in (2, 0, 1, 2, 0):
            call(fs[i]).as_(f"count()[{i}]()").returns((i + 1) ** 2)

    @points(1)
    def test_fresh_each_call(self, closures, rng):
        t = tools(closures)
        first = self.functions(closures, t)
        second = self.functions(closures, t)
        if any(a == b for a in first for b in second):
            fail(zh="两次调用 count() 返回了同一个函数对象：每次都应该造出新的函数",
                 en="two count() calls returned the same function object: each call should make new functions")
        for _ in range(6):
            which, i = rng.choice((first, second)), rng.randrange(3)
            call(which[i]).as_(f"f{i + 1}()").returns((i + 1) ** 2)


@exercise("createCounter")
class TestCreateCounterHidden:
    @points(3)
    @hint(zh="每个计数器的数要存在它自己的 createCounter 调用里（局部变量 + nonlocal），不要用全局变量。",
          en="Keep each counter's number in its own createCounter call (a local variable + nonlocal), not in a global.")
    def test_random_interleaving(self, closures, rng):
        counters, counts = [], []
        for step in range(40):
            if not counters or (len(counters) < 5 and rng.random() < 0.15):
                counters.append(need_function(call(closures.createCounter).result(), "createCounter()"))
                counts.append(0)
            k = rng.randrange(len(counters))
            counts[k] += 1
            call(counters[k]).as_(f"counter{'ABCDE'[k]}()").returns(counts[k])

    @points(1)
    def test_long_run(self, closures):
        c = need_function(call(closures.createCounter).result(), "createCounter()")
        for want in range(1, 101):
            call(c).as_("counter()").returns(want)
        fresh = call(closures.createCounter).result()
        call(fresh).as_("createCounter()()").returns(1)
