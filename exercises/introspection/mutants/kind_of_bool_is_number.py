# mutant-of: kind_of
# mistake: forgets that bool is a subclass of int, so True counts as a number

def kind_of(obj):
    if isinstance(obj, (types.FunctionType, types.BuiltinFunctionType, types.MethodType)):
        return 'function'
    if isinstance(obj, types.GeneratorType):
        return 'generator'
    if isinstance(obj, type):
        return 'class'
    if isinstance(obj, (int, float, complex)):
        return 'number'
    if isinstance(obj, str):
        return 'string'
    return 'other'
