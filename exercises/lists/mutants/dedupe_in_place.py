# mutant-of: dedupe
# mistake: deletes duplicates from the caller's list and returns it


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
    seen = []
    i = 0
    while i < len(items):
        if items[i] in seen:
            del items[i]
        else:
            seen.append(items[i])
            i += 1
    return items
