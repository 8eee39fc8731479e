"""Tools for the generators graders, shared by the public and hidden checks (ships to students).

Loaded with ``gradekit.grader.grader_module``; nothing here is secret.
"""

from math import comb

from gradekit.grader import (CheckFailure, Proxy, call, expect, fail, last_yielded, same, show, type_name, value_of,
                             where, word_failure)


def expect_bad_size(generators, items, size):
    """chunked(items, size) must raise ValueError at the call or at the first next()."""
    label = f"chunked({show(items)}, {size})"
    try:
        gen = generators.chunked(items, size)
    except Exception as exc:
        if getattr(exc, "_gk_origin", None) is None:
            raise
        call(generators.chunked, items, size).raises(ValueError)
        return
    if not isinstance(gen, Proxy):
        fail(zh=f"{label} 应该抛出 ValueError，但它返回了 {show(gen)}",
             en=f"{label} should raise ValueError, but it returned {show(gen)}")
    try:
        first = next(gen)
    except StopIteration:
        fail(zh=f"{label} 应该抛出 ValueError，但它什么也没产出就结束了",
             en=f"{label} should raise ValueError, but it just ended without yielding anything")
    except Exception as exc:
        if getattr(exc, "_gk_origin", None) is None:
            raise
        if not isinstance(exc, ValueError):
            fail(zh=f"{label} 应该抛出 ValueError，实际抛出了 {getattr(exc, 'type_name', type(exc).__name__)}: {exc}",
                 en=f"{label} should raise ValueError, but it raised {getattr(exc, 'type_name', type(exc).__name__)}: {exc}")
        return
    else:
        fail(zh=f"{label} 应该抛出 ValueError，但第一次 next() 产出了 {show(first)}",
             en=f"{label} should raise ValueError, but the first next() yielded {show(first)}")


# -- next() one call at a time, failures saying which call it was ------------------------------


def ordinal(n):
    """1st 2nd 3rd 4th ... 11th 12th 13th ... 21st 22nd 23rd."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def nth_call(i, label):
    """'the 4th call of next(fib(3))' in both languages."""
    return {"zh": f"第 {i} 次调用 next({label})", "en": f"the {ordinal(i)} call of next({label})"}


def located(fn):
    """file= and line= of the student's generator function, for a failure to point at."""
    try:
        found = where(fn) if isinstance(fn, Proxy) else None
    except Exception:
        found = None
    return {"file": found[0], "line": found[1]} if found else {}


def stop_escaped(failure, label, i):
    """A StopIteration that escaped the generator (Python makes it RuntimeError) explained as the
    hidden checks explain it, naming the call; any other failure unchanged."""
    d = failure.detail
    if d.get("exc_type") != "RuntimeError" or "generator raised StopIteration" not in str(d.get("exc_message") or ""):
        return failure
    said, words = nth_call(i, label), {}
    for lang, plain in (("zh", f"调用 next({label}) 时"), ("en", f"calling next({label})")):
        text = word_failure({**d, "kind": "raised", "call": f"next({label})"}, lang)
        # "calling next(g)" becomes "the 4th call of next(g)"; "调用 next(g) 时" becomes "第 4 次调用 next(g) 时".
        words[lang] = (said[lang] + (" 时" if lang == "zh" else "") + text[len(plain):] if text.startswith(plain)
                       else f"{said[lang]}\n{text}")
    return CheckFailure("custom", zh=words["zh"], en=words["en"], file=d.get("file"), line=d.get("line"))


def take(gen, label, expected, fn=None):
    """Call next() on ``gen`` once per expected value and compare (``fn``: the generator function)."""
    for i, want in enumerate(expected, 1):
        said = nth_call(i, label)
        try:
            got = call(next, gen).as_(f"next({label})").result()
        except CheckFailure as failure:
            if failure.detail.get("exc_type") == "StopIteration":
                raise CheckFailure(
                    "custom", **located(fn),
                    zh=f"{said['zh']}\n期望返回：{show(want)}\n实际：生成器已经结束了（StopIteration），只产出了 {i - 1} 个值",
                    en=f"{said['en']}\nexpected: {show(want)}\ngot:      the generator had ended (StopIteration) "
                       f"after {i - 1} value(s)") from None
            raise stop_escaped(failure, label, i) from None
        if not same(want, got):
            types = ""
            if type_name(got) != type(want).__name__:
                types = (f"\n（期望一个 {type(want).__name__}，实际是 {type_name(got)}）",
                         f"\n(expected a {type(want).__name__}, got a {type_name(got)})")
            raise CheckFailure("custom", **located(fn),
                               zh=f"{said['zh']}\n期望返回：{show(want)}\n实际返回：{show(got)}" + (types[0] if types else ""),
                               en=f"{said['en']}\nexpected: {show(want)}\ngot:      {show(got)}" + (types[1] if types else ""))


def expect_stop(gen, label, i, fn=None):
    """The ``i``-th next() must end the generator; returns the StopIteration."""
    said = nth_call(i, label)
    try:
        return call(next, gen).as_(f"next({label})").raises(StopIteration)
    except CheckFailure as failure:
        if failure.detail.get("kind") != "no_raise":
            raise stop_escaped(failure, label, i) from None
        got = failure.detail.get("actual")
    raise CheckFailure("custom", **located(fn),
                       zh=f"{said['zh']} 应该结束生成器（抛出 StopIteration），但它返回了 {got}",
                       en=f"{said['en']} should end the generator (raise StopIteration), but it returned {got}")


# -- rows read again after later next() calls ----------------------------------------------


def collect(gen, label, n, fn=None, endless=True):
    """Up to ``n`` values of next(gen), each as it read when yielded, and the yielded objects themselves.

    Plain next() calls, as every other check makes them: a generator cannot tell this one apart
    by its caller.  The objects stay in the sandbox (``last_yielded``), to be read again later
    with ``reread``.  An ``endless`` generator that ends fails; another simply stops the list.
    """
    values, held = [], []
    for i in range(1, n + 1):
        try:
            values.append(call(next, gen).as_(f"next({label})").result())
        except CheckFailure as failure:
            if failure.detail.get("exc_type") != "StopIteration":
                raise stop_escaped(failure, label, i) from None
            if not endless:
                break
            raise CheckFailure(
                "custom", **located(fn),
                zh=f"{nth_call(i, label)['zh']}：生成器已经结束了（StopIteration），只产出了 {i - 1} 个值，应该永远产出下去",
                en=f"{nth_call(i, label)['en']}: the generator had ended (StopIteration) after {i - 1} value(s); "
                   "it should go on forever") from None
        held.append(last_yielded(gen))
    return values, held


def reread(held):
    """The held objects as they read now, and how many distinct objects they are (None: unknown)."""
    if any(h is None for h in held):
        return None, None
    return [value_of(h) for h in held], len(set(held))


def pascal(n):
    return [comb(n, k) for k in range(n + 1)]


def rows_check(generators, gen, n):
    """The first ``n`` rows of ``gen``, read again once all are out, are ``n`` new, right lists."""
    label = f"list(islice(triangles(), {n}))"
    at = located(generators.triangles)
    values, held = collect(gen, "triangles()", n, generators.triangles)
    expected = [pascal(k) for k in range(n)]
    rows, distinct = reread(held)
    if rows is not None and all(type(v) is list for v in values):
        if distinct != n:
            raise CheckFailure(
                "custom", **at,
                zh=f"调用 {label}：收集到的 {n} 行只是 {distinct} 个不同的 list 对象，你每次 yield 的是同一个 list；"
                   f"收集完以后第 1 行读出来是 {show(rows[0])}（应该是 [1]）。\n每一行都要是一个新的 list",
                en=f"called {label}: the {n} rows collected are only {distinct} different list object(s), you "
                   f"yield the same list every time; after collecting, row 1 reads {show(rows[0])} (should be [1]).\n"
                   "every row must be a new list")
        for k, (now, then) in enumerate(zip(rows, values)):
            if now != then:
                raise CheckFailure(
                    "custom", **at,
                    zh=f"调用 {label}：第 {k + 1} 行 yield 时是 {show(then)}，收集完以后变成了 {show(now)}，"
                       "已经 yield 出去的行后来又被改动了（比如 append(0)）。\n产出一行之后不要再修改它，下一行用一个新的 list",
                    en=f"called {label}: row {k + 1} was {show(then)} when yielded and reads {show(now)} after collecting, "
                       "a row was changed after it had been yielded (say by append(0)).\nnever change a row once "
                       "yielded; build the next row as a new list")
    try:
        return expect(values, expected, call=label)
    except CheckFailure as failure:
        failure.detail.update(at)
        raise
