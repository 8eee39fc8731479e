# mutant-of: by_score
# mistake: returns the score itself, so sorting puts the lowest score first

def by_score(pair):
    return pair[1]
