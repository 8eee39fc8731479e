# mutant-of: is_odd
# mistake: uses // (floor division) instead of % (remainder)

is_odd = lambda n: n // 2 == 1
