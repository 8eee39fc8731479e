# mutant-of: emptiness
# mistake: only treats None as empty

def emptiness(x):
    if x is None:
        return 'empty'
    else:
        return 'non-empty'
