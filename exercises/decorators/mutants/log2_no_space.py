# mutant-of: log2
# mistake: wrong exact string: no space between the text and 'call'

def log2(text):
    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kw):
            print(f"{text}call {func.__name__}()...")
            return func(*args, **kw)
        return wrapper
    return decorator
