# mutant-of: last_n
# mistake: uses seq[len(seq) - n:], which wraps around when n > len(seq)

def last_n(seq, n):
    if n < 0:
        raise ValueError('n must not be negative')
    return seq[len(seq) - n:]
