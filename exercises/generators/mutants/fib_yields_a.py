# mutant-of: fib
# mistake: yields a instead of b, so the sequence starts 0, 1, 1, 2

def fib(max):
    n, a, b = 0, 0, 1
    while n < max:
        yield a
        a, b = b, a + b
        n = n + 1
    return 'done'
