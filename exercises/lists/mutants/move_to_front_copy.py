# mutant-of: move_to_front
# mistake: builds and returns a new list instead of changing the given one

def move_to_front(items, value):
    i = items.index(value)
    return [items[i]] + items[:i] + items[i + 1:]
