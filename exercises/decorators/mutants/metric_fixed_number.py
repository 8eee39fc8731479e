# mutant-of: metric
# mistake: prints a fixed number of milliseconds instead of the measured time

def metric(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kw):
        start = time.perf_counter()
        result = fn(*args, **kw)
        elapsed = (time.perf_counter() - start) * 1000
        print(f"{fn.__name__} executed in 20000 ms")
        return result
    return wrapper
