# mutant-of: reverse
# mistake: returns list(reversed(seq)), so a str or tuple comes back as a list

def reverse(seq):
    return list(reversed(seq))
