# mutant-of: diff_report
# mistake: returns the two sets instead of sorted lists

def diff_report(old, new):
    old, new = set(old), set(new)
    return new - old, old - new
