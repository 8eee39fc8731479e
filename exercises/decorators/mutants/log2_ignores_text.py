# mutant-of: log2
# mistake: ignores text and always prints 'execute', the word from the example

def log2(text):
    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kw):
            print(f"execute call {func.__name__}()...")
            return func(*args, **kw)
        return wrapper
    return decorator
