# mutant-of: metric
# mistake: prints the time but returns None instead of the result

def metric(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kw):
        start = time.perf_counter()
        result = fn(*args, **kw)
        elapsed = (time.perf_counter() - start) * 1000
        print(f"{fn.__name__} executed in {elapsed:.3f} ms")
    return wrapper
