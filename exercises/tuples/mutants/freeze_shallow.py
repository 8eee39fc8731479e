# mutant-of: freeze
# mistake: tuple(rows) converts only the outer list; the rows stay lists

def freeze(rows):
    return tuple(rows)
