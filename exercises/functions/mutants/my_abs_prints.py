# mutant-of: my_abs
# mistake: prints the result instead of returning it

def my_abs(x):
    if not isinstance(x, (int, float)):
        raise TypeError('bad operand type')
    if x >= 0:
        print(x)
    else:
        print(-x)
