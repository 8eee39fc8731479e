# mutant-of: chunked
# mistake: forgets to reject size < 1 with ValueError

def chunked(iterable, size):
    return _chunks(iter(iterable), size)
