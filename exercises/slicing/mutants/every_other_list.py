# mutant-of: every_other
# mistake: builds a list with a loop, so a str or tuple comes back as a list

def trim(s):
    while s[:1] == ' ':
        s = s[1:]
    while s[-1:] == ' ':
        s = s[:-1]
    return s


def every_other(seq):
    return [seq[i] for i in range(0, len(seq), 2)]


def last_n(seq, n):
    if n < 0:
        raise ValueError('n must not be negative')
    return seq[max(len(seq) - n, 0):]


def reverse(seq):
    return seq[::-1]
