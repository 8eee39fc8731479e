# mutant-of: every_other
# mistake: starts at index 1 (seq[1::2]) instead of index 0

def trim(s):
    while s[:1] == ' ':
        s = s[1:]
    while s[-1:] == ' ':
        s = s[:-1]
    return s


def every_other(seq):
    return seq[1::2]


def last_n(seq, n):
    if n < 0:
        raise ValueError('n must not be negative')
    return seq[max(len(seq) - n, 0):]


def reverse(seq):
    return seq[::-1]
