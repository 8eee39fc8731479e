# mutant-of: build
# mistake: writes x * 2 + y * 2 (doubling) instead of x * x + y * y (squaring)

def build(x, y):
    return lambda: x * 2 + y * 2
