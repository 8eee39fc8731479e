# mutant-of: by_name
# mistake: returns the whole pair instead of just the name

def by_name(pair):
    return pair
