# mutant-of: cross
# mistake: puts the for over b first, so the order of the results is wrong

def cross(a, b):
    return [m + n for n in b for m in a]
