# mutant-of: kind_of
# mistake: trusts the notes that type(abs) == types.FunctionType, so built-in functions and methods become 'other'

def kind_of(obj):
    if type(obj) == types.FunctionType:
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
