# mutant-of: fib
# mistake: forgets `return 'done'`, so StopIteration.value is None

def fib(max):
    n, a, b = 0, 0, 1
    while n < max:
        yield b
        a, b = b, a + b
        n = n + 1
