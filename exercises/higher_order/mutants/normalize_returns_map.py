# mutant-of: normalize
# mistake: returns the map object itself instead of a list

from functools import reduce

DIGITS = {'0': 0, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7, '8': 8, '9': 9}


def normalize(names):
    return map(lambda s: s[:1].upper() + s[1:].lower(), names)


def prod(L):
    return reduce(lambda x, y: x * y, L, 1)


def str2float(s):
    if '.' in s:
        whole, frac = s.split('.')
    else:
        whole, frac = s, ''
    to_int = lambda digits: reduce(lambda x, y: x * 10 + y, map(lambda ch: DIGITS[ch], digits), 0)
    return to_int(whole) + to_int(frac) / 10 ** len(frac)


def _odd_iter():
    n = 1
    while True:
        n = n + 2
        yield n


def _not_divisible(n):
    return lambda x: x % n > 0


def primes():
    yield 2
    it = _odd_iter()
    while True:
        n = next(it)
        yield n
        it = filter(_not_divisible(n), it)


def is_palindrome(n):
    s = str(n)
    return s == s[::-1]


def by_name(pair):
    return pair[0]


def by_score(pair):
    return -pair[1]
