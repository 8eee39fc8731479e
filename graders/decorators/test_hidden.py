"""Hidden checks for decorators: arguments passed through, results returned, names kept,
output exactly once per call and in the right order; random names, texts and arguments."""

from gradekit.grader import call, exercise, expect, grader_module, helper, hint, points, printed

tools = grader_module(__file__, "_tools")
decorate, metric_line_check = tools.decorate, tools.metric_line_check

NAMES = ["greet", "area", "fetch", "total", "render", "parse", "send_mail", "compute", "load_data", "now"]
TEXTS = ["execute", "DEBUG", "INFO", "warning", "执行", "step-3", "[trace]", "run now"]


def echo_fn(decorators, name, inner_print=False):
    """A helper function NAME(*args, **kwargs) returning (args, kwargs), optionally printing 'inside NAME'."""
    lines = [f"def {name}(*args, **kwargs):", f"    'Docstring of {name}.'"]
    if inner_print:
        lines.append(f"    print('inside {name}')")
    lines.append("    return args, kwargs")
    return helper(decorators, "\n".join(lines) + "\n", name)


def random_args(rng):
    args = tuple(rng.choice([rng.randint(-100, 100), rng.choice("abcxyz") * rng.randint(1, 3),
                             round(rng.uniform(-5, 5), 3)]) for _ in range(rng.randint(0, 3)))
    kwargs = {k: rng.randint(0, 99) for k in rng.sample(["x", "y", "scale", "sep", "end_"], rng.randint(1, 3))}
    return args, kwargs


def keeps_name_and_doc(wrapped, name, label):
    tools.keeps_attr(wrapped, "__name__", name, label)
    tools.keeps_attr(wrapped, "__doc__", f"Docstring of {name}.", label)


ONCE_HINT = dict(zh="wrapper 里只调用原函数一次：result = func(*args, **kw)，再 return result。",
                 en="Call the original function once in wrapper: result = func(*args, **kw), then return result.")


def once(decorators, decorator_of, rng):
    """The decorated function (made by ``decorator_of(fn, name)``) runs the original once per call."""
    name = rng.choice(NAMES)
    fn, calls = tools.counted(decorators, name)
    wrapped, label = decorator_of(fn, name)
    tools.calls_once_check(wrapped, calls, name, label)


WRAPS_HINT = dict(zh="在 wrapper 上面加 @functools.wraps(func)，包装后的函数才会保留原来的 __name__ 和 __doc__。",
                  en="Put @functools.wraps(func) above wrapper so the wrapped function keeps its __name__ and __doc__.")
KWARGS_HINT = dict(zh="wrapper 要写成 wrapper(*args, **kw)，并用 func(*args, **kw) 把关键字参数也传过去，最后 return 结果。",
                   en="Write wrapper(*args, **kw) and call func(*args, **kw) so keyword arguments get through too, and return the result.")


# -- log --------------------------------------------------------------------------------------


@exercise("log")
class TestLogHidden:
    @points(2)
    @hint(**KWARGS_HINT)
    def test_arguments_and_result(self, decorators, rng):
        for _ in range(4):
            name = rng.choice(NAMES)
            wrapped = decorate(decorators.log, echo_fn(decorators, name), f"log({name})")
            args, kwargs = random_args(rng)
            value = call(wrapped, *args, **kwargs).prints(f"call {name}()...\n")
            expect(value, (args, kwargs), call=f"log({name})(...)")

    @points(1)
    @hint(**WRAPS_HINT)
    def test_keeps_name_and_doc(self, decorators, rng):
        name = rng.choice(NAMES)
        wrapped = decorate(decorators.log, echo_fn(decorators, name), f"log({name})")
        keeps_name_and_doc(wrapped, name, f"log({name})")

    @points(2)
    @hint(zh="日志行要在调用原函数之前打印，而且要打印在 wrapper 里面：每调用一次打印一次，装饰的时候不打印。",
          en="Print the log line inside wrapper, before calling the function: once per call, and nothing while decorating.")
    def test_printed_before_each_call(self, decorators, rng):
        name = rng.choice(NAMES)
        wrapped = decorate(decorators.log, echo_fn(decorators, name, inner_print=True), f"log({name})", quiet=True)
        for i in range(2):
            call(wrapped, i).prints(f"call {name}()...\ninside {name}\n")

    @points(1)
    @hint(**ONCE_HINT)
    def test_calls_once(self, decorators, rng):
        once(decorators, lambda fn, name: (decorate(decorators.log, fn, f"log({name})"), f"log({name})"), rng)


# -- log2 -------------------------------------------------------------------------------------


@exercise("log2")
class TestLog2Hidden:
    @points(2)
    @hint(zh="打印的开头是传给 log2 的 text，不是固定的单词；text 后面跟一个空格再接 call。",
          en="The line starts with the text given to log2, not a fixed word, followed by one space and call.")
    def test_random_texts(self, decorators, rng):
        for text in rng.sample(TEXTS, 4):
            name = rng.choice(NAMES)
            decorator = decorate(decorators.log2, text, f"log2({text!r})")
            wrapped = decorate(decorator, echo_fn(decorators, name), f"log2({text!r})({name})")
            call(wrapped).prints(f"{text} call {name}()...\n")

    @points(2)
    @hint(**KWARGS_HINT)
    def test_arguments_and_result(self, decorators, rng):
        for _ in range(4):
            name, text = rng.choice(NAMES), rng.choice(TEXTS)
            decorator = decorate(decorators.log2, text, f"log2({text!r})")
            wrapped = decorate(decorator, echo_fn(decorators, name), f"log2({text!r})({name})")
            args, kwargs = random_args(rng)
            value = call(wrapped, *args, **kwargs).prints(f"{text} call {name}()...\n")
            expect(value, (args, kwargs), call=f"log2({text!r})({name})(...)")

    @points(1)
    @hint(**WRAPS_HINT)
    def test_keeps_name_and_doc(self, decorators, rng):
        name, text = rng.choice(NAMES), rng.choice(TEXTS)
        decorator = decorate(decorators.log2, text, f"log2({text!r})")
        wrapped = decorate(decorator, echo_fn(decorators, name), f"log2({text!r})({name})")
        keeps_name_and_doc(wrapped, name, f"log2({text!r})({name})")

    @points(1)
    def test_printed_before_each_call(self, decorators, rng):
        name, text = rng.choice(NAMES), rng.choice(TEXTS)
        decorator = decorate(decorators.log2, text, f"log2({text!r})", quiet=True)
        wrapped = decorate(decorator, echo_fn(decorators, name, inner_print=True), f"log2({text!r})({name})", quiet=True)
        for i in range(2):
            call(wrapped, i).prints(f"{text} call {name}()...\ninside {name}\n")

    @points(1)
    @hint(**ONCE_HINT)
    def test_calls_once(self, decorators, rng):
        text = rng.choice(TEXTS)

        def decorated(fn, name):
            decorator = decorate(decorators.log2, text, f"log2({text!r})")
            return decorate(decorator, fn, f"log2({text!r})({name})"), f"log2({text!r})({name})"
        once(decorators, decorated, rng)


# -- metric -----------------------------------------------------------------------------------


@exercise("metric")
class TestMetricHidden:
    @points(2)
    @hint(zh="先调用原函数，再打印用时那一行；打印的是 fn.__name__，不是函数对象本身。",
          en="Call the function first, then print the timing line; print fn.__name__, not the function object.")
    def test_line_after_the_call(self, decorators, rng):
        for _ in range(3):
            name = rng.choice(NAMES)
            wrapped = decorate(decorators.metric, echo_fn(decorators, name, inner_print=True), f"metric({name})", quiet=True)
            printed(decorators)
            call(wrapped, rng.randint(0, 9)).result()
            metric_line_check(printed(decorators), name, f"inside {name}\n", f"metric({name})(...)")

    @points(2)
    @hint(**KWARGS_HINT)
    def test_arguments_and_result(self, decorators, rng):
        for _ in range(4):
            name = rng.choice(NAMES)
            wrapped = decorate(decorators.metric, echo_fn(decorators, name), f"metric({name})")
            args, kwargs = random_args(rng)
            printed(decorators)
            call(wrapped, *args, **kwargs).returns((args, kwargs))
            metric_line_check(printed(decorators), name, "", f"metric({name})(...)")

    @points(1)
    @hint(**WRAPS_HINT)
    def test_keeps_name_and_doc(self, decorators, rng):
        name = rng.choice(NAMES)
        wrapped = decorate(decorators.metric, echo_fn(decorators, name), f"metric({name})")
        keeps_name_and_doc(wrapped, name, f"metric({name})")

    @points(2)
    @hint(zh="X 是毫秒：time.perf_counter() 的差是秒，要乘以 1000。",
          en="X is milliseconds: the difference of time.perf_counter() readings is seconds, times 1000.")
    def test_milliseconds(self, decorators, rng):
        tools.metric_ms_check(decorators, rng.choice(NAMES), rng.choice([0.04, 0.05, 0.06]), rng.choice([0.2, 0.25, 0.3]))

    @points(1)
    @hint(**ONCE_HINT)
    def test_calls_once(self, decorators, rng):
        once(decorators, lambda fn, name: (decorate(decorators.metric, fn, f"metric({name})"), f"metric({name})"), rng)


# -- logged -----------------------------------------------------------------------------------


@exercise("logged")
class TestLoggedHidden:
    @points(2)
    @hint(zh="顺序是：打印 begin 行 → 调用原函数（参数原样传入）→ 打印 end 行 → 返回结果。",
          en="The order is: print the begin line, call the function (arguments passed through), print the end line, return the result.")
    def test_bare_arguments_and_order(self, decorators, rng):
        for _ in range(3):
            name = rng.choice(NAMES)
            wrapped = decorate(decorators.logged, echo_fn(decorators, name, inner_print=True), f"logged({name})", quiet=True)
            args, kwargs = random_args(rng)
            value = call(wrapped, *args, **kwargs).prints(
                f"begin call {name}()\ninside {name}\nend call {name}()\n")
            expect(value, (args, kwargs), call=f"logged({name})(...)")

    @points(2)
    @hint(zh="带参数时每一行都以 text 加一个空格开头：'TEXT begin call NAME()'。",
          en="With a text every line starts with the text and one space: 'TEXT begin call NAME()'.")
    def test_text_arguments_and_order(self, decorators, rng):
        for text in rng.sample(TEXTS, 3):
            name = rng.choice(NAMES)
            decorator = decorate(decorators.logged, text, f"logged({text!r})", quiet=True)
            wrapped = decorate(decorator, echo_fn(decorators, name, inner_print=True), f"logged({text!r})({name})", quiet=True)
            args, kwargs = random_args(rng)
            value = call(wrapped, *args, **kwargs).prints(
                f"{text} begin call {name}()\ninside {name}\n{text} end call {name}()\n")
            expect(value, (args, kwargs), call=f"logged({text!r})({name})(...)")

    @points(1)
    @hint(**WRAPS_HINT)
    def test_keeps_name_and_doc(self, decorators, rng):
        name, text = rng.choice(NAMES), rng.choice(TEXTS)
        keeps_name_and_doc(decorate(decorators.logged, echo_fn(decorators, name), f"logged({name})"), name, f"logged({name})")
        decorator = decorate(decorators.logged, text, f"logged({text!r})")
        wrapped = decorate(decorator, echo_fn(decorators, name), f"logged({text!r})({name})")
        keeps_name_and_doc(wrapped, name, f"logged({text!r})({name})")

    @points(1)
    @hint(**ONCE_HINT)
    def test_calls_once(self, decorators, rng):
        once(decorators, lambda fn, name: (decorate(decorators.logged, fn, f"logged({name})"), f"logged({name})"), rng)
        text = rng.choice(TEXTS)

        def with_text(fn, name):
            decorator = decorate(decorators.logged, text, f"logged({text!r})")
            return decorate(decorator, fn, f"logged({text!r})({name})"), f"logged({text!r})({name})"
        once(decorators, with_text, rng)
