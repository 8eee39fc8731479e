# mutant-of: rotate
# mistake: forgets the empty list, so k % 0 raises ZeroDivisionError

def rotate(items, k):
    k = k % len(items)
    return items[k:] + items[:k]
