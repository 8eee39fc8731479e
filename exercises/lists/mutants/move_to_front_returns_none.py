# mutant-of: move_to_front
# mistake: returns the result of insert(), which is None

def move_to_front(items, value):
    items.remove(value)
    return items.insert(0, value)
