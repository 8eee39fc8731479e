# mutant-of: logged
# mistake: the wrapper prints both lines but drops the return value

"""Reference solution for decorators (instructor only; never released)."""

import functools
import time


def log(func):
    @functools.wraps(func)
    def wrapper(*args, **kw):
        print(f"call {func.__name__}()...")
        return func(*args, **kw)
    return wrapper


def log2(text):
    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kw):
            print(f"{text} call {func.__name__}()...")
            return func(*args, **kw)
        return wrapper
    return decorator


def metric(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kw):
        start = time.perf_counter()
        result = fn(*args, **kw)
        elapsed = (time.perf_counter() - start) * 1000
        print(f"{fn.__name__} executed in {elapsed:.3f} ms")
        return result
    return wrapper


def logged(arg):
    def decorate(func, prefix):
        @functools.wraps(func)
        def wrapper(*args, **kw):
            print(f"{prefix}begin call {func.__name__}()")
            result = func(*args, **kw)
            print(f"{prefix}end call {func.__name__}()")
        return wrapper

    if callable(arg):                      # @logged
        return decorate(arg, "")

    def decorator(func):                   # @logged('TEXT')
        return decorate(func, f"{arg} ")
    return decorator
