# mutant-of: even_squares
# mistake: filters with "if x % 2", which keeps the odd numbers

def even_squares(n):
    return [x * x for x in range(1, n + 1) if x % 2]
