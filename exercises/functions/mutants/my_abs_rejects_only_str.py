# mutant-of: my_abs
# mistake: rejects only str; None, lists and tuples get Python's own TypeError message

def my_abs(x):
    if isinstance(x, str):
        raise TypeError('bad operand type')
    if x >= 0:
        return x
    return -x
