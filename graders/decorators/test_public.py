"""Public checks for decorators: the notes' examples, shipped to students.

The functions to decorate are grader helpers: shipped as source with helper() so they run
next to your code in the sandbox.
"""

from gradekit.grader import call, exercise, expect, grader_module, helper, hint, points, printed, public, sandbox_source

tools = grader_module(__file__, "_tools")
decorate, metric_line_check, keeps_attr = tools.decorate, tools.metric_line_check, tools.keeps_attr

NOW_SOURCE = sandbox_source(__file__, "_sandbox_now")

ADD_SOURCE = sandbox_source(__file__, "_sandbox_add")

CHATTY_ADD_SOURCE = sandbox_source(__file__, "_sandbox_chatty_add")

ECHO_SOURCE = sandbox_source(__file__, "_sandbox_echo")


@exercise("log")
class TestLog:
    @public
    @points(2)
    @hint(zh="写成 @log（不带括号）时，log 收到的就是被装饰的函数，要直接返回 wrapper；不要给 log 加默认参数再多套一层。",
          en="With @log (no parentheses) log receives the function itself and returns wrapper directly; do not give log "
             "a default argument and an extra level.")
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
        keeps_attr(wrapped, "__name__", "now", "log(now)")

    @public
    @points(1)
    def test_calls_once(self, decorators):
        fn, calls = tools.counted(decorators, "tick")
        wrapped = decorate(decorators.log, fn, "log(tick)")
        tools.calls_once_check(wrapped, calls, "tick", "log(tick)")


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
        keeps_attr(wrapped, "__name__", "now", "log2('execute')(now)")

    @public
    @points(1)
    @hint(zh="wrapper 要写成 wrapper(*args, **kw)，再用 func(*args, **kw) 把关键字参数也原样传过去。",
          en="Write wrapper(*args, **kw) and call func(*args, **kw) so keyword arguments get through unchanged too.")
    def test_keyword_arguments(self, decorators):
        echo = helper(decorators, ECHO_SOURCE, "show_args")
        decorator = decorate(decorators.log2, "execute", "log2('execute')")
        wrapped = decorate(decorator, echo, "log2('execute')(show_args)")
        value = call(wrapped, 1, sep="-").as_("log2('execute')(show_args)(1, sep='-')") \
            .prints("execute call show_args()...\n")
        expect(value, ((1,), {"sep": "-"}), call="log2('execute')(show_args)(1, sep='-')")

    @public
    @points(1)
    def test_calls_once(self, decorators):
        fn, calls = tools.counted(decorators, "tick")
        wrapped = decorate(decorate(decorators.log2, "execute", "log2('execute')"), fn, "log2('execute')(tick)")
        tools.calls_once_check(wrapped, calls, "tick", "log2('execute')(tick)")


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
    @hint(zh="先调用原函数，再打印用时那一行：原函数自己打印的内容在前面。",
          en="Call the function first, then print the timing line: whatever the function prints comes first.")
    def test_line_after_the_call(self, decorators):
        add = helper(decorators, CHATTY_ADD_SOURCE, "add")
        wrapped = decorate(decorators.metric, add, "metric(add)")
        printed(decorators)
        call(wrapped, 1, y=2).as_("metric(add)(1, y=2)").result()
        metric_line_check(printed(decorators), "add", "adding\n", "metric(add)(1, y=2)")

    @public
    @points(1)
    def test_returns_result(self, decorators):
        add = helper(decorators, ADD_SOURCE, "add")
        wrapped = decorate(decorators.metric, add, "metric(add)")
        call(wrapped, 3, 4).returns(7)

    @public
    @points(2)
    @hint(zh="time.perf_counter() 的单位是秒：(结束 - 开始) * 1000 才是毫秒。",
          en="time.perf_counter() counts seconds: (end - start) * 1000 is milliseconds.")
    def test_milliseconds(self, decorators):
        tools.metric_ms_check(decorators, "nap", 0.05, 0.25)

    @public
    @points(1)
    @hint(zh="计时和返回结果用的是同一次调用：result = fn(*args, **kw)，打印用时，再 return result。",
          en="Timing and the result come from the same single call: result = fn(*args, **kw), print the time, return result.")
    def test_calls_once(self, decorators):
        fn, calls = tools.counted(decorators, "tick")
        wrapped = decorate(decorators.metric, fn, "metric(tick)")
        tools.calls_once_check(wrapped, calls, "tick", "metric(tick)")


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
    @points(1)
    def test_statement_example(self, decorators):
        add = helper(decorators, CHATTY_ADD_SOURCE, "add")
        wrapped = decorate(decorators.logged, add, "logged(add)")
        value = call(wrapped, 1, y=2).as_("logged(add)(1, y=2)").prints("begin call add()\nadding\nend call add()\n")
        expect(value, 3, call="logged(add)(1, y=2)")

    @public
    @points(2)
    def test_with_text(self, decorators):
        now = helper(decorators, NOW_SOURCE, "now")
        decorator = decorate(decorators.logged, "DEBUG", "logged('DEBUG')")
        wrapped = decorate(decorator, now, "logged('DEBUG')(now)")
        value = call(wrapped).prints("DEBUG begin call now()\nDEBUG end call now()\n")
        expect(value, "2025-01-01", call="logged('DEBUG')(now)()")

    @public
    @points(1)
    def test_calls_once(self, decorators):
        fn, calls = tools.counted(decorators, "tick")
        wrapped = decorate(decorators.logged, fn, "logged(tick)")
        tools.calls_once_check(wrapped, calls, "tick", "logged(tick)")

