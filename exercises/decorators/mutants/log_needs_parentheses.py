# mutant-of: log
# mistake: a default-argument trick: works only as @log(), since @log returns the inner decorator

def log(text=None):
    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kw):
            print(f"call {func.__name__}()...")
            return func(*args, **kw)
        return wrapper
    return decorator
