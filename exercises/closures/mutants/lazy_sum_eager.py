# mutant-of: lazy_sum
# mistake: adds the numbers up at once and returns the total instead of a function

def lazy_sum(*args):
    total = 0
    for n in args:
        total = total + n
    return total
