# mutant-of: log
# mistake: wrong exact string: prints 'call now...' without the parentheses

def log(func):
    @functools.wraps(func)
    def wrapper(*args, **kw):
        print(f"call {func.__name__}...")
        return func(*args, **kw)
    return wrapper
