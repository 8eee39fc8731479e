# mutant-of: first_negative
# mistake: forgets break, so it returns the index of the last negative number

def first_negative(nums):
    index = -1
    for i, x in enumerate(nums):
        if x < 0:
            index = i
    return index
