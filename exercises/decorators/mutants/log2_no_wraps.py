# mutant-of: log2
# mistake: forgets @functools.wraps(func) in the inner decorator

def log2(text):
    def decorator(func):
        def wrapper(*args, **kw):
            print(f"{text} call {func.__name__}()...")
            return func(*args, **kw)
        return wrapper
    return decorator
