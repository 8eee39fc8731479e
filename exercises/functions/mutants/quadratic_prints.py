# mutant-of: quadratic
# mistake: prints the roots instead of returning them

def quadratic(a, b, c):
    if a == 0:
        raise ValueError('a must not be 0')
    delta = b * b - 4 * a * c
    if delta < 0:
        raise ValueError('no real roots')
    root = math.sqrt(delta)
    print((-b + root) / (2 * a), (-b - root) / (2 * a))
