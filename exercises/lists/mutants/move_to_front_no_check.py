# mutant-of: move_to_front
# mistake: inserts the value even when it is not in the list instead of raising ValueError

def move_to_front(items, value):
    if value in items:
        items.remove(value)
    items.insert(0, value)
    return items
