# mutant-of: attr_or
# mistake: looks only in obj.__dict__, missing class attributes and methods

def attr_or(obj, name, default):
    return obj.__dict__.get(name, default)
