# mutant-of: rotate
# mistake: returns the input list itself when nothing needs to move

def rotate(items, k):
    if not items:
        return []
    k = k % len(items)
    if k == 0:
        return items
    return items[k:] + items[:k]
