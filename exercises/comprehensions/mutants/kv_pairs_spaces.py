# mutant-of: kv_pairs
# mistake: writes 'a = 1' with spaces around the = sign

def kv_pairs(d):
    return [f'{k} = {v}' for k, v in d.items()]
