# mutant-of: metric
# mistake: prints the elapsed seconds labelled ms (no * 1000)

def metric(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kw):
        start = time.perf_counter()
        result = fn(*args, **kw)
        elapsed = time.perf_counter() - start
        print(f"{fn.__name__} executed in {elapsed:.3f} ms")
        return result
    return wrapper
