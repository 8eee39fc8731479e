# mutant-of: diff_report
# mistake: returns the two sets instead of sorted lists


def unique_count(items):
    return len(set(items))


def common(a, b):
    return sorted(set(a) & set(b))


def diff_report(old, new):
    old, new = set(old), set(new)
    return new - old, old - new
