# mutant-of: lazy_sum
# mistake: uses reduce without a start value, so lazy_sum()() raises TypeError

def lazy_sum(*args):
    def sum_():
        from functools import reduce
        return reduce(lambda a, b: a + b, args)
    return sum_
