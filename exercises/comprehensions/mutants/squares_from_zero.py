# mutant-of: squares
# mistake: uses range(n), which starts at 0 and stops before n

def squares(n):
    return [x * x for x in range(n)]
