# mutant-of: dedupe
# mistake: uses list(set(items)), which loses the original order


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
    return list(set(items))
