# mutant-of: squares
# mistake: uses range(1, n), which stops before n

def squares(n):
    return [x * x for x in range(1, n)]
