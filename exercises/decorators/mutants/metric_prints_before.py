# mutant-of: metric
# mistake: prints the timing line before the function has run

def metric(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kw):
        start = time.perf_counter()
        elapsed = (time.perf_counter() - start) * 1000
        print(f"{fn.__name__} executed in {elapsed:.3f} ms")
        result = fn(*args, **kw)
        return result
    return wrapper
