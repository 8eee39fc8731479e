# mutant-of: add_end
# mistake: tests "if not L" instead of "if L is None", so an empty list passed in is replaced, not appended to

def add_end(L=None):
    if not L:
        L = []
    L.append('END')
    return L
