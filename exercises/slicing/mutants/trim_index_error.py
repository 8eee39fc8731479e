# mutant-of: trim
# mistake: tests s[0] == ' ', which raises IndexError once the string is empty (all spaces or '')

def trim(s):
    while s[0] == ' ':
        s = s[1:]
    while s[-1] == ' ':
        s = s[:-1]
    return s


def every_other(seq):
    return seq[::2]


def last_n(seq, n):
    if n < 0:
        raise ValueError('n must not be negative')
    return seq[max(len(seq) - n, 0):]


def reverse(seq):
    return seq[::-1]
