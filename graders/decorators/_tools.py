"""Tools for the decorators graders, shared by the public and hidden checks (ships to students).

Loaded with ``gradekit.grader.grader_module``; nothing here is secret: the hidden checks choose
their own names, texts and sleeping times.
"""

import re

from gradekit.grader import call, helper, new_tally, printed, sandbox_source, tallied, where, CheckFailure
from gradekit.grader import Proxy, show

NUMBER = r"\d+(?:\.\d+)?(?:[eE][-+]?\d+)?"

#: The slowest plausible @metric reading, in ms. A sleep of 0.05-0.2 s never takes this long on a
#: loaded machine (the call's own time limit stops it first), while microseconds (x 1 000 000) of
#: even the shortest sleep are above it.
MAX_MS = 30_000

# Runs in the sandbox next to the student's code: a function that counts its calls, because a
# wrapper that calls the function twice (once timed, once for the value) prints nothing extra
# when the function itself prints nothing.  Each call is a tally note to the grader's side at
# once: a count kept in the function's own closure could be reached (fn.__closure__) and undone.
COUNTED_SOURCE = sandbox_source(__file__, "_sandbox_counted")

def counted(topic, name, seconds=0):
    """A helper function NAME in the sandbox returning how many times it has been called so far,
    with ``calls()`` telling, from this side, how many calls really happened; with ``seconds``
    each call sleeps that long."""
    key = new_tally(topic, f"counted-{name}")
    fn = helper(topic, COUNTED_SOURCE, "make_counted")(name, key, seconds)
    return fn, lambda: tallied(topic, key)


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


def located(obj):
    """file= and line= of a student function, for a failure to point at (empty when unknown)."""
    try:
        found = where(obj) if isinstance(obj, Proxy) else None
    except Exception:
        found = None
    return {"file": found[0], "line": found[1]} if found else {}


def metric_line_check(got, name, before, label):
    """What a @metric call printed must be `before` then 'NAME executed in X ms'; returns X."""
    m = re.fullmatch(re.escape(before) + re.escape(name) + " executed in (" + NUMBER + r") ms\n", got)
    if m:
        return float(m.group(1))
    want = before + f"{name} executed in X ms\n"
    raise CheckFailure("custom",
                       zh=f"调用 {label}\n期望打印：{want!r}（X 是一个数字，毫秒）\n实际打印：{got!r}",
                       en=f"called {label}\nexpected output: {want!r} (X a number of milliseconds)\nactual output:   {got!r}")


def metric_ms_check(decorators, name, seconds, longer):
    """@metric on a function sleeping ``seconds``, then on one sleeping ``longer``: each reading at
    least 90 % of its sleep in ms, and the longer sleep's reading clearly above the shorter's.

    The sleep cannot be shorter than asked, so the lower bounds hold on any machine; a reading
    in seconds labelled ms (no * 1000) is a thousand times too small. The second sleep is what
    a fixed number (print('... 150 ms')) cannot follow; half the difference is asked for, so a
    load spike on the short call alone does not fail a right answer.
    """
    readings = [_metric_reading(decorators, name, s) for s in (seconds, longer)]
    if readings[1][0] - readings[0][0] >= (longer - seconds) * 1000 * 0.5:
        return
    (short_ms, label, where_), (long_ms, _, _) = readings
    raise CheckFailure(
        "custom", **where_,
        zh=f"调用 {label}：{name} 先睡 {seconds} 秒，再睡 {longer} 秒（多睡了 {(longer - seconds) * 1000:g} 毫秒）\n"
           f"期望打印的 X：第二次比第一次多大约 {(longer - seconds) * 1000:g}\n"
           f"实际打印的 X：第一次 {short_ms:g}，第二次 {long_ms:g}\n"
           "X 要用 time.perf_counter() 在调用前后各取一次，相减再乘以 1000，不能是固定的数",
        en=f"called {label}: {name} sleeps {seconds} s, then {longer} s ({(longer - seconds) * 1000:g} ms longer)\n"
           f"expected X: about {(longer - seconds) * 1000:g} more the second time\n"
           f"actual X:   {short_ms:g} the first time, {long_ms:g} the second\n"
           "X is time.perf_counter() taken before and after the call, subtracted, times 1000, not a fixed number")


def _metric_reading(decorators, name, seconds):
    """The X that @metric prints for one call of a function sleeping ``seconds``, within bounds."""
    fn, _ = counted(decorators, name, seconds)
    wrapped = decorate(decorators.metric, fn, f"metric({name})")
    label = f"metric({name})()"
    printed(decorators)
    call(wrapped).as_(label).result()
    ms = metric_line_check(printed(decorators), name, "", label)
    low = seconds * 1000 * 0.9
    where_ = located(wrapped)
    if low <= ms <= MAX_MS:
        return ms, label, where_
    if ms < low:
        raise CheckFailure(
            "custom", **where_,
            zh=f"调用 {label}：{name} 每次调用要睡 {seconds} 秒（time.sleep({seconds})），也就是至少 {seconds * 1000:g} 毫秒\n"
               f"期望打印：'{name} executed in X ms'，X 不小于 {low:g}\n实际打印的 X：{ms:g}\n"
               "X 的单位是毫秒：time.perf_counter() 两次读数之差是秒，要乘以 1000",
            en=f"called {label}: each call of {name} sleeps {seconds} s (time.sleep({seconds})), that is at least "
               f"{seconds * 1000:g} ms\nexpected output: '{name} executed in X ms' with X at least {low:g}\n"
               f"actual X:        {ms:g}\nX is in milliseconds: the difference of two time.perf_counter() readings "
               "is in seconds, multiply it by 1000")
    raise CheckFailure(
        "custom", **where_,
        zh=f"调用 {label}：{name} 每次调用睡 {seconds} 秒，也就是大约 {seconds * 1000:g} 毫秒\n"
           f"期望打印：'{name} executed in X ms'，X 是毫秒数\n实际打印的 X：{ms:g}，比 {MAX_MS} 毫秒还多\n"
           "秒乘以 1000 是毫秒；乘以 1000000 得到的是微秒",
        en=f"called {label}: each call of {name} sleeps {seconds} s, about {seconds * 1000:g} ms\n"
           f"expected output: '{name} executed in X ms' with X in milliseconds\n"
           f"actual X:        {ms:g}, more than {MAX_MS} ms\n"
           "seconds times 1000 are milliseconds; times 1000000 gives microseconds")


def calls_once_check(wrapped, calls, name, label, value=1):
    """One call of the decorated function runs the original exactly once and returns its value."""
    got = call(wrapped, 7, key="v").as_(f"{label}(7, key='v')").result()
    n = calls()
    if n != 1:
        raise CheckFailure(
            "custom", **located(wrapped),
            zh=f"调用 {label}(7, key='v') 一次，原函数 {name} 应该只被调用 1 次，实际被调用了 {n} 次。\n"
               f"wrapper 里只调用一次：result = {name}(*args, **kw)，用完这次的结果再 return result",
            en=f"calling {label}(7, key='v') once should call the original {name} exactly once, but it was called "
               f"{n} times.\nCall it once in wrapper: result = {name}(*args, **kw), then use and return that result")
    if got != value:
        raise CheckFailure(
            "custom", **located(wrapped),
            zh=f"调用 {label}(7, key='v')\n期望返回：{show(value)}（原函数 {name} 的返回值）\n实际返回：{show(got)}",
            en=f"called {label}(7, key='v')\nexpected: {show(value)} (what the original {name} returned)\ngot:      {show(got)}")


def keeps_attr(wrapped, attr, expected, label):
    """``wrapped.<attr>`` must be the original's; a failure points at the student's wrapper."""
    got = call(getattr, wrapped, attr).as_(f"{label}.{attr}").result()
    if type(got) is type(expected) and got == expected:
        return
    raise CheckFailure(
        "custom", **located(wrapped),
        zh=f"读取 {label}.{attr}\n期望得到：{show(expected)}（原函数的 {attr}）\n实际得到：{show(got)}\n"
           "在 wrapper 的 def 上面加 @functools.wraps(func)，包装后的函数才会保留原来的 __name__ 和 __doc__",
        en=f"read {label}.{attr}\nexpected: {show(expected)} (the original function's {attr})\ngot:      {show(got)}\n"
           "put @functools.wraps(func) above wrapper's def so the wrapped function keeps its __name__ and __doc__")
