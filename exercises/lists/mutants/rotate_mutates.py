# mutant-of: rotate
# mistake: rotates the caller's list in place with pop/append and returns it

def rotate(items, k):
    if not items:
        return []
    for _ in range(k % len(items)):
        items.append(items.pop(0))
    return items
