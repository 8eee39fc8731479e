# mutant-of: last_n
# mistake: uses seq[len(seq) - n:], which wraps around when n > len(seq)

def trim(s):
    while s[:1] == ' ':
        s = s[1:]
    while s[-1:] == ' ':
        s = s[:-1]
    return s


def every_other(seq):
    return seq[::2]


def last_n(seq, n):
    if n < 0:
        raise ValueError('n must not be negative')
    return seq[len(seq) - n:]


def reverse(seq):
    return seq[::-1]
