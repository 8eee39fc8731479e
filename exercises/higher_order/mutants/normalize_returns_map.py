# mutant-of: normalize
# mistake: returns the map object itself instead of a list

def normalize(names):
    return map(lambda s: s[:1].upper() + s[1:].lower(), names)
