# mutant-of: my_abs
# mistake: raises TypeError with a different message

def my_abs(x):
    if not isinstance(x, (int, float)):
        raise TypeError('x must be a number')
    if x >= 0:
        return x
    return -x
