# mutant-of: chunked
# mistake: reads the whole input into a list first, so it is not lazy (hangs on an endless iterator)

def chunked(iterable, size):
    if size < 1:
        raise ValueError('size must be at least 1')
    return _chunks(iter(list(iterable)), size)
