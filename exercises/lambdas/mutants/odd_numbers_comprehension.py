# mutant-of: odd_numbers
# mistake: uses a list comprehension, not filter + lambda as the exercise asks

is_odd = lambda n: n % 2 == 1


def odd_numbers(L):
    return [n for n in L if n % 2 == 1]


def build(x, y):
    return lambda: x * x + y * y
