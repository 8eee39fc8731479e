# mutant-of: unique_count
# mistake: counts the items that appear exactly once instead of the different items

def unique_count(items):
    return len([x for x in items if items.count(x) == 1])
