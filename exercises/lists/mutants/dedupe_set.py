# mutant-of: dedupe
# mistake: uses list(set(items)), which loses the original order

def dedupe(items):
    return list(set(items))
