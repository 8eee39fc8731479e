# mutant-of: find_min_and_max
# mistake: calls min() and max(), which the exercise forbids

def find_min_and_max(L):
    if len(L) == 0:
        return None, None
    return min(L), max(L)
