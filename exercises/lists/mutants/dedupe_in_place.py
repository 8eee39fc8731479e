# mutant-of: dedupe
# mistake: deletes duplicates from the caller's list and returns it

def dedupe(items):
    seen = []
    i = 0
    while i < len(items):
        if items[i] in seen:
            del items[i]
        else:
            seen.append(items[i])
            i += 1
    return items
