# mutant-of: swap
# mistake: tries to swap inside the tuple with item assignment

def swap(pair):
    pair[0], pair[1] = pair[1], pair[0]
    return pair
