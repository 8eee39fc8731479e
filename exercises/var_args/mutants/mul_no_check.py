# mutant-of: mul
# mistake: forgets to raise TypeError when no numbers are given (returns 1)

def mul(*numbers):
    result = 1
    for n in numbers:
        result = result * n
    return result
