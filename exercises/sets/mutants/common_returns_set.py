# mutant-of: common
# mistake: returns the set itself instead of a sorted list

def common(a, b):
    return set(a) & set(b)
