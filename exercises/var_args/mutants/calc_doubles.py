# mutant-of: calc
# mistake: adds n * 2 instead of n * n

def calc(*numbers):
    total = 0
    for n in numbers:
        total = total + n * 2
    return total
