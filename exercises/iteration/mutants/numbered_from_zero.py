# mutant-of: numbered
# mistake: uses enumerate(items) without start, so numbering begins at 0

def numbered(items, start=1):
    return [f'{i}. {item}' for i, item in enumerate(items)]
