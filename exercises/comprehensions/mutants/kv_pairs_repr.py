# mutant-of: kv_pairs
# mistake: formats the value with repr, so a string value gets quotes (a='x' instead of a=x)

def kv_pairs(d):
    return [f'{k}={v!r}' for k, v in d.items()]
