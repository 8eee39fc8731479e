# mutant-of: kind_of
# mistake: calls a generator function 'generator' (only what it returns is a generator)

import inspect


def kind_of(obj):
    if inspect.isgeneratorfunction(obj):
        return 'generator'
    if isinstance(obj, (types.FunctionType, types.BuiltinFunctionType, types.MethodType)):
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
