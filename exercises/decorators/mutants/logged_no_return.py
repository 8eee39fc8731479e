# mutant-of: logged
# mistake: the wrapper prints both lines but drops the return value

def logged(arg):
    def decorate(func, prefix):
        @functools.wraps(func)
        def wrapper(*args, **kw):
            print(f"{prefix}begin call {func.__name__}()")
            result = func(*args, **kw)
            print(f"{prefix}end call {func.__name__}()")
        return wrapper

    if callable(arg):                      # @logged
        return decorate(arg, "")

    def decorator(func):                   # @logged('TEXT')
        return decorate(func, f"{arg} ")
    return decorator
