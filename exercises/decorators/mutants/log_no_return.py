# mutant-of: log
# mistake: calls func but forgets to return its result

def log(func):
    @functools.wraps(func)
    def wrapper(*args, **kw):
        print(f"call {func.__name__}()...")
        func(*args, **kw)
    return wrapper
