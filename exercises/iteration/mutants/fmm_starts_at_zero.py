# mutant-of: find_min_and_max
# mistake: starts min and max at 0, wrong when all numbers are positive (or all negative)

def find_min_and_max(L):
    if len(L) == 0:
        return None, None
    lo = hi = 0
    for x in L:
        if x < lo:
            lo = x
        if x > hi:
            hi = x
    return lo, hi
