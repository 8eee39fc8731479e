"""Tools for the generators graders, shared by the public and hidden checks (ships to students).

Loaded with ``gradekit.grader.grader_module``; nothing here is secret.
"""

from gradekit.grader import call, fail
from gradekit.proxy import Proxy, show


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
