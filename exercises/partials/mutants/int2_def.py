# mutant-of: int2
# mistake: defines int2 with def and no base parameter, so it is no partial and int2('10', base=10) fails

def int2(x):
    return int(x, 2)
