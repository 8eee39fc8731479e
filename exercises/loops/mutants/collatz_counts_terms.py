# mutant-of: collatz_steps
# mistake: counts the numbers in the sequence (steps + 1) instead of the steps


def sum_to(n):
    total = 0
    for i in range(1, n + 1):
        total += i
    return total


def first_negative(nums):
    index = -1
    for i, x in enumerate(nums):
        if x < 0:
            index = i
            break
    return index


def odd_squares_sum(nums):
    total = 0
    for x in nums:
        if x % 2 == 0:
            continue
        total += x * x
    return total


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
