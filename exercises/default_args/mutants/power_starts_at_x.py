# mutant-of: power
# mistake: starts from s = x and loops while n > 1, so power(x, 0) returns x instead of 1

def power(x, n=2):
    s = x
    while n > 1:
        n = n - 1
        s = s * x
    return s
