# mutant-of: my_abs
# mistake: forgets to reject non-numbers with TypeError

def my_abs(x):
    if x >= 0:
        return x
    return -x
