# mutant-of: even_squares
# mistake: uses range(1, n), so n itself is never included

def even_squares(n):
    return [x * x for x in range(1, n) if x % 2 == 0]
