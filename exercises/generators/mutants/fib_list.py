# mutant-of: fib
# mistake: builds and returns a list instead of being a generator

def fib(max):
    result = []
    n, a, b = 0, 0, 1
    while n < max:
        result.append(b)
        a, b = b, a + b
        n = n + 1
    return result
