"""Reference solution for lists (instructor only; never released)."""


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
    for x in items:
        if x not in result:
            result.append(x)
    return result
