# mutant-of: logged
# mistake: wrong exact string: with a text, no space between the text and 'begin'/'end'

def logged(arg):
    def decorate(func, prefix):
        @functools.wraps(func)
        def wrapper(*args, **kw):
            print(f"{prefix}begin call {func.__name__}()")
            result = func(*args, **kw)
            print(f"{prefix}end call {func.__name__}()")
            return result
        return wrapper

    if callable(arg):                      # @logged
        return decorate(arg, "")

    def decorator(func):                   # @logged('TEXT')
        return decorate(func, arg)
    return decorator
