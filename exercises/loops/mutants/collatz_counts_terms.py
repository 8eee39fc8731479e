# mutant-of: collatz_steps
# mistake: counts the numbers in the sequence (steps + 1) instead of the steps

def collatz_steps(n):
    if n < 1:
        raise ValueError('n must be at least 1')
    steps = 1
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps
