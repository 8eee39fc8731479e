# mutant-of: find_min_and_max
# mistake: returns a bare None for an empty list instead of (None, None)

def find_min_and_max(L):
    if len(L) == 0:
        return None
    lo = hi = L[0]
    for x in L:
        if x < lo:
            lo = x
        if x > hi:
            hi = x
    return lo, hi
