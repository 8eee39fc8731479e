# mutant-of: invert
# mistake: takes the items out with d.popitem(), emptying the caller's dict

def invert(d):
    result = {}
    while d:
        key, value = d.popitem()
        if value in result:
            raise ValueError(f'duplicate value: {value!r}')
        result[value] = key
    return result
