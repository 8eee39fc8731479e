# mutant-of: numbered
# mistake: always numbers from 1, ignoring the start argument

def numbered(items, start=1):
    return [f'{i}. {item}' for i, item in enumerate(items, 1)]
