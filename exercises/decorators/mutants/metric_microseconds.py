# mutant-of: metric
# mistake: prints microseconds labelled ms (* 1000000)

def metric(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kw):
        start = time.perf_counter()
        result = fn(*args, **kw)
        elapsed = (time.perf_counter() - start) * 1000000
        print(f"{fn.__name__} executed in {elapsed:.3f} ms")
        return result
    return wrapper
