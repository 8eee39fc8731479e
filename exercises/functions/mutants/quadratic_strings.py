# mutant-of: quadratic
# mistake: returns the roots as strings instead of floats

def quadratic(a, b, c):
    if a == 0:
        raise ValueError('a must not be 0')
    delta = b * b - 4 * a * c
    if delta < 0:
        raise ValueError('no real roots')
    root = math.sqrt(delta)
    return str((-b + root) / (2 * a)), str((-b - root) / (2 * a))
