# mutant-of: power
# mistake: loops over range(1, n), multiplying only n - 1 times

def power(x, n=2):
    s = 1
    for _ in range(1, n):
        s = s * x
    return s
