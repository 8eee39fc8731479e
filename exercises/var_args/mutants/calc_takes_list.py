# mutant-of: calc
# mistake: takes one list parameter (def calc(numbers)) instead of *numbers, as in the notes' first version

def calc(numbers):
    total = 0
    for n in numbers:
        total = total + n * n
    return total
