# mutant-of: log
# mistake: returns wrapper() (calls it once, right away) instead of the function wrapper

def log(func):
    @functools.wraps(func)
    def wrapper(*args, **kw):
        print(f"call {func.__name__}()...")
        return func(*args, **kw)
    return wrapper()
