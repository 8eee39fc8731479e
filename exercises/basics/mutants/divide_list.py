# mutant-of: divide
# mistake: returns a list instead of a tuple

def divide(a, b):
    return [a / b, a // b, a % b]
