"""Hidden checks for decorators: arguments passed through, results returned, names kept,
output exactly once per call and in the right order; random names, texts and arguments."""

import re

from gradekit.grader import CheckFailure, call, exercise, expect, helper, hint, points, printed
from gradekit.proxy import Proxy, show

NAMES = ["greet", "area", "fetch", "total", "render", "parse", "send_mail", "compute", "load_data", "now"]
TEXTS = ["execute", "DEBUG", "INFO", "warning", "执行", "step-3", "[trace]", "run now"]
NUMBER = r"\d+(?:\.\d+)?(?:[eE][-+]?\d+)?"


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


def function_from(value, label):
    """A decorator (or log2(text)) must give back a function, not plain data such as None."""
    if isinstance(value, Proxy):
        return value
    raise CheckFailure("custom",
                       zh=f"{label} 应该返回一个函数（wrapper），实际返回了 {show(value)}。"
                          "是不是忘了 return wrapper，或者写成了 return wrapper()？",
                       en=f"{label} should return a function (the wrapper), but it returned {show(value)}. "
                          "Did you forget return wrapper, or write return wrapper()?")


def decorate(decorator, arg, label, quiet=False):
    """decorator(arg) as a function; with quiet=True it must also print nothing."""
    c = call(decorator, arg).as_(label)
    return function_from(c.prints("") if quiet else c.result(), label)


def metric_line_check(got, name, before, label):
    """What a @metric call printed must be `before` then 'NAME executed in X ms' (X any number)."""
    if re.fullmatch(re.escape(before) + re.escape(name) + " executed in " + NUMBER + r" ms\n", got):
        return
    want = before + f"{name} executed in X ms\n"
    raise CheckFailure("custom",
                       zh=f"调用 {label}\n期望打印：{want!r}（X 是一个数字，毫秒）\n实际打印：{got!r}",
                       en=f"called {label}\nexpected output: {want!r} (X a number of milliseconds)\nactual output:   {got!r}")


def keeps_name_and_doc(wrapped, name, label):
    call(getattr, wrapped, "__name__").as_(f"{label}.__name__").returns(name)
    call(getattr, wrapped, "__doc__").as_(f"{label}.__doc__").returns(f"Docstring of {name}.")


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
