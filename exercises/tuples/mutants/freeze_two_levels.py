# mutant-of: freeze
# mistake: converts rows but not lists nested inside a row

def freeze(rows):
    return tuple(tuple(row) for row in rows)
