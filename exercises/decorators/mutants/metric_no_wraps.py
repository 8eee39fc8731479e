# mutant-of: metric
# mistake: forgets @functools.wraps(fn), so the wrapped function is called 'wrapper'

def metric(fn):
    def wrapper(*args, **kw):
        start = time.perf_counter()
        result = fn(*args, **kw)
        elapsed = (time.perf_counter() - start) * 1000
        print(f"{fn.__name__} executed in {elapsed:.3f} ms")
        return result
    return wrapper
