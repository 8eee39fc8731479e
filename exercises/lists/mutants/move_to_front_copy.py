# mutant-of: move_to_front
# mistake: builds and returns a new list instead of changing the given one


def rotate(items, k):
    if not items:
        return []
    k = k % len(items)
    return items[k:] + items[:k]


def move_to_front(items, value):
    i = items.index(value)
    return [items[i]] + items[:i] + items[i + 1:]


def dedupe(items):
    result = []
    for x in items:
        if x not in result:
            result.append(x)
    return result
