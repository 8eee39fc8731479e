# mutant-of: log
# mistake: wrapper takes only *args, so keyword arguments cannot be passed through

def log(func):
    @functools.wraps(func)
    def wrapper(*args):
        print(f"call {func.__name__}()...")
        return func(*args)
    return wrapper
