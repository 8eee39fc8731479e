# mutant-of: mul
# mistake: starts the product at 0 instead of 1

def mul(*numbers):
    if not numbers:
        raise TypeError('mul() needs at least one number')
    result = 0
    for n in numbers:
        result = result * n
    return result
