# mutant-of: last_n
# mistake: uses seq[-n:], which returns the whole sequence when n == 0

def last_n(seq, n):
    if n < 0:
        raise ValueError('n must not be negative')
    return seq[-n:]
