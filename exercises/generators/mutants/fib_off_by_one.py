# mutant-of: fib
# mistake: loops while n <= max, so it yields max + 1 numbers

def fib(max):
    n, a, b = 0, 0, 1
    while n <= max:
        yield b
        a, b = b, a + b
        n = n + 1
    return 'done'
