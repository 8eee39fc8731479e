# mutant-of: last_n
# mistake: uses seq[-n:], which returns the whole sequence when n == 0

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
    return seq[-n:]


def reverse(seq):
    return seq[::-1]
