# mutant-of: lower_strings
# mistake: converts everything with str() instead of keeping only strings

def lower_strings(items):
    return [str(s).lower() for s in items]
