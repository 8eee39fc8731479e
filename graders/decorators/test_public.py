"""Public checks for decorators: the notes' examples, shipped to students.

The functions to decorate are grader helpers: shipped as source with helper() so they run
next to your code in the sandbox.
"""

import re

from gradekit.grader import CheckFailure, call, exercise, expect, helper, hint, points, printed, public
from gradekit.proxy import Proxy, show

NOW_SOURCE = '''
def now():
    "Return today's date."
    return "2025-01-01"
'''

ADD_SOURCE = '''
def add(x, y):
    "Add two numbers."
    return x + y
'''

NUMBER = r"\d+(?:\.\d+)?(?:[eE][-+]?\d+)?"


def function_from(value, label):
    """A decorator (or log2(text)) must give back a function, not plain data such as None."""
    if isinstance(value, Proxy):
        return value
    raise CheckFailure("custom",
                       zh=f"{label} 应该返回一个函数（wrapper），实际返回了 {show(value)}。"
                          "是不是忘了 return wrapper，或者写成了 return wrapper()？",
                       en=f"{label} should return a function (the wrapper), but it returned {show(value)}. "
                          "Did you forget return wrapper, or write return wrapper()?")


def decorate(decorator, arg, label):
    return function_from(call(decorator, arg).as_(label).result(), label)


def metric_line_check(got, name, before, label):
    """What a @metric call printed must be `before` then 'NAME executed in X ms' (X any number)."""
    if re.fullmatch(re.escape(before) + re.escape(name) + " executed in " + NUMBER + r" ms\n", got):
        return
    want = before + f"{name} executed in X ms\n"
    raise CheckFailure("custom",
                       zh=f"调用 {label}\n期望打印：{want!r}（X 是一个数字，毫秒）\n实际打印：{got!r}",
                       en=f"called {label}\nexpected output: {want!r} (X a number of milliseconds)\nactual output:   {got!r}")


@exercise("log")
class TestLog:
    @public
    @points(2)
    def test_notes_example(self, decorators):
        now = helper(decorators, NOW_SOURCE, "now")
        wrapped = decorate(decorators.log, now, "log(now)")
        value = call(wrapped).prints("call now()...\n")
        expect(value, "2025-01-01", call="log(now)()")

    @public
    @points(1)
    def test_keeps_name(self, decorators):
        now = helper(decorators, NOW_SOURCE, "now")
        wrapped = decorate(decorators.log, now, "log(now)")
        call(getattr, wrapped, "__name__").as_("log(now).__name__").returns("now")


@exercise("log2")
class TestLog2:
    @public
    @points(2)
    def test_notes_example(self, decorators):
        now = helper(decorators, NOW_SOURCE, "now")
        decorator = decorate(decorators.log2, "execute", "log2('execute')")
        wrapped = decorate(decorator, now, "log2('execute')(now)")
        value = call(wrapped).prints("execute call now()...\n")
        expect(value, "2025-01-01", call="log2('execute')(now)()")

    @public
    @points(1)
    def test_keeps_name(self, decorators):
        now = helper(decorators, NOW_SOURCE, "now")
        decorator = decorate(decorators.log2, "execute", "log2('execute')")
        wrapped = decorate(decorator, now, "log2('execute')(now)")
        call(getattr, wrapped, "__name__").as_("log2('execute')(now).__name__").returns("now")


@exercise("metric")
class TestMetric:
    @public
    @points(2)
    def test_prints_time(self, decorators):
        add = helper(decorators, ADD_SOURCE, "add")
        wrapped = decorate(decorators.metric, add, "metric(add)")
        printed(decorators)
        call(wrapped, 3, 4).result()
        metric_line_check(printed(decorators), "add", "", "metric(add)(3, 4)")

    @public
    @points(1)
    def test_returns_result(self, decorators):
        add = helper(decorators, ADD_SOURCE, "add")
        wrapped = decorate(decorators.metric, add, "metric(add)")
        call(wrapped, 3, 4).returns(7)


@exercise("logged")
class TestLogged:
    @public
    @points(2)
    @hint(zh="不带参数的 @logged：logged 收到的是函数本身（callable(arg) 为 True），要直接返回 wrapper。",
          en="Bare @logged: logged receives the function itself (callable(arg) is True) and returns wrapper directly.")
    def test_bare(self, decorators):
        now = helper(decorators, NOW_SOURCE, "now")
        wrapped = decorate(decorators.logged, now, "logged(now)")
        value = call(wrapped).prints("begin call now()\nend call now()\n")
        expect(value, "2025-01-01", call="logged(now)()")

    @public
    @points(2)
    def test_with_text(self, decorators):
        now = helper(decorators, NOW_SOURCE, "now")
        decorator = decorate(decorators.logged, "DEBUG", "logged('DEBUG')")
        wrapped = decorate(decorator, now, "logged('DEBUG')(now)")
        value = call(wrapped).prints("DEBUG begin call now()\nDEBUG end call now()\n")
        expect(value, "2025-01-01", call="logged('DEBUG')(now)()")
