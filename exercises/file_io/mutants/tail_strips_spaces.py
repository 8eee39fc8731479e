# mutant-of: tail
# mistake: strips spaces too (strip()) instead of removing only the newline

def tail(path, n):
    if n < 0:
        raise ValueError('n must not be negative')
    with open(path, 'r', encoding='utf-8') as f:
        lines = [line.strip() for line in f]
    if n == 0:
        return []
    return lines[-n:]
