"""Public checks for closures: the simplest cases, shipped to students."""

from gradekit.grader import call, exercise, fail, grader_module, hint, points, public
from gradekit.grader import show

need_function = grader_module(__file__, "_shared").need_function


@exercise("lazy_sum")
class TestLazySum:
    @public
    @points(2)
    def test_returns_a_function(self, closures):
        f = need_function(call(closures.lazy_sum, 1, 3, 5, 7, 9).result(), "lazy_sum(1, 3, 5, 7, 9)")
        call(f).as_("lazy_sum(1, 3, 5, 7, 9)()").returns(25)

    @public
    @points(1)
    def test_two_sums(self, closures):
        f1 = need_function(call(closures.lazy_sum, 1, 2).result(), "f1 = lazy_sum(1, 2)")
        f2 = need_function(call(closures.lazy_sum, 10, 20).result(), "f2 = lazy_sum(10, 20)")
        call(f1).as_("f1()").returns(3)
        call(f2).as_("f2()").returns(30)


@exercise("count")
class TestCount:
    @public
    @points(3)
    def test_one_four_nine(self, closures):
        fs = call(closures.count).result()
        if not isinstance(fs, (list, tuple)) or len(fs) != 3:
            fail(zh=f"count() 应该返回一个装着 3 个函数的 list，实际返回了 {show(fs)}",
                 en=f"count() should return a list of 3 functions, but it returned {show(fs)}")
        for i, (f, want) in enumerate(zip(fs, (1, 4, 9)), 1):
            need_function(f, f"count()[{i - 1}]")
            call(f).as_(f"count()[{i - 1}]()").returns(want)


@exercise("createCounter")
class TestCreateCounter:
    @public
    @points(2)
    @hint(zh="看到 UnboundLocalError？内层函数给外层变量赋值之前要先写 nonlocal x。",
          en="Getting UnboundLocalError? The inner function needs nonlocal x before it assigns to the outer variable.")
    def test_counts_up(self, closures):
        c = need_function(call(closures.createCounter).result(), "createCounter()")
        for want in (1, 2, 3, 4, 5):
            call(c).as_("counterA()").returns(want)

    @public
    @points(1)
    @hint(zh="造出 counterB 不能影响 counterA：数要存在每次 createCounter() 调用自己的局部变量里（nonlocal），不要用全局变量。",
          en="Making counterB must not change counterA: keep the count in a local variable of each createCounter() call "
             "(nonlocal), not in a global.")
    def test_independent(self, closures):
        a = need_function(call(closures.createCounter).result(), "createCounter()")
        call(a).as_("counterA()").returns(1)
        call(a).as_("counterA()").returns(2)
        b = need_function(call(closures.createCounter).result(), "createCounter()")
        call(b).as_("counterB()").returns(1)
        call(a).as_("counterA()").returns(3)
