# mutant-of: build
# mistake: gives the returned lambda parameters x and y, so calling it with no arguments fails

is_odd = lambda n: n % 2 == 1


def odd_numbers(L):
    return list(filter(lambda n: n % 2 == 1, L))


def build(x, y):
    return lambda x, y: x * x + y * y
