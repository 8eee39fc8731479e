# mutant-of: square
# mistake: writes an ordinary function instead of a partial

def square(x):
    return power(x, 2)
