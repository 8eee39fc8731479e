# mutant-of: sum_to
# mistake: uses the formula n * (n + 1) // 2, which is wrong for negative n (should be 0)

def sum_to(n):
    return n * (n + 1) // 2
