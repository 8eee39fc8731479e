# mutant-of: rotate
# mistake: rotates the caller's list in place with pop/append and returns it


def rotate(items, k):
    if not items:
        return []
    for _ in range(k % len(items)):
        items.append(items.pop(0))
    return items


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
