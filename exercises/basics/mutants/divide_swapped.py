# mutant-of: divide
# mistake: returns the floor quotient and the true quotient in the wrong order

def divide(a, b):
    return a // b, a / b, a % b
