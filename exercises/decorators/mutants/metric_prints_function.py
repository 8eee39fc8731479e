# mutant-of: metric
# mistake: prints the function object instead of fn.__name__

def metric(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kw):
        start = time.perf_counter()
        result = fn(*args, **kw)
        elapsed = (time.perf_counter() - start) * 1000
        print(f"{fn} executed in {elapsed:.3f} ms")
        return result
    return wrapper
