# mutant-of: move_to_front
# mistake: returns the result of insert(), which is None


def rotate(items, k):
    if not items:
        return []
    k = k % len(items)
    return items[k:] + items[:k]


def move_to_front(items, value):
    items.remove(value)
    return items.insert(0, value)


def dedupe(items):
    result = []
    for x in items:
        if x not in result:
            result.append(x)
    return result
