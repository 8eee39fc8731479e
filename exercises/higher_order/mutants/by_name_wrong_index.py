# mutant-of: by_name
# mistake: returns pair[1] (the score) instead of the name

def by_name(pair):
    return pair[1]
