# mutant-of: tail
# mistake: uses lines[-n:] for every n, so tail(path, 0) returns all lines

def tail(path, n):
    if n < 0:
        raise ValueError('n must not be negative')
    with open(path, 'r', encoding='utf-8') as f:
        lines = [line.rstrip('\n') for line in f]
    return lines[-n:]
