# mutant-of: odd_numbers
# mistake: removes the even numbers from L while looping over it (mutates the input and skips items)

is_odd = lambda n: n % 2 == 1


def odd_numbers(L):
    for n in L:
        if (lambda k: k % 2 == 0)(n):
            L.remove(n)
    return L


def build(x, y):
    return lambda: x * x + y * y
