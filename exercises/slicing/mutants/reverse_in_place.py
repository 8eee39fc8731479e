# mutant-of: reverse
# mistake: reverses a list in place with list.reverse(), changing the caller's list

def reverse(seq):
    if isinstance(seq, list):
        seq.reverse()
        return seq
    return seq[::-1]
