# mutant-of: log
# mistake: forgets @functools.wraps(func), so the wrapped function is called 'wrapper' and loses its docstring

def log(func):
    def wrapper(*args, **kw):
        print(f"call {func.__name__}()...")
        return func(*args, **kw)
    return wrapper
