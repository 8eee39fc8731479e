# mutant-of: invert
# mistake: checks value in d (the old keys) instead of value in result

def invert(d):
    result = {}
    for key, value in d.items():
        if value in d:
            raise ValueError(f'duplicate value: {value!r}')
        result[value] = key
    return result
