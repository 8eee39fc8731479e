# mutant-of: single
# mistake: writes (x) without the comma, which is just x

def single(x):
    return (x)
