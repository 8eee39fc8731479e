# mutant-of: metric
# mistake: calls the function once to time it and again for the value it returns

def metric(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kw):
        start = time.perf_counter()
        fn(*args, **kw)
        elapsed = (time.perf_counter() - start) * 1000
        print(f"{fn.__name__} executed in {elapsed:.3f} ms")
        return fn(*args, **kw)
    return wrapper
