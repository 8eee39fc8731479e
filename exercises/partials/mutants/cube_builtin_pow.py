# mutant-of: cube
# mistake: builds the partial on the built-in pow instead of the given power

cube = functools.partial(pow, exp=3)
