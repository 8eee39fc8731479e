# mutant-of: tail
# mistake: keeps the newline at the end of each line

def tail(path, n):
    if n < 0:
        raise ValueError('n must not be negative')
    with open(path, 'r', encoding='utf-8') as f:
        lines = f.readlines()
    if n == 0:
        return []
    return lines[-n:]
