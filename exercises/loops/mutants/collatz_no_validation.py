# mutant-of: collatz_steps
# mistake: forgets to reject n < 1 and loops with while n > 1, returning 0 for 0 and negatives

def collatz_steps(n):
    steps = 0
    while n > 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps
