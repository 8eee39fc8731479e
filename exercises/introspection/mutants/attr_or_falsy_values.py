# mutant-of: attr_or
# mistake: uses `getattr(...) or default`, so attributes that are 0, '' or None give the default

def attr_or(obj, name, default):
    return getattr(obj, name, None) or default
