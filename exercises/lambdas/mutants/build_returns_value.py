# mutant-of: build
# mistake: returns the number x² + y² instead of a function computing it

is_odd = lambda n: n % 2 == 1


def odd_numbers(L):
    return list(filter(lambda n: n % 2 == 1, L))


def build(x, y):
    return x * x + y * y
