# mutant-of: logged
# mistake: calls the function for the lines and once more for the value it returns

def logged(arg):
    def decorate(func, prefix):
        @functools.wraps(func)
        def wrapper(*args, **kw):
            print(f"{prefix}begin call {func.__name__}()")
            func(*args, **kw)
            print(f"{prefix}end call {func.__name__}()")
            return func(*args, **kw)
        return wrapper

    if callable(arg):                      # @logged
        return decorate(arg, "")

    def decorator(func):                   # @logged('TEXT')
        return decorate(func, f"{arg} ")
    return decorator
