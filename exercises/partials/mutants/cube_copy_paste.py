# mutant-of: cube
# mistake: copies the square line and forgets to change exponent=2 into 3

cube = functools.partial(power, exponent=2)
