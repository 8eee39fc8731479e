# mutant-of: common
# mistake: returns the set itself instead of a sorted list


def unique_count(items):
    return len(set(items))


def common(a, b):
    return set(a) & set(b)


def diff_report(old, new):
    old, new = set(old), set(new)
    return sorted(new - old), sorted(old - new)
