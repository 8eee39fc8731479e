# mutant-of: is_iterable
# mistake: checks a fixed list of types (list, tuple, dict, str), missing sets, ranges, generators

def is_iterable(obj):
    return isinstance(obj, (list, tuple, dict, str))
