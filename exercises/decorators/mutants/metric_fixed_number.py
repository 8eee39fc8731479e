# mutant-of: metric
# mistake: prints a fixed number of milliseconds instead of the measured time

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
        print(f"{fn.__name__} executed in 20000 ms")
        return result
    return wrapper


def logged(arg):
    def decorate(func, prefix):
        @functools.wraps(func)
        def wrapper(*args, **kw):
            print(f"{prefix}begin call {func.__name__}()")
            result = func(*args, **kw)
            print(f"{prefix}end call {func.__name__}()")
            return result
        return wrapper

    if callable(arg):                      # @logged
        return decorate(arg, "")

    def decorator(func):                   # @logged('TEXT')
        return decorate(func, f"{arg} ")
    return decorator
