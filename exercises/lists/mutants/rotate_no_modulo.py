# mutant-of: rotate
# mistake: forgets k % len(items), so a k larger than the list gives the wrong answer


def rotate(items, k):
    if not items:
        return []
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
