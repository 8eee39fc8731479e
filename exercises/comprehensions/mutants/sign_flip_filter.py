# mutant-of: sign_flip
# mistake: writes the if after the for (a filter), so the odd numbers disappear instead of being negated

def sign_flip(n):
    return [x for x in range(1, n + 1) if x % 2 == 0]
