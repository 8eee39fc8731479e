# mutant-of: quadratic
# mistake: raises ValueError when Δ == 0 (delta <= 0) although there is a (double) real root

def quadratic(a, b, c):
    if a == 0:
        raise ValueError('a must not be 0')
    delta = b * b - 4 * a * c
    if delta <= 0:
        raise ValueError('no real roots')
    root = math.sqrt(delta)
    return (-b + root) / (2 * a), (-b - root) / (2 * a)
