# mutant-of: odd_squares_sum
# mistake: writes x * 2 instead of x * x

def odd_squares_sum(nums):
    total = 0
    for x in nums:
        if x % 2 == 0:
            continue
        total += x * 2
    return total
