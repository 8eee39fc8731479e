# mutant-of: common
# mistake: keeps [x for x in a if x in b]: repeats stay and the order is a's, not sorted

def common(a, b):
    return [x for x in a if x in b]
