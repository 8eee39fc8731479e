# mutant-of: quadratic
# mistake: returns a single float instead of a tuple of two equal roots when Δ == 0

def quadratic(a, b, c):
    if a == 0:
        raise ValueError('a must not be 0')
    delta = b * b - 4 * a * c
    if delta < 0:
        raise ValueError('no real roots')
    if delta == 0:
        return -b / (2 * a)
    root = math.sqrt(delta)
    return (-b + root) / (2 * a), (-b - root) / (2 * a)
