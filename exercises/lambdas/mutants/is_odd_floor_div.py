# mutant-of: is_odd
# mistake: uses // (floor division) instead of % (remainder)

is_odd = lambda n: n // 2 == 1


def odd_numbers(L):
    return list(filter(lambda n: n % 2 == 1, L))


def build(x, y):
    return lambda: x * x + y * y
