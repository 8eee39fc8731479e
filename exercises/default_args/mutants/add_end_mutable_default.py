# mutant-of: add_end
# mistake: uses a mutable default L=[], so bare calls share and grow one list

def add_end(L=[]):
    L.append('END')
    return L
