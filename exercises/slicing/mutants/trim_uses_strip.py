# mutant-of: trim
# mistake: calls s.strip(' ') although the exercise forbids strip

def trim(s):
    return s.strip(' ')


def every_other(seq):
    return seq[::2]


def last_n(seq, n):
    if n < 0:
        raise ValueError('n must not be negative')
    return seq[max(len(seq) - n, 0):]


def reverse(seq):
    return seq[::-1]
