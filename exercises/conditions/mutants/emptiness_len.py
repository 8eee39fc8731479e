# mutant-of: emptiness
# mistake: tests len(x) == 0, which fails for numbers and None

def emptiness(x):
    if len(x) == 0:
        return 'empty'
    else:
        return 'non-empty'
