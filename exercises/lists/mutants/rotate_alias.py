# mutant-of: rotate
# mistake: returns the input list itself when nothing needs to move


def rotate(items, k):
    if not items:
        return []
    k = k % len(items)
    if k == 0:
        return items
    return items[k:] + items[:k]


def move_to_front(items, value):
    items.remove(value)
    items.insert(0, value)
    return items


def dedupe(items):
    result = []
    for x in items:
        if x not in result:
            result.append(x)
    return result
