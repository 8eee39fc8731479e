# mutant-of: build
# mistake: writes x * 2 + y * 2 (doubling) instead of x * x + y * y (squaring)

is_odd = lambda n: n % 2 == 1


def odd_numbers(L):
    return list(filter(lambda n: n % 2 == 1, L))


def build(x, y):
    return lambda: x * 2 + y * 2
