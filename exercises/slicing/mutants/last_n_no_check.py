# mutant-of: last_n
# mistake: forgets to raise ValueError for a negative n

def last_n(seq, n):
    return seq[max(len(seq) - n, 0):]
