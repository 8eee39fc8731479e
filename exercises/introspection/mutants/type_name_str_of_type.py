# mutant-of: type_name
# mistake: returns str(type(obj)), e.g. "<class 'int'>", instead of the name

def type_name(obj):
    return str(type(obj))
