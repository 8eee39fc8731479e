# mutant-of: lower_strings
# mistake: keeps the non-strings in the list instead of dropping them

def lower_strings(items):
    return [s.lower() if isinstance(s, str) else s for s in items]
