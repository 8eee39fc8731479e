# mutant-of: square
# mistake: fixes the first argument (base) with partial(power, 2), so square(x) is 2 ** x

square = functools.partial(power, 2)
