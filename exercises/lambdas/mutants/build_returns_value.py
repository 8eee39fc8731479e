# mutant-of: build
# mistake: returns the number x² + y² instead of a function computing it

def build(x, y):
    return x * x + y * y
