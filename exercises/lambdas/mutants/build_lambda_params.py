# mutant-of: build
# mistake: gives the returned lambda parameters x and y, so calling it with no arguments fails

def build(x, y):
    return lambda x, y: x * x + y * y
