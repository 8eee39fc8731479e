# mutant-of: invert
# mistake: forgets to check for duplicate values: the last key silently wins

def invert(d):
    result = {}
    for key, value in d.items():
        result[value] = key
    return result
