# mutant-of: lazy_sum
# mistake: computes the sum when lazy_sum is called, and the returned function only hands back the stored total

def lazy_sum(*args):
    total = 0
    for n in args:
        total = total + n

    def sum_():
        return total
    return sum_
