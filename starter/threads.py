"""多线程与锁 Lock / Threads and Lock -- see exercises/threads/README.md.

把每个 raise NotImplementedError 换成你的代码。
Replace each `raise NotImplementedError` with your code.
"""

import threading


def run_named(func, name):
    """在一个名字叫 name 的新线程里调用 func()（不带参数），等它结束，返回 func 的返回值。

    Call func() (no arguments) in a new thread named `name`, wait for it to finish and
    return what func returned.
    """
    raise NotImplementedError


class SafeCounter:
    """可以被很多线程同时使用的计数器，从 0 开始。

    A counter that many threads may use at once; it starts at 0.
    """

    def __init__(self):
        """准备计数值（0）和一把锁。

        Set up the count (0) and a lock.
        """
        raise NotImplementedError

    def increment(self):
        """把计数加 1；多个线程同时调用时也不能丢失任何一次。

        Add 1 to the count; no increment may be lost when many threads call it at once.
        """
        raise NotImplementedError

    @property
    def value(self):
        """当前的计数（只读属性）。

        The current count (a read-only property).
        """
        raise NotImplementedError
