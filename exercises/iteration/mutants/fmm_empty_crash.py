# mutant-of: find_min_and_max
# mistake: starts from L[0] without checking for an empty list (IndexError)

def find_min_and_max(L):
    lo = hi = L[0]
    for x in L:
        if x < lo:
            lo = x
        if x > hi:
            hi = x
    return lo, hi
