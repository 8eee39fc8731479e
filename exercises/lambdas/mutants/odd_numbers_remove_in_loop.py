# mutant-of: odd_numbers
# mistake: removes the even numbers from L while looping over it (mutates the input and skips items)

def odd_numbers(L):
    for n in L:
        if (lambda k: k % 2 == 0)(n):
            L.remove(n)
    return L
