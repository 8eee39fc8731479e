# mutant-of: dedupe
# mistake: keeps the last occurrence of each value instead of the first


def rotate(items, k):
    if not items:
        return []
    k = k % len(items)
    return items[k:] + items[:k]


def move_to_front(items, value):
    items.remove(value)
    items.insert(0, value)
    return items


def dedupe(items):
    result = []
    for i, x in enumerate(items):
        if x not in items[i + 1:]:
            result.append(x)
    return result
