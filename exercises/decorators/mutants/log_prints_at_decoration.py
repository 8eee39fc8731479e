# mutant-of: log
# mistake: prints the log line once when decorating instead of on every call

def log(func):
    print(f"call {func.__name__}()...")

    @functools.wraps(func)
    def wrapper(*args, **kw):
        return func(*args, **kw)
    return wrapper
