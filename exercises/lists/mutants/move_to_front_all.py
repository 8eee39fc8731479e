# mutant-of: move_to_front
# mistake: removes every occurrence of value, not just the first

def move_to_front(items, value):
    if value not in items:
        raise ValueError(value)
    while value in items:
        items.remove(value)
    items.insert(0, value)
    return items
