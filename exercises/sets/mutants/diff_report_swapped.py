# mutant-of: diff_report
# mistake: returns (removed, added): the two differences in the wrong order

def diff_report(old, new):
    old, new = set(old), set(new)
    return sorted(old - new), sorted(new - old)
