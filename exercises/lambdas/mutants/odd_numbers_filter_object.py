# mutant-of: odd_numbers
# mistake: returns the lazy filter object instead of a list

def odd_numbers(L):
    return filter(lambda n: n % 2 == 1, L)
