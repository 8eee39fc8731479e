# mutant-of: is_odd
# mistake: writes an ordinary def instead of a lambda

def is_odd(n):
    return n % 2 == 1
