# mutant-of: unique_count
# mistake: sorts the caller's list in place to count the changes between neighbours

def unique_count(items):
    items.sort()
    count = 0
    for i in range(len(items)):
        if i == 0 or items[i] != items[i - 1]:
            count += 1
    return count
