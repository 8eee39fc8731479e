# mutant-of: chunked
# mistake: slices the input, so it fails on iterators and yields str/tuple pieces instead of lists

def chunked(iterable, size):
    if size < 1:
        raise ValueError('size must be at least 1')
    return _chunks(iterable, size)


def _chunks(seq, size):
    for i in range(0, len(seq), size):
        yield seq[i:i + size]
