# mutant-of: odd_numbers
# mistake: returns the lazy filter object instead of a list

is_odd = lambda n: n % 2 == 1


def odd_numbers(L):
    return filter(lambda n: n % 2 == 1, L)


def build(x, y):
    return lambda: x * x + y * y
