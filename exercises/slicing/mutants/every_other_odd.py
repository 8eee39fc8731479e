# mutant-of: every_other
# mistake: starts at index 1 (seq[1::2]) instead of index 0

def every_other(seq):
    return seq[1::2]
