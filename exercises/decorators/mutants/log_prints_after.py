# mutant-of: log
# mistake: calls func first and prints the log line after it

def log(func):
    @functools.wraps(func)
    def wrapper(*args, **kw):
        result = func(*args, **kw)
        print(f"call {func.__name__}()...")
        return result
    return wrapper
