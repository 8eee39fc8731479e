# mutant-of: first_negative
# mistake: keeps the first hit but never breaks: it reads the whole list

def first_negative(nums):
    index = -1
    for i, x in enumerate(nums):
        if x < 0 and index == -1:
            index = i
    return index
