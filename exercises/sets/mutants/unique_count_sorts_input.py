# mutant-of: unique_count
# mistake: sorts the caller's list in place to count the changes between neighbours


def unique_count(items):
    items.sort()
    count = 0
    for i in range(len(items)):
        if i == 0 or items[i] != items[i - 1]:
            count += 1
    return count


def common(a, b):
    return sorted(set(a) & set(b))


def diff_report(old, new):
    old, new = set(old), set(new)
    return sorted(new - old), sorted(old - new)
