# mutant-of: reverse
# mistake: uses seq[-1:0:-1], which stops before index 0 and loses the first element

def reverse(seq):
    return seq[-1:0:-1]
