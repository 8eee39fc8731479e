# mutant-of: sign_flip
# mistake: negates the even numbers instead of the odd ones

def sign_flip(n):
    return [x if x % 2 else -x for x in range(1, n + 1)]
