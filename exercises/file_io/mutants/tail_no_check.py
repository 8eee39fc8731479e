# mutant-of: tail
# mistake: forgets to reject a negative n with ValueError

def tail(path, n):
    with open(path, 'r', encoding='utf-8') as f:
        lines = [line.rstrip('\n') for line in f]
    if n == 0:
        return []
    return lines[-n:]
