# mutant-of: triangles
# mistake: stops after a fixed number of rows instead of going on forever

"""Reference solution for generators (instructor only; never released)."""

from itertools import islice


def fib(max):
    n, a, b = 0, 0, 1
    while n < max:
        yield b
        a, b = b, a + b
        n = n + 1
    return 'done'


def triangles():
    row = [1]
    for _ in range(10):
        yield row
        row = [1] + [row[i] + row[i + 1] for i in range(len(row) - 1)] + [1]


def chunked(iterable, size):
    if size < 1:
        raise ValueError('size must be at least 1')
    return _chunks(iter(iterable), size)


def _chunks(it, size):
    while True:
        chunk = list(islice(it, size))
        if not chunk:
            return
        yield chunk
