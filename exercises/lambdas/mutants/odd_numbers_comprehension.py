# mutant-of: odd_numbers
# mistake: uses a list comprehension, not filter + lambda as the exercise asks

def odd_numbers(L):
    return [n for n in L if n % 2 == 1]
