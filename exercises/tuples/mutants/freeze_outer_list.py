# mutant-of: freeze
# mistake: builds the result with a list comprehension, so the outside is still a list

def freeze(rows):
    return [freeze(item) if isinstance(item, (list, tuple)) else item for item in rows]
