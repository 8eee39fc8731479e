# mutant-of: odd_squares_sum
# mistake: skips by position (index) instead of by value

def odd_squares_sum(nums):
    total = 0
    for i in range(len(nums)):
        if i % 2 == 0:
            continue
        total += nums[i] * nums[i]
    return total
