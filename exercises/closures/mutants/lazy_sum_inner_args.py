# mutant-of: lazy_sum
# mistake: gives the inner function its own *args, which hides the outer ones, so it sums nothing

def lazy_sum(*args):
    def sum_(*args):
        total = 0
        for n in args:
            total = total + n
        return total
    return sum_
