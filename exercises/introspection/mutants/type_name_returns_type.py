# mutant-of: type_name
# mistake: returns the type object itself instead of its name (a str)

def type_name(obj):
    return type(obj)
