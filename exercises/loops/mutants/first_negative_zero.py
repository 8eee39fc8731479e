# mutant-of: first_negative
# mistake: treats 0 as negative (x <= 0)

def first_negative(nums):
    index = -1
    for i, x in enumerate(nums):
        if x <= 0:
            index = i
            break
    return index
