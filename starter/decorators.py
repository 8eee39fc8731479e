"""装饰器 / Decorators -- see exercises/decorators/README.md.

把每个 raise NotImplementedError 换成你的代码。
Replace each `raise NotImplementedError` with your code.

每个装饰器都要：用 functools.wraps 保留 __name__ 和 __doc__，把位置参数和关键字参数原样传给原函数，
返回原函数的结果，除了规定的行以外不打印任何东西。
Every decorator must keep __name__ and __doc__ (functools.wraps), pass positional and keyword
arguments through, return the function's result, and print nothing but the lines asked for.
"""

import functools
import time


def log(func):
    """@log：每次调用前打印 'call NAME()...'，再调用 func。

    @log: before every call print 'call NAME()...', then call func.
    """
    raise NotImplementedError


def log2(text):
    """@log2('TEXT')：每次调用前打印 'TEXT call NAME()...'，再调用原函数。

    @log2('TEXT'): before every call print 'TEXT call NAME()...', then call the function.
    """
    raise NotImplementedError


def metric(fn):
    """@metric：调用 fn，之后打印 'NAME executed in X ms'（X 是用了多少毫秒）。

    @metric: call fn, then print 'NAME executed in X ms' (X the milliseconds it took).
    """
    raise NotImplementedError


def logged(arg):
    """@logged：调用前打印 'begin call NAME()'，调用后打印 'end call NAME()'。
    @logged('TEXT')：打印 'TEXT begin call NAME()' 和 'TEXT end call NAME()'。

    @logged: print 'begin call NAME()' before the call and 'end call NAME()' after it.
    @logged('TEXT'): print 'TEXT begin call NAME()' and 'TEXT end call NAME()'.
    """
    raise NotImplementedError
