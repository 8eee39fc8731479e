# mutant-of: is_odd
# mistake: writes an ordinary def instead of a lambda

def is_odd(n):
    return n % 2 == 1


def odd_numbers(L):
    return list(filter(lambda n: n % 2 == 1, L))


def build(x, y):
    return lambda: x * x + y * y
