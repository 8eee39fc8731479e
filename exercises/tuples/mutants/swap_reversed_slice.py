# mutant-of: swap
# mistake: returns pair[::-1], which is a list when pair is a list

def swap(pair):
    return pair[::-1]
