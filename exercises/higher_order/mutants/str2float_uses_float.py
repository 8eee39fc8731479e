# mutant-of: str2float
# mistake: calls float(), which the exercise forbids

def str2float(s):
    return float(s)
