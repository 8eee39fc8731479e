# mutant-of: quadratic
# mistake: forgets to reject a == 0, so it divides by zero instead of raising ValueError

def quadratic(a, b, c):
    delta = b * b - 4 * a * c
    if delta < 0:
        raise ValueError('no real roots')
    root = math.sqrt(delta)
    return (-b + root) / (2 * a), (-b - root) / (2 * a)
