# mutant-of: fib
# mistake: ends with raise StopIteration('done') instead of return 'done' (a RuntimeError since Python 3.7)

def fib(max):
    n, a, b = 0, 0, 1
    while n < max:
        yield b
        a, b = b, a + b
        n = n + 1
    raise StopIteration('done')
