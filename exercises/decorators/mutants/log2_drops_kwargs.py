# mutant-of: log2
# mistake: wrapper takes only *args, so keyword arguments cannot be passed through

def log2(text):
    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args):
            print(f"{text} call {func.__name__}()...")
            return func(*args)
        return wrapper
    return decorator
