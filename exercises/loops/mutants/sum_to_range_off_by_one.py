# mutant-of: sum_to
# mistake: uses range(1, n), so n itself is left out

def sum_to(n):
    total = 0
    for i in range(1, n):
        total += i
    return total
