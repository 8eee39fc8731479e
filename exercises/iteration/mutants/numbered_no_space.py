# mutant-of: numbered
# mistake: formats '1.a' without the space after the dot

def numbered(items, start=1):
    return [f'{i}.{item}' for i, item in enumerate(items, start)]
