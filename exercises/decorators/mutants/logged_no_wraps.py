# mutant-of: logged
# mistake: forgets @functools.wraps(func), so the wrapped function is called 'wrapper'

def logged(arg):
    def decorate(func, prefix):
        def wrapper(*args, **kw):
            print(f"{prefix}begin call {func.__name__}()")
            result = func(*args, **kw)
            print(f"{prefix}end call {func.__name__}()")
            return result
        return wrapper

    if callable(arg):                      # @logged
        return decorate(arg, "")

    def decorator(func):                   # @logged('TEXT')
        return decorate(func, f"{arg} ")
    return decorator
