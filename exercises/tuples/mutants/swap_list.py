# mutant-of: swap
# mistake: returns a list [b, a] instead of a tuple

def swap(pair):
    a, b = pair
    return [b, a]
