# mutant-of: dedupe
# mistake: keeps the last occurrence of each value instead of the first

def dedupe(items):
    result = []
    for i, x in enumerate(items):
        if x not in items[i + 1:]:
            result.append(x)
    return result
