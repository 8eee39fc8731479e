# mutant-of: divide
# mistake: uses int(a / b) for the quotient, which truncates toward zero instead of rounding down

def divide(a, b):
    return a / b, int(a / b), a % b
