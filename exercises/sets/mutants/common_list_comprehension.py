# mutant-of: common
# mistake: keeps [x for x in a if x in b]: repeats stay and the order is a's, not sorted


def unique_count(items):
    return len(set(items))


def common(a, b):
    return [x for x in a if x in b]


def diff_report(old, new):
    old, new = set(old), set(new)
    return sorted(new - old), sorted(old - new)
