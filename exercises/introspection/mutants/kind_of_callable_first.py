# mutant-of: kind_of
# mistake: tests callable() first, so classes are reported as 'function'

def kind_of(obj):
    if callable(obj):
        return 'function'
    if isinstance(obj, types.GeneratorType):
        return 'generator'
    if isinstance(obj, type):
        return 'class'
    if isinstance(obj, (int, float, complex)) and not isinstance(obj, bool):
        return 'number'
    if isinstance(obj, str):
        return 'string'
    return 'other'
