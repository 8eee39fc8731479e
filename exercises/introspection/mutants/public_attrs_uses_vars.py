# mutant-of: public_attrs
# mistake: reads vars(obj) (the instance __dict__) instead of dir(obj), missing methods and class attributes

def public_attrs(obj):
    return sorted(name for name in vars(obj) if not name.startswith('_'))
