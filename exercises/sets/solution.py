"""Reference solution for sets (instructor only; never released)."""


def unique_count(items):
    return len(set(items))


def common(a, b):
    return sorted(set(a) & set(b))


def diff_report(old, new):
    old, new = set(old), set(new)
    return sorted(new - old), sorted(old - new)
