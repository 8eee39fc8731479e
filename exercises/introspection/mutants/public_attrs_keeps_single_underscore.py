# mutant-of: public_attrs
# mistake: drops only __dunder__ names and keeps _private ones

def public_attrs(obj):
    return sorted(name for name in dir(obj) if not (name.startswith('__') and name.endswith('__')))
